// Speed as ratios, never as absolute times alone: each case is timed against `node -e 0` measured in
// the same run on the same machine, so the numbers compare across machines and CI. Cold processes,
// as a secretary or a CI job runs them, interleaved so that machine noise spreads over all alike.
//
// Usage: npm run bench -- [--runs 15] [--heavy-runs 5] [--json FILE] [--compare OLD.json] [--quick]
//        node scripts/bench.mjs --from NEW.json --compare OLD.json   (compare two stored runs)
//
// Figures: cold commands on the example (and pandoc on the same Markdown, when installed); growth:
// hostile inputs that once took quadratic time, at 1x, 10x and 100x their size; batches: what one
// more report costs when Node starts once; large notes: 1k, 10k and 100k generated activities in
// one file and in 10 files, wall time and peak memory. One Markdown table on stdout; --json writes
// the same figures with the machine they were taken on; --compare prints each figure's change.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string' },
    'heavy-runs': { type: 'string' },
    json: { type: 'string' },
    compare: { type: 'string' },
    from: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const quick = options.quick;
const runs = Number(options.runs ?? (quick ? 3 : 11));
/** Batches and large notes take seconds a run: fewer runs, spread evenly over the rounds. */
const heavyRuns = Math.min(runs, Number(options['heavy-runs'] ?? (quick ? 1 : Math.max(3, Math.round(runs / 3)))));
const bin = path.join(root, 'bin', 'plan-report.js');
const report = path.join(root, 'examples', 'jiedao', '2023-h1.yaml');
/** A run slower than this is cut off and shown as such: a hang must not hang the bench. */
const RUN_LIMIT_MS = 60_000;
const LARGE_RUN_LIMIT_MS = 300_000;
const MEGABYTE = 1024 * 1024;

const SCALES = quick ? [1, 10] : [1, 10, 100];
const BATCH_SIZES = quick ? [1, 10] : [1, 50];
const BATCH_JOBS = [1, 2];
const BATCH_FORMATS = ['md', 'docx'];
const LARGE_SIZES = quick ? [1_000] : [1_000, 10_000, 100_000];
const LARGE_LAYOUTS = [
  ['one-file', 'one file', 1],
  ['10-files', '10 files', 10],
];

// --- the cases -------------------------------------------------------------------------------------

/**
 * A case: `id` and `label` name it, `command` and `args` run it; `okStatus` lists the exit codes
 * that are not a failure (check exits 1 on the hostile inputs by design); `heavy` cases run
 * `heavyRuns` times; `large` cases also report peak memory and why a refused run was refused.
 */
const cases = [];
const add = (entry) => cases.push({ command: process.execPath, okStatus: [0], ...entry });

function coldCases(out) {
  add({ id: 'cold:baseline', label: '`node -e 0` (baseline)', args: ['-e', '0'] });
  add({ id: 'cold:version', label: 'plan-report --version', args: [bin, '--version'] });
  add({ id: 'cold:check', label: 'check the example', args: [bin, 'check', path.dirname(report)] });
  add({ id: 'cold:md', label: 'build the example to Markdown', args: [bin, 'build', report, '--format', 'md', '--out', out, '--force'] });
  add({ id: 'cold:docx', label: 'build the example to docx', args: [bin, 'build', report, '--format', 'docx', '--out', out, '--force'] });
  if (!pandocInstalled()) return;
  // pandoc converts the Markdown that plan-report writes for the same report, built beside a copy.
  const notes = path.join(out, 'pandoc');
  cpSync(path.dirname(report), notes, { recursive: true });
  const markdown = path.join(notes, path.basename(report, '.yaml') + '.md');
  run(process.execPath, [bin, 'build', path.join(notes, path.basename(report)), '--format', 'md', '--force']);
  add({ id: 'cold:pandoc', label: 'pandoc: the same Markdown to docx', command: 'pandoc', args: [markdown, '-o', path.join(notes, 'pandoc.docx')] });
}

