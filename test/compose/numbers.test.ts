import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatRounded, roundDecimal } from '../../src/compose/numbers.js';

describe('formatNumber', () => {
  it.each([
    [400, '400'],
    [0.004, '0.004'],
    [0.1 + 0.2, '0.3'],
    [31.5, '31.5'],
    [-0, '0'],
    [-2.5, '-2.5'],
    [12345678, '12345678'],
    [999999999999999, '999999999999999'],
    [1e-7, '0.0000001'],
    [123456.789012, '123456.789012'],
  ])('%s prints %s: digits as typed, never exponent, noise or a nonzero 0', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [5 / 6, '83.33%'],
    [1.00355, '100.36%'],
    [0.00004, '0.004%'],
    [-0.032, '-3.2%'],
    [1, '100%'],
    [0.5, '50%'],
    [2, '200%'],
    // Two decimals would print 0% or 100%: as many decimals as it takes to tell the truth.
    [0.000001, '0.0001%'],
    [0.99996, '99.996%'],
    [1.00004, '100.004%'],
    [2999 / 3000, '99.97%'],
  ])('%s prints %s', (ratio, expected) => {
    expect(formatPercent(ratio)).toBe(expected);
  });
});

describe('roundDecimal and formatRounded', () => {
  it.each([
    [100.355, 2, 100.36],
    [100.345, 2, 100.35],
    [-3.245, 2, -3.25],
    [0.004, 2, 0],
    [2.5, 0, 3],
  ])('%s to %s decimals is %s: half away from zero, in decimal as typed', (value, decimals, expected) => {
    expect(roundDecimal(value, decimals)).toBe(expected);
  });

  it('never rounds a nonzero value away, nor one beside a boundary onto it', () => {
    expect(formatRounded(0.004, 2)).toBe('0.004');
    expect(formatRounded(99.9996, 2, [100])).toBe('99.9996');
    expect(formatRounded(12.5, 2)).toBe('12.5');
  });
});
