import { promises as fs } from 'node:fs';
import path from 'node:path';
import { prepareReport, type PrepareOptions } from './build.js';
import { dedupeDiagnostics, error, sortDiagnostics, warning, type Diagnostic } from './diagnostics/diagnostic.js';
import { leadingZeroNumbers } from './lint/notes.js';
import { lintNotesProse } from './lint/notes-prose.js';
import { locate, memoizedReader, type LoadedFile } from './load/source-file.js';
import { filesBelow } from './load/walk.js';
import { draftFormatOf, readDraft, type Draft } from './load/drafts/index.js';
import { lintDraft } from './lint/draft/index.js';
import { configFinder, readConfig } from './load/config.js';
import { CONFIG_FILE_NAME, fileKindOf } from './schema/kinds.js';
import { applyRuleLevels, type RuleLevels } from './diagnostics/rules.js';
import { validateKind } from './schema/validate-kind.js';

export interface CheckResult {
  /** Every problem found, sorted by file, line and column; the same problem is reported once. */
  diagnostics: Diagnostic[];
  /** The notes files and drafts that were checked. */
  files: string[];
}

interface Target {
  file: string;
  /** Named on the command line (an unknown kind is an error) or found in a folder (a warning). */
  named: boolean;
  /** A document written by hand (.md, .txt, .docx), linted as a draft rather than read as notes. */
  draft: boolean;
}

/** The documents a repo keeps about itself (README, CHANGELOG…) tell colleagues about the folder; they are not reports. */
const REPO_DOCUMENT = /^(?:readme|changelog|changes|license|licence|copying|contributing|code_of_conduct|security|authors|notice)\b/i;
/** Word's owner file of a document it has open (~$报告.docx): a few bytes, not a document. */
const WORD_OWNER_FILE = /^~\$/;

function isFoundDraft(name: string): boolean {
  return /\.(md|txt|docx)$/i.test(name) && !REPO_DOCUMENT.test(name) && !WORD_OWNER_FILE.test(name);
}

function isNotesFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

async function expand(paths: readonly string[]): Promise<{ targets: Target[]; diagnostics: Diagnostic[] }> {
  const targets: Target[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat && !(await fs.lstat(absolute).catch(() => undefined))) {
      diagnostics.push(error('file-not-found', { path: absolute }));
    } else if (stat?.isDirectory()) {
      const files = await filesBelow(absolute, (name) => isNotesFile(name) || isFoundDraft(name), diagnostics);
      if (files.length === 0) diagnostics.push(error('no-notes-files', { path: absolute }));
      targets.push(...files.map((file) => ({ file, named: false, draft: !isNotesFile(file) })));
    } else {
      // Anything else named, a pipe or a broken link too, is the reader's to refuse and explain.
      targets.push({ file: absolute, named: true, draft: draftFormatOf(absolute) !== undefined });
    }
  }
  return { targets, diagnostics };
}

/**
 * Checks notes files and folders of notes: each report with everything it draws on (as `build`
 * would, without writing), then each other notes file that no report drew on, against its schema.
 * Every file is read once, and every problem of every file is found in one run.
 */
export async function check(paths: readonly string[], options: PrepareOptions = {}): Promise<CheckResult> {
  const { targets: all, diagnostics } = await expand(paths);
  const targets = all.filter((target) => !target.draft);
  const read = memoizedReader();
  const findConfigOf = configFinder(read);
  const drafts = await checkDrafts(all.filter((target) => target.draft), async (file) => (await findConfigOf(path.dirname(file))).config?.value.rules);
  diagnostics.push(...drafts.diagnostics);
  const loaded = await Promise.all(targets.map(async (target) => ({ target, ...(await read(target.file)) })));
  const reports = loaded.filter(({ file }) => file?.data !== undefined && fileKindOf(file.data) === 'report');
  const covered = new Set<string>();
  for (const { target } of reports) {
    const prepared = await prepareReport(target.file, { ...options, config: await findConfigOf(path.dirname(target.file)) }, read);
    diagnostics.push(...prepared.diagnostics);
    for (const file of prepared.files) covered.add(file);
  }
  for (const entry of loaded) {
    if (covered.has(entry.target.file)) continue;
    if (path.basename(entry.target.file) === CONFIG_FILE_NAME) diagnostics.push(...(await readConfig(entry.target.file, read)).diagnostics);
    else diagnostics.push(...applyRuleLevels(await checkOnItsOwn(entry), (await findConfigOf(path.dirname(entry.target.file))).config?.value.rules));
  }
  return { diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)), files: [...targets.map((t) => t.file), ...drafts.files] };
}

/**
 * Reads every draft, then lints each against the others (a paragraph copied from another report).
 * A file found in a folder that plan-report built itself (its fingerprint says so, edited or not)
 * is an output, not a draft, and is passed over; one named on the command line is checked anyway.
 */
async function checkDrafts(targets: readonly Target[], rulesOf: (file: string) => Promise<RuleLevels | undefined>): Promise<{ diagnostics: Diagnostic[]; files: string[] }> {
  const read = await Promise.all(targets.map(async (target) => ({ target, ...(await readDraft(target.file)) })));
  const checked = read.filter(({ target, builtByPlanReport }) => target.named || !builtByPlanReport);
  const drafts = checked.flatMap(({ draft }): Draft[] => (draft ? [draft] : []));
  const diagnostics: Diagnostic[] = [];
  for (const entry of checked) {
    const found = [...entry.diagnostics, ...(entry.draft ? lintDraft(entry.draft, { otherDrafts: drafts }) : [])];
    diagnostics.push(...applyRuleLevels(found, await rulesOf(entry.target.file)));
  }
  return { diagnostics, files: checked.map(({ target }) => target.file) };
}

/** A file no report drew on: read, parsed, of a known kind, valid against its schema. */
async function checkOnItsOwn({ target, file, diagnostics }: { target: Target } & LoadedFile): Promise<Diagnostic[]> {
  if (!file || file.data === undefined) return diagnostics;
  const kind = fileKindOf(file.data);
  if (!kind) {
    const at = locate(file, []);
    return [...diagnostics, target.named ? error('unknown-file-kind', {}, at) : warning('unknown-file-kind', {}, at)];
  }
  return [...diagnostics, ...(await validateKind(kind, file)).diagnostics, ...leadingZeroNumbers(file), ...lintNotesProse([file])];
}
