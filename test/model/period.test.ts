import { describe, expect, it } from 'vitest';
import { inPeriod, labelAfter, nextPeriod, parsePeriod } from '../../src/model/period.js';
import { shiftPeriodInPath } from '../../src/new-report.js';

describe('periods of the kinds', () => {
  it('30 June is the last day of H1, 1 July the first of H2; both are in the year', () => {
    const [h1, h2, year] = [parsePeriod('2023-H1'), parsePeriod('2023-H2'), parsePeriod(2023)];
    expect([inPeriod(h1, '2023-06-30'), inPeriod(h2, '2023-06-30'), inPeriod(year, '2023-06-30')]).toEqual([true, false, true]);
    expect([inPeriod(h1, '2023-07-01'), inPeriod(h2, '2023-07-01'), inPeriod(year, '2023-07-01')]).toEqual([false, true, true]);
  });

  it('the next period, and how a plan part names it after the summary\'s', () => {
    expect(['2023-H1', '2023-H2', 2023].map((p) => nextPeriod(parsePeriod(p)).id)).toEqual(['2023-H2', '2024-H1', '2024']);
    expect(labelAfter(parsePeriod('2023-H2'), parsePeriod('2023-H1'))).toBe('下半年');
    expect(labelAfter(parsePeriod('2024-H1'), parsePeriod('2023-H2'))).toBe('2024年上半年');
    expect(labelAfter(parsePeriod(2024), parsePeriod(2023))).toBe('2024年');
  });

  it('moves the period in a source name, keeping what does not carry it', () => {
    const shift = (pattern: string, from: string | number, to: string | number) => shiftPeriodInPath(pattern, parsePeriod(from), parsePeriod(to));
    expect(shift('metrics/2023-h1.yaml', '2023-H1', '2023-H2')).toBe('metrics/2023-h2.yaml');
    expect(shift('metrics/2023-H2.yaml', '2023-H2', '2024-H1')).toBe('metrics/2024-H1.yaml');
    expect(shift('plans/2023.yaml', '2023-H2', '2024-H1')).toBe('plans/2024.yaml');
    expect(shift('metrics/2023-h2.yaml', '2023-H2', 2024)).toBe('metrics/2024.yaml');
    expect(shift('activities/*.yaml', 2023, 2024)).toBe('activities/*.yaml');
    expect(shift('archive/12023.yaml', 2023, 2024)).toBe('archive/12023.yaml');
  });
});
