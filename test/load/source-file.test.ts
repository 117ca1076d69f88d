import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activitiesYaml } from '../../scripts/large-notes.mjs';
import { MAX_NOTES_FILE_BYTES } from '../../src/load/decode.js';
import { loadSourceFile, parseSourceText, readBoundedFile } from '../../src/load/source-file.js';
import { tempDir } from '../helpers/workspace.js';

const FILE = '/notes/2023.yaml';
const parse = (text: string) => parseSourceText(FILE, Buffer.from(text, 'utf8'));
const found = (text: string) => parse(text).diagnostics.map((d) => [d.code, d.location ? `${d.location.line}:${d.location.column}` : null, d.params]);

describe('readBoundedFile', () => {
  it('refuses a file past the limit without reading it whole, and reads one within it', async () => {
    const file = path.join(tempDir(), 'notes.yaml');
    writeFileSync(file, 'a: 1234567\n');
    expect((await readBoundedFile(file, 10)).diagnostic).toMatchObject({ code: 'file-too-large', params: { size: 11, limit: 10 } });
    expect(Buffer.from((await readBoundedFile(file, 11)).bytes!).toString()).toBe('a: 1234567\n');
  });

  it('names a folder, a missing file and a broken link each for what it is', async () => {
    const dir = tempDir();
    expect((await readBoundedFile(dir, 10)).diagnostic?.code).toBe('not-a-file');
    expect((await readBoundedFile(path.join(dir, 'none.yaml'), 10)).diagnostic?.code).toBe('file-not-found');
  });
});

describe('loadSourceFile: large notes', () => {
  it('reads a file of 100,000 activities (11 MB), and refuses one past the limit by its size', async () => {
    const file = path.join(tempDir(), 'activities.yaml');
    writeFileSync(file, activitiesYaml(0, 100_000));
    const loaded = await loadSourceFile(file);
    expect(loaded.diagnostics).toEqual([]);
    expect((loaded.file?.data as { activities: unknown[] }).activities).toHaveLength(100_000);
    truncateSync(file, MAX_NOTES_FILE_BYTES + 1);
    expect((await loadSourceFile(file)).diagnostics).toEqual([
      { code: 'file-too-large', severity: 'error', params: { size: MAX_NOTES_FILE_BYTES + 1, limit: MAX_NOTES_FILE_BYTES }, location: { file, line: 1, column: 1 } },
    ]);
  });
});

describe('parseSourceText: YAML features the notes do not use', () => {
  it('allows !!str, which only makes a value text', () => {
    expect(parse('id: !!str 010\n')).toMatchObject({ diagnostics: [], file: { data: { id: '010' } } });
  });

  it('refuses other tags at the tag, and reads no data', () => {
    expect(found('a: 1\nb: !!timestamp 2023-01-01\nc: !custom x\n')).toEqual([
      ['yaml-tag-unsupported', '2:4', { tag: '!!timestamp' }],
      ['yaml-tag-unsupported', '3:4', { tag: '!custom' }],
    ]);
    expect(parse('b: !!binary aGk=\n').file?.data).toBeUndefined();
  });

  it('allows %YAML 1.2, refuses 1.1 at the directive', () => {
    expect(found('%YAML 1.2\n---\na: 1\n')).toEqual([]);
    expect(found('# notes\n%YAML 1.1\n---\na: 2023-01-01\n')).toEqual([['yaml-version-unsupported', '2:1', { version: '1.1' }]]);
  });

  it('refuses an unquoted << key, not a quoted one', () => {
    expect(found('base: &b { x: 1 }\nd:\n  <<: *b\n')).toEqual([['yaml-merge-key', '3:3', {}]]);
    expect(found('d:\n  "<<": text\n')).toEqual([]);
  });
});

describe('parseSourceText: control characters', () => {
  it('reports a raw control character at the character, an escaped one at the string', () => {
    expect(found('a: x\u0007y\nb: "x\\ey"\nc: "x\\x00"\n')).toEqual([
      ['control-character', '1:5', { codePoint: 'U+0007' }],
      ['control-character', '2:4', { codePoint: 'U+001B' }],
      ['control-character', '3:4', { codePoint: 'U+0000' }],
    ]);
  });

  it('reports C1 controls and bidi overrides, and allows tabs, CR LF and zero-width characters', () => {
    expect(found('a: x\u0085\nb: \u2067y\n')).toEqual([
      ['control-character', '1:5', { codePoint: 'U+0085' }],
      ['control-character', '2:4', { codePoint: 'U+2067' }],
    ]);
    expect(found('a: "x\ty"\r\nb: x\u200by\r\n')).toEqual([]);
  });

  it('reports a stray NUL in UTF-8 text at the character, not as a binary file', () => {
    const text = `${Array.from({ length: 10 }, (_, i) => `a${i}: some text of a line\n`).join('')}b: x\u0000\n`;
    expect(found(text)).toEqual([['control-character', '11:5', { codePoint: 'U+0000' }]]);
  });
});

describe('parseSourceText: growth', () => {
  it('reports a duplicate key at the second one, as yaml did, also among 100,000 keys', () => {
    expect(found('a: 1\nb:\n  c: 1\n  c: 2\n')).toEqual([['yaml-duplicate-key', '4:3', { key: 'c' }]]);
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: 1\n`).join('');
    // yaml's own check took minutes here (its growth is watched by npm run bench, not timed here).
    expect(found(`${keys}k5: 2\n`)).toEqual([['yaml-duplicate-key', '100001:1', { key: 'k5' }]]);
  });

  it('refuses aliases that multiply a small file, and an alias inside its own anchor', () => {
    const list = Array.from({ length: 1000 }, (_, i) => `p${i}`).join(', ');
    const aliases = Array.from({ length: 30 }, (_, i) => `k${i}: *p\n`).join('');
    expect(found(`base: &p [${list}]\n${aliases}`)).toEqual([['yaml-alias-bomb', '2:5', {}]]);
    expect(found('a: &a [x, *a]\n')).toEqual([['yaml-alias-bomb', '1:11', {}]]);
    // A few reuses of a small list are what anchors are for.
    expect(parse('tags: &t [a, b]\nx: *t\ny: *t\n').file?.data).toEqual({ tags: ['a', 'b'], x: ['a', 'b'], y: ['a', 'b'] });
  });

  it('lists at most 200 problems of a file, and says that there were more', () => {
    const diagnostics = parse(Array.from({ length: 500 }, (_, i) => `k${i}: "\\e"\n`).join('')).diagnostics;
    expect(diagnostics).toHaveLength(201);
    expect(diagnostics[200]).toMatchObject({ code: 'too-many-problems', severity: 'error', params: { shown: 200 }, location: { line: 201 } });
  });
});
