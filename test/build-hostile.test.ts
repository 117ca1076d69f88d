import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { build } from '../src/build.js';
import { paragraphText, headingText, type ReportDocument } from '../src/document/ast.js';
import { hasStackTrace, runCli } from './helpers/cli.js';
import { copyExample, EXAMPLE_DIR } from './helpers/workspace.js';

/**
 * Hostile inputs of the classes a hostile-input trial found (control and invisible characters, text
 * that looks like markup, line breaks in one-line fields, extreme numbers, names that collide), put
 * into the example's notes by fast-check. Whatever comes in, a build either writes a report whose
 * text is what the notes say, or writes nothing and says where the problem is: never an exception,
 * never a figure like Infinity, never a stray control character or escape in the output.
 */
const REPORT = '2023-h1.yaml';
const METRICS = 'metrics/2023-h1.yaml';
const ACTIVITIES = 'activities/2023.yaml';
const ORIGINAL = new Map([REPORT, METRICS, ACTIVITIES].map((file) => [file, readFileSync(path.join(EXAMPLE_DIR, file), 'utf8')]));

const RUNS = { text: 250, numbers: 200, ids: 150 };
const TIMEOUT = 120_000;

/** Characters and shapes that once broke a promise: controls, invisibles, markup, breaks. */
const HOSTILE_PIECES = [
  '\u001b[2J', '\u0007', '\f', '\u0000', '\u007f', '\u0085', '\u202e', '\u2066', '\u200b', '\ufeff', '\u00ad',
  '#', '+ ', ':::', ':::signature', '\\', '\\#', '1. ', '> ', '- ', '**', '__', '{{', '}}', '{{year}}', '{{metric "cards"}}',
  '\n', '\n\n', ' \n', '\r\n', '\t', '文明城市', '“双联”', '（一）', '一是', '。', '',
];
const hostileText = fc
  .array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 5 })
  .map((pieces) => pieces.join(''));

/** Values no real metric has: what must be refused or printed exactly, never as Infinity or 1e+21. */
const EXTREME_NUMBERS = ['1.7e308', '-1.7e308', '1e21', '1e400', '.inf', '-.inf', '.nan', '0.004', '1e-7', '-0', '0', '123456789012345', '0.1', '99.999', '-5'];

/** Every scalar of a document with the keys on its path, for picking a place to put a value. */
function scalarsOf(doc: Document): { path: (string | number)[]; node: Scalar }[] {
  const found: { path: (string | number)[]; node: Scalar }[] = [];
  const walk = (node: Node | null | undefined, at: (string | number)[]): void => {
    if (isMap(node)) for (const pair of node.items) walk(pair.value as Node, [...at, String((pair.key as Scalar).value)]);
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, [...at, i]));
    else if (isScalar(node)) found.push({ path: at, node });
  };
  walk(doc.contents as Node, []);
  return found;
}

function listOutputs(dir: string): string[] {
  return readdirSync(dir).filter((name) => /\.(md|docx)$/.test(name)).sort();
}

function documentText(doc: ReportDocument): string {
  return doc.blocks
    .map((block) => (block.type === 'paragraph' ? paragraphText(block) : block.type === 'heading' ? headingText(block) : block.type === 'title' ? block.text : block.type === 'signature' ? `${block.org}\n${block.date}` : block.type === 'table' ? block.caption : ''))
    .join('\n');
}

/** What a written report must never contain, whatever the notes held. */
function expectCleanOutput(dir: string, doc: ReportDocument): void {
  // The fingerprint trailer is ours, not the report's: hex digits may look like 1e5.
  const markdown = readFileSync(path.join(dir, REPORT.replace('.yaml', '.md')), 'utf8').replace(/<!-- plan-report sha256:[0-9a-f]+ -->/, '');
  // Controls and direction overrides never reach the reader; tab and newline are layout.
  expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  for (const text of [markdown, documentText(doc)]) {
    expect(text).not.toMatch(/Infinity|NaN|\d[eE][+-]?\d/);
    // Braces print only where the notes escaped them (\{{ is a literal {{).
    expect(text.split('{{').length).toBeLessThanOrEqual(escapedBracesInNotes(dir) + 1);
  }
  // One title, then the signature with its date, whatever the org or title held.
  const titles = doc.blocks.filter((block) => block.type === 'title');
  expect(titles).toHaveLength(1);
  const signature = doc.blocks.at(-1);
  expect(signature?.type).toBe('signature');
  if (signature?.type === 'signature') expect(signature.date).toBe('2023年7月5日');
  // Our markup's escapes never show: a backslash in the output is one the notes had.
  expect(documentText(doc).split('\\').length).toBeLessThanOrEqual(backslashesInNotes(dir) + 1);
}

function escapedBracesInNotes(dir: string): number {
  return [REPORT, METRICS, ACTIVITIES].reduce((sum, file) => sum + readFileSync(path.join(dir, file), 'utf8').split('\\{{').length - 1, 0);
}

function backslashesInNotes(dir: string): number {
  return [REPORT, METRICS, ACTIVITIES].reduce((sum, file) => sum + readFileSync(path.join(dir, file), 'utf8').split('\\').length - 1, 0);
}

