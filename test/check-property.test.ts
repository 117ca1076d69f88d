import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isSeq, parseDocument, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { prepareReport } from '../src/build.js';
import { check } from '../src/check.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { catalogueEntry, diagnosticCodes } from '../src/diagnostics/messages.js';
import { decodeNotes } from '../src/load/decode.js';
import { copyExample, EXAMPLE_DIR } from './helpers/workspace.js';

/**
 * Whatever a secretary's editor does to the notes, `check` and `build`'s preparation end with
 * diagnostics, never an exception: the valid example is mutated thousands of times (keys dropped,
 * duplicated and retyped, files truncated, bytes injected), in memory, into one temp copy per
 * property. Every diagnostic must be in the catalogue, fill its message, and point inside its file.
 */
const FILES = ['2023-h1.yaml', 'activities/2023.yaml', 'metrics/2023-h1.yaml', 'plans/2023.yaml'] as const;
type NotesFile = (typeof FILES)[number];
const ORIGINAL = new Map<NotesFile, Buffer>(FILES.map((file) => [file, readFileSync(path.join(EXAMPLE_DIR, file))]));
const KNOWN_CODES = new Set<string>(diagnosticCodes);

/** Runs: 3 properties x (check + prepareReport) stay well under a minute on two cores. */
const RUNS = { text: 900, values: 900, prose: 600 };
// Generous: the machine may be running the other test files at the same time.
const TIMEOUT = 240_000;

/** Writes one mutated file (the others as shipped), then runs both library entry points. */
async function runOn(dir: string, mutated: NotesFile, bytes: Uint8Array): Promise<void> {
  for (const file of FILES) writeFileSync(path.join(dir, file), file === mutated ? bytes : ORIGINAL.get(file)!);
  const checked = await check([path.join(dir, mutated)]);
  const prepared = await prepareReport(path.join(dir, FILES[0]));
  for (const diagnostic of [...checked.diagnostics, ...prepared.diagnostics]) expectWellFormed(diagnostic, dir);
}

function expectWellFormed(d: Diagnostic, dir: string): void {
  expect(KNOWN_CODES.has(d.code), d.code).toBe(true);
  for (const lang of ['zh', 'en'] as const) {
    const { message, hint } = catalogueEntry(d.code)[lang];
    for (const [, name] of `${message} ${hint ?? ''}`.matchAll(/\{(\w+)\}/g)) expect(d.params, `${d.code}: {${name}}`).toHaveProperty(name!);
  }
  if (!d.location) return;
  const { file, line, column } = d.location;
  expect(line, `${d.code} line`).toBeGreaterThanOrEqual(1);
  expect(column, `${d.code} column`).toBeGreaterThanOrEqual(1);
  const relative = path.relative(dir, file).split(path.sep).join('/') as NotesFile;
  if (!FILES.includes(relative)) return;
  // Bounds in the decoded text; an undecodable file is located at its start.
  const text = decodeNotes(readFileSync(file)).text ?? '';
  const lines = text.split('\n');
  expect(line, `${d.code} at ${relative}:${line}:${column}`).toBeLessThanOrEqual(lines.length);
  expect(column, `${d.code} at ${relative}:${line}:${column}`).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
}

const fileArb = fc.constantFrom(...FILES);

// --- text and byte mutations ---------------------------------------------------------------

/** What editors and hands put into files: control and invalid bytes, YAML and {{ }} syntax. */
const SNIPPETS = [
  '\0', '\t', '\r', '\n', '\uFEFF', '{{', '}}', '{{metric "', '{{#if x}}', '{{constructor}}', '{{> p}}', '---\n', '...\n',
  ': ', '- ', '#', '&a ', '*a', '!!binary ', '"', "'", '|', '>', '[', ']', '{', '}', '４００', '010', '2023-02-30', '  ',
].map((s) => Buffer.from(s, 'utf8'));
const bytesArb = fc.oneof(
  fc.constantFrom(...SNIPPETS),
  fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xe4, 0xb8]), Buffer.from([0xfe, 0xff]), Buffer.from([0x81, 0x30])),
  fc.uint8Array({ minLength: 1, maxLength: 6 }).map((b) => Buffer.from(b)),
);

type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'inject'; at: number; bytes: Buffer }
  | { kind: 'drop-line' | 'duplicate-line' | 'tab-indent'; at: number };

const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), bytes: bytesArb }),
  fc.record({ kind: fc.constantFrom('drop-line' as const, 'duplicate-line' as const, 'tab-indent' as const), at: fc.nat() }),
);

function applyText(bytes: Buffer, m: TextMutation): Buffer {
  if (m.kind === 'truncate') return bytes.subarray(0, m.at % (bytes.length + 1));
  if (m.kind === 'inject') {
    const at = m.at % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
  }
  // Line edits work on the bytes between newlines, so that they compose with byte injections.
  const lines: Buffer[] = [];
  for (let start = 0; start <= bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    lines.push(bytes.subarray(start, end < 0 ? bytes.length : end + 1));
    start = end < 0 ? bytes.length + 1 : end + 1;
  }
  const i = m.at % lines.length;
  if (m.kind === 'drop-line') lines.splice(i, 1);
  else if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
  else lines[i] = Buffer.from(lines[i]!.toString('latin1').replace(/^ {1,4}/, '\t'), 'latin1');
  return Buffer.concat(lines);
}

