import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import type { Located } from '../load/project.js';
import { locate } from '../load/source-file.js';
import { activitiesTagged, countActivities, SUMMABLE_FIELDS, sumActivities, type SummableField } from '../model/aggregate.js';
import { chineseMonthDay } from '../model/period.js';
import { sourceOf, type FigureSource } from '../model/provenance.js';
import type { ReportModel } from '../model/report-model.js';
import { isPrintableFigure } from '../schema/values.js';
import type { Activity, Metric } from '../schema/notes.js';
import { formatNumber, formatRounded, PERCENT_DECIMALS } from './numbers.js';

/** The literal arguments of one {{ }} expression in the notes' prose. */
export interface HelperCall {
  name: string;
  params: (string | number)[];
  hash: Record<string, string | number>;
}

/**
 * One value that prose can print. `check` finds every problem without rendering (so that `check`
 * and `build` report the same things), unlocated: the caller places them at the expression.
 * `render` runs only on calls that passed.
 */
export interface ProseHelper {
  usage: string;
  check(call: HelperCall, model: ReportModel): Diagnostic[];
  render(call: HelperCall, model: ReportModel): string;
  /** The notes entries a figure read (explain); absent for what is not a figure. */
  sources?(call: HelperCall, model: ReportModel): FigureSource[];
}

function metricEntry(id: string | number | undefined, model: ReportModel): Located<Metric> {
  return model.metricById.get(String(id))!;
}

function metricOf(call: HelperCall, model: ReportModel): Metric {
  return metricEntry(call.params[0], model).value;
}

export function checkKnown(value: string, known: Iterable<string>, plain: DiagnosticCode, suggest: DiagnosticCode | undefined, param: 'id' | 'tag'): Diagnostic[] {
  const names = [...known];
  if (names.includes(value)) return [];
  const lookalike = invisibleDifference(value, names);
  if (lookalike) return [error('id-invisible-difference', { id: value, ...lookalike })];
  const suggestion = suggest && closest(value, names);
  return [suggestion ? error(suggest!, { [param]: value, suggestion }) : error(plain, { [param]: value, known: listNames(names) })];
}

/** Characters that print as nothing: a copy from a web page or a chat brings them along. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

function canonical(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC');
}

/**
 * A known name that reads the same as `typed` but is other characters (café typed as e + U+0301,
 * a zero-width space): never matched silently, but said plainly, with the characters that differ.
 */
function invisibleDifference(typed: string, known: readonly string[]): { known: string; position: number; typed: string; expected: string } | undefined {
  const match = known.find((name) => canonical(name) === canonical(typed));
  if (match === undefined) return undefined;
  const a = [...typed];
  const b = [...match];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { known: match, position: start + 1, typed: codePoints(a.slice(start, a.length - end)), expected: codePoints(b.slice(start, b.length - end)) };
}

/** U+0065 U+0301; "—" for no characters at all. */
function codePoints(chars: readonly string[]): string {
  return chars.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ') || '—';
}

/** Named options a helper may take besides its positional argument; anything else is a slip. */
type OptionName = 'scale' | 'digits' | 'of';

/** 万 and 亿 as the genre scales large figures: 35.42亿元. */
const SCALES: Record<string, number> = { 万: 1e4, 亿: 1e8 };
/** Decimals beyond this are not a report's precision but a slip. */
const MAX_DIGITS = 6;

function badArgs(call: HelperCall, usage: string): Diagnostic[] {
  return [error('bad-helper-args', { name: call.name, usage })];
}

/** The options are the helper's own and well formed: digits=0..6, scale="万"|"亿", of="指标编号". */
function checkOptions(call: HelperCall, allowed: readonly OptionName[], usage: string): Diagnostic[] {
  for (const [key, value] of Object.entries(call.hash)) {
    if (!allowed.includes(key as OptionName)) return badArgs(call, usage);
    if (key === 'digits' && !(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_DIGITS)) return badArgs(call, usage);
    if (key === 'scale' && !Object.hasOwn(SCALES, String(value))) return badArgs(call, usage);
  }
  return [];
}

function checkMetricId(value: string | number, model: ReportModel): Diagnostic[] {
  if (model.source.incomplete.has('metrics')) return [];
  return checkKnown(String(value), model.metricById.keys(), 'unknown-metric', 'unknown-metric-suggest', 'id');
}

/** The same metric of the previous period: its own `previous:`, else the previous-metrics entry of its id. */
export function previousOf(metric: Metric, model: ReportModel): { value: number; entry?: Located<Metric> } | undefined {
  if (metric.previous !== undefined) return { value: metric.previous };
  const entry = model.previousById.get(metric.id);
  return entry ? { value: entry.value.actual, entry } : undefined;
}

