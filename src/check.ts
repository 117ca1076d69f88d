import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { prepareReport, type PrepareOptions } from './build.js';
import { dedupeDiagnostics, error, sortDiagnostics, warning, type Diagnostic } from './diagnostics/diagnostic.js';
import { leadingZeroNumbers } from './lint/notes.js';
import { locate, memoizedReader, readFailure, type LoadedFile } from './load/source-file.js';
import { FILE_SCHEMAS, fileKindOf } from './schema/json-schema.js';
import { validateFile } from './schema/validate.js';

export interface CheckResult {
  /** Every problem found, sorted by file, line and column; the same problem is reported once. */
  diagnostics: Diagnostic[];
  /** The notes files that were checked. */
  files: string[];
}

/** Folders that hold no notes: dependencies (hidden folders, such as .git, are skipped too). */
const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * The .yaml files below a folder, sorted. Links are followed, each real folder is walked once (a
 * link to a parent does not loop), and only regular files are taken: a FIFO named notes.yaml would
 * block the reader forever. A link that leads nowhere is left to the reports that name it.
 */
async function yamlFilesBelow(dir: string, diagnostics: Diagnostic[], walked = new Set<string>()): Promise<string[]> {
  let entries: Dirent[];
  try {
    const real = await fs.realpath(dir);
    if (walked.has(real)) return [];
    walked.add(real);
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (cause) {
    // A folder that cannot be listed (no permission) may hold notes: say so rather than skip it.
    diagnostics.push(await readFailure(dir, cause));
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    const stat = entry.isSymbolicLink() ? await fs.stat(full).catch(() => undefined) : entry;
    if (stat?.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) found.push(...(await yamlFilesBelow(full, diagnostics, walked)));
    else if (stat?.isFile() && /\.ya?ml$/i.test(entry.name)) found.push(full);
  }
  return found;
}

interface Target {
  file: string;
  /** Named on the command line (an unknown kind is an error) or found in a folder (a warning). */
  named: boolean;
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
      const files = await yamlFilesBelow(absolute, diagnostics);
      if (files.length === 0) diagnostics.push(error('no-notes-files', { path: absolute }));
      targets.push(...files.map((file) => ({ file, named: false })));
    } else {
      // Anything else named, a pipe or a broken link too, is the reader's to refuse and explain.
      targets.push({ file: absolute, named: true });
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
  const { targets, diagnostics } = await expand(paths);
  const read = memoizedReader();
  const loaded = await Promise.all(targets.map(async (target) => ({ target, ...(await read(target.file)) })));
  const reports = loaded.filter(({ file }) => file?.data !== undefined && fileKindOf(file.data) === 'report');
  const covered = new Set<string>();
  for (const { target } of reports) {
    const prepared = await prepareReport(target.file, options, read);
    diagnostics.push(...prepared.diagnostics);
    for (const file of prepared.files) covered.add(file);
  }
  for (const entry of loaded) {
    if (!covered.has(entry.target.file)) diagnostics.push(...checkOnItsOwn(entry));
  }
  return { diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)), files: targets.map((t) => t.file) };
}

/** A file no report drew on: read, parsed, of a known kind, valid against its schema. */
function checkOnItsOwn({ target, file, diagnostics }: { target: Target } & LoadedFile): Diagnostic[] {
  if (!file || file.data === undefined) return diagnostics;
  const kind = fileKindOf(file.data);
  if (!kind) {
    const at = locate(file, []);
    return [...diagnostics, target.named ? error('unknown-file-kind', {}, at) : warning('unknown-file-kind', {}, at)];
  }
  return [...diagnostics, ...validateFile(FILE_SCHEMAS[kind], file).diagnostics, ...leadingZeroNumbers(file)];
}
