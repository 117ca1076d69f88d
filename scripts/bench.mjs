// Speed as ratios, never as absolute times: each case is timed against `node -e 0` measured in the
// same run on the same machine, so the numbers compare across machines and CI. Cold processes, as
// a secretary or a CI job runs them. Usage: npm run bench [-- --runs 15]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 11;
const out = mkdtempSync(path.join(os.tmpdir(), 'plan-report-bench-'));
const bin = path.join(root, 'bin', 'plan-report.js');
const report = path.join(root, 'examples', 'jiedao', '2023-h1.yaml');

const cases = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['plan-report --version', [bin, '--version']],
  ['check the example', [bin, 'check', path.dirname(report)]],
  ['build the example to Markdown', [bin, 'build', report, '--format', 'md', '--out', out, '--force']],
  ['build the example to docx', [bin, 'build', report, '--format', 'docx', '--out', out, '--force']],
];

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Interleave the cases so that machine noise spreads over all of them alike.
const samples = cases.map(() => []);
for (let run = 0; run < runs; run++) cases.forEach(([, args], i) => samples[i].push(timeOnce(args)));
rmSync(out, { recursive: true, force: true });

const baseline = median(samples[0]);
console.log(`median of ${runs} cold runs, as a multiple of \`node -e 0\` (${baseline.toFixed(0)} ms here)`);
cases.forEach(([name], i) => console.log(`${(median(samples[i]) / baseline).toFixed(2).padStart(6)}×  ${name}`));
