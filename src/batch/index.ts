import { availableParallelism } from 'node:os';
import path from 'node:path';
import { effectiveOptions, outputCollisions, outputPaths, type BuildOptions, type OutputPath } from '../build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyRuleLevels } from '../diagnostics/rules.js';
import { configFinder } from '../load/config.js';
import { findRepoRoot } from '../load/project.js';
import { memoizedReader } from '../load/source-file.js';
import { runPool } from './pool.js';
import type { BuildRequest, ReportOutcome } from './run.js';
import { itemsOfShard, type Shard } from './shard.js';
import { expandTargets } from './targets.js';

export { parseShard, type Shard } from './shard.js';
export type { ReportOutcome } from './run.js';

export interface BatchOptions extends Omit<BuildOptions, 'config' | 'outBase'> {
  /** Worker threads; default the number of cores. 1 builds in the calling thread. */
  jobs?: number;
  /** Build only this part of the reports (`--shard 2/4`): the parts together build each report once. */
  shard?: Shard;
  /** Where relative paths start; default process.cwd(). */
  cwd?: string;
  /** Called as each report is about to start and as it finishes: progress for a terminal. */
  onStart?: (total: number) => void;
  onOutcome?: (outcome: ReportOutcome, done: number, total: number) => void;
  /** Checked before each report starts: true stops the batch after the reports under way (Ctrl-C). */
  stopped?: () => boolean;
  /** Build only these reports (absolute paths) of those the arguments name: a --watch round. */
  only?: ReadonlySet<string>;
}

export interface BatchResult {
  /** Every report of the batch (of its shard), in path order, with what became of it. */
  reports: ReportOutcome[];
  /** Problems of the arguments themselves: a glob that matched nothing, a folder without reports. */
  diagnostics: Diagnostic[];
  counts: Record<ReportOutcome['status'], number>;
  elapsedMs: number;
}

/**
 * Builds every report that files, folders and globs name: each with its own config, outputs below
 * `outDir` keeping the layout of the folder named (or of the notes repo), two reports never
 * sharing an output file, on `jobs` worker threads. One report's failure does not stop the others.
 */
export async function buildBatch(args: readonly string[], options: BatchOptions = {}): Promise<BatchResult> {
  const started = performance.now();
  const { jobs, shard, only, cwd = process.cwd(), onStart, onOutcome, stopped = () => false, ...buildOptions } = options;
  const read = memoizedReader();
  const expanded = await expandTargets(args, cwd, read);
  const findConfigOf = configFinder(read);
  // A stray file's warning follows the rules of the config above it, as a report's do.
  const diagnostics: Diagnostic[] = [];
  for (const d of expanded.diagnostics) diagnostics.push(...applyRuleLevels([d], d.location ? (await findConfigOf(path.dirname(d.location.file))).config?.value.rules : undefined));
  const targets = expanded.targets;
  const sharded = shard ? itemsOfShard(targets, shard, (t) => t.report, findRepoRoot(cwd)) : targets;
  const chosen = only ? sharded.filter((target) => only.has(target.report)) : sharded;
  const requests: BuildRequest[] = [];
  const planned = new Map<string, OutputPath[]>();
  for (const [index, target] of chosen.entries()) {
    const config = await findConfigOf(path.dirname(target.report));
    // --out keeps the layout below the folder named, else below the notes repo (config or git root).
    const outBase = target.base ?? config.config?.dir ?? findRepoRoot(path.dirname(target.report));
    const given: BuildOptions = { ...buildOptions, ...(buildOptions.outDir !== undefined ? { outBase } : {}) };
    planned.set(target.report, outputPaths(target.report, effectiveOptions(given, config.config)));
    requests.push({ index, report: target.report, options: given });
  }
  const collisions = outputCollisions(planned);
  const reports: (ReportOutcome | undefined)[] = new Array(requests.length);
  let done = 0;
  const record = (index: number, outcome: ReportOutcome) => {
    reports[index] = outcome;
    onOutcome?.(outcome, ++done, requests.length);
  };
  onStart?.(requests.length);
  for (const request of requests) {
    const collision = collisions.get(request.report);
    if (collision) record(request.index, { report: request.report, status: 'failed', outputs: [], diagnostics: [collision], files: [request.report] });
  }
  const toBuild = requests.filter((request) => !collisions.has(request.report));
  await runPool(toBuild, Math.min(jobs ?? availableParallelism(), toBuild.length), ({ index, ...outcome }) => record(index, outcome), stopped);
  const all = requests.map((request, i) => reports[i] ?? { report: request.report, status: 'skipped' as const, outputs: [], diagnostics: [], files: [request.report] });
  const counts = { built: 0, unchanged: 0, failed: 0, skipped: 0 };
  for (const outcome of all) counts[outcome.status]++;
  return { reports: all, diagnostics, counts, elapsedMs: performance.now() - started };
}