/** What a figure needs of its metric besides the id: each a check that says what is missing. */
type Requirement = (metric: Metric, call: HelperCall, model: ReportModel) => Diagnostic[];

const targetPresent: Requirement = (metric, call) =>
  metric.target === undefined ? [error('no-target', { id: metric.id, what: call.name === 'target' ? 'target' : 'rate' })] : [];

/** A rate divides by the target: zero or below has no meaning. */
const targetPositive: Requirement = (metric, call) => {
  if (metric.target === undefined) return targetPresent(metric, call, undefined as never);
  return metric.target <= 0 ? [error('zero-target', { id: metric.id, target: metric.target })] : [];
};

/** A previous value of the same unit: a figure in 万元 against one in 元 would be a silent wrong 同比. */
const previousPresent: Requirement = (metric, call, model) => {
  const previous = previousOf(metric, model);
  if (!previous) return [error('no-previous', { id: metric.id, name: call.name })];
  const unit = previous.entry?.value.unit;
  if (unit !== undefined && unit !== metric.unit) {
    const at = locate(previous.entry!.file, [...previous.entry!.path, 'unit']);
    return [error('previous-unit-mismatch', { id: metric.id, unit: metric.unit, previousUnit: unit, at: `${at.file}:${at.line}` })];
  }
  return [];
};

/** Growth divides by the previous value: from zero or below it has no meaning. */
const previousPositive: Requirement = (metric, call, model) => {
  const problems = previousPresent(metric, call, model);
  if (problems.length > 0) return problems;
  const previous = previousOf(metric, model)!.value;
  return previous <= 0 ? [error('previous-not-positive', { id: metric.id, previous, name: call.name })] : [];
};

/** 百分点 are the difference of two rates: the metric must be one (unit %). */
const percentUnit: Requirement = (metric, call) => (isPercent(metric) ? [] : [error('pp-needs-percent', { id: metric.id, unit: metric.unit, name: call.name })]);

/** Scaling a percentage to 万 or 亿 has no meaning. */
const scalable: Requirement = (metric, call) => (call.hash.scale !== undefined && isPercent(metric) ? [error('scale-percent', { id: metric.id, name: call.name })] : []);

/** A share of a total: another metric of the same unit, above zero, not below the part. */
const shareOfTotal: Requirement = (metric, call, model) => {
  const total = metricOf({ ...call, params: [call.hash.of!] }, model);
  if (total.unit !== metric.unit) return [error('share-unit-mismatch', { id: metric.id, unit: metric.unit, total: total.id, totalUnit: total.unit })];
  if (total.actual <= 0) return [error('total-not-positive', { total: total.id, value: total.actual })];
  if (metric.actual < 0 || metric.actual > total.actual) return [error('share-out-of-range', { id: metric.id, value: metric.actual, total: total.id, totalValue: total.actual })];
  return [];
};

export function isPercent(metric: Metric): boolean {
  return metric.unit.trim() === '%' || metric.unit.trim() === '％';
}

interface MetricFigure {
  /** How the helper is written, e.g. {{yoy "指标编号"}}: shown by bad-helper-args. */
  usage: string;
  options?: readonly OptionName[];
  requires?: readonly Requirement[];
  compute(metric: Metric, model: ReportModel, call: HelperCall): number;
  print(value: number, metric: Metric, call: HelperCall, model: ReportModel): string;
}

/** A helper over one metric, {{name "id" option=…}}: its arguments, its metric's data, then its value. */
function metricHelper(spec: MetricFigure): ProseHelper {
  const options = spec.options ?? [];
  return figureHelper(
    spec.usage,
    (call, model) => {
      if (call.params.length !== 1 || (options.includes('of') && call.hash.of === undefined)) return badArgs(call, spec.usage);
      const problems = [...checkOptions(call, options, spec.usage), ...checkMetricId(call.params[0]!, model), ...(call.hash.of !== undefined ? checkMetricId(call.hash.of, model) : [])];
      if (problems.length > 0 || model.source.incomplete.has('metrics')) return problems;
      const metric = metricOf(call, model);
      return (spec.requires ?? []).flatMap((requirement) => requirement(metric, call, model)).slice(0, 1);
    },
    (call, model) => spec.compute(metricOf(call, model), model, call),
    (value, call, model) => spec.print(value, metricOf(call, model), call, model),
    (call, model) => metricSources(call, model),
  );
}

