import { isScalar, visit } from 'yaml';
import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import { TOKEN_START } from '../load/fast-data.js';
import type { Located } from '../load/project.js';
import { locate, locationAt, type SourceFile, type YamlPath } from '../load/source-file.js';
import { inPeriod, parsePeriod, type Period } from '../model/period.js';
import { hasRecordedProgress, planDueIn, plansPlacedIn, sectionNames } from '../model/plans.js';
import type { ReportModel } from '../model/report-model.js';
import { kindSpec } from '../schema/kinds.js';
import type { Plan } from '../schema/notes.js';
import type { ReportFile, Section } from '../schema/report.js';

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
    !section.summary && !section.text && !section.points?.length && !section.runs && !section.paragraphs?.length && !section.plans && !section.table && !section.sections
      ? [warning('empty-section', { title: section.title ?? section.lead ?? '' }, locate(model.source.file, ['sections', i, section.title === undefined ? 'lead' : 'title']))]
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

/** A section and where it is written; `part` says whether it belongs to the plan part. */
interface PlacedSection {
  section: Section;
  path: YamlPath;
  part: 'sections' | 'plan-part';
}

/** Every section of the report at any depth: the main ones, 存在的问题 as a section, the plan part's. */
export function reportSections(report: ReportFile): PlacedSection[] {
  const walk = (sections: readonly Section[], path: YamlPath, part: PlacedSection['part']): PlacedSection[] =>
    sections.flatMap((section, i) => {
      const at = [...path, i];
      return [{ section, path: at, part }, ...walk(section.sections ?? [], [...at, 'sections'], part)];
    });
  const problems = report.problems !== undefined && !Array.isArray(report.problems) ? [{ section: report.problems, path: ['problems'], part: 'sections' as const }] : [];
  return [...walk(report.sections, ['sections'], 'sections'), ...problems, ...walk(report.plan?.sections ?? [], ['plan', 'sections'], 'plan-part')];
}

/** The place of a plan's diagnostic: its section: when it has one, else its id. */
function planAt(entry: Located<Plan>) {
  return locate(entry.file, [...entry.path, entry.value.section === undefined ? 'id' : 'section']);
}

/**
 * A kind that prints the plans files' items (a work plan, a summary-and-plan's plan part): a plan
 * due in that part's period that no `plans: items` section takes would silently be left out.
 */
const planUnplaced: NotesRule = (model) => {
  const where = kindSpec(model.kind).listsPlans;
  const period = where === 'plan-part' ? model.planPeriod : model.period;
  if (where === undefined || period === undefined) return [];
  const sections = reportSections(model.source.report);
  const known = new Set(sections.flatMap(({ section }) => sectionNames(section)));
  const listing = new Set(sections.filter(({ section, part }) => part === where && section.plans === 'items').flatMap(({ section }) => sectionNames(section)));
  return model.source.plans
    .filter(({ value }) => planDueIn(value, period) && !(value.section !== undefined && (listing.has(value.section) || !known.has(value.section))))
    .map((entry) => warning('plan-unplaced', { id: entry.value.id, goal: entry.value.goal }, planAt(entry)));
};

/**
 * Whether the notes track plans at all: an activity names the plan it serves, or a section prints
 * plans. Notes that never link the two would get a warning for every plan, which says nothing.
 */
function tracksPlans(model: ReportModel): boolean {
  return model.source.activities.some(({ value }) => value.plan !== undefined) || reportSections(model.source.report).some(({ section }) => section.plans !== undefined);
}

/** A summary: a plan due in its period with no activity naming it and no metric measuring it. */
const planNoProgress: NotesRule = (model) => {
  if (!kindSpec(model.kind).summarises || !tracksPlans(model) || model.source.incomplete.has('activities') || model.source.incomplete.has('metrics')) return [];
  return model.source.plans
    .filter(({ value }) => value.due !== undefined && inPeriod(model.period, value.due) && !hasRecordedProgress(value, model))
    .map((entry) => warning('plan-no-progress', { id: entry.value.id, due: entry.value.due! }, locate(entry.file, [...entry.path, 'due'])));
};

/** An activity's `plan:` names a plan of the notes. */
const activityPlans: NotesRule = (model) => {
  if (model.source.incomplete.has('plans')) return [];
  return model.source.activities
    .filter(({ value }) => value.plan !== undefined && !model.planById.has(value.plan))
    .map((entry) => {
      const id = entry.value.plan!;
      const suggestion = closest(id, model.planById.keys());
      const at = locate(entry.file, [...entry.path, 'plan']);
      return suggestion ? error('unknown-plan-suggest', { id, suggestion }, at) : error('unknown-plan', { id, known: listNames(model.planById.keys()) }, at);
    });
};

/** A section that asks for its plans (`plans: items | status`) but has none placed in it prints nothing there. */
const sectionPlansEmpty: NotesRule = (model) => {
  if (model.source.incomplete.has('plans')) return [];
  return reportSections(model.source.report)
    .filter(({ section }) => section.plans !== undefined && plansPlacedIn(model, sectionNames(section)).length === 0)
    .map(({ section, path }) => {
      const [name = '', heading = name] = [section.id ?? section.title ?? section.lead, section.title ?? section.lead];
      return warning('section-plans-empty', { title: heading, mode: section.plans!, name }, locate(model.source.file, [...path, 'plans']));
    });
};

const planReferences: NotesRule = (model) => {
  const sectionTitles = reportSections(model.source.report).flatMap(({ section }) => sectionNames(section));
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

/**
 * Where a number typed with a leading zero may stand: a token that starts with 0 and a digit and
 * ends as a plain number ends (at the line end, a comment, a flow indicator or a key's colon). Text
 * without one (most notes: dates and times do not match) needs no walk of the YAML nodes, and a file
 * read by the fast parser no node tree at all.
 */
const LEADING_ZERO_CANDIDATE = new RegExp(String.raw`${TOKEN_START}[-+]?0\d[\d.eE+-]*(?=[ 	]*$|[ 	]+#|[ 	]*[,\]}]|[ 	]*:(?:\s|$))`, 'm');

/** YAML 1.2 reads 010 as 10 (YAML 1.1 read it as 8): say which, since either may surprise. */
export function leadingZeroNumbers(file: SourceFile): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (!LEADING_ZERO_CANDIDATE.test(file.text)) return found;
  visit(file.doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return;
      const typed = file.text.slice(node.range[0], node.range[1]).trim();
      if (/^[-+]?0\d/.test(typed)) found.push(warning('leading-zero-number', { value: typed, read: String(node.value) }, locationAt(file, node.range[0])));
    },
  });
  return found;
}

const RULES: readonly NotesRule[] = [
  activityOutsidePeriod,
  metricOutsidePeriod,
  emptySection,
  metricTargetNotPositive,
  metricBadUnit,
  planReferences,
  planUnplaced,
  planNoProgress,
  activityPlans,
  sectionPlansEmpty,
];

export function lintNotes(model: ReportModel): Diagnostic[] {
  return [...RULES.flatMap((rule) => rule(model)), ...model.source.files.flatMap(leadingZeroNumbers)];
}
