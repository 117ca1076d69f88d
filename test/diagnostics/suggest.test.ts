import { describe, expect, it } from 'vitest';
import { closest } from '../../src/diagnostics/suggest.js';
import { fileKindOf, hasKindKey } from '../../src/schema/kinds.js';

describe('did you mean, for keys typed with a Chinese IME', () => {
  it('suggests the ASCII name for full-width letters, and ignores case', () => {
    expect(closest('ｒｅｐｏｒｔ', ['report', 'sections', 'sources'])).toBe('report');
    expect(closest('ＳＥＣＴＩＯＮＳ', ['report', 'sections', 'sources'])).toBe('sections');
    expect(closest('Titel', ['title', 'summary'])).toBe('title');
    expect(closest('完全不同', ['title', 'summary'])).toBeUndefined();
  });

  it('classifies a file by the meant form of its top-level key', () => {
    expect(fileKindOf({ 'ｒｅｐｏｒｔ': {} })).toBe('report');
    expect(fileKindOf({ 'ｍｅｔｒｉｃｓ': [] })).toBe('metrics');
    expect(fileKindOf({ notes: [] })).toBeUndefined();
    // A notes file named under sources: is taken as the kind it was meant to be, and validated as such.
    expect(hasKindKey({ 'ｐｌａｎｓ': [] }, 'plans')).toBe(true);
    expect(hasKindKey({ activities: [] }, 'plans')).toBe(false);
  });
});
