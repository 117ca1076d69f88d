/**
 * A worker thread of a batch: it builds the reports the pool sends it, one at a time, and answers
 * each with its outcome. Node and the pipeline's modules load once per worker, not once per report.
 */
import { parentPort } from 'node:worker_threads';
import { buildOne, type BuildRequest } from './run.js';

if (!parentPort) throw new Error('batch/worker.js runs as a worker thread');
const port = parentPort;
port.on('message', (request: BuildRequest) => {
  void buildOne(request).then((outcome) => port.postMessage(outcome));
});
