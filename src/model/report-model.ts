import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Located, LoadedReport } from '../load/project.js';
import { locate, type SourceFile, type YamlPath } from '../load/source-file.js';
import type { Activity, Metric, Plan } from '../schema/notes.js';
import { kindSpec, REPORT_KINDS, type PeriodShape, type ReportKind } from '../schema/kinds.js';
import { formalOf, type FormalModel } from './formal.js';
import { chineseDate, inPeriod, nextPeriod, parsePeriod, type Period } from './period.js';
import type { ComputedFigure } from './provenance.js';

/**
 * The notes normalised for one report: the period resolved, the activity log filtered to it, ids
 * indexed. Compose reads only this.
 */
export interface ReportModel {
  source: LoadedReport;
  kind: ReportKind;
  org: string;
  /** Where the org was written: the report, or the config file it defaults from. */
  orgAt: WrittenAt;
  /** 发文机关署名: the report's, else the config's when the org is the config's too, else the org. */
  signature: string;
  signatureAt: WrittenAt;
  period: Period;
  /** A summary-and-plan's plan part: its own period, the next one unless `report.plan-period` says. */
  planPeriod?: Period;
  /** ISO date of 成文日期. */
  date: string;
  /** 成文日期 as printed: 2023年7月5日. */
  dateText: string;
  /** `report.title`: one string (broken into lines when printed), or its lines as given. */
  title?: string | string[];
  /** 版头 and 版记 (GB/T 9704 §7.2, §7.4): present when the report has `formal:`. */
  formal?: FormalModel;
  /** The activities dated inside the period: what the report's counts and sums see. */
  activities: Activity[];
  /** The same activities with where each was written, in date order: what lists and provenance read. */
  activityEntries: Located<Activity>[];
  activityById: Map<string, Located<Activity>>;
  metricById: Map<string, Located<Metric>>;
  /** The metrics of the previous period (`sources: previous-metrics:`), for 同比 by the same id. */
  previousById: Map<string, Located<Metric>>;
  planById: Map<string, Located<Plan>>;
  /** Every tag of the activity log, in any period: a tag outside this set is a typo. */
  knownTags: Set<string>;
  /** Every figure compose computed, in the order printed: filled as the prose renders (explain). */
  figures: ComputedFigure[];
}

/** A value of the notes and the place it was written. */
export interface WrittenAt {
  file: SourceFile;
  path: YamlPath;
}

interface Named {
  text: string;
  at: WrittenAt;
}

/** The org and signature: the report's own, else the office's plan-report.yaml, else an error. */
function orgAndSignature(loaded: LoadedReport, diagnostics: Diagnostic[]): { org: Named; signature: Named } {
  const meta = loaded.report.report;
  const config = loaded.config;
  const own = (key: 'org' | 'signature'): Named | undefined => (meta[key] === undefined ? undefined : { text: meta[key], at: { file: loaded.file, path: ['report', key] } });
  const office = (key: 'org' | 'signature'): Named | undefined => (config?.value[key] === undefined ? undefined : { text: config.value[key], at: { file: config.file, path: [key] } });
  let org = own('org') ?? office('org');
  if (!org) {
    // Only a report that prints the org needs one: a speech has no signature and, titled, no default title.
    const spec = kindSpec(meta.kind);
    if (spec.signed || (spec.titled && meta.title === undefined)) diagnostics.push(error('missing-org', {}, locate(loaded.file, ['report'], 'key')));
    org = { text: '', at: { file: loaded.file, path: ['report'] } };
  }
  // The office's signature belongs to the office's org: a report that names its own org signs with it.
  const signature = own('signature') ?? (meta.org === undefined ? office('signature') : undefined) ?? org;
  return { org, signature };
}

export function buildModel(loaded: LoadedReport): { model: ReportModel; diagnostics: Diagnostic[] } {
  const meta = loaded.report.report;
  const period = parsePeriod(meta.period);
  const planPeriod = kindSpec(meta.kind).plan ? (meta['plan-period'] === undefined ? nextPeriod(period) : parsePeriod(meta['plan-period'])) : undefined;
  const diagnostics: Diagnostic[] = [...kindPeriodDiagnostics(loaded, period), ...kindPartDiagnostics(loaded, period, planPeriod)];
  const { org, signature } = orgAndSignature(loaded, diagnostics);
  const { formal, diagnostics: formalDiagnostics } = formalOf(loaded, meta.date);
  diagnostics.push(...formalDiagnostics);
  const activityById = indexById(loaded.activities.filter((a) => a.value.id !== undefined) as Located<Activity & { id: string }>[], diagnostics);
  const metricById = indexById(loaded.metrics, diagnostics);
  const previousById = indexById(loaded.previousMetrics, diagnostics);
  const planById = indexById(loaded.plans, diagnostics);
  const model: ReportModel = {
    source: loaded,
    kind: meta.kind,
    org: org.text,
    orgAt: org.at,
    signature: signature.text,
    signatureAt: signature.at,
    period,
    ...(planPeriod ? { planPeriod } : {}),
    date: meta.date,
    dateText: chineseDate(meta.date),
    ...(meta.title ? { title: meta.title } : {}),
    ...(formal ? { formal } : {}),
    ...activitiesIn(loaded, period),
    activityById,
    metricById,
    previousById,
    planById,
    knownTags: new Set(loaded.activities.flatMap((a) => a.value.tags ?? [])),
    figures: [],
  };
  return { model, diagnostics };
}