/** The metric read, its total (of=) and the previous period's entry when that is where 同比 came from. */
function metricSources(call: HelperCall, model: ReportModel): FigureSource[] {
  const entry = metricEntry(call.params[0], model);
  const sources = [sourceOf(`metric ${entry.value.id}`, entry)];
  if (call.hash.of !== undefined) {
    const total = metricEntry(call.hash.of, model);
    sources.push(sourceOf(`metric ${total.value.id}`, total));
  }
  const previous = model.previousById.get(entry.value.id);
  if (entry.value.previous === undefined && previous && ['yoy', 'growth', 'pp', 'ppdiff'].includes(call.name)) sources.push(sourceOf(`previous ${previous.value.id}`, previous));
  return sources;
}

/** `digits=` when given, else the precision asked by default (undefined: as typed). */
function digitsOf(call: HelperCall, fallback: number | undefined): number | undefined {
  return typeof call.hash.digits === 'number' ? call.hash.digits : fallback;
}

/** A figure scaled as asked (scale="亿": 354200 万元 -> 35.42 亿元), in the unit it then has. */
function scaled(value: number, unit: string, scale: string | number | undefined): { value: number; unit: string } {
  if (scale === undefined) return { value, unit };
  const own = SCALES[unit[0] ?? ''] !== undefined ? unit[0]! : '';
  const base = own ? value * SCALES[own]! : value;
  return { value: base / SCALES[String(scale)]!, unit: String(scale) + unit.slice(own.length) };
}

/** A value and its unit; scaled ones keep two decimals unless digits= says (35.42亿元). */
function printAmount(value: number, unit: string, call: HelperCall, withUnit: boolean): string {
  const figure = scaled(value, unit, call.hash.scale);
  const digits = digitsOf(call, call.hash.scale === undefined ? undefined : PERCENT_DECIMALS);
  const number = digits === undefined ? formatNumber(figure.value) : formatRounded(figure.value, digits);
  return withUnit ? number + figure.unit : number;
}

/** A signed percentage or difference, the sign shown only when below zero. */
function printSigned(value: number, call: HelperCall, unit: '%' | ''): string {
  return formatRounded(value, digitsOf(call, PERCENT_DECIMALS)!, unit === '%' ? [100] : []) + unit;
}

export function growthOf(metric: Metric, model: ReportModel): number {
  const previous = previousOf(metric, model)!.value;
  return ((metric.actual - previous) / previous) * 100;
}

export function pointsOf(metric: Metric, model: ReportModel): number {
  return metric.actual - previousOf(metric, model)!.value;
}

/** 同比增长12.5% / 同比下降3.2% / 与上年同期持平 (only an unchanged figure is 持平). */
export function yoyPhrase(growth: number, call: HelperCall): string {
  if (growth === 0) return '与上年同期持平';
  return `同比${growth > 0 ? '增长' : '下降'}${printSigned(Math.abs(growth), call, '%')}`;
}

/** 提高2.3个百分点 / 下降2.3个百分点 / 与上年同期持平. */
export function ppPhrase(points: number, call: HelperCall): string {
  if (points === 0) return '与上年同期持平';
  return `${points > 0 ? '提高' : '下降'}${printSigned(Math.abs(points), call, '')}个百分点`;
}

export function completionOf(metric: Metric): number {
  return (metric.actual / metric.target!) * 100;
}

const METRIC_USAGE = (name: string, extra = '') => `{{${name} "指标编号"${extra}}}`;
const AMOUNT_OPTIONS: readonly OptionName[] = ['scale', 'digits'];

/** Tags named as `tag="a,b"` or as positional arguments; 、 and ， separate too. */
function tagsOf(call: HelperCall, fromIndex: number): string[] {
  const raw = [...call.params.slice(fromIndex), ...(call.hash.tag !== undefined ? [call.hash.tag] : [])];
  return raw.flatMap((value) => String(value).split(/[,，、]/)).map((tag) => tag.trim());
}

/**
 * Every tag named must be a known one. No tag at all ({{count}}) means every activity; a blank
 * one (tag="", tag="a,,b") is a slip, never "all".
 */
function checkTags(call: HelperCall, model: ReportModel, fromIndex: number, usage: string): Diagnostic[] {
  const unknownHash = Object.keys(call.hash).filter((key) => key !== 'tag');
  const tags = tagsOf(call, fromIndex);
  if (unknownHash.length > 0 || tags.includes('')) return [error('bad-helper-args', { name: call.name, usage })];
  if (model.source.incomplete.has('activities')) return [];
  return tags.flatMap((tag) => checkKnown(tag, model.knownTags, 'unknown-tag', 'unknown-tag-suggest', 'tag'));
}

