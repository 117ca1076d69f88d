import { buildOne, type BuildRequest, type ReportOutcome } from './run.js';

type Answer = ReportOutcome & { index: number };

/**
 * Runs the requests on `jobs` worker threads, each taking the next request when it is done, and
 * calls `onOutcome` as each report finishes. When `stopped()` turns true no new report is started;
 * the ones under way finish (a worker is never terminated mid-write), and the rest are skipped.
 * With one job the reports are built in this thread: no worker to start.
 */
export async function runPool(requests: readonly BuildRequest[], jobs: number, onOutcome: (outcome: Answer) => void, stopped: () => boolean): Promise<void> {
  let next = 0;
  const take = (): BuildRequest | undefined => (stopped() || next >= requests.length ? undefined : requests[next++]);
  if (jobs <= 1) {
    for (let request = take(); request; request = take()) onOutcome(await buildOne(request));
    return;
  }
  // Loaded only for a pool: Node's worker module is a measurable part of a one-report start.
  const { Worker } = await import('node:worker_threads');
  const workerUrl = new URL('./worker.js', import.meta.url);
  const lane = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const first = take();
      if (!first) return resolve();
      const worker = new Worker(workerUrl);
      let current: BuildRequest | undefined = first;
      const finish = () => void worker.terminate().then(() => resolve(), reject);
      worker.on('message', (answer: Answer) => {
        onOutcome(answer);
        current = take();
        if (current) worker.postMessage(current);
        else finish();
      });
      // A worker that dies (out of memory) fails its report; the others go on.
      worker.on('error', (cause) => {
        if (current) onOutcome({ index: current.index, report: current.report, status: 'failed', outputs: [], diagnostics: [], files: [current.report], crash: cause.stack ?? cause.message });
        current = undefined;
        finish();
      });
      worker.postMessage(first);
    });
  await Promise.all(Array.from({ length: Math.min(jobs, requests.length) }, lane));
}
