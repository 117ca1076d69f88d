import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { error, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { loadReport } from './load/project.js';
import { localIsoDate, parsePeriod, type Period } from './model/period.js';
import { PERIOD_PATTERN } from './schema/values.js';
import { kindSpec, type ReportKind } from './schema/kinds.js';
import type { ReportFile, Section } from './schema/report.js';

/** The report file's JSON Schema shipped with the package, for the modeline of a new file. */
const REPORT_SCHEMA = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));

export interface NewReportOptions {
  kind: ReportKind;
  /** A period the kind accepts (the CLI checks it): 2023-H2, 2024. */
  period: string;
  /** The previous report: its org, sources, metric ids and plan part are carried over. */
  from?: string;
  /** Default: <period>.yaml next to `from`, else in the current folder. */
  out?: string;
  /** ISO date of 成文日期; default today. */
  date?: string;
}

export interface NewReportResult {
  path: string;
  written: boolean;
  diagnostics: Diagnostic[];
}

/**
 * A file name or glob of the previous report moved to the new period where it carries the old one:
 * metrics/2023-h1.yaml -> metrics/2023-h2.yaml, plans/2023.yaml -> plans/2024.yaml. The case of the
 * H is kept; a name without the period (activities/*.yaml) stays as it is.
 */
export function shiftPeriodInPath(pattern: string, from: Period, to: Period): string {
  const half = new RegExp(`(?<!\\d)${from.year}-([hH])([12])(?!\\d)`, 'g');
  const halves = pattern.replace(half, (_whole, h: string) => (to.half === undefined ? String(to.year) : `${to.year}-${h}${to.half}`));
  return halves.replace(new RegExp(`(?<!\\d)${from.year}(?![\\d-])`, 'g'), String(to.year));
}

type Sources = NonNullable<ReportFile['sources']>;

function shiftSources(sources: Sources, from: Period, to: Period): Sources {
  const shift = (spec: string | string[]) => (typeof spec === 'string' ? shiftPeriodInPath(spec, from, to) : spec.map((p) => shiftPeriodInPath(p, from, to)));
  return Object.fromEntries(Object.entries(sources).map(([kind, spec]) => [kind, shift(spec as string | string[])])) as Sources;
}

/**
 * The sections a new report starts from: the previous plan's (a summary-and-plan's plan part, or a
 * work plan's sections), their headings and ids kept and their text left to write; a summary of
 * the plan reports the status of the plans the plan listed. Without a plan, the previous headings.
 */
function skeletonSections(previous: ReportFile, kind: ReportKind): Section[] {
  const planned = previous.plan?.sections ?? (previous.report.kind === 'work-plan' ? previous.sections : undefined);
  // What was planned is now reported on: its items become their status, unless this is a plan again.
  const reportsOnPlan = planned !== undefined && kind !== 'work-plan';
  return (planned ?? previous.sections).map((section) => ({
    ...(section.id === undefined ? {} : { id: section.id }),
    ...(section.title === undefined ? { lead: section.lead! } : { title: section.title }),
    ...(section.plans === undefined ? {} : { plans: reportsOnPlan ? 'status' : section.plans }),
  }));
}

/** A fresh skeleton of the kind: one section to rename, the plan part where the kind has one. */
function blankSections(kind: ReportKind): { sections: Section[]; plan?: ReportFile['plan'] } {
  if (kind === 'work-plan') return { sections: [{ id: 'main', title: '重点工作', plans: 'items' }] };
  const sections: Section[] = [{ title: '主要工作', points: ['（要点，可用 {{metric "编号"}} 等表达式引用笔记）'] }];
  return kindSpec(kind).plan ? { sections, plan: { sections: [{ id: 'next', title: '重点工作', plans: 'items' }] } } : { sections };
}

/** The comment lines that carry the previous report's metric ids over, for {{metric}} in the new prose. */
function metricComments(metrics: readonly { id: string; name: string }[]): string[] {
  if (metrics.length === 0) return [];
  return ['', '# 上期报告用到的指标（本期数据请写入指标文件），可在文中引用：', ...metrics.map((m) => `#   {{metric "${m.id}"}}  ${m.name}`)];
}

function modeline(file: string): string {
  const relative = path.relative(path.dirname(file), REPORT_SCHEMA).split(path.sep).join('/');
  return `# yaml-language-server: $schema=${relative}`;
}

/**
 * Whether `--period` is a period the kind takes: true, or the periods it takes (2023-H1 / 2023-H2)
 * for the usage message.
 */
export function periodAcceptedBy(kind: ReportKind, value: string): true | string {
  const match = PERIOD_PATTERN.exec(value);
  const year = match ? match[1]! : '2024';
  if (match && kindSpec(kind).periods.includes(match[2] === undefined ? 'year' : 'half')) return true;
  return kindSpec(kind).periods.map((shape) => (shape === 'year' ? year : `${year}-H1 / ${year}-H2`)).join(' / ');
}

/** Writes the file only if nothing is there: an existing report is never replaced. */
async function writeNew(file: string, text: string): Promise<Diagnostic | undefined> {
  try {
    await fs.writeFile(file, text, { flag: 'wx' });
    return undefined;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return error('new-file-exists', { path: file });
    throw cause;
  }
}

/**
 * Starts the next report: from the previous one (`from`) its org, its sources moved to the new
 * period, the metric ids it used, and its plan as the skeleton; without one, a commented skeleton.
 */
export async function newReport(options: NewReportOptions, cwd: string): Promise<NewReportResult> {
  const period = parsePeriod(options.period);
  const dir = options.from ? path.dirname(path.resolve(cwd, options.from)) : cwd;
  const file = path.resolve(cwd, options.out ?? path.join(dir, `${period.id.toLowerCase()}.yaml`));
  const body: Record<string, unknown> = {};
  let comments: string[] = [];
  if (options.from) {
    const { loaded, diagnostics } = await loadReport(path.resolve(cwd, options.from));
    if (!loaded || hasErrors(diagnostics)) return { path: file, written: false, diagnostics };
    const previous = loaded.report;
    const previousPeriod = parsePeriod(previous.report.period);
    body.report = { org: previous.report.org, kind: options.kind, period: period.id, date: options.date ?? localIsoDate() };
    if (previous.sources) body.sources = shiftSources(previous.sources, previousPeriod, period);
    body.intro = '（开头段）';
    body.sections = skeletonSections(previous, options.kind);
    if (kindSpec(options.kind).plan) body.plan = blankSections(options.kind).plan;
    comments = metricComments(loaded.metrics.map((m) => m.value));
  } else {
    body.report = { org: '（单位名称）', kind: options.kind, period: period.id, date: options.date ?? localIsoDate() };
    body.sources = { activities: 'activities/*.yaml', metrics: `metrics/${period.id.toLowerCase()}.yaml`, plans: `plans/${period.year}.yaml` };
    body.intro = '（开头段）';
    Object.assign(body, blankSections(options.kind));
  }
  body.next = '（结尾段）';
  const text = [modeline(file), `# ${kindSpec(options.kind).titleWord}（kind: ${options.kind}），由 plan-report new 生成：请改写括号中的文字。`, stringify(body, { lineWidth: 0 }).trimEnd(), ...comments, ''].join('\n');
  const exists = await writeNew(file, text);
  return exists ? { path: file, written: false, diagnostics: [exists] } : { path: file, written: true, diagnostics: [] };
}