function noArguments(usage: string) {
  return (call: HelperCall): Diagnostic[] =>
    call.params.length > 0 || Object.keys(call.hash).length > 0 ? [error('bad-helper-args', { name: call.name, usage })] : [];
}

/**
 * A helper that prints a figure: its arguments are checked first, then the value itself, which
 * must be printable (a sum or a rate can leave the range of the figures it is made of).
 */
function figureHelper(
  usage: string,
  checkArguments: (call: HelperCall, model: ReportModel) => Diagnostic[],
  compute: (call: HelperCall, model: ReportModel) => number,
  print: (value: number, call: HelperCall, model: ReportModel) => string,
  sources: (call: HelperCall, model: ReportModel) => FigureSource[],
): ProseHelper {
  return {
    usage,
    check: (call, model) => {
      const problems = checkArguments(call, model);
      // With notes missing (a file that failed to load), values cannot be computed, only checked.
      if (problems.length > 0 || model.source.incomplete.size > 0) return problems;
      const value = compute(call, model);
      return isPrintableFigure(value) ? [] : [error('computed-out-of-range', { name: call.name, value: String(value) })];
    },
    render: (call, model) => print(compute(call, model), call, model),
    sources,
  };
}

/** The activities of the period with any of the call's tags, in date order, as written. */
function taggedEntries(call: HelperCall, model: ReportModel, fromIndex: number): Located<Activity>[] {
  return activitiesTagged(model.activityEntries, tagsOf(call, fromIndex));
}

function activitySources(entries: readonly Located<Activity>[]): FigureSource[] {
  return entries.map((entry) => sourceOf(`activity ${entry.value.date} ${entry.value.title}`, entry));
}

/**
 * A helper over the activities of some tags that needs at least one of them (a first date, a list):
 * none in the period is said, not printed as an empty string.
 */
function activityListHelper(usage: string, print: (entries: Located<Activity>[]) => string): ProseHelper {
  return {
    usage,
    check: (call, model) => {
      const problems = checkTags(call, model, 0, usage);
      if (problems.length > 0 || model.source.incomplete.has('activities')) return problems;
      if (taggedEntries(call, model, 0).length > 0) return [];
      return [error('no-activities', { tags: tagsOf(call, 0).join('、') || '*', period: model.period.label })];
    },
    render: (call, model) => print(taggedEntries(call, model, 0)),
    sources: (call, model) => activitySources(taggedEntries(call, model, 0)),
  };
}

/** 3月11日至4月13日; one day alone when first and last are the same. */
function dateSpan(entries: readonly Located<Activity>[]): string {
  const first = chineseMonthDay(entries[0]!.value.date);
  const last = chineseMonthDay(entries[entries.length - 1]!.value.date);
  return first === last ? first : `${first}至${last}`;
}

const COUNT_USAGE = '{{count tag="标签"}}';
const SUM_USAGE = '{{sum "people" tag="标签"}}';
const DATE_USAGE = '{{date "活动编号"}}';
const YEAR_USAGE = '{{year}}';

/** An amount of one metric (its actual value or target), scaled to 万/亿 on request, with or without its unit. */
function amountHelper(name: string, compute: (metric: Metric) => number, withUnit: boolean, requires: readonly Requirement[] = []): ProseHelper {
  return metricHelper({
    usage: METRIC_USAGE(name, ' [scale="万|亿"] [digits=2]'),
    options: AMOUNT_OPTIONS,
    requires: [...requires, scalable],
    compute,
    print: (value, metric, call) => printAmount(value, metric.unit, call, withUnit),
  });
}

