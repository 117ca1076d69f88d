import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activitiesYaml } from '../../scripts/large-notes.mjs';
import { reportedByYaml } from '../../src/load/fast-data.js';
import { readPlainYaml } from '../../src/load/plain-yaml.js';
import { parseSourceText } from '../../src/load/source-file.js';

/**
 * The plain reader answers for the common shape of notes; where it answers, its data must be the
 * yaml package's, with which the file would otherwise be read.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const neverFast = () => undefined;

/** The yaml package's data, or undefined when it reports any problem. */
function yamlData(text: string): unknown {
  const loaded = parseSourceText('/notes/n.yaml', Buffer.from(text, 'utf8'), neverFast);
  return loaded.diagnostics.some((d) => d.severity === 'error') ? undefined : loaded.file?.data;
}

/**
 * The same data: the same values, the same keys in the same order, plain objects and arrays alike.
 * (toStrictEqual would compare a `constructor` key as the objects' class.)
 */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  const others = Object.keys(b);
  return keys.length === others.length && keys.every((key, i) => key === others[i] && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Reads the text both ways, as fastData would (what yaml reports never reaches the plain reader); returns whether the plain reader answered. */
function agrees(text: string): boolean {
  const plain = reportedByYaml(text) ? undefined : readPlainYaml(text);
  if (plain !== undefined) expect(sameData(plain, yamlData(text)), `${JSON.stringify(text)}: ${JSON.stringify(plain)} against ${JSON.stringify(yamlData(text))}`).toBe(true);
  return plain !== undefined;
}

const yamlFiles = (dir: string) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));

