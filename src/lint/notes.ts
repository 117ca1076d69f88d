import { isScalar, visit } from 'yaml';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import { locate, locationAt, type SourceFile } from '../load/source-file.js';
import { inPeriod, parsePeriod, type Period } from '../model/period.js';
import type { ReportModel } from '../model/report-model.js';

/**
 * Rules over the notes of one report: what a reviewer would send back before reading the prose.
 * Each rule is a pure function of the model; all of them run, and their findings add up.
 */
type NotesRule = (model: ReportModel) => Diagnostic[];

/** Inline activities belong to the report; one dated outside its period is almost surely a typo. */
const activityOutsidePeriod: NotesRule = (model) =>
  model.source.activities
    .filter((entry) => entry.file === model.source.file && !inPeriod(model.period, entry.value.date))
    .map((entry) =>
      warning(
        'activity-outside-period',
        { date: entry.value.date, period: model.period.id, start: model.period.start, end: model.period.end },
        locate(entry.file, [...entry.path, 'date']),
      ),
    );

function overlaps(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

const metricOutsidePeriod: NotesRule = (model) =>
  model.source.metrics
    .filter((entry) => entry.value.period !== undefined && !overlaps(parsePeriod(entry.value.period), model.period))
    .map((entry) =>
      warning('metric-outside-period', { id: entry.value.id, metricPeriod: entry.value.period!, period: model.period.id }, locate(entry.file, [...entry.path, 'period'])),
    );

const emptySection: NotesRule = (model) =>
  model.source.report.sections.flatMap((section, i) =>
    !section.summary && !section.points?.length && !section.paragraphs?.length
      ? [warning('empty-section', { title: section.title }, locate(model.source.file, ['sections', i, 'title']))]
      : [],
  );

const metricTargetNotPositive: NotesRule = (model) =>
  model.source.metrics
    .filter((entry) => entry.value.target !== undefined && entry.value.target <= 0)
    .map((entry) => warning('metric-target-not-positive', { id: entry.value.id, target: entry.value.target! }, locate(entry.file, [...entry.path, 'target'])));

/** A unit is a short word or sign (张, 人次, 万元, %, ‰); a number or a sentence is not. */
export function looksLikeUnit(unit: string): boolean {
  return unit === '' || (/^[^\d\s,，。；;:：0-9０-９]{1,5}$/u.test(unit) && !/^[A-Za-z]{3,}$/.test(unit));
}

const metricBadUnit: NotesRule = (model) =>
  model.source.metrics
    .filter((entry) => !looksLikeUnit(entry.value.unit))
    .map((entry) => warning('metric-bad-unit', { unit: entry.value.unit }, locate(entry.file, [...entry.path, 'unit'])));

const planReferences: NotesRule = (model) => {
  const sectionTitles = model.source.report.sections.map((s) => s.title);
  return model.source.plans.flatMap((entry) => {
    const found: Diagnostic[] = [];
    const { metric, section } = entry.value;
    if (metric !== undefined && !model.metricById.has(metric)) {
      const suggestion = closest(metric, model.metricById.keys());
      const at = locate(entry.file, [...entry.path, 'metric']);
      found.push(
        suggestion
          ? error('unknown-metric-suggest', { id: metric, suggestion }, at)
          : error('unknown-metric', { id: metric, known: listNames(model.metricById.keys()) }, at),
      );
    }
    if (section !== undefined && !sectionTitles.includes(section)) {
      found.push(warning('unknown-section', { section, known: listNames(sectionTitles, 5) }, locate(entry.file, [...entry.path, 'section'])));
    }
    return found;
  });
};

/** YAML 1.2 reads 010 as 10 (YAML 1.1 read it as 8): say which, since either may surprise. */
export function leadingZeroNumbers(file: SourceFile): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(file.doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return;
      const typed = file.text.slice(node.range[0], node.range[1]).trim();
      if (/^[-+]?0\d/.test(typed)) found.push(warning('leading-zero-number', { value: typed, read: String(node.value) }, locationAt(file, node.range[0])));
    },
  });
  return found;
}

const RULES: readonly NotesRule[] = [activityOutsidePeriod, metricOutsidePeriod, emptySection, metricTargetNotPositive, metricBadUnit, planReferences];

export function lintNotes(model: ReportModel): Diagnostic[] {
  return [...RULES.flatMap((rule) => rule(model)), ...model.source.files.flatMap(leadingZeroNumbers)];
}
