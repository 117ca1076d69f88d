import { z } from 'zod';
import { isoDate, nonEmptyLine, period, prose, sourcePatterns } from './common.js';
import { activity, metric, plan } from './notes.js';

/** The report kinds that have a built-in template. */
export const REPORT_KINDS = ['half-year-summary'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const reportMeta = z.strictObject({
  org: nonEmptyLine.meta({ description: '单位名称（发文机关署名）/ the organisation, as signed' }),
  kind: z.enum(REPORT_KINDS).meta({ description: '文种 / report kind' }),
  period,
  date: isoDate.meta({ description: '成文日期，写成 2023-07-05 / date of the report' }),
  title: nonEmptyLine.optional().meta({ description: '标题（默认：单位+时限+文种）/ title override' }),
});

const sources = z
  .strictObject({
    activities: sourcePatterns.optional().meta({ description: '活动记录文件 / activity files' }),
    metrics: sourcePatterns.optional().meta({ description: '指标文件 / metrics files' }),
    plans: sourcePatterns.optional().meta({ description: '计划文件 / plans files' }),
  })
  .meta({ description: '笔记库中其他文件（相对于本文件，可用通配符）/ other notes files, relative to this one, globs allowed' });

/**
 * The genre counts sections 一、 to 九十九、 and points 一是 to 九十九是; a longer list is a mistake
 * (a paste gone wrong), not a report.
 */
const MAX_ITEMS = 99;

/** One point of a section: rendered as 一是……, 二是…… */
const point = z.union([
  prose,
  z.strictObject({
    lead: nonEmptyLine.meta({ description: '小标题，如“制定全年工作计划” / the run-in lead' }),
    text: prose,
  }),
]);

const section = z.strictObject({
  title: nonEmptyLine.meta({ description: '一级标题（编号自动生成）/ heading, numbered automatically' }),
  summary: prose.optional().meta({ description: '段首概述，要点接在其后 / opening sentence; the points follow it' }),
  points: z.array(point).max(MAX_ITEMS).optional().meta({ description: '要点，排成 一是……二是…… / points, printed as 一是……二是……' }),
  paragraphs: z.array(prose).optional().meta({ description: '其后的段落 / further paragraphs' }),
});

export const reportFile = z
  .strictObject({
    report: reportMeta.meta({ description: '报告信息 / what the report is' }),
    sources: sources.optional(),
    activities: z.array(activity).optional().meta({ description: '本文件内的活动记录 / activities written inline' }),
    metrics: z.array(metric).optional().meta({ description: '本文件内的指标 / metrics written inline' }),
    plans: z.array(plan).optional().meta({ description: '本文件内的计划 / plans written inline' }),
    intro: prose.optional().meta({ description: '开头段 / the opening paragraph' }),
    sections: z.array(section).min(1).max(MAX_ITEMS).meta({ description: '主体各部分，依次编为 一、二、三、 / the sections, numbered 一、二、三、' }),
    next: prose.optional().meta({ description: '结尾段（下半年打算）/ the closing paragraph' }),
  })
  .meta({ title: 'plan-report report file' });

export type ReportFile = z.infer<typeof reportFile>;
export type Section = z.infer<typeof section>;
export type Point = z.infer<typeof point>;