const pandocInstalled = () => !spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).error;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`bench setup failed: ${command} ${args.join(' ')} exited ${result.status ?? result.signal}`);
}

// --- hostile inputs that grow ----------------------------------------------------------------------

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

function growthCases(out) {
  for (const [name, make, base] of GROWTH) {
    for (const scale of SCALES) {
      const dir = path.join(out, `${make.name}-${scale}`);
      const files = writeFiles(dir, make(base * scale));
      // A smoke run (--quick) runs them once: it checks that they run, not how fast.
      add({ id: `growth:${make.name}:${scale}x`, label: `${name} (n=${base * scale})`, args: [bin, 'check', files[0]], okStatus: [0, 1], heavy: quick });
    }
  }
}

/** Writes { name: text } below dir; returns the paths in order. */
function writeFiles(dir, files) {
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  });
}

// --- batches: what one more report costs when Node starts once -------------------------------------

function batchCases(out) {
  for (const size of BATCH_SIZES) {
    const repo = path.join(out, `batch-${size}`);
    for (let n = 1; n <= size; n++) cpSync(path.dirname(report), path.join(repo, `o${String(n).padStart(2, '0')}`), { recursive: true, filter: (f) => !/\.(docx|md)$/.test(f) });
    for (const format of BATCH_FORMATS) {
      for (const jobs of BATCH_JOBS) {
        const target = path.join(out, `batch-out-${size}-${format}-${jobs}`);
        add({
          id: batchId(format, jobs, size),
          label: `batch: ${size} report${size > 1 ? 's' : ''} to ${format}, --jobs ${jobs}`,
          args: [bin, 'build', repo, '--format', format, '--out', target, '--force', '--quiet', '--jobs', String(jobs)],
          heavy: true,
        });
      }
    }
  }
}

const batchId = (format, jobs, size) => `batch:${format}:jobs=${jobs}:reports=${size}`;

// --- large notes: many activities, counted and summed by one report --------------------------------

const TAGS = ['视察调研', '参观学习', '会议', '述职', '学习培训', '接待选民'];
const TITLES = ['视察第二污水处理厂建设', '调研全街旅游工作', '召开代表小组会议', '区人大代表向选民述职', '参观学习人大代表之家建设', '组织代表集中培训', '接待选民来访'];
const PERIOD_DAYS = 181; // 2023-H1

/** Activity i of a generated year of notes: a date in the report's period, a title, tags, people. */
function activity(i) {
  const date = new Date(Date.UTC(2023, 0, 1 + (i % PERIOD_DAYS))).toISOString().slice(0, 10);
  const tags = i % 3 === 0 ? `${TAGS[i % TAGS.length]}, ${TAGS[(i + 2) % TAGS.length]}` : TAGS[i % TAGS.length];
  return `  - date: ${date}\n    title: ${TITLES[i % TITLES.length]}（${i + 1}）\n    tags: [${tags}]\n    people: ${1 + (i % 30)}\n`;
}

const LARGE_REPORT = `${REPORT_HEAD}sources:\n  activities: activities/*.yaml\nsections:\n  - title: 代表活动\n    paragraphs:\n      - >-\n        上半年组织视察调研{{count tag="视察调研"}}次，参加代表{{sum "people" tag="视察调研"}}人次；
        召开会议{{count tag="会议"}}次，参观学习{{count tag="参观学习"}}次，接待选民{{sum "people" tag="接待选民"}}人次。\n`;

/** n activities split over `parts` files of a notes repo: the report and activities/pNN.yaml. */
function largeNotes(n, parts) {
  const files = { '2023-h1.yaml': LARGE_REPORT };
  const size = Math.ceil(n / parts);
  for (let part = 0; part < parts; part++) {
    const entries = [];
    for (let i = part * size; i < Math.min(n, (part + 1) * size); i++) entries.push(activity(i));
    files[`activities/p${String(part).padStart(2, '0')}.yaml`] = `activities:\n${entries.join('')}`;
  }
  return files;
}

