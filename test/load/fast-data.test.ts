import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastData } from '../../src/load/fast-data.js';
import { parseSourceText, type LoadedFile } from '../../src/load/source-file.js';

/**
 * The fast parser (js-yaml) reads most notes; the yaml package reads the rest and builds every
 * file's node tree when a problem must be located. Whichever read a file, a user must see the same
 * data and the same diagnostics: each text here is read both ways and compared.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = '/notes/notes.yaml';

function yamlFilesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const CORPUS = [...yamlFilesBelow(path.join(ROOT, 'test', 'fixtures')), ...yamlFilesBelow(path.join(ROOT, 'examples'))].map((file) => ({
  name: path.relative(ROOT, file),
  text: readFileSync(file, 'utf8'),
}));

const neverFast = () => undefined;

/** What a user sees of a parse: the data and every diagnostic, with its place and source line. */
function seen(loaded: LoadedFile): { data: unknown; diagnostics: LoadedFile['diagnostics'] } {
  return { data: loaded.file?.data, diagnostics: loaded.diagnostics };
}

/** The text read both ways gives the same; returns whether the fast parser took it. */
function expectSameBothWays(text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  const both = parseSourceText(FILE, bytes);
  const yamlOnly = parseSourceText(FILE, bytes, neverFast);
  // Strict: the same number types (-0, Infinity), the same plain objects.
  expect(seen(both)).toStrictEqual(seen(yamlOnly));
  return fastData(text) !== undefined;
}

describe('fast parser and yaml package agree', () => {
  it('on every fixture and example, and the fast parser reads the examples', () => {
    expect(CORPUS.length).toBeGreaterThan(100);
    const fast = CORPUS.filter(({ text }) => expectSameBothWays(text)).map(({ name }) => name);
    // The agreement must not be bought by falling back on everything.
    expect(fast.filter((name) => name.startsWith('examples')).length).toBeGreaterThan(10);
  });

  it('on fixtures with a line deleted, doubled or re-indented, or a character inserted (fast-check)', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('double' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.constantFrom(...' -:#&*!%|>{}[],"\'\\?~0_\t\n中。：'.split('')) }),
    );
    fc.assert(
      fc.property(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (index, mutations) => {
        let text = CORPUS[index]!.text;
        for (const m of mutations) text = mutate(text, m);
        expectSameBothWays(text);
      }),
      { numRuns: 400 },
    );
  });

  it('on generated notes-like YAML full of the forms the parsers read differently (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(yamlLine, { minLength: 1, maxLength: 12 }), (lines) => {
        expectSameBothWays(`${lines.join('\n')}\n`);
      }),
      { numRuns: 1500 },
    );
  });

  it('on generated well-formed notes, in block and flow style, with every kind of scalar (fast-check)', () => {
    const runs = 500;
    let fast = 0;
    fc.assert(
      fc.property(fc.array(notesEntry, { minLength: 1, maxLength: 6 }), fc.boolean(), (entries, flow) => {
        const body = entries.map((pairs) => (flow ? `  - { ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : pairs.map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`).join('\n')));
        if (expectSameBothWays(`activities:\n${body.join('\n')}\n`)) fast++;
      }),
      { numRuns: runs },
    );
    // Many are read fast (the rest hold a form left to yaml): the comparison is not only between two fallbacks.
    expect(fast).toBeGreaterThan(runs / 25);
  });

  it('reads plain notes fast, and leaves each form it may read otherwise to the yaml package', () => {
    expect(fastData('activities:\n  - date: 2023-07-05\n    title: 述职\n    people: 010\n')).toEqual({ data: { activities: [{ date: '2023-07-05', title: '述职', people: 10 }] } });
    for (const text of ['a: 1\na: 2\n', 'a:\t1\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 0x1F\n', 'a: 1e400\n', '~: 1\n', 'a: "\\e"\n', '<<: {a: 1}\n', '# only a comment\n', '[a, b]: 1\n', 'a: 1\n?\nb: 2\n', '? k\n']) {
      expect(fastData(text), text).toBeUndefined();
      expectSameBothWays(text);
    }
    // js-yaml reads 1_000 as a number, yaml (YAML 1.2) as a string: the plain reader reads it as yaml does.
    expect(fastData('a: 1_000\n')).toEqual({ data: { a: '1_000' } });
    expectSameBothWays('a: 1_000\nb: [1_000, x]\n');
  });
});

type Mutation = { kind: 'delete'; at: number } | { kind: 'double'; at: number } | { kind: 'indent'; at: number; by: number } | { kind: 'insert'; at: number; char: string };

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.char + text.slice(at);
  }
  const lines = text.split('\n');
  const i = m.at % lines.length;
  if (m.kind === 'delete') lines.splice(i, 1);
  else if (m.kind === 'double') lines.splice(i, 0, lines[i]!);
  else lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
  return lines.join('\n');
}

/** Scalars as notes and mistakes write them: numbers in every YAML 1.1/1.2 form, nulls, booleans, quotes, escapes. */
const SCALARS = [
  '述职', '2023-07-05', '12:30', '010', '0', '-0', '+12', '.5', '1.', '1e3', '1e400', '-1e400', '0x1F', '0o17', '0b11', '1_000', '.inf', '-.Inf', '.NaN',
  'yes', 'No', 'on', 'OFF', 'y', 'n', 'true', 'False', 'null', 'Null', '~', '', '"010"', "'it''s'", '"a\\tb"', '"\\e"', '"\\x00"', '"\\u202e"', '"中\\n文"',
  '[1, 2]', '{a: 1}', '{a: 1, a: 2}', '[a, [b]]', '|', '>-', '&x 1', '*x', '!!str 1', '!!int 2', '!x y', 'a # comment', 'a#b', 'http://x', '"unclosed',
  '{{count tag="述职"}}', '- x', 'a: b', '12345678901234567890', '0.1000', '1.0', '__proto__', 'constructor', '"\\U0001F600"', '全角：冒号',
];
const KEYS = ['id', 'date', 'title', 'people', 'tags', 'activities', '"quoted"', '010', '1.0', 'null', '~', 'true', 'yes', '__proto__', '<<', '? k', '[a]', '中文', 'a b', ''];

/** One entry's pairs, keys distinct; values that would break a flow mapping (block scalars, flow indicators) left out. */
const notesEntry = fc.uniqueArray(
  fc.tuple(
    fc.constantFrom(...KEYS.filter((key) => /^[\w"中]/.test(key) && key !== '__proto__')),
    fc.constantFrom(...SCALARS.filter((value) => !/^[|>&*!-]|[{}\[\],#]|^"unclosed|: /.test(value))),
  ),
  { minLength: 1, maxLength: 5, selector: ([key]) => key },
);

const yamlLine = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...KEYS), fc.constantFrom(...SCALARS)).map(([indent, key, value]) => `${' '.repeat(indent)}${key}: ${value}`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...SCALARS)).map(([indent, value]) => `${' '.repeat(indent)}- ${value}`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...KEYS)).map(([indent, key]) => `${' '.repeat(indent)}${key}:`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...SCALARS)).map(([indent, value]) => `${' '.repeat(indent)}${value}`),
  fc.constantFrom('---', '...', '# 注释', '', '%YAML 1.1', '\t- x', 'a:\t1'),
);
