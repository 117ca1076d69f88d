/**
 * `plan-report import`: an existing report (.docx, .md, .txt) -> a notes skeleton that builds back to
 * the same text. The title gives org, kind and period; the numbered structure gives sections and
 * points; the figures become metrics. Every guess that fails is a located warning, and the files
 * are written all together or not at all, never over an existing file.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { error, hasErrors, warning, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { findConfig } from '../load/config.js';
import { draftFormatOf, readDraft } from '../load/drafts/index.js';
import type { DraftParagraph } from '../load/drafts/types.js';
import { parsePeriod } from '../model/period.js';
import { CONFIG_FILE_NAME, kindSpec, type ReportKind } from '../schema/kinds.js';
import { FigureCollector } from './figures.js';
import type { ImportedPoint, ImportedRun } from './points.js';
import { recogniseStructure, UNTITLED_SECTION, type ImportedBody, type ImportedSection } from './structure.js';
import { fallbackKind, guessFromTitle, type TitleGuess } from './title.js';
import { metricsYaml, reportYaml, scalar } from './yaml.js';

export { guessFromTitle, type TitleGuess } from './title.js';
export { recogniseStructure, type ImportedBody, type ImportedSection } from './structure.js';
export { findFigures, type FoundFigure, type ImportedMetric } from './figures.js';
export type { ImportedPoint, ImportedRun } from './points.js';

/** The JSON Schemas shipped with the package, for the modelines of the files written. */
const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** Written where the period should be when the title names none: `check` refuses it until filled. */
export const PERIOD_PLACEHOLDER = '（待填：如 2023-H1）';
const DATE_PLACEHOLDER = '（待填：如 2023-07-05）';

export interface ImportOptions {
  /** The folder the notes are written to; created if missing. */
  outDir: string;
}

export interface ImportResult {
  /** Absolute paths of the files written, in order; empty when anything failed. */
  written: string[];
  /** The report file, written or that would have been. */
  report?: string;
  diagnostics: Diagnostic[];
}

interface Target {
  file: string;
  text: string;
}

/** What the title tells, with the warnings for what it does not. */
function readTitle(title: DraftParagraph | undefined, first: DraftParagraph | undefined): { guess: TitleGuess; kind: ReportKind; diagnostics: Diagnostic[] } {
  const at = (title ?? first)?.locate(0);
  if (!title) {
    const kind = fallbackKind(undefined);
    return { guess: {}, kind, diagnostics: [warning('import-no-title', { placeholder: PERIOD_PLACEHOLDER, kind }, at)] };
  }
  const guess = guessFromTitle(title.text);
  const kind = guess.kind ?? fallbackKind(guess.period);
  const diagnostics: Diagnostic[] = [];
  if (guess.period === undefined) diagnostics.push(warning('import-no-period', { title: title.text, placeholder: PERIOD_PLACEHOLDER }, at));
  if (guess.kind === undefined) diagnostics.push(warning('import-unknown-kind', { title: title.text, kind }, at));
  if (guess.org === undefined) diagnostics.push(warning('import-no-org', { title: title.text }, at));
  return { guess, kind, diagnostics };
}

/** The title the build would print by default, for the kinds whose default is org + 时限 + 文种. */
function defaultTitle(org: string | undefined, period: string | undefined, kind: ReportKind, titleWord: string | undefined): string | undefined {
  if (org === undefined || period === undefined || kindSpec(kind).plan || !kindSpec(kind).titled) return undefined;
  return org + parsePeriod(period).label + (titleWord ?? kindSpec(kind).titleWord);
}

/** Every printed string of the structure with its figures replaced, in document order. */
function withHelpers(body: ImportedBody, figures: FigureCollector): ImportedBody {
  const point = (p: ImportedPoint): ImportedPoint => ({ ...(p.lead !== undefined ? { lead: figures.replace(p.lead) } : {}), text: figures.replace(p.text) });
  const run = (r: ImportedRun): ImportedRun => ({ ...r, ...(r.text !== undefined ? { text: figures.replace(r.text) } : {}), points: r.points.map(point) });
  const section = (s: ImportedSection): ImportedSection => ({
    ...s,
    ...(s.title !== undefined ? { title: figures.replace(s.title) } : {}),
    ...(s.lead !== undefined ? { lead: figures.replace(s.lead) } : {}),
    ...(s.text !== undefined ? { text: figures.replace(s.text) } : {}),
    ...(s.points ? { points: s.points.map(point) } : {}),
    ...(s.runs ? { runs: s.runs.map(run) } : {}),
    ...(s.paragraphs ? { paragraphs: s.paragraphs.map((p) => figures.replace(p)) } : {}),
    ...(s.sections ? { sections: s.sections.map(section) } : {}),
  });
  const intro = body.intro !== undefined ? figures.replace(body.intro) : undefined;
  const sections = body.sections.map(section);
  const next = body.next !== undefined ? figures.replace(body.next) : undefined;
  return { ...body, ...(intro !== undefined ? { intro } : {}), sections, ...(next !== undefined ? { next } : {}) };
}

