import { formatNumber, formatPercent } from './numbers.js';
import { chineseDate } from '../model/period.js';
import type { PlanProgress, PlanStatus } from '../model/plans.js';
import type { Metric, Plan } from '../schema/notes.js';

/**
 * The sentences a plan becomes on the page, in the genre's words. Goal and measures come rendered
 * (their {{ }} evaluated) and escaped; what is added here is fixed Chinese text and figures.
 */

function figureWithUnit(value: number, metric: Metric): string {
  return formatNumber(value) + metric.unit;
}

/** A plan item of a work plan: 目标 then 措施, 指标目标, 责任单位 and 完成时限. */
export function planItemText(plan: Plan, measures: string | undefined, metric: Metric | undefined): string {
  const details = [
    metric?.target !== undefined ? `${metric.name}目标${figureWithUnit(metric.target, metric)}` : undefined,
    plan.responsible !== undefined ? `责任单位：${plan.responsible}` : undefined,
    plan.due !== undefined ? `完成时限：${chineseDate(plan.due)}前` : undefined,
  ].filter((part): part is string => part !== undefined);
  const opening = measures === undefined || /[。；！？]$/.test(measures) ? measures : `${measures}。`;
  return [opening, details.length > 0 ? `${details.join('；')}。` : undefined].filter(Boolean).join('');
}

const STATUS_WORDS: Record<PlanStatus, string> = { done: '已完成', 'in-progress': '正在推进', 'not-started': '尚未开展' };

/** A planned item's status in a summary: 已完成 / 正在推进 / 尚未开展, with actual against target and 完成率. */
export function planStatusText(progress: PlanProgress): string {
  const parts = [STATUS_WORDS[progress.status]];
  const { metric } = progress;
  if (metric?.target !== undefined) {
    parts.push(`${metric.name}${figureWithUnit(metric.actual, metric)}，目标${figureWithUnit(metric.target, metric)}，完成率${formatPercent(metric.actual / metric.target)}`);
  } else if (progress.activities > 0) {
    parts.push(`开展相关活动${progress.activities}次`);
  }
  return `${parts.join('，')}。`;
}
