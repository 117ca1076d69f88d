import { z } from 'zod';
import { figure, id, isoDate, lineText, nonEmptyLine, period, prose } from './common.js';

/** What was done: one dated entry of the activity log. */
export const activity = z
  .strictObject({
    id: id.optional().meta({ description: '编号，供 {{date "id"}} 引用 / id, for {{date "id"}}' }),
    date: isoDate,
    title: nonEmptyLine.meta({ description: '活动名称 / what was done' }),
    tags: z.array(nonEmptyLine).optional().meta({ description: '标签，供 {{count tag="…"}} 统计 / tags, counted by {{count tag="…"}}' }),
    people: figure.int().min(0).optional().meta({ description: '参加人数 / number of people' }),
    count: figure.min(0).optional().meta({ description: '数量（件、次、人次…）/ a quantity' }),
    note: z.string().optional().meta({ description: '备注（不进入报告）/ a note, not printed' }),
    plan: id.optional().meta({ description: '所落实的计划编号 / the id of the plan it serves' }),
  })
  .meta({ title: 'activity' });

/** What was measured, with its target. */
export const metric = z
  .strictObject({
    id,
    name: nonEmptyLine.meta({ description: '指标名称 / name' }),
    unit: lineText.meta({ description: '单位：张、台、个、% … / unit' }),
    actual: figure.meta({ description: '实际完成值 / the value reached' }),
    target: figure.optional().meta({ description: '目标值 / the target' }),
    baseline: figure.optional().meta({ description: '基期值 / baseline' }),
    previous: figure.optional().meta({ description: '上年同期值 / same period last year' }),
    period: period.optional(),
  })
  .meta({ title: 'metric' });

/** What was planned. */
export const plan = z
  .strictObject({
    id,
    goal: nonEmptyLine.meta({ description: '目标 / the goal' }),
    measures: prose.optional().meta({ description: '措施，印在目标之后 / the measures, printed after the goal' }),
    due: isoDate.optional(),
    responsible: nonEmptyLine.optional().meta({ description: '责任单位 / the responsible unit' }),
    metric: id.optional().meta({ description: '衡量它的指标编号（其目标值即计划目标）/ the metric that measures it (its target is the plan\'s)' }),
    section: nonEmptyLine.optional().meta({ description: '归入报告的哪一节：章节的 id 或标题 / the report section it belongs to: its id or title' }),
  })
  .meta({ title: 'plan' });

export const activitiesFile = z.strictObject({ activities: z.array(activity).meta({ description: '活动记录 / the activity log' }) }).meta({ title: 'plan-report activities file' });
export const metricsFile = z.strictObject({ metrics: z.array(metric).meta({ description: '指标 / metrics' }) }).meta({ title: 'plan-report metrics file' });
export const plansFile = z.strictObject({ plans: z.array(plan).meta({ description: '计划 / plans' }) }).meta({ title: 'plan-report plans file' });

export type Activity = z.infer<typeof activity>;
export type Metric = z.infer<typeof metric>;
export type Plan = z.infer<typeof plan>;
