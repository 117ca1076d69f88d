import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { normalisePunctuation } from '../../src/document/transforms/punctuation.js';
import { importReport, PERIOD_PLACEHOLDER } from '../../src/import/index.js';
import { REPO_ROOT, tempDir } from '../helpers/workspace.js';

const SEED_1 = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'drafts', 'seed-1.txt'), 'utf8');
const TITLE = '某某街道人大工委2013年上半年工作总结';
const seedParagraphs = SEED_1.split(/\r?\n/).filter((line) => line.trim() !== '');

/**
 * Text as a reader compares it: punctuation as the build prints it (GB/T 15834 full-width), no
 * whitespace, and no numbers before the headings. The build numbers sections itself from 一、, while
 * 篇(1) starts at 二、 because its 一、 heading was lost in the original: numbers are left out on both
 * sides. A heading on its own line loses its final 。 (GB/T 9704), on both sides too.
 */
function normalised(paragraphs: readonly string[]): string[] {
  return paragraphs.map((p) =>
    normalisePunctuation(p)
      .replace(/\s+/g, '')
      .replace(/^[一二三四五六七八九十]+、(.*?)。?$/, '$1'),
  );
}

/** The body of the built Markdown: without the title, the signature and the fingerprint. */
function builtBody(markdown: string): string[] {
  const blocks = markdown.split(/\n\n+/).map((block) => block.trim());
  const body = blocks.filter((block) => !block.startsWith('# ') && !block.startsWith('<!--') && !/\\\n\d{4}年/.test(block));
  return normalised(body.map((block) => block.replace(/^#+ /, '')));
}

async function importAndBuild(input: string): Promise<{ dir: string; markdown: string; report: Record<string, unknown>; metrics: { id: string; unit: string; actual: number; period?: string }[]; diagnostics: string[] }> {
  const dir = path.join(tempDir(), 'notes');
  const result = await importReport(input, { outDir: dir });
  expect(result.written.map((file) => path.relative(dir, file))).toEqual(['plan-report.yaml', '2013-h1.yaml', path.join('metrics', '2013-h1.yaml')]);
  const built = await build(path.join(dir, '2013-h1.yaml'), { formats: ['md'] });
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const markdown = readFileSync(built.outputs[0]!.path, 'utf8');
  const report = parse(readFileSync(path.join(dir, '2013-h1.yaml'), 'utf8')) as Record<string, unknown>;
  const metrics = (parse(readFileSync(path.join(dir, 'metrics', '2013-h1.yaml'), 'utf8')) as { metrics: never[] }).metrics;
  return { dir, markdown, report, metrics, diagnostics: result.diagnostics.map((d) => d.code) };
}

/** The figures of 篇(1) that must come back as metrics: value and unit. */
const SEED_FIGURES: readonly [number, string][] = [
  [3, '次'], [4, '个'], [30, '个'], [156, '个'], [31.5, '%'], [15, '%'], [6, '台'], [5, '台'],
  [400, '张'], [20, '张'], [3, '名'], [3, '个'], [7, '个'], [52, '个'], [3, '件'], [1, '名'], [100, '人次'], [95, '%'],
];

function expectSeedRoundTrip(imported: Awaited<ReturnType<typeof importAndBuild>>): void {
  expect(imported.markdown.startsWith(`# ${TITLE}\n`)).toBe(true);
  expect(builtBody(imported.markdown)).toEqual(normalised(seedParagraphs));
  expect(imported.metrics.map((m) => [m.actual, m.unit])).toEqual(SEED_FIGURES);
  expect(imported.metrics.every((m) => m.period === '2013-H1')).toBe(true);
  expect(imported.report.report).toEqual({ org: '某某街道人大工委', kind: 'half-year-summary', period: '2013-H1', date: '2013-06-30' });
  // The prose holds helpers, not the figures: 400张 is {{metric "…"}}, 100多人次 is {{value "…"}}多人次.
  const reportText = readFileSync(path.join(imported.dir, '2013-h1.yaml'), 'utf8');
  for (const figure of ['400张', '31.5%', '95%', '3次', '156个', '100多人次']) expect(reportText).not.toContain(figure);
  const cards = imported.metrics.find((m) => m.actual === 400)!;
  expect(reportText).toContain(`累计发放选民连心卡{{metric "${cards.id}"}}`);
  expect(reportText).toMatch(/共接待群众来信来访\{\{value "[^"]+"\}\}多人次/);
  // Not figures: the year, dates, the road number, the days of the month.
  for (const kept of ['2013年人大工作计划', '3月11日', '省道247建设', '每月10、', '30号']) expect(reportText.replace(/\n\s*/g, '')).toContain(kept);
}

describe('import: seed 篇(1) builds back to the same text', () => {
  it('as .txt, with its title line: sections, points, opening, closing; figures as metrics', async () => {
    const input = path.join(tempDir(), '篇1.txt');
    writeFileSync(input, `${TITLE}\n\n${SEED_1}`);
    const imported = await importAndBuild(input);
    expectSeedRoundTrip(imported);
    const sections = imported.report.sections as { title: string; points?: unknown[]; paragraphs?: unknown[] }[];
    expect(sections.map((s) => s.title)).toEqual(['围绕“抓三双”，全面推进代表联系选民', '围绕“促稳定”，着力做好接待工作']);
    expect(sections[0]!.points).toHaveLength(3);
    expect(sections[0]!.paragraphs).toHaveLength(1);
    expect(imported.report.next).toMatch(/^下半年，我们将/);
    // The opening's 一是…四是 cannot be numbered by the build; the no-date guess is said too.
    expect(imported.diagnostics).toEqual(['import-numbers-kept', 'import-no-date']);
  });

  it('as .docx made in Word style (a Title paragraph, then plain paragraphs)', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph({ text: TITLE, heading: HeadingLevel.TITLE }), ...seedParagraphs.map((text) => new Paragraph({ text }))] }],
    });
    const input = path.join(tempDir(), '篇1.docx');
    writeFileSync(input, new Uint8Array(await Packer.toBuffer(doc)));
    expectSeedRoundTrip(await importAndBuild(input));
  });
});