/** The activities dated inside a period, as values and, in date order, as located entries. */
function activitiesIn(loaded: LoadedReport, period: Period): Pick<ReportModel, 'activities' | 'activityEntries'> {
  const entries = loaded.activities.filter((a) => inPeriod(period, a.value.date));
  return { activities: entries.map((a) => a.value), activityEntries: inDateOrder(entries) };
}

/**
 * The entries in date order, those of one day in the order written. A log spans a few hundred
 * days at most: its entries are put in a bucket a day, and only the days are sorted.
 */
function inDateOrder(entries: readonly Located<Activity>[]): Located<Activity>[] {
  const byDay = new Map<string, Located<Activity>[]>();
  for (const entry of entries) {
    const day = byDay.get(entry.value.date);
    if (day) day.push(entry);
    else byDay.set(entry.value.date, [entry]);
  }
  return [...byDay.keys()].sort().flatMap((day) => byDay.get(day)!);
}

function shapeOf(period: Period): PeriodShape {
  return period.half === undefined ? 'year' : 'half';
}

function periodsOfShape(shape: PeriodShape, year: number): string {
  return shape === 'year' ? String(year) : `${year}-H1 / ${year}-H2`;
}

/** A period the kind does not take, said with the periods it takes and the kinds that take this one. */
function kindPeriodDiagnostics(loaded: LoadedReport, period: Period): Diagnostic[] {
  const kind = loaded.report.report.kind;
  const accepted = kindSpec(kind).periods;
  if (accepted.includes(shapeOf(period))) return [];
  return [
    error(
      'kind-period-mismatch',
      {
        kindName: kind,
        period: period.id,
        expected: accepted.map((shape) => periodsOfShape(shape, period.year)).join(' / '),
        fits: REPORT_KINDS.filter((other) => kindSpec(other).periods.includes(shapeOf(period))).join('、'),
      },
      locate(loaded.file, ['report', 'period']),
    ),
  ];
}

/**
 * The plan part belongs to the kinds that print one: there it is required and its period must come
 * after the summary's; elsewhere `plan:` and `report.plan-period` would silently print nothing.
 */
function kindPartDiagnostics(loaded: LoadedReport, period: Period, planPeriod: Period | undefined): Diagnostic[] {
  const { report, file } = loaded;
  const kind = report.report.kind;
  if (!planPeriod) {
    const stray: YamlPath[] = [...(report.plan ? [['plan']] : []), ...(report.report['plan-period'] !== undefined ? [['report', 'plan-period']] : [])];
    return stray.map((path) => error('kind-part-unexpected', { part: path.join('.'), kindName: kind }, locate(file, path)));
  }
  const found: Diagnostic[] = [];
  if (!report.plan) found.push(error('plan-part-missing', { kindName: kind }, locate(file, ['report', 'kind'])));
  if (planPeriod.start <= period.end) {
    found.push(error('plan-period-not-after', { planPeriod: planPeriod.id, period: period.id, next: nextPeriod(period).id }, locate(file, ['report', 'plan-period'])));
  }
  return found;
}

/** The model as a part about another period sees it: the plan part of a summary-and-plan. */
export function modelForPeriod(model: ReportModel, period: Period): ReportModel {
  return { ...model, period, ...activitiesIn(model.source, period) };
}

/** Indexes entries by id; a second entry with the same id is an error at the second place. */
function indexById<T extends { id: string }>(entries: readonly Located<T>[], diagnostics: Diagnostic[]): Map<string, Located<T>> {
  const byId = new Map<string, Located<T>>();
  for (const entry of entries) {
    const first = byId.get(entry.value.id);
    if (first) {
      const at = locate(first.file, first.path);
      diagnostics.push(error('duplicate-id', { id: entry.value.id, first: `${at.file}:${at.line}` }, locate(entry.file, [...entry.path, 'id'])));
      continue;
    }
    byId.set(entry.value.id, entry);
  }
  return byId;
}
