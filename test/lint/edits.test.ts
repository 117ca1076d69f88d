import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/lint/edits.js';

describe('applyEdits', () => {
  it('applies edits at their offsets, in any order given, and keeps the first of overlapping ones', () => {
    const first = { start: 2, end: 3, text: 'X' };
    const overlapping = { start: 2, end: 4, text: 'Y' };
    const result = applyEdits('abcdef', [{ start: 5, end: 5, text: '!' }, first, overlapping, { start: 0, end: 1, text: '' }]);
    expect(result.text).toBe('bXde!f');
    expect(result.overlapping).toEqual([overlapping]);
  });

  it('lets two insertions at one place overlap, and an insertion at the end of a replacement not', () => {
    expect(applyEdits('ab', [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }]).text).toBe('axb');
    expect(applyEdits('ab', [{ start: 0, end: 1, text: 'A' }, { start: 1, end: 1, text: '%' }]).text).toBe('A%b');
  });
});
