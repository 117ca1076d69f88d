import { z } from 'zod';
import { id, nonEmptyLine } from './common.js';

/**
 * A 主要指标完成情况表 in a section: `table: metrics` for every metric of the report, or
 * `{ metrics: [id, …], title: … }` for some of them, in the order given.
 */
export const metricsTable = z
  .union([
    z.literal('metrics').meta({ description: '全部指标 / every metric' }),
    z.strictObject({
      metrics: z.array(id).min(1).meta({ description: '列入表中的指标编号，按此顺序 / the metrics listed, in this order' }),
      title: nonEmptyLine.optional().meta({ description: '表题（默认“主要指标完成情况表”）/ the caption (default 主要指标完成情况表)' }),
    }),
  ])
  .meta({ description: '主要指标完成情况表：metrics（全部指标）或 { metrics: [编号…] } / a table of the metrics: metrics (all) or { metrics: [id, …] }' });

export type MetricsTableSpec = z.infer<typeof metricsTable>;
