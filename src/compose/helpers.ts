import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import { countActivities, SUMMABLE_FIELDS, sumActivities, type SummableField } from '../model/aggregate.js';
import { chineseMonthDay } from '../model/period.js';
import type { ReportModel } from '../model/report-model.js';
import { isPrintableFigure } from '../schema/common.js';
import type { Metric } from '../schema/notes.js';
import { formatNumber, formatPercent } from './numbers.js';

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
}

function metricOf(call: HelperCall, model: ReportModel): Metric {
  return model.metricById.get(String(call.params[0]))!.value;
}

function checkMetric(call: HelperCall, model: ReportModel, usage: string): Diagnostic[] {
  if (call.params.length !== 1 || Object.keys(call.hash).length > 0) return [error('bad-helper-args', { name: call.name, usage })];
  if (model.source.incomplete.has('metrics')) return [];
  return checkKnown(String(call.params[0]), model.metricById.keys(), 'unknown-metric', 'unknown-metric-suggest', 'id');
}

function checkKnown(value: string, known: Iterable<string>, plain: DiagnosticCode, suggest: DiagnosticCode | undefined, param: 'id' | 'tag'): Diagnostic[] {
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

function checkTarget(call: HelperCall, model: ReportModel, what: string, needPositive: boolean): Diagnostic[] {
  const metric = metricOf(call, model);
  if (metric.target === undefined) return [error('no-target', { id: metric.id, what })];
  if (needPositive && metric.target <= 0) return [error('zero-target', { id: metric.id, target: metric.target })];
  return [];
}

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
  };
}

/** A helper over one metric: {{name "id"}}; `target` says whether it needs a target (rate: > 0). */
function metricHelper(name: 'metric' | 'value' | 'target' | 'rate', compute: (metric: Metric) => number, print: (value: number, metric: Metric) => string, target?: 'present' | 'positive'): ProseHelper {
  const usage = `{{${name} "指标编号"}}`;
  return figureHelper(
    usage,
    (call, model) => {
      const problems = checkMetric(call, model, usage);
      if (problems.length > 0 || !target || !model.metricById.has(String(call.params[0]))) return problems;
      return checkTarget(call, model, name, target === 'positive');
    },
    (call, model) => compute(metricOf(call, model)),
    (value, call, model) => print(value, metricOf(call, model)),
  );
}

const COUNT_USAGE = '{{count tag="标签"}}';
const SUM_USAGE = '{{sum "people" tag="标签"}}';
const DATE_USAGE = '{{date "活动编号"}}';

/** The registry: the only names prose may call. */
export const proseHelpers: Record<string, ProseHelper> = {
  metric: metricHelper('metric', (metric) => metric.actual, (value, metric) => formatNumber(value) + metric.unit),
  value: metricHelper('value', (metric) => metric.actual, formatNumber),
  target: metricHelper('target', (metric) => metric.target!, (value, metric) => formatNumber(value) + metric.unit, 'present'),
  // Checked as a percentage: that is the figure printed.
  rate: metricHelper('rate', (metric) => (metric.actual / metric.target!) * 100, (value) => formatPercent(value / 100), 'positive'),
  count: figureHelper(
    COUNT_USAGE,
    (call, model) => checkTags(call, model, 0, COUNT_USAGE),
    (call, model) => countActivities(model.activities, tagsOf(call, 0)),
    formatNumber,
  ),
  sum: figureHelper(
    SUM_USAGE,
    (call, model) => {
      if (!SUMMABLE_FIELDS.includes(call.params[0] as SummableField)) return [error('bad-helper-args', { name: call.name, usage: SUM_USAGE })];
      return checkTags(call, model, 1, SUM_USAGE);
    },
    (call, model) => sumActivities(model.activities, call.params[0] as SummableField, tagsOf(call, 1)),
    formatNumber,
  ),
  year: {
    usage: '{{year}}',
    check: noArguments('{{year}}'),
    render: (_call, model) => String(model.period.year),
  },
  date: {
    usage: DATE_USAGE,
    check: (call, model) => {
      if (call.params.length !== 1 || Object.keys(call.hash).length > 0) return [error('bad-helper-args', { name: call.name, usage: DATE_USAGE })];
      if (model.source.incomplete.has('activities')) return [];
      return checkKnown(String(call.params[0]), model.activityById.keys(), 'unknown-activity', undefined, 'id');
    },
    render: (call, model) => chineseMonthDay(model.activityById.get(String(call.params[0]))!.value.date),
  },
};
