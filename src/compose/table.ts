import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TableBlock } from '../document/ast.js';
import { tableMarkup } from '../document/markup.js';
import type { Located } from '../load/project.js';
import { locate, type YamlPath } from '../load/source-file.js';
import { sourceOf } from '../model/provenance.js';
import type { ReportModel } from '../model/report-model.js';
import type { Metric } from '../schema/notes.js';
import type { MetricsTableSpec } from '../schema/table.js';
import { checkKnown, completionOf, growthOf, isPercent, pointsOf, ppPhrase, previousOf, yoyPhrase, type HelperCall } from './helpers.js';
import { formatNumber, formatRounded, PERCENT_DECIMALS } from './numbers.js';

const DEFAULT_CAPTION = '主要指标完成情况表';
/** A cell with no figure: no target, no previous period. */
const NONE = '—';

/** The phrases of the prose helpers, in a cell: the defaults of {{yoy}} and {{pp}}. */
const CELL_CALL: HelperCall = { name: 'table', params: [], hash: {} };

interface Column {
  header: string;
  /** Whether any row has the figure: a column of dashes only is left out. */
  applies(metric: Metric, model: ReportModel): boolean;
  cell(metric: Metric, model: ReportModel): string;
}

const hasTarget = (metric: Metric) => metric.target !== undefined && metric.target > 0;
const hasPrevious = (metric: Metric, model: ReportModel) => {
  const previous = previousOf(metric, model);
  return previous !== undefined && (isPercent(metric) || previous.value > 0);
};

/** 同比 of a rate is its change in 百分点; of any other figure, its growth (持平 when unchanged). */
function yearOnYear(metric: Metric, model: ReportModel): string {
  const phrase = isPercent(metric) ? ppPhrase(pointsOf(metric, model), CELL_CALL) : yoyPhrase(growthOf(metric, model), CELL_CALL);
  return phrase.replace(/^同比/, '').replace(/^与上年同期持平$/, '持平');
}

const COLUMNS: readonly Column[] = [
  { header: '指标', applies: () => true, cell: (metric) => metric.name },
  { header: '单位', applies: () => true, cell: (metric) => metric.unit },
  { header: '目标', applies: (metric) => metric.target !== undefined, cell: (metric) => (metric.target === undefined ? NONE : formatNumber(metric.target)) },
  { header: '完成', applies: () => true, cell: (metric) => formatNumber(metric.actual) },
  { header: '完成率', applies: hasTarget, cell: (metric) => (hasTarget(metric) ? `${formatRounded(completionOf(metric), PERCENT_DECIMALS, [100])}%` : NONE) },
  { header: '同比', applies: hasPrevious, cell: (metric, model) => (hasPrevious(metric, model) ? yearOnYear(metric, model) : NONE) },
];

/** The metrics a spec names, each checked where it is named; `table: metrics` takes them all. */
function tableMetrics(spec: MetricsTableSpec, path: YamlPath, model: ReportModel): { entries: Located<Metric>[]; diagnostics: Diagnostic[] } {
  const file = model.source.file;
  if (spec === 'metrics') {
    const entries = [...model.metricById.values()];
    return entries.length > 0 ? { entries, diagnostics: [] } : { entries, diagnostics: [error('table-no-metrics', {}, locate(file, path))] };
  }
  const diagnostics = spec.metrics.flatMap((id, i) =>
    checkKnown(id, model.metricById.keys(), 'unknown-metric', 'unknown-metric-suggest', 'id').map((d) => ({ ...d, location: locate(file, [...path, 'metrics', i]) })),
  );
  return { entries: diagnostics.length > 0 ? [] : spec.metrics.map((id) => model.metricById.get(id)!), diagnostics };
}

/**
 * A section's 主要指标完成情况表 as markup, with 目标, 完成率 and 同比 columns where some metric has
 * the data, each computed figure recorded for explain at the `table:` line.
 */
export function metricsTable(spec: MetricsTableSpec, path: YamlPath, model: ReportModel): { markup?: string; diagnostics: Diagnostic[] } {
  // With metrics missing (a file that failed to load), the ids cannot be checked nor the rows made.
  if (model.source.incomplete.has('metrics')) return { diagnostics: [] };
  const { entries, diagnostics } = tableMetrics(spec, path, model);
  if (diagnostics.length > 0) return { diagnostics };
  const columns = COLUMNS.filter((column) => entries.some((entry) => column.applies(entry.value, model)));
  const table: Omit<TableBlock, 'type'> = {
    caption: typeof spec === 'string' || spec.title === undefined ? DEFAULT_CAPTION : spec.title,
    header: columns.map((column) => column.header),
    rows: entries.map((entry) => columns.map((column) => column.cell(entry.value, model))),
  };
  recordFigures(entries, columns, table.rows, path, model);
  return { markup: tableMarkup(table), diagnostics: [] };
}

/** Each computed cell (完成率, 同比) as a figure of the report, read from its metric. */
function recordFigures(entries: readonly Located<Metric>[], columns: readonly Column[], rows: readonly string[][], path: YamlPath, model: ReportModel): void {
  const at = locate(model.source.file, path);
  entries.forEach((entry, r) => {
    columns.forEach((column, c) => {
      if (!['完成率', '同比'].includes(column.header) || rows[r]![c] === NONE) return;
      const previous = model.previousById.get(entry.value.id);
      const sources = [sourceOf(`metric ${entry.value.id}`, entry), ...(column.header === '同比' && entry.value.previous === undefined && previous ? [sourceOf(`previous ${entry.value.id}`, previous)] : [])];
      model.figures.push({ expression: `table: ${entry.value.name} ${column.header}`, value: rows[r]![c]!, at, sources });
    });
  });
}