function schemaPathFrom(file: string): string {
  return path.relative(path.dirname(file), SCHEMA_DIR).split(path.sep).join('/').replace(/\/$/, '');
}

/** The config written when none governs the output folder: the org, and the usual outputs. */
function configYaml(org: string | undefined, schemaPath: string): string {
  return [
    `# yaml-language-server: $schema=${schemaPath}/config.schema.json`,
    '# plan-report 的配置，由 plan-report import 生成，对本文件夹及其下各文件夹中的报告都有效。',
    '# 单位名称：报告没有写 report.org 时，标题和落款用它。',
    `org: ${scalar(org ?? '（单位名称）')}`,
    '# 输出文件夹（相对于本文件）和输出格式。',
    'out: dist',
    'formats: [docx, md]',
    '',
  ].join('\n');
}

/** Every path that must not exist yet, said as one error each. */
async function existingTargets(targets: readonly Target[]): Promise<Diagnostic[]> {
  const found = await Promise.all(targets.map(async ({ file }) => ((await fs.lstat(file).catch(() => undefined)) ? file : undefined)));
  return found.filter((file): file is string => file !== undefined).map((file) => error('import-target-exists', { path: file }));
}

/** The folders above `file` that do not exist yet, outermost first: made now, removed if the import is undone. */
async function missingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let current = dir; !(await fs.lstat(current).catch(() => undefined)); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  return missing;
}