/** The registry: the only names prose may call. Each usage is what bad-helper-args shows. */
export const proseHelpers: Record<string, ProseHelper> = {
  // One metric: the value with its unit (scale="亿" -> 35.42亿元), the bare value, the target.
  metric: amountHelper('metric', (metric) => metric.actual, true),
  value: amountHelper('value', (metric) => metric.actual, false),
  target: amountHelper('target', (metric) => metric.target!, true, [targetPresent]),
  // 完成率: actual ÷ target, two decimals at most (83.33%); completion says it as the genre does.
  rate: metricHelper({
    usage: METRIC_USAGE('rate', ' [digits=2]'),
    options: ['digits'],
    requires: [targetPositive],
    compute: completionOf,
    print: (value, _metric, call) => printSigned(value, call, '%'),
  }),
  completion: metricHelper({
    usage: METRIC_USAGE('completion', ' [digits=2]'),
    options: ['digits'],
    requires: [targetPositive],
    compute: completionOf,
    print: (value, _metric, call) => `完成年计划的${printSigned(value, call, '%')}${value > 100 ? '，超额完成任务' : ''}`,
  }),
  // 同比: growth over the same metric of the previous period, as a phrase or a bare signed figure.
  yoy: metricHelper({
    usage: METRIC_USAGE('yoy', ' [digits=2]'),
    options: ['digits'],
    requires: [previousPositive],
    compute: growthOf,
    print: (value, _metric, call) => yoyPhrase(value, call),
  }),
  growth: metricHelper({
    usage: METRIC_USAGE('growth', ' [digits=2]'),
    options: ['digits'],
    requires: [previousPositive],
    compute: growthOf,
    print: (value, _metric, call) => printSigned(value, call, '%'),
  }),
  // A rate's change in 百分点 (unit %): 提高2.3个百分点, or the bare signed difference.
  pp: metricHelper({
    usage: METRIC_USAGE('pp', ' [digits=2]'),
    options: ['digits'],
    requires: [percentUnit, previousPresent],
    compute: pointsOf,
    print: (value, _metric, call) => ppPhrase(value, call),
  }),
  ppdiff: metricHelper({
    usage: METRIC_USAGE('ppdiff', ' [digits=2]'),
    options: ['digits'],
    requires: [percentUnit, previousPresent],
    compute: pointsOf,
    print: (value, _metric, call) => printSigned(value, call, ''),
  }),
  // A part's share of a total metric: 占全区{{share "a" of="b"}} -> 占全区36%.
  share: metricHelper({
    usage: '{{share "指标编号" of="总量指标编号"}} [digits=2]',
    options: ['of', 'digits'],
    requires: [shareOfTotal],
    compute: (metric, model, call) => (metric.actual / metricOf({ ...call, params: [call.hash.of!] }, model).actual) * 100,
    print: (value, _metric, call) => printSigned(value, call, '%'),
  }),
  count: figureHelper(
    COUNT_USAGE,
    (call, model) => checkTags(call, model, 0, COUNT_USAGE),
    (call, model) => countActivities(model.activities, tagsOf(call, 0)),
    formatNumber,
    (call, model) => activitySources(taggedEntries(call, model, 0)),
  ),
  sum: figureHelper(
    SUM_USAGE,
    (call, model) => {
      if (!SUMMABLE_FIELDS.includes(call.params[0] as SummableField)) return [error('bad-helper-args', { name: call.name, usage: SUM_USAGE })];
      return checkTags(call, model, 1, SUM_USAGE);
    },
    (call, model) => sumActivities(model.activities, call.params[0] as SummableField, tagsOf(call, 1)),
    formatNumber,
    (call, model) => activitySources(taggedEntries(call, model, 1).filter((entry) => entry.value[call.params[0] as SummableField] !== undefined)),
  ),
  // Dates of the activities of some tags: the first, the last, the span 3月11日至4月13日.
  first: activityListHelper('{{first tag="标签"}}', (entries) => chineseMonthDay(entries[0]!.value.date)),
  last: activityListHelper('{{last tag="标签"}}', (entries) => chineseMonthDay(entries[entries.length - 1]!.value.date)),
  span: activityListHelper('{{span tag="标签"}}', dateSpan),
  // Their titles in one run (视察调研、参观学习), or each with its date (3月11日视察调研、4月13日参观学习).
  titles: activityListHelper('{{titles tag="标签"}}', (entries) => distinct(entries.map((entry) => entry.value.title)).join('、')),
  list: activityListHelper('{{list tag="标签"}}', (entries) => entries.map((entry) => chineseMonthDay(entry.value.date) + entry.value.title).join('、')),
  year: {
    usage: YEAR_USAGE,
    check: noArguments(YEAR_USAGE),
    render: (_call, model) => String(model.period.year),
    sources: (_call, model) => [sourceOf('report.period', { file: model.source.file, path: ['report', 'period'], value: undefined })],
  },
  date: {
    usage: DATE_USAGE,
    check: (call, model) => {
      if (call.params.length !== 1 || Object.keys(call.hash).length > 0) return [error('bad-helper-args', { name: call.name, usage: DATE_USAGE })];
      if (model.source.incomplete.has('activities')) return [];
      return checkKnown(String(call.params[0]), model.activityById.keys(), 'unknown-activity', undefined, 'id');
    },
    render: (call, model) => chineseMonthDay(model.activityById.get(String(call.params[0]))!.value.date),
    sources: (call, model) => activitySources([model.activityById.get(String(call.params[0]))!]),
  },
};

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
