import { promises as fs } from 'node:fs';
import path from 'node:path';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type ReadSource } from '../load/source-file.js';
import { yamlFilesBelow } from '../load/walk.js';
import { CONFIG_FILE_NAME, fileKindOf } from '../schema/kinds.js';

/** One report of a batch, and the folder whose layout its outputs keep below `--out`. */
export interface BatchTarget {
  report: string;
  /** The folder named on the command line that the report was found in; absent for a file or glob. */
  base?: string;
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * The reports that files, folders and globs name, each once, in the order named (a folder's and a
 * glob's in path order). A file named is a report (if it is not, its build says so); below a folder
 * or from a glob, notes files and the config are passed over, and a YAML file of no known kind gets
 * a warning. A file that cannot be read or parsed is kept: its build reports why, rather than the
 * report it may be going missing without a word.
 */
export async function expandTargets(args: readonly string[], cwd: string, read: ReadSource): Promise<{ targets: BatchTarget[]; diagnostics: Diagnostic[] }> {
  const targets: BatchTarget[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (target: BatchTarget) => {
    if (seen.has(target.report)) return;
    seen.add(target.report);
    targets.push(target);
  };
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) {
      const found = await reportsAmong(await yamlFilesBelow(absolute, diagnostics), read, diagnostics);
      if (found.length === 0) diagnostics.push(error('no-reports', { path: absolute }));
      for (const report of found) add({ report, base: absolute });
    } else if (!stat && GLOB_CHARS.test(arg)) {
      // Windows shells pass globs through unexpanded; POSIX shells leave the ones that match nothing.
      // The glob library is loaded for these only: files and folders named are the common case.
      const { glob } = await import('tinyglobby');
      const matched = (await glob(arg.split(path.sep).join('/'), { cwd, absolute: true, onlyFiles: true, expandDirectories: false })).map((file) => path.resolve(file)).sort();
      const found = await reportsAmong(matched.filter((file) => /\.ya?ml$/i.test(file)), read, diagnostics);
      if (matched.length === 0) diagnostics.push(error('pattern-no-match', { pattern: arg }));
      else if (found.length === 0) diagnostics.push(error('no-reports', { path: arg }));
      for (const report of found) add({ report });
    } else {
      // A missing file, a pipe, a link to nowhere: its build explains it.
      add({ report: absolute });
    }
  }
  return { targets, diagnostics };
}

/** The files among these that are reports, or may be (unreadable, unparsable). */
async function reportsAmong(files: readonly string[], read: ReadSource, diagnostics: Diagnostic[]): Promise<string[]> {
  const reports: string[] = [];
  for (const file of files) {
    if (path.basename(file) === CONFIG_FILE_NAME) continue;
    const loaded = await read(file);
    if (!loaded.file || loaded.file.data === undefined) {
      reports.push(file);
      continue;
    }
    const kind = fileKindOf(loaded.file.data);
    if (kind === 'report') reports.push(file);
    else if (kind === undefined) diagnostics.push(warning('unknown-file-kind', {}, locate(loaded.file, [])));
  }
  return reports;
}
