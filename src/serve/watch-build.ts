import path from 'node:path';
import { buildBatch, type BatchOptions, type BatchResult } from '../batch/index.js';
import { watchPaths } from './watcher.js';

export interface WatchHooks {
  /** Called with each round of rebuilds, as `build` prints its first. */
  onRound: (result: BatchResult) => void;
  /** Receives the function that stops watching (the CLI calls it on Ctrl-C). */
  stopWith: (stop: () => void) => void;
}

/**
 * The reports a change concerns: those that read a changed file; undefined (all of them, and any
 * new one) for a file that none read: a new notes file a glob may take in, or a new report.
 */
export function reportsConcerned(reports: BatchResult['reports'], changed: readonly string[]): Set<string> | undefined {
  const changedSet = new Set(changed.map((file) => path.resolve(file)));
  const known = new Set(reports.flatMap((outcome) => outcome.files));
  if ([...changedSet].some((file) => !known.has(file))) return undefined;
  return new Set(reports.filter((outcome) => outcome.files.some((file) => changedSet.has(file))).map((outcome) => outcome.report));
}

/**
 * After a first build, rebuilds the reports whose notes, config or templates change, until stopped;
 * resolves when it is. Rounds run one at a time: a save during a round starts the next one after it.
 */
export function watchBuild(args: readonly string[], options: BatchOptions, first: BatchResult, hooks: WatchHooks): Promise<void> {
  let latest = first;
  let queue = Promise.resolve();
  const follow = () => watcher.follow([...new Set(latest.reports.flatMap((outcome) => outcome.files))]);
  const round = async (changed: string[]) => {
    const only = reportsConcerned(latest.reports, changed);
    if (only?.size === 0) return;
    const result = await buildBatch(args, only ? { ...options, only } : options);
    // The files each report reads may have changed with its sources: follow the new ones.
    const rebuilt = new Map(result.reports.map((outcome) => [outcome.report, outcome]));
    latest = only ? { ...latest, reports: latest.reports.map((outcome) => rebuilt.get(outcome.report) ?? outcome) } : result;
    follow();
    hooks.onRound(result);
  };
  const watcher = watchPaths((changed) => void (queue = queue.then(() => round(changed))));
  follow();
  return new Promise((resolve) => {
    hooks.stopWith(() => {
      watcher.close();
      void queue.then(resolve);
    });
  });
}