/** Puts a finished temporary file at its name, never over a file: a hard link, else an exclusive copy. */
async function placeExclusively(temporary: string, file: string): Promise<void> {
  try {
    await fs.link(temporary, file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') throw cause;
    await fs.copyFile(temporary, file, fs.constants.COPYFILE_EXCL);
  }
}

/** A file that could not be put in place: one that appeared meanwhile is said as such; mkdir says EEXIST when a file stands where a folder should. */
function writeFailure(file: string, cause: unknown, placing: boolean): Diagnostic {
  const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
  if (code === 'EEXIST' && placing) return error('import-target-exists', { path: file });
  return error('import-write-failed', { path: file, detail: code === 'EEXIST' ? 'ENOTDIR' : code });
}

/**
 * Writes every target or none: each text goes to a temporary file beside its target first, then all
 * are put in place; a failure takes back the files already placed and the folders made for them.
 */
async function writeAll(targets: readonly Target[]): Promise<Diagnostic[]> {
  const made: string[] = [];
  const temporaries: string[] = [];
  const placed: string[] = [];
  let current = targets[0]!.file;
  let placing = false;
  try {
    for (const { file, text } of targets) {
      current = file;
      const missing = await missingFolders(path.dirname(file));
      await fs.mkdir(path.dirname(file), { recursive: true });
      made.push(...missing);
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      await fs.writeFile(temporary, text, { flag: 'wx' });
      temporaries.push(temporary);
    }
    placing = true;
    for (const [i, { file }] of targets.entries()) {
      current = file;
      await placeExclusively(temporaries[i]!, file);
      placed.push(file);
    }
    return [];
  } catch (cause) {
    await Promise.all(placed.map((file) => fs.unlink(file).catch(() => undefined)));
    return [writeFailure(current, cause, placing)];
  } finally {
    await Promise.all(temporaries.map((file) => fs.unlink(file).catch(() => undefined)));
    if (placed.length < targets.length) for (const dir of made.reverse()) await fs.rmdir(dir).catch(() => undefined);
  }
}

/** Where a structure warning points: the paragraph it is about. */
function structureWarnings(body: ImportedBody): Diagnostic[] {
  return body.findings.map(({ code, paragraph }) => warning(code, code === 'import-no-structure' ? { title: UNTITLED_SECTION } : {}, paragraph.locate(0)));
}

/** The date of the report: the signature's, else the end of the period (said), else a placeholder. */
function reportDate(body: ImportedBody, period: string | undefined, at: Location | undefined): { date: string; comment?: string; diagnostics: Diagnostic[] } {
  if (body.date) return { date: body.date, diagnostics: [] };
  if (period === undefined) return { date: DATE_PLACEHOLDER, comment: '原文没有成文日期：请填写', diagnostics: [] };
  const date = parsePeriod(period).end;
  return { date, comment: '原文没有成文日期：请改为实际日期', diagnostics: [warning('import-no-date', { date }, at)] };
}

/** The stem of the files: the period (2023-h1), else the document's own name. */
function fileStem(period: string | undefined, input: string): string {
  return period !== undefined ? period.toLowerCase() : path.basename(input, path.extname(input));
}

/** Imports one document into `options.outDir`: the report, its metrics, and a config if none governs the folder. */
export async function importReport(input: string, options: ImportOptions): Promise<ImportResult> {
  const file = path.resolve(input);
  const outDir = path.resolve(options.outDir);
  if (draftFormatOf(file) === undefined) return { written: [], diagnostics: [error('import-unsupported-format', { path: file }, { file, line: 1, column: 1 })] };
  const read = await readDraft(file);
  if (!read.draft || hasErrors(read.diagnostics)) return { written: [], diagnostics: read.diagnostics };
  const paragraphs = read.draft.paragraphs;
  const titleParagraph = paragraphs[0]?.role === 'title' ? paragraphs[0] : undefined;
  const title = readTitle(titleParagraph, paragraphs[0]);
  const recognised = recogniseStructure(titleParagraph ? paragraphs.slice(1) : paragraphs);
  const figures = new FigureCollector();
  const body = withHelpers(recognised, figures);
  const period = title.guess.period;
  const org = title.guess.org ?? recognised.signature;
  const date = reportDate(body, period, paragraphs.at(-1)?.locate(0));

  const stem = fileStem(period, file);
  const reportFile = path.join(outDir, `${stem}.yaml`);
  const metricsFile = path.join(outDir, 'metrics', `${stem}.yaml`);
  const configLookup = await findConfig(outDir);
  const targets: Target[] = [];
  if (configLookup.path === undefined) targets.push({ file: path.join(outDir, CONFIG_FILE_NAME), text: configYaml(org, schemaPathFrom(path.join(outDir, CONFIG_FILE_NAME))) });
  const printedTitle = titleParagraph?.text;
  const titleIsDefault = printedTitle === undefined || printedTitle === defaultTitle(org, period, title.kind, title.guess.titleWord);
  targets.push({
    file: reportFile,
    text: reportYaml({
      schemaPath: schemaPathFrom(reportFile),
      source: path.basename(file),
      ...(org !== undefined ? { org } : {}),
      ...(recognised.signature !== undefined && recognised.signature !== org ? { signature: recognised.signature } : {}),
      kind: title.kind,
      period: period ?? PERIOD_PLACEHOLDER,
      date: date.date,
      ...(date.comment ? { dateComment: date.comment } : {}),
      ...(!titleIsDefault ? { title: printedTitle } : {}),
      ...(title.guess.titleWord !== undefined ? { titleWord: title.guess.titleWord } : {}),
      ...(body.numbering ? { numbering: body.numbering } : {}),
      ...(figures.metrics.length > 0 ? { metricsSource: `metrics/${stem}.yaml` } : {}),
      ...(body.intro !== undefined ? { intro: body.intro } : {}),
      sections: body.sections,
      ...(body.next !== undefined ? { next: body.next } : {}),
      buildCommand: `plan-report build ${stem}.yaml`,
    }),
  });
  if (figures.metrics.length > 0) targets.push({ file: metricsFile, text: metricsYaml({ schemaPath: schemaPathFrom(metricsFile), source: path.basename(file), ...(period !== undefined ? { period } : {}), metrics: figures.metrics }) });

  const diagnostics = [...read.diagnostics, ...title.diagnostics, ...structureWarnings(recognised), ...date.diagnostics];
  const refused = await existingTargets(targets);
  if (refused.length > 0) return { written: [], report: reportFile, diagnostics: [...diagnostics, ...refused] };
  const failed = await writeAll(targets);
  if (failed.length > 0) return { written: [], report: reportFile, diagnostics: [...diagnostics, ...failed] };
  return { written: targets.map((target) => target.file), report: reportFile, diagnostics };
}