// --- value mutations through the YAML document -------------------------------------------------

/** Values of every type, and the strings that look like something else. */
const valueArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('id', 'title', 'date', 'tags', 'text', 'lead', 'x'), fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxKeys: 3 }),
  fc.constantFrom('', '４００', '1,000', '2023-02-30', '2023/7/5', '2023-H3', '2023', 'cards', '述职', '*.yaml', '../x.yaml', '**', '{{metric "x"}}', '__proto__', 'constructor'),
);

type ValueMutation = { kind: 'retype'; at: number; value: unknown } | { kind: 'drop' | 'duplicate'; at: number };

const valueMutationArb: fc.Arbitrary<ValueMutation> = fc.oneof(
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat(), value: valueArb }),
  fc.record({ kind: fc.constantFrom('drop' as const, 'duplicate' as const), at: fc.nat() }),
);

/** Every mapping entry and list item of a document, as (collection, index). */
function slots(doc: Document): { parent: YAMLMap | YAMLSeq; index: number }[] {
  const found: { parent: YAMLMap | YAMLSeq; index: number }[] = [];
  visit(doc, {
    Map: (_key, node) => node.items.forEach((_item, index) => found.push({ parent: node, index })),
    Seq: (_key, node) => node.items.forEach((_item, index) => found.push({ parent: node, index })),
  });
  return found;
}

function applyValue(doc: Document, m: ValueMutation): void {
  const all = slots(doc);
  if (all.length === 0) return;
  const { parent, index } = all[m.at % all.length]!;
  const item = parent.items[index];
  if (m.kind === 'retype') {
    if (isPair(item)) item.value = doc.createNode(m.value);
    else (parent.items as unknown[])[index] = doc.createNode(m.value);
  } else if (m.kind === 'drop') parent.items.splice(index, 1);
  else (parent.items as unknown[]).splice(index, 0, isPair(item) || isMap(item) || isSeq(item) ? item.clone() : item);
}

// --- prose mutations -----------------------------------------------------------------------

const exprArb = fc.oneof(
  fc.constantFrom('{{', '}}', '{{}}', '{{metric}}', '{{metric "cards" "x"}}', '{{rate "cards"}}', '{{count}}', '{{count tag=""}}', '{{sum "count"}}', '{{date}}',
    '{{year 1}}', '{{value 1}}', '{{metric cards}}', '{{metric (x)}}', '{{this}}', '{{../x}}', '{{#each x}}{{/each}}', '{{!comment}}', '{{{metric "cards"}}}', '\\{{', '{{__proto__}}', '{{hasOwnProperty}}'),
  fc.tuple(fc.constantFrom('metric', 'value', 'target', 'rate', 'count', 'sum', 'date', 'year', 'mteric'), fc.string({ maxLength: 8 })).map(([name, arg]) => `{{${name} ${JSON.stringify(arg)}}}`),
);

describe('check and prepareReport on mutated notes', () => {
  it(`never throw on text and byte mutations (${RUNS.text} runs)`, { timeout: TIMEOUT }, async () => {
    const dir = copyExample();
    await fc.assert(
      fc.asyncProperty(fileArb, fc.array(textMutationArb, { minLength: 1, maxLength: 4 }), async (file, mutations) => {
        await runOn(dir, file, mutations.reduce(applyText, ORIGINAL.get(file)!));
      }),
      { numRuns: RUNS.text },
    );
  });

  it(`never throw when keys are dropped, duplicated or retyped (${RUNS.values} runs)`, { timeout: TIMEOUT }, async () => {
    const dir = copyExample();
    await fc.assert(
      fc.asyncProperty(fileArb, fc.array(valueMutationArb, { minLength: 1, maxLength: 3 }), async (file, mutations) => {
        const doc = parseDocument(ORIGINAL.get(file)!.toString('utf8'));
        for (const m of mutations) applyValue(doc, m);
        await runOn(dir, file, Buffer.from(doc.toString(), 'utf8'));
      }),
      { numRuns: RUNS.values },
    );
  });

  it(`never throw on broken {{ }} expressions in the prose (${RUNS.prose} runs)`, { timeout: TIMEOUT }, async () => {
    const dir = copyExample();
    const report = ORIGINAL.get(FILES[0])!.toString('utf8');
    // Offsets inside the prose: after "intro: " and inside the section texts.
    const proseStart = report.indexOf('intro:') + 'intro: '.length;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), exprArb), { minLength: 1, maxLength: 3 }), async (insertions) => {
        let text = report;
        for (const [at, expr] of insertions) {
          const offset = proseStart + (at % (text.length - proseStart));
          text = text.slice(0, offset) + expr + text.slice(offset);
        }
        await runOn(dir, FILES[0], Buffer.from(text, 'utf8'));
      }),
      { numRuns: RUNS.prose },
    );
  });
});
