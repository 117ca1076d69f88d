import type { Located } from '../load/project.js';
import type { Metric, Plan } from '../schema/notes.js';
import { inPeriod, type Period } from './period.js';
import type { ReportModel } from './report-model.js';

/** A plan's progress as a summary reports it. */
export type PlanStatus = 'done' | 'in-progress' | 'not-started';

export interface PlanProgress {
  status: PlanStatus;
  /** Activities of the period that name the plan (`plan: id`). */
  activities: number;
  /** The metric that measures it, when it has one with a positive target. */
  metric?: Metric;
}

/** The names a plan's `section:` may give for a section: its id, or its heading (title or lead) as typed. */
export function sectionNames(section: { id?: string | undefined; title?: string | undefined; lead?: string | undefined }): string[] {
  return [section.id, section.title ?? section.lead].filter((name): name is string => name !== undefined);
}

/** Whether a plan belongs in a part about `period`: due inside it, or undated. */
export function planDueIn(plan: Plan, period: Period): boolean {
  return plan.due === undefined || inPeriod(period, plan.due);
}

/** The plans of the notes placed under a section (by its id or title), in the order written. */
export function plansPlacedIn(model: ReportModel, names: readonly string[]): Located<Plan>[] {
  return model.source.plans.filter((entry) => entry.value.section !== undefined && names.includes(entry.value.section));
}

/**
 * Progress from the notes: a metric with a positive target gives it (reached, started, or not);
 * otherwise activities that name the plan do: done once the plan is due within the period,
 * else in progress; nothing recorded is not started.
 */
export function planProgress(plan: Plan, model: ReportModel): PlanProgress {
  const activities = model.activities.filter((activity) => activity.plan === plan.id).length;
  const metric = plan.metric === undefined ? undefined : model.metricById.get(plan.metric)?.value;
  if (metric?.target !== undefined && metric.target > 0) {
    const status: PlanStatus = metric.actual >= metric.target ? 'done' : metric.actual > 0 ? 'in-progress' : 'not-started';
    return { status, activities, metric };
  }
  if (activities === 0) return { status: 'not-started', activities };
  const due = plan.due !== undefined && plan.due <= model.period.end;
  return { status: due ? 'done' : 'in-progress', activities };
}

/** Whether anything in the notes records work on the plan: an activity naming it, or its metric. */
export function hasRecordedProgress(plan: Plan, model: ReportModel): boolean {
  return model.activities.some((activity) => activity.plan === plan.id) || (plan.metric !== undefined && model.metricById.has(plan.metric));
}