/** Builds the edited notes; either a clean report or nothing written with located errors. */
async function buildAndJudge(dir: string): Promise<void> {
  for (const name of listOutputs(dir)) rmSync(path.join(dir, name));
  const result = await build(path.join(dir, REPORT), { formats: ['md'] });
  if (result.ok) {
    expect(listOutputs(dir)).toEqual([REPORT.replace('.yaml', '.md')]);
    expectCleanOutput(dir, result.document!);
    return;
  }
  expect(listOutputs(dir), 'a failed build writes nothing').toEqual([]);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length, 'a failed build says why').toBeGreaterThan(0);
  for (const d of errors) if (d.location) expect(d.location.line).toBeGreaterThanOrEqual(1);
}

function writeEdited(dir: string, file: string, edit: (doc: Document) => void): void {
  const doc = parseDocument(ORIGINAL.get(file)!);
  edit(doc);
  writeFileSync(path.join(dir, file), doc.toString());
}

function restore(dir: string): void {
  for (const [file, text] of ORIGINAL) writeFileSync(path.join(dir, file), text);
}

describe('build on hostile notes: a clean report or nothing, never an exception', () => {
  it(`hostile text in any string of the report (${RUNS.text} runs)`, { timeout: TIMEOUT }, async () => {
    const dir = copyExample();
    await fc.assert(
      fc.asyncProperty(fc.nat(), hostileText, async (at, text) => {
        restore(dir);
        writeEdited(dir, REPORT, (doc) => {
          const strings = scalarsOf(doc).filter(({ node }) => typeof node.value === 'string');
          const { node } = strings[at % strings.length]!;
          node.value = text;
          // Written double-quoted, so that every character, controls included, reaches the parser.
          node.type = Scalar.QUOTE_DOUBLE;
        });
        await buildAndJudge(dir);
      }),
      { numRuns: RUNS.text },
    );
  });

  it(`extreme numbers in any metric (${RUNS.numbers} runs)`, { timeout: TIMEOUT }, async () => {
    const dir = copyExample();
    const metrics = ORIGINAL.get(METRICS)!;
    const slots = [...metrics.matchAll(/(actual|target): ([-\d.]+)/g)];
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom(...EXTREME_NUMBERS), async (at, value) => {
        restore(dir);
        const slot = slots[at % slots.length]!;
        const edited = metrics.slice(0, slot.index) + `${slot[1]}: ${value}` + metrics.slice(slot.index! + slot[0].length);
        writeFileSync(path.join(dir, METRICS), edited);
        await buildAndJudge(dir);
      }),
      { numRuns: RUNS.numbers },
    );
  });

  it(`ids and tags that collide or differ only by what cannot be seen (${RUNS.ids} runs)`, { timeout: TIMEOUT }, async () => {
    const dir = copyExample();
    const disguise = fc.constantFrom('\u200b', '\u00ad', '\ufeff', '\u2060', 'ｃ', 'C', ' ', 'e\u0301');
    await fc.assert(
      fc.asyncProperty(fc.nat(), disguise, fc.boolean(), async (at, mark, inProse) => {
        restore(dir);
        const file = inProse ? REPORT : METRICS;
        const text = ORIGINAL.get(file)!;
        const ids = [...text.matchAll(inProse ? /\{\{metric "([^"]+)"\}\}/g : /id: ([\w-]+)/g)];
        const target = ids[at % ids.length]!;
        const id = target[1]!;
        const offset = target.index! + target[0].indexOf(id) + (at % id.length);
        writeFileSync(path.join(dir, file), text.slice(0, offset) + mark + text.slice(offset + (mark === 'ｃ' || mark === 'C' ? 1 : 0)));
        await buildAndJudge(dir);
      }),
      { numRuns: RUNS.ids },
    );
  });
});

describe('the CLI on hostile notes: exit 0 or 1, never a stack, and what it says it wrote is there', () => {
  it.each([
    ['an org in a folded block', (text: string) => text.replace('org: 青溪街道人大工委', 'org: >\n    青溪街道人大工委')],
    ['an org on two lines', (text: string) => text.replace('org: 青溪街道人大工委', 'org: "青溪街道\\n人大工委"')],
    ['an escape sequence in a title', (text: string) => text.replace('围绕“抓中心”', '围绕\\e[2J“抓中心”').replace(/title: (围绕\\e.*)$/m, 'title: "$1"')],
    ['a lead that starts with #', (text: string) => text.replace('lead: 制定全年工作计划', 'lead: "#文明城市#主题活动"')],
    ['{{year}} in a section title', (text: string) => text.replace('title: 围绕“抓中心”，扎实开展代表活动', 'title: "{{year}}年围绕“抓中心”"')],
  ])('%s', (_name, edit) => {
    const dir = copyExample();
    writeFileSync(path.join(dir, REPORT), edit(ORIGINAL.get(REPORT)!));
    const run = runCli(['build', REPORT], { cwd: dir });
    expect(hasStackTrace(run.stdout + run.stderr), run.stderr).toBe(false);
    expect([0, 1]).toContain(run.status);
    // Never a raw escape on the terminal.
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const written = listOutputs(dir);
    if (run.status === 0) expect(written).toEqual(['2023-h1.docx', '2023-h1.md']);
    else expect(written).toEqual([]);
  });
});