function largeCases(out) {
  for (const n of LARGE_SIZES) {
    for (const [layout, layoutLabel, parts] of LARGE_LAYOUTS) {
      const dir = path.join(out, `large-${n}-${layout}`);
      mkdirSync(path.join(dir, '.git'), { recursive: true }); // the notes repo's root
      const files = writeFiles(dir, largeNotes(n, parts));
      const bytes = files.slice(1).reduce((sum, file) => sum + readFileSync(file).length, 0);
      add({
        id: largeId(n, layout),
        label: `${n.toLocaleString('en')} activities, ${layoutLabel} (${(bytes / MEGABYTE).toFixed(1)} MB), to md`,
        args: [bin, 'build', files[0], '--format', 'md', '--out', path.join(dir, 'out'), '--force'],
        heavy: true,
        large: true,
      });
    }
  }
}

const largeId = (n, layout) => `large:${n / 1000}k:${layout}`;

// --- timing ----------------------------------------------------------------------------------------

/** Loaded into large runs: writes the process's peak memory (KB) to a side file at exit. */
const PRELOAD = `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.PLAN_REPORT_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n`;

function timeOnce(entry, preload, rssFile) {
  const args = entry.large ? ['--import', pathToFileURL(preload).href, ...entry.args] : entry.args;
  const start = process.hrtime.bigint();
  const result = spawnSync(entry.command, args, {
    stdio: ['ignore', 'ignore', entry.large ? 'pipe' : 'ignore'],
    timeout: entry.large ? LARGE_RUN_LIMIT_MS : RUN_LIMIT_MS,
    maxBuffer: 64 * MEGABYTE,
    env: { ...process.env, PLAN_REPORT_BENCH_RSS: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rssMb = entry.large && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined;
  if (entry.large) rmSync(rssFile, { force: true });
  return { ms, rssMb, status: runStatus(entry, result) };
}

/** 'ok', 'refused: CODE' (a located error, such as a file over the size limit) or 'failed: ...'. */
function runStatus(entry, result) {
  if (result.error?.code === 'ETIMEDOUT') return 'failed: timed out';
  if (result.signal) return `failed: ${result.signal}`;
  if (entry.okStatus.includes(result.status)) return 'ok';
  const code = entry.large && result.status === 1 ? /\berror\b.*\[([\w-]+)\]/.exec(String(result.stderr))?.[1] : undefined;
  return code ? `refused: ${code}` : `failed: exit ${result.status}`;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Whether a heavy case takes part in this round: heavyRuns rounds, spread evenly over all. */
const heavyRound = (round) => Math.floor(((round + 1) * heavyRuns) / runs) > Math.floor((round * heavyRuns) / runs);

function measure(out) {
  const preload = path.join(out, 'max-rss.mjs');
  writeFileSync(preload, PRELOAD);
  const rssFile = path.join(out, 'max-rss.txt');
  const samples = cases.map(() => ({ ms: [], rssMb: [], statuses: new Set() }));
  for (let round = 0; round < runs; round++) {
    process.stderr.write(`bench: round ${round + 1} of ${runs}\n`);
    cases.forEach((entry, i) => {
      if (entry.heavy && !heavyRound(round)) return;
      const { ms, rssMb, status } = timeOnce(entry, preload, rssFile);
      samples[i].ms.push(ms);
      if (rssMb !== undefined) samples[i].rssMb.push(rssMb);
      samples[i].statuses.add(status);
    });
  }
  return samples;
}

// --- figures -----------------------------------------------------------------------------------------

/** A figure: a value with its unit, the spread of its runs, a note; value null when not measured. */
const figure = (label, value, unit, extra = {}) => ({ label, value, unit, ...extra });

/** The worst status seen over the runs: a case that failed once is shown as failing. */
const statusOf = (statuses) => [...statuses].find((s) => s.startsWith('failed')) ?? [...statuses].find((s) => s !== 'ok') ?? 'ok';

function figures(samples) {
  const byId = new Map(cases.map((entry, i) => [entry.id, { entry, ...samples[i] }]));
  const { entry: node, ms: nodeMs } = byId.get('cold:baseline');
  const baseline = median(nodeMs);
  const ratioOf = (id) => median(byId.get(id).ms) / baseline;
  const result = {};
  const status = (id) => {
    const s = statusOf(byId.get(id).statuses);
    return s === 'ok' ? {} : { status: s };
  };
  const ratioFigure = (id) => {
    const { entry, ms } = byId.get(id);
    result[id] = figure(entry.label, ratioOf(id), '×', { min: Math.min(...ms) / baseline, max: Math.max(...ms) / baseline, ms: median(ms), ...status(id) });
  };

  result['cold:baseline'] = figure(node.label, baseline, 'ms', { min: Math.min(...nodeMs), max: Math.max(...nodeMs) });
  for (const id of ['cold:version', 'cold:check', 'cold:md', 'cold:docx']) ratioFigure(id);
  if (byId.has('cold:pandoc')) {
    ratioFigure('cold:pandoc');
    result['cold:docx/pandoc'] = figure('docx build over pandoc', ratioOf('cold:docx') / ratioOf('cold:pandoc'), '× pandoc');
  } else {
    result['cold:pandoc'] = figure('pandoc: the same Markdown to docx', null, '×', { status: 'pandoc not installed' });
    result['cold:docx/pandoc'] = figure('docx build over pandoc', null, '× pandoc', { status: 'pandoc not installed' });
  }

  for (const [name, make] of GROWTH) {
    const ids = SCALES.map((scale) => `growth:${make.name}:${scale}x`);
    ids.forEach(ratioFigure);
    // Linear work grows about tenfold per step; the baseline is taken off, as Node's start is fixed.
    const own = ids.map((id) => Math.max(ratioOf(id) - 1, 0.01));
    SCALES.slice(1).forEach((scale, i) => {
      result[`growth:${make.name}:${scale}x/1x`] = figure(`${name}: ${scale}x over 1x (linear: ${scale})`, own[i + 1] / own[0], 'growth');
    });
  }

  const [one, many] = BATCH_SIZES;
  for (const format of BATCH_FORMATS) {
    for (const jobs of BATCH_JOBS) {
      ratioFigure(batchId(format, jobs, one));
      ratioFigure(batchId(format, jobs, many));
      const marginal = (median(byId.get(batchId(format, jobs, many)).ms) - median(byId.get(batchId(format, jobs, one)).ms)) / (many - one);
      result[`batch:${format}:jobs=${jobs}:marginal`] = figure(`one more report to ${format}, --jobs ${jobs}`, marginal, 'ms', { ratio: marginal / baseline });
    }
  }

  for (const [layout] of LARGE_LAYOUTS) {
    for (const n of LARGE_SIZES) {
      const id = largeId(n, layout);
      const { entry, ms, rssMb } = byId.get(id);
      result[id] = figure(entry.label, median(ms), 'ms', { min: Math.min(...ms), max: Math.max(...ms), maxRssMb: median(rssMb) ?? null, status: statusOf(byId.get(id).statuses) });
    }
    if (LARGE_SIZES.length < 2) continue;
    const [previous, last] = LARGE_SIZES.slice(-2);
    const [before, after] = [previous, last].map((n) => result[largeId(n, layout)]);
    const label = `${layout.replace('-', ' ')}: ${last / 1000}k over ${previous / 1000}k (linear: ${last / previous})`;
    const bothOk = before.status === 'ok' && after.status === 'ok';
    result[`large:${layout}:${last / 1000}k/${previous / 1000}k`] = bothOk
      ? figure(label, after.value / before.value, 'growth')
      : figure(label, null, 'growth', { status: 'not both built' });
  }
  return result;
}

// --- output ------------------------------------------------------------------------------------------

const fixed = (value, digits) => (value === null || value === undefined ? '–' : value.toFixed(digits));

function formatValue({ value, unit }) {
  if (value === null) return '–';
  if (unit === 'ms') return `${fixed(value, 0)} ms`;
  if (unit === 'growth') return fixed(value, 1);
  return `${fixed(value, 2)}${unit}`;
}

function formatSpread(f) {
  if (f.min === undefined) return '';
  return f.unit === 'ms' ? `${fixed(f.min, 0)}–${fixed(f.max, 0)}` : `${fixed(f.min, 2)}–${fixed(f.max, 2)}`;
}

function formatNote(f) {
  const notes = [];
  if (f.ms !== undefined) notes.push(`${fixed(f.ms, 0)} ms`);
  if (f.ratio !== undefined) notes.push(`${fixed(f.ratio, 2)}× node -e 0`);
  if (f.maxRssMb !== undefined) notes.push(`peak ${fixed(f.maxRssMb, 0)} MB`);
  if (f.status !== undefined) notes.push(f.status);
  return notes.join(', ');
}

const GROUPS = [
  ['cold:', 'Cold start, as a multiple of `node -e 0`'],
  ['growth:', 'Growth: hostile inputs at 1x, 10x, 100x (check)'],
  ['batch:', 'Batches: one Node for many reports'],
  ['large:', 'Large notes: generated activities, counted and summed'],
];

function table(all) {
  const lines = ['| Figure | Median | Min–max | Note |', '| --- | ---: | ---: | --- |'];
  for (const [prefix, title] of GROUPS) {
    lines.push(`| **${title}** | | | |`);
    for (const f of Object.entries(all).filter(([id]) => id.startsWith(prefix)).map(([, f]) => f)) {
      lines.push(`| ${f.label} | ${formatValue(f)} | ${formatSpread(f)} | ${formatNote(f)} |`);
    }
  }
  return lines.join('\n');
}

function machine() {
  const release = existsSync('/etc/os-release') ? /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${release ?? os.type()} (${os.platform()} ${os.release()} ${os.arch()})`,
    node: process.version,
  };
}

const describeMachine = (m) => `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, Node ${m.node}`;

const percentChange = (before, after) => `${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(0)}%`;

/** A line per figure of the new run: its value in the old run, the new one and the change. */
function comparison(old, current) {
  const lines = [
    `change against ${options.compare} (${old.date}, ${describeMachine(old.machine)}):`,
    '',
    '| Figure | Before | After | Change |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const [id, f] of Object.entries(current.figures)) {
    const before = old.figures?.[id];
    const memory = before?.maxRssMb && f.maxRssMb ? `, peak memory ${percentChange(before.maxRssMb, f.maxRssMb)}` : '';
    lines.push(`| ${f.label} | ${before ? formatValue(before) : 'not measured'} | ${formatValue(f)} | ${before?.value && f.value !== null ? percentChange(before.value, f.value) : 'n/a'}${memory} |`);
  }
  return lines.join('\n');
}

function benchmark() {
  const out = mkdtempSync(path.join(os.tmpdir(), 'plan-report-bench-'));
  try {
    coldCases(path.join(out, 'cold'));
    growthCases(out);
    batchCases(out);
    largeCases(out);
    const all = figures(measure(out));
    return { date: new Date().toISOString(), machine: machine(), runs, heavyRuns, quick, figures: all };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const current = options.from ? JSON.parse(readFileSync(options.from, 'utf8')) : benchmark();
console.log(`${describeMachine(current.machine)}; ${current.date}`);
console.log(`medians of ${current.runs} cold runs (batches, large notes${current.quick ? ', growth' : ''}: ${current.heavyRuns}), interleaved; \`node -e 0\` took ${fixed(current.figures['cold:baseline'].value, 0)} ms\n`);
console.log(table(current.figures));
if (options.json) {
  mkdirSync(path.dirname(path.resolve(options.json)), { recursive: true });
  writeFileSync(options.json, `${JSON.stringify(current, null, 2)}\n`);
  console.log(`\nwrote ${options.json}`);
}
if (options.compare) console.log(`\n${comparison(JSON.parse(readFileSync(options.compare, 'utf8')), current)}`);
