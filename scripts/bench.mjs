// Speed as ratios, never as absolute times: each case is timed against `node -e 0` measured in the
// same run on the same machine, so the numbers compare across machines and CI. Cold processes, as
// a secretary or a CI job runs them. Usage: npm run bench [-- --runs 15] [-- --json FILE]
//
// Three tables: the everyday commands on the example; growth: hostile inputs that once took
// quadratic time, at 1x, 10x and 100x their size (linear work grows about tenfold per step; a case
// whose 100x run is far beyond 100 times its 1x run has a quadratic path again); and batches: the
// marginal cost of one more report in a build of many, on one thread and on every core.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const runs = Number(flag('--runs', 11));
const jsonOut = flag('--json', undefined);
const out = mkdtempSync(path.join(os.tmpdir(), 'plan-report-bench-'));
const bin = path.join(root, 'bin', 'plan-report.js');
const report = path.join(root, 'examples', 'jiedao', '2023-h1.yaml');
/** A run slower than this is cut off and shown as such: a hang must not hang the bench. */
const RUN_LIMIT_MS = 60_000;

const cases = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['plan-report --version', [bin, '--version']],
  ['check the example', [bin, 'check', path.dirname(report)]],
  ['build the example to Markdown', [bin, 'build', report, '--format', 'md', '--out', out, '--force']],
  ['build the example to docx', [bin, 'build', report, '--format', 'docx', '--out', out, '--force']],
];

// --- hostile inputs that grow ---------------------------------------------------------------------

const REPORT_HEAD = `report:\n  org: 青溪街道人大工委\n  kind: half-year-summary\n  period: 2023-H1\n  date: 2023-07-05\n`;

/** One mapping with n distinct keys: duplicate-key detection must not compare every pair. */
function manyKeys(n) {
  const keys = Array.from({ length: n }, (_, i) => `  k${i}: ${i}\n`).join('');
  return { 'notes.yaml': `activities: []\nextra:\n${keys}` };
}

/** n activities, each with a bad date: n located diagnostics, each cheap. */
function mistakePerLine(n) {
  const entries = Array.from({ length: n }, (_, i) => `  - date: 2023-02-3${i % 10}x\n    title: 活动${i}\n`).join('');
  return { 'activities.yaml': `activities:\n${entries}` };
}

/** A list of n paragraphs anchored once and aliased by 60 sections: expansion must be bounded. */
function aliasAmplification(n) {
  const paragraphs = Array.from({ length: n }, (_, i) => `      - 第${i}段，街道人大工委紧紧围绕街道中心工作。\n`).join('');
  const aliased = Array.from({ length: 60 }, (_, i) => `  - title: 章节${i}\n    paragraphs: *p\n`).join('');
  return { 'report.yaml': `${REPORT_HEAD}sections:\n  - title: 首章\n    paragraphs: &p\n${paragraphs}${aliased}` };
}

/** Prose with subexpressions nested n deep: refused before the template parser walks them. */
function nestedExpressions(n) {
  const expression = `{{metric ${'('.repeat(n)}x${')'.repeat(n)}}}`;
  return { 'report.yaml': `${REPORT_HEAD}sections:\n  - title: 章节\n    summary: '${expression}'\n` };
}

const GROWTH = [
  ['100,000 keys class: n keys in one mapping', manyKeys, 1000],
  ['one mistake per line: n bad dates', mistakePerLine, 350],
  ['alias amplification: n paragraphs x 60 aliases', aliasAmplification, 50],
  ['nested subexpressions: n deep', nestedExpressions, 50],
];
const SCALES = [1, 10, 100];

for (const [name, make, base] of GROWTH) {
  for (const scale of SCALES) {
    const dir = path.join(out, `${make.name}-${scale}`);
    mkdirSync(dir, { recursive: true });
    const files = make(base * scale);
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
    cases.push([`${name} (n=${base * scale})`, [bin, 'check', path.join(dir, Object.keys(files)[0])], { growth: name, scale }]);
  }
}

// --- batches: what one more report costs when Node starts once ------------------------------------

const BATCH_SIZES = [1, 20];
const BATCH_JOBS = [1, os.availableParallelism()];
for (const size of BATCH_SIZES) {
  const repo = path.join(out, `batch-${size}`);
  for (let n = 1; n <= size; n++) cpSync(path.dirname(report), path.join(repo, `o${String(n).padStart(2, '0')}`), { recursive: true, filter: (f) => !/\.(docx|md)$/.test(f) });
  for (const jobs of BATCH_JOBS) {
    cases.push([`batch: ${size} report(s) to docx and md, --jobs ${jobs}`, [bin, 'build', repo, '--out', path.join(out, `batch-out-${size}-${jobs}`), '--force', '--quiet', '--jobs', String(jobs)], { batch: jobs, size }]);
  }
}

// --- timing ------------------------------------------------------------------------------------

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore', timeout: RUN_LIMIT_MS });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // check exits 1 on the hostile inputs by design; only a crash (3) or a kill is a failure.
  if (result.signal || (result.status !== 0 && result.status !== 1)) return { ms, failed: result.signal ?? `exit ${result.status}` };
  return { ms };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Interleave the cases so that machine noise spreads over all of them alike.
const samples = cases.map(() => []);
const failures = cases.map(() => undefined);
for (let run = 0; run < runs; run++) {
  cases.forEach(([, args], i) => {
    const { ms, failed } = timeOnce(args);
    samples[i].push(ms);
    failures[i] ??= failed;
  });
}
rmSync(out, { recursive: true, force: true });

const baseline = median(samples[0]);
const results = cases.map(([name, , growth], i) => ({
  name,
  ratio: median(samples[i]) / baseline,
  min: Math.min(...samples[i]) / baseline,
  max: Math.max(...samples[i]) / baseline,
  ...(growth ?? {}),
  ...(failures[i] ? { failed: failures[i] } : {}),
}));

console.log(`median of ${runs} cold runs, as a multiple of \`node -e 0\` (${baseline.toFixed(0)} ms here; min-max in brackets)`);
for (const r of results) {
  const spread = `[${r.min.toFixed(2)}-${r.max.toFixed(2)}]`;
  console.log(`${r.ratio.toFixed(2).padStart(7)}×  ${spread.padEnd(14)} ${r.name}${r.failed ? `  FAILED: ${r.failed}` : ''}`);
}
console.log('\ngrowth: time of the 10x and 100x inputs over the 1x input, the baseline taken off (linear work: about 10 and 100)');
for (const [name] of GROWTH) {
  const own = results.filter((r) => r.growth === name).map((r) => Math.max(r.ratio - 1, 0.01));
  console.log(`  ${(own[1] / own[0]).toFixed(1).padStart(6)}  ${(own[2] / own[0]).toFixed(1).padStart(6)}  ${name}`);
}
console.log(`\nbatches: the cost of one more report, (t(${BATCH_SIZES[1]}) - t(1)) / ${BATCH_SIZES[1] - 1}, as a multiple of \`node -e 0\``);
for (const jobs of BATCH_JOBS) {
  const [one, many] = BATCH_SIZES.map((size) => results.find((r) => r.batch === jobs && r.size === size).ratio);
  console.log(`  ${((many - one) / (BATCH_SIZES[1] - 1)).toFixed(2).padStart(6)}×  --jobs ${jobs} (one report alone: ${one.toFixed(2)}×)`);
}
if (jsonOut) {
  writeFileSync(jsonOut, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, runs, baselineMs: baseline, results }, null, 2)}\n`);
  console.log(`\nwrote ${jsonOut}`);
}
