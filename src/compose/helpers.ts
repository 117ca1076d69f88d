import { error, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import { countActivities, SUMMABLE_FIELDS, sumActivities, type SummableField } from '../model/aggregate.js';
import { chineseMonthDay } from '../model/period.js';
import type { ReportModel } from '../model/report-model.js';
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
 * and `build` report the same things); `render` runs only on calls that passed.
 */
export interface ProseHelper {
  usage: string;
  check(call: HelperCall, model: ReportModel, at: Location): Diagnostic[];
  render(call: HelperCall, model: ReportModel): string;
}

function metricOf(call: HelperCall, model: ReportModel): Metric {
  return model.metricById.get(String(call.params[0]))!.value;
}

function checkMetric(call: HelperCall, model: ReportModel, at: Location, usage: string): Diagnostic[] {
  if (call.params.length !== 1 || Object.keys(call.hash).length > 0) return [error('bad-helper-args', { name: call.name, usage }, at)];
  if (model.source.incomplete.has('metrics')) return [];
  return checkKnown(String(call.params[0]), model.metricById.keys(), 'unknown-metric', 'unknown-metric-suggest', at, 'id');
}

function checkKnown(value: string, known: Iterable<string>, plain: DiagnosticCode, suggest: DiagnosticCode, at: Location, param: 'id' | 'tag'): Diagnostic[] {
  const names = [...known];
  if (names.includes(value)) return [];
  const suggestion = closest(value, names);
  return [suggestion ? error(suggest, { [param]: value, suggestion }, at) : error(plain, { [param]: value, known: listNames(names) }, at)];
}

function checkTarget(call: HelperCall, model: ReportModel, at: Location, what: string, needPositive: boolean): Diagnostic[] {
  const metric = metricOf(call, model);
  if (metric.target === undefined) return [error('no-target', { id: metric.id, what }, at)];
  if (needPositive && metric.target <= 0) return [error('zero-target', { id: metric.id, target: metric.target }, at)];
  return [];
}

/** Tags named as `tag="a,b"` or as positional arguments; 、 and ， separate too. */
function tagsOf(call: HelperCall, fromIndex: number): string[] {
  const raw = [...call.params.slice(fromIndex), ...(call.hash.tag !== undefined ? [call.hash.tag] : [])];
  return raw.flatMap((value) => String(value).split(/[,，、]/)).map((tag) => tag.trim()).filter(Boolean);
}

function checkTags(call: HelperCall, model: ReportModel, at: Location, fromIndex: number, usage: string): Diagnostic[] {
  const unknownHash = Object.keys(call.hash).filter((key) => key !== 'tag');
  if (unknownHash.length > 0) return [error('bad-helper-args', { name: call.name, usage }, at)];
  if (model.source.incomplete.has('activities')) return [];
  return tagsOf(call, fromIndex).flatMap((tag) => checkKnown(tag, model.knownTags, 'unknown-tag', 'unknown-tag-suggest', at, 'tag'));
}

function noArguments(usage: string) {
  return (call: HelperCall, _model: ReportModel, at: Location): Diagnostic[] =>
    call.params.length > 0 || Object.keys(call.hash).length > 0 ? [error('bad-helper-args', { name: call.name, usage }, at)] : [];
}

/** A helper over one metric: {{name "id"}}; `target` says whether it needs a target (rate: > 0). */
function metricHelper(name: 'metric' | 'value' | 'target' | 'rate', render: (metric: Metric) => string, target?: 'present' | 'positive'): ProseHelper {
  const usage = `{{${name} "指标编号"}}`;
  return {
    usage,
    check: (call, model, at) => {
      const problems = checkMetric(call, model, at, usage);
      if (problems.length > 0 || !target || !model.metricById.has(String(call.params[0]))) return problems;
      return checkTarget(call, model, at, name, target === 'positive');
    },
    render: (call, model) => render(metricOf(call, model)),
  };
}

/** The registry: the only names prose may call. */
export const proseHelpers: Record<string, ProseHelper> = {
  metric: metricHelper('metric', (metric) => formatNumber(metric.actual) + metric.unit),
  value: metricHelper('value', (metric) => formatNumber(metric.actual)),
  target: metricHelper('target', (metric) => formatNumber(metric.target!) + metric.unit, 'present'),
  rate: metricHelper('rate', (metric) => formatPercent(metric.actual / metric.target!), 'positive'),
  count: {
    usage: '{{count tag="标签"}}',
    check: (call, model, at) => checkTags(call, model, at, 0, '{{count tag="标签"}}'),
    render: (call, model) => formatNumber(countActivities(model.activities, tagsOf(call, 0))),
  },
  sum: {
    usage: '{{sum "people" tag="标签"}}',
    check: (call, model, at) => {
      const usage = '{{sum "people" tag="标签"}}';
      const field = call.params[0];
      if (!SUMMABLE_FIELDS.includes(field as SummableField)) return [error('bad-helper-args', { name: call.name, usage }, at)];
      return checkTags(call, model, at, 1, usage);
    },
    render: (call, model) => formatNumber(sumActivities(model.activities, call.params[0] as SummableField, tagsOf(call, 1))),
  },
  year: {
    usage: '{{year}}',
    check: noArguments('{{year}}'),
    render: (_call, model) => String(model.period.year),
  },
  date: {
    usage: '{{date "活动编号"}}',
    check: (call, model, at) => {
      if (call.params.length !== 1 || Object.keys(call.hash).length > 0) return [error('bad-helper-args', { name: call.name, usage: '{{date "活动编号"}}' }, at)];
      const id = String(call.params[0]);
      if (model.activityById.has(id) || model.source.incomplete.has('activities')) return [];
      return [error('unknown-activity', { id, known: listNames(model.activityById.keys()) }, at)];
    },
    render: (call, model) => chineseMonthDay(model.activityById.get(String(call.params[0]))!.value.date),
  },
};
