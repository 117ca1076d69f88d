import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { error, hasErrors, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import type { Activity, Metric, Plan } from '../schema/notes.js';
import { fileKindOf, hasKindKey, NOTES_KINDS, type NotesKind } from '../schema/kinds.js';
import type { ReportFile } from '../schema/report.js';
import { valueAt } from '../schema/validate.js';
import { validateKind } from '../schema/validate-kind.js';
import { findConfig, type ConfigLookup, type LoadedConfig } from './config.js';
import { globFiles } from './glob.js';
import { lazyLocate, loadSourceFile, locate, readFailure, type ReadSource, type SourceFile, type YamlPath } from './source-file.js';

/** A validated entry together with the place it was written, for located diagnostics later. */
export interface Located<T> {
  value: T;
  file: SourceFile;
  path: YamlPath;
}

/** Everything one report draws on, validated; `files` lists every file read (the watcher's list). */
export interface LoadedReport {
  file: SourceFile;
  report: ReportFile;
  activities: Located<Activity>[];
  metrics: Located<Metric>[];
  plans: Located<Plan>[];
  /** The previous period's metrics (`sources: previous-metrics:`), for 同比. */
  previousMetrics: Located<Metric>[];
  files: SourceFile[];
  repoRoot: string;
  /** The office's plan-report.yaml above the report, if any: its defaults (org, signature). */
  config?: LoadedConfig;
  /**
   * Kinds of notes some of whose files could not be read or validated. Their entries are missing,
   * so "unknown metric" and the like would be false alarms: the checks that look ids up skip them.
   */
  incomplete: Set<NotesKind>;
}

/** `loaded` is there whenever the report file itself is valid, even if notes files are not. */
export interface LoadResult {
  loaded?: LoadedReport;
  diagnostics: Diagnostic[];
}


/**
 * Loads a report file and every notes file its `sources:` name (globs, relative to the report),
 * refusing files outside the notes repo. All problems of all files are collected.
 */
export async function loadReport(reportPath: string, read: ReadSource = loadSourceFile, lookup?: ConfigLookup): Promise<LoadResult> {
  const absolute = path.resolve(reportPath);
  const loadedFile = await read(absolute);
  const { file } = loadedFile;
  // The office's config is read first: its mistakes are reported with the report's own.
  const { config, diagnostics: configDiagnostics } = lookup ?? (await findConfig(path.dirname(absolute), read));
  const diagnostics = [...configDiagnostics, ...loadedFile.diagnostics];
  if (!file || hasErrors(diagnostics)) return { diagnostics };
  const kind = fileKindOf(file.data);
  if (kind !== undefined && kind !== 'report') {
    // A notes file named where a report belongs: say so, not "missing key report".
    return { diagnostics: [...diagnostics, error('not-a-report', { kind }, locate(file, []))] };
  }
  const validated = await validateKind('report', file);
  diagnostics.push(...validated.diagnostics);
  const repoRoot = findRepoRoot(path.dirname(absolute));
  if (!validated.ok) {
    // The notes it names are still read, so that one run finds their mistakes too.
    const { reportFile } = await import('../schema/report.js');
    const sources = reportFile.shape.sources.safeParse(valueAt(file.data, ['sources']));
    const notes: NotesTarget = { file, activities: [], metrics: [], plans: [], previousMetrics: [], files: [file], repoRoot };
    if (sources.success) for (const kind of NOTES_KINDS) diagnostics.push(...(await loadSources(notes, sources.data, kind, read)));
    if (sources.success) diagnostics.push(...(await loadSources(notes, sources.data, 'metrics', read, 'previous-metrics')));
    return { diagnostics };
  }
  const report = validated.value;
  const loaded: LoadedReport = { file, report, activities: [], metrics: [], plans: [], previousMetrics: [], files: config ? [file, config.file] : [file], repoRoot, incomplete: new Set(), ...(config ? { config } : {}) };
  collectInline(loaded);
  for (const kind of NOTES_KINDS) {
    const found = await loadSources(loaded, report.sources, kind, read);
    if (hasErrors(found)) loaded.incomplete.add(kind);
    diagnostics.push(...found);
  }
  const previous = await loadSources(loaded, report.sources, 'metrics', read, 'previous-metrics');
  if (hasErrors(previous)) loaded.incomplete.add('metrics');
  diagnostics.push(...previous);
  return { loaded, diagnostics };
}

function collectInline(loaded: LoadedReport): void {
  const { report, file } = loaded;
  report.activities?.forEach((value, i) => loaded.activities.push({ value, file, path: ['activities', i] }));
  report.metrics?.forEach((value, i) => loaded.metrics.push({ value, file, path: ['metrics', i] }));
  report.plans?.forEach((value, i) => loaded.plans.push({ value, file, path: ['plans', i] }));
}

/** What reading the notes files of a report needs and fills. */
type NotesTarget = Pick<LoadedReport, 'file' | 'files' | 'repoRoot' | NotesKind | 'previousMetrics'>;

/** The sources keys that name files of a kind other than their own: the previous period's metrics. */
type SourcesKey = NotesKind | 'previous-metrics';

/** Loads the files named under `sources[key]` (default: the kind's own key) as files of `kind`. */
async function loadSources(loaded: NotesTarget, sources: ReportFile['sources'], kind: NotesKind, read: ReadSource, key: SourcesKey = kind): Promise<Diagnostic[]> {
  const spec = sources?.[key];
  if (spec === undefined) return [];
  const patterns = typeof spec === 'string' ? [spec] : spec;
  const diagnostics: Diagnostic[] = [];
  for (const [index, pattern] of patterns.entries()) {
    const where: YamlPath = typeof spec === 'string' ? ['sources', key] : ['sources', key, index];
    // Windows users type activities\*.yaml; globs take forward slashes on every system. Normalised,
    // a pattern such as */../../x shows where it really reaches before anything is walked.
    const matched = await matchInsideRepo(loaded, path.posix.normalize(pattern.replace(/\\/g, '/')));
    if (matched === 'outside') {
      diagnostics.push(error('source-outside-repo', { pattern, root: loaded.repoRoot }, locate(loaded.file, where)));
      continue;
    }
    const at = lazyLocate(loaded.file, where);
    if (matched.files.length === 0 && matched.unreadable.length === 0) {
      diagnostics.push(error('source-no-match', { pattern }, at));
      continue;
    }
    if (matched.files.includes(loaded.file.path)) {
      diagnostics.push(error('source-cycle', { pattern }, at));
      continue;
    }
    diagnostics.push(...matched.unreadable.map((d) => ({ ...d, location: at })));
    for (const filePath of matched.files) diagnostics.push(...(await loadNotesFile(loaded, kind, filePath, read, at, key === 'previous-metrics' ? loaded.previousMetrics : loaded[kind])));
  }
  return diagnostics;
}

/** `at`: the sources line that drew the file in, where a file that cannot be read is reported. */
async function loadNotesFile(loaded: NotesTarget, kind: NotesKind, filePath: string, read: ReadSource, at: Location, target: Located<unknown>[]): Promise<Diagnostic[]> {
  const seen = loaded.files.find((f) => f.path === filePath);
  // A file named again under another kind (metrics: activities/2023.yaml) is still the wrong kind.
  if (seen) return hasKindKey(seen.data, kind) ? [] : [error('source-wrong-kind', { path: filePath, expected: kind }, locate(seen, []))];
  const loadedFile = await read(filePath);
  const { file } = loadedFile;
  // A copy: a cached read's list is shared by every report that meets the file.
  const diagnostics = loadedFile.diagnostics.map((d) => (d.location ? d : { ...d, location: at }));
  if (!file || hasErrors(diagnostics)) return diagnostics;
  loaded.files.push(file);
  if (!hasKindKey(file.data, kind)) {
    return [...diagnostics, error('source-wrong-kind', { path: filePath, expected: kind }, locate(file, []))];
  }
  const validated = await validateKind(kind, file);
  diagnostics.push(...validated.diagnostics);
  if (!validated.ok) return diagnostics;
  const entries = (validated.value as Record<NotesKind, unknown[]>)[kind];
  entries.forEach((value, i) => target.push({ value, file, path: [kind, i] }));
  return diagnostics;
}

/** What a pattern matched: readable-looking files, and links that lead nowhere (with why). */
interface Matched {
  files: string[];
  unreadable: Diagnostic[];
}

/**
 * Files matching a pattern, sorted, each once however many links reach it, or 'outside' when the
 * pattern or a match leaves the repo. Links are followed while they stay inside the repo.
 */
async function matchInsideRepo(loaded: NotesTarget, pattern: string): Promise<Matched | 'outside'> {
  const base = path.dirname(loaded.file.path);
  const root = loaded.repoRoot;
  if (!isInside(root, path.resolve(base, staticPrefix(pattern)))) return 'outside';
  const broken = new Map<string, unknown>();
  const matches = await globFiles(pattern, base, broken);
  // Synchronous, as reading is (see readBoundedFile): a batch would otherwise wait on the thread pool for each.
  const realRoot = realpathSync.native(root);
  const found: Matched = { files: [], unreadable: [] };
  const seen = new Set<string>();
  for (const match of matches.map((m) => path.normalize(m)).sort()) {
    const failure = broken.get(match);
    const real = failure === undefined ? realPathOrFailure(match) : failure;
    if (typeof real !== 'string') {
      found.unreadable.push(await readFailure(match, real));
    } else if (!isInside(realRoot, real)) {
      return 'outside';
    } else if (!seen.has(real)) {
      seen.add(real);
      found.files.push(match);
    }
  }
  return found;
}

/** The real path of a file (as fs.promises.realpath gives it), or why there is none. */
function realPathOrFailure(file: string): string | unknown {
  try {
    return realpathSync.native(file);
  } catch (cause) {
    return cause;
  }
}

/** The part of a glob before its first wildcard: where the glob can reach. */
function staticPrefix(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const firstGlob = segments.findIndex((segment) => /[*?[\]{}!]/.test(segment));
  return (firstGlob < 0 ? segments : segments.slice(0, firstGlob)).join('/') || '.';
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The notes repo: the nearest folder above the report that holds .git, else the report's folder. */
export function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}