describe('the plain notes reader', () => {
  it('reads the common shape: lists of entries, nested blocks, quoted strings, integers, one-line lists', () => {
    const text = [
      '# 活动记录',
      'activities:',
      '  - date: 2023-03-05',
      "    title: 召开代表小组会议 ",
      '    tags: [会议, 述职]',
      '    people: 12',
      '',
      '  - date: 2023-04-01',
      '    title: "视察：青奥场馆"',
      "    note: 'a #1'",
      '    empty:',
      '    time: 12:30',
      'plans:',
      '  section: 全年工作\u3000',
      '  items:',
      '    - 第一项',
      '    - 0',
      'intro: >-',
      '  半年来，街道人大工委紧紧围绕',
      '  # 这一行是正文',
      '  中心工作 ',
      '',
      'next: |',
      '  第一行',
      '  第二行',
      '',
      '',
    ].join('\r\n');
    expect(readPlainYaml(text)).toStrictEqual({
      activities: [
        { date: '2023-03-05', title: '召开代表小组会议', tags: ['会议', '述职'], people: 12 },
        { date: '2023-04-01', title: '视察：青奥场馆', note: 'a #1', empty: null, time: '12:30' },
      ],
      plans: { section: '全年工作\u3000', items: ['第一项', 0] },
      intro: '半年来，街道人大工委紧紧围绕 # 这一行是正文 中心工作 ',
      next: '第一行\n第二行\n',
    });
    expect(agrees(text)).toBe(true);
    expect(agrees(activitiesYaml(0, 500))).toBe(true);
  });

  it('leaves every other form to the general parsers', () => {
    const others = ['a: 1 # 注释\n', 'a: x\n  y\n', 'a: {b: {c: 1}}\n', 'a: {b}\n', 'a: null\n', 'a: true\n', 'a: 1.5e3\n', 'a: 1.\n', 'a: 010\n', 'a: 1\na: 2\n', 'a:\n- x\n', '  a: 1\n',
      '- a\n', 'a:\n   - x\n  - y\n', 'a: "x\\ny"\n', "a: 'it''s'\n", 'a: b: c\n', 'a: x:\n', 'a: [x, [y]]\n', 'a: [x,]\n', 'key : 1\n', '1.0: x\n', '__proto__: x\n', 'a: &x 1\n', '---\na: 1\n',
      'a: -1\n', 'a: 12345678901234567\n', 'a: [x, y z\n', 'a:\u3000x\n', 'a: |2\n  x\n', 'a: >+\n  x\n', 'a: >-\n  x\n\n  y\n', 'a: >-\n  x\n    y\n', 'a: >- # c\n  x\n', 'a: >-\nb: 1\n', '- >-\n  x\n', 'a: >-\n  x\n   \nb: 1\n'];
    for (const text of others) {
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it("agrees with the yaml package on every fixture and example it reads, and reads the examples' activity logs", () => {
    const files = [...yamlFiles(path.join(ROOT, 'test', 'fixtures')), ...yamlFiles(path.join(ROOT, 'examples'))];
    const read = new Set(files.filter((file) => agrees(readFileSync(file, 'utf8'))));
    const logs = yamlFiles(path.join(ROOT, 'examples')).filter((file) => file.includes(`${path.sep}activities${path.sep}`));
    expect(logs.length).toBeGreaterThan(1);
    for (const log of logs) expect(read.has(log), log).toBe(true);
  });

  it('reads every generated activity log of the plain shape, as the yaml package does (fast-check)', () => {
    // The agreement must not be bought by leaving everything to the other parsers.
    const text = fc.constantFrom('述职', '召开代表小组会议', '视察：青奥场馆', '学习"两会"精神', '2023年上半年', 'C#', 'a:b', '共{{count tag="会议"}}次', '全角\u3000');
    const value = fc.oneof(
      text,
      fc.constantFrom('0', '12', '3.5', '2023-07-05', '12:30', '[会议, 述职]', '[]', '"引号中的: 文字"', "'单引号'", '{ id: a, people: 3 }'),
    );
    const entry = fc.uniqueArray(fc.tuple(fc.constantFrom('date', 'title', 'tags', 'people', 'note', 'id'), value), { minLength: 1, maxLength: 5, selector: ([k]) => k });
    const block = fc.tuple(fc.constantFrom('>-', '>', '|', '|-'), fc.array(text, { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), block, fc.boolean(), (entries, [header, lines], crlf) => {
        const items = entries.map((pairs) => pairs.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`).join('\n'));
        const doc = ['# 活动', 'activities:', ...items, '', `intro: ${header}`, ...lines.map((l) => `  ${l}`), ''].join(crlf ? '\r\n' : '\n');
        expect(agrees(doc), doc).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the yaml package on generated notes full of near misses (fast-check)', () => {
    const word = fc.constantFrom('述职', '会议', '2023-07-05', '12:30', '0', '7', '010', '-3', '1.5', '0.95', '100.0', '1.', '01.5', '1.5e3', '3.14159265358979323846', '1e3', 'null', '~', 'true', 'yes', 'a b', 'a#b', 'a #b', 'a: b', 'a:', 'x,y', '全角：冒号', '"引号"', "'单引'", '"a\'b"', '[a, b]', '[]', '[a,b]', '{a: 1}', 'http://x.cn', '全角\u3000', '\u3000前', 'C#', '*x', '&a', '!t', '%p', '@a', '`a', '|', '>', '-', '- x', '?', 'a\\b', '"a\\"', '12345678901234567', '__proto__', 'constructor',
      '{ id: a, tags: [x, y] }', '{a: "b, c"}', `['a', "b"]`, '{a: 1, a: 2}', '[a:b]', '{ a: b: c }', '{a: }', '{ date: 2023-01-12, people: 46 }', '[a, "b]', '{"k": v}', '{a: [b, {c: d}]}',
      '0b11', '0o17', '0x1F', '1_000', '1e400', '.inf', 'a !b', '!!str 1', 'a &b', '&a b', '*a', '<<', '...', '%YAML 1.2', '? k', 'a\tb');
    const key = fc.constantFrom('id', 'date', 'title', 'people', 'tags', '中文', 'a b', '010', 'null', 'true', '__proto__', 'constructor', '<<', 'k ', '"q"', '~', '? k', '%YAML', '!t', '&a', '0x1F', '1_000', '');
    const line = fc.oneof(
      fc.tuple(fc.constantFrom(0, 2, 4, 6), key, word).map(([indent, k, v]) => `${' '.repeat(indent)}${k}: ${v}`),
      fc.tuple(fc.constantFrom(0, 2, 4, 6), key).map(([indent, k]) => `${' '.repeat(indent)}${k}:`),
      fc.tuple(fc.constantFrom(0, 2, 4), key, word).map(([indent, k, v]) => `${' '.repeat(indent)}- ${k}: ${v}`),
      fc.tuple(fc.constantFrom(0, 2, 4), word).map(([indent, v]) => `${' '.repeat(indent)}- ${v}`),
      fc.tuple(fc.constantFrom(0, 2, 4), fc.constantFrom('>-', '|', '>')).map(([indent, h]) => `${' '.repeat(indent)}- ${h}`),
      fc.tuple(fc.constantFrom(0, 2, 4), key, fc.constantFrom('>-', '>', '|', '|-', '>+', '|2', '>- # c')).map(([indent, k, h]) => `${' '.repeat(indent)}${k}: ${h}`),
      fc.tuple(fc.constantFrom(1, 2, 3, 4, 6, 8), word, fc.constantFrom('', ' ', '  ')).map(([indent, v, trailing]) => `${' '.repeat(indent)}${v}${trailing}`),
      fc.constantFrom('', '# 注释', '  # 注释', '   ', '---', '...', '%YAML 1.2', '? k', ': v', '<<: {a: 1}'),
    );
    fc.assert(
      fc.property(key, fc.array(line, { minLength: 1, maxLength: 10 }), fc.boolean(), (top, lines, crlf) => {
        agrees(`${top}:\n${lines.join(crlf ? '\r\n' : '\n')}\n`);
      }),
      { numRuns: 5000 },
    );
  });
});