describe('import: guesses that fail are located warnings', () => {
  it('without a title: a placeholder period that check refuses, the summary kind, the file named after the document', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'seed-1.txt');
    writeFileSync(input, SEED_1);
    const result = await importReport(input, { outDir: path.join(dir, 'notes') });
    expect(result.diagnostics[0]).toMatchObject({ code: 'import-no-title', severity: 'warning', params: { kind: 'half-year-summary' }, location: { file: input, line: 1, column: 1 } });
    const report = parse(readFileSync(path.join(dir, 'notes', 'seed-1.yaml'), 'utf8')) as { report: { period: string; kind: string } };
    expect(report.report).toMatchObject({ period: PERIOD_PLACEHOLDER, kind: 'half-year-summary' });
    const built = await build(path.join(dir, 'notes', 'seed-1.yaml'), { formats: ['md'] });
    expect(built.ok).toBe(false);
    expect(built.diagnostics.map((d) => d.code)).toContain('bad-period');
  });

  it('a title without a period or a kind: warned at the title', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'draft.txt');
    writeFileSync(input, '某某社区工作情况\n一、基本情况\n共走访群众326户。\n');
    const result = await importReport(input, { outDir: dir });
    expect(result.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ['import-no-period', 1],
      ['import-unknown-kind', 1],
      ['import-no-org', 1],
    ]);
  });

  it('text without 一、 headings is one section of paragraphs, said', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'draft.txt');
    writeFileSync(input, '某某社区2023年工作总结\n今年共走访群众326户。\n下一步继续做好走访工作。\n2024年1月5日\n');
    const result = await importReport(input, { outDir: dir });
    expect(result.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['import-no-structure', 2]]);
    const report = parse(readFileSync(path.join(dir, '2023.yaml'), 'utf8')) as { report: Record<string, unknown>; sections: unknown[] };
    expect(report.report).toEqual({ org: '某某社区', kind: 'annual-summary', period: 2023, date: '2024-01-05' });
    expect(report.sections).toEqual([{ title: '（请填写标题）', text: '今年共走访群众{{metric "群众"}}。', paragraphs: ['下一步继续做好走访工作。'] }]);
  });
});

describe('import: never overwrites, all or nothing', () => {
  it('refuses when a target exists and writes nothing', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'draft.txt');
    writeFileSync(input, '某某社区2023年工作总结\n一、基本情况\n共走访群众326户。\n2024年1月5日\n');
    mkdirSync(path.join(dir, 'metrics'));
    writeFileSync(path.join(dir, 'metrics', '2023.yaml'), 'metrics: []\n');
    const result = await importReport(input, { outDir: dir });
    expect(result.written).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.params.path])).toEqual([['import-target-exists', path.join(dir, 'metrics', '2023.yaml')]]);
    expect(existsSync(path.join(dir, '2023.yaml'))).toBe(false);
    expect(existsSync(path.join(dir, 'plan-report.yaml'))).toBe(false);
  });

  it('takes back what it wrote when a later file cannot be written', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'draft.txt');
    writeFileSync(input, '某某社区2023年工作总结\n一、基本情况\n共走访群众326户。\n2024年1月5日\n');
    // A file where the metrics folder should be: the report cannot get its metrics file.
    const out = path.join(dir, 'notes');
    mkdirSync(out);
    writeFileSync(path.join(out, 'metrics'), '');
    const result = await importReport(input, { outDir: out });
    expect(result.written).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['import-write-failed']);
    expect(existsSync(path.join(out, '2023.yaml'))).toBe(false);
    expect(existsSync(path.join(out, 'plan-report.yaml'))).toBe(false);
  });

  it('writes no plan-report.yaml when one governs the folder', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'org: 某某社区\n');
    const input = path.join(dir, 'draft.txt');
    writeFileSync(input, '某某社区2023年工作总结\n一、基本情况\n走访群众。\n');
    const result = await importReport(input, { outDir: path.join(dir, 'reports') });
    expect(result.written).toEqual([path.join(dir, 'reports', '2023.yaml')]);
  });
});
