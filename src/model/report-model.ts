import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Located, LoadedReport } from '../load/project.js';
import { locate } from '../load/source-file.js';
import type { Activity, Metric, Plan } from '../schema/notes.js';
import type { ReportKind } from '../schema/report.js';
import { chineseDate, inPeriod, parsePeriod, type Period } from './period.js';

/**
 * The notes normalised for one report: the period resolved, the activity log filtered to it, ids
 * indexed. Compose reads only this.
 */
export interface ReportModel {
  source: LoadedReport;
  kind: ReportKind;
  org: string;
  period: Period;
  /** ISO date of 成文日期. */
  date: string;
  /** 成文日期 as printed: 2023年7月5日. */
  dateText: string;
  title?: string;
  /** The activities dated inside the period: what the report's counts and sums see. */
  activities: Activity[];
  activityById: Map<string, Located<Activity>>;
  metricById: Map<string, Located<Metric>>;
  planById: Map<string, Located<Plan>>;
  /** Every tag of the activity log, in any period: a tag outside this set is a typo. */
  knownTags: Set<string>;
}

/** Whether each kind covers a half year (else a whole year). */
const KIND_IS_HALF_YEAR: Record<ReportKind, boolean> = {
  'half-year-summary': true,
};

export function buildModel(loaded: LoadedReport): { model: ReportModel; diagnostics: Diagnostic[] } {
  const meta = loaded.report.report;
  const period = parsePeriod(meta.period);
  const diagnostics: Diagnostic[] = [...kindPeriodDiagnostics(loaded, period)];
  const activityById = indexById(loaded.activities.filter((a) => a.value.id !== undefined) as Located<Activity & { id: string }>[], diagnostics);
  const metricById = indexById(loaded.metrics, diagnostics);
  const planById = indexById(loaded.plans, diagnostics);
  const model: ReportModel = {
    source: loaded,
    kind: meta.kind,
    org: meta.org,
    period,
    date: meta.date,
    dateText: chineseDate(meta.date),
    ...(meta.title ? { title: meta.title } : {}),
    activities: loaded.activities.map((a) => a.value).filter((a) => inPeriod(period, a.date)),
    activityById,
    metricById,
    planById,
    knownTags: new Set(loaded.activities.flatMap((a) => a.value.tags ?? [])),
  };
  return { model, diagnostics };
}

function kindPeriodDiagnostics(loaded: LoadedReport, period: Period): Diagnostic[] {
  const kind = loaded.report.report.kind;
  const halves = KIND_IS_HALF_YEAR[kind];
  if (halves === (period.half !== undefined)) return [];
  return [
    error(
      'kind-period-mismatch',
      { kindName: kind, period: period.id, expected: halves ? `${period.year}-H1 / ${period.year}-H2` : String(period.year) },
      locate(loaded.file, ['report', 'period']),
    ),
  ];
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
