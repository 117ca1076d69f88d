import { z } from 'zod';
import { id, isoDate, nonEmptyLine, period, prose, sourcePatterns } from './common.js';
import { MAX_HEADING_LEVELS, NUMBERING_LEVELS, REPORT_KINDS, type Numbering, type ReportKind } from './kinds.js';
import { metricsTable, type MetricsTableSpec } from './table.js';
import { activity, metric, plan } from './notes.js';
import { formal } from './formal.js';

/** The report kinds that have a built-in template: the rows of the kinds table. */
export { REPORT_KINDS, type ReportKind };

const reportMeta = z.strictObject({
  org: nonEmptyLine.optional().meta({ description: '单位名称（默认取 plan-report.yaml 的 org）/ the organisation (default: org of plan-report.yaml)' }),
  signature: nonEmptyLine.optional().meta({ description: '发文机关署名（默认同单位名称）/ the signature, when it differs from org' }),
  kind: z.enum(REPORT_KINDS).meta({ description: '文种 / report kind' }),
  period,
  date: isoDate.meta({ description: '成文日期，写成 2023-07-05 / date of the report' }),
  // A string first: a list is then a type mismatch of that branch, and its own errors are the ones told.
  title: z
    .union([nonEmptyLine, z.array(nonEmptyLine).min(1)])
    .optional()
    .meta({ description: '标题（默认：单位+时限+文种）；过长时自动在词间回行，也可写成各行的列表，如 [青溪街道人大工委, 2023年上半年工作总结] / title override; a long one is broken between words, or give its lines as a list' }),
  numbering: z.enum(Object.keys(NUMBERING_LEVELS) as [Numbering, ...Numbering[]]).optional().meta({ description: '一级章节的编号：一、（默认）、（一）、1. 或 （1）；从较低一级开始时写 1. 等 / the numbering of the top sections: 一、 (default), （一）, 1. or （1）, to start at a lower level' }),
  'title-word': nonEmptyLine.optional().meta({ description: '默认标题中的文种，如“工作要点” / the 文种 word of the default title, e.g. 工作要点' }),
  'plan-period': period.optional().meta({ description: '总结和计划：计划部分的时期（默认为下一个半年或年度）/ summary-and-plan: the plan\'s period (default: the next half or year)' }),
  formal: formal.optional(),
});

const sources = z
  .strictObject({
    activities: sourcePatterns.optional().meta({ description: '活动记录文件 / activity files' }),
    metrics: sourcePatterns.optional().meta({ description: '指标文件 / metrics files' }),
    plans: sourcePatterns.optional().meta({ description: '计划文件 / plans files' }),
    'previous-metrics': sourcePatterns.optional().meta({ description: '上一期（上年同期）的指标文件，供 {{yoy "id"}} 按同一编号计算同比 / the previous period\'s metrics files, for {{yoy "id"}} by the same id' }),
  })
  .meta({ description: '笔记库中其他文件（相对于本文件，可用通配符）/ other notes files, relative to this one, globs allowed' });

/**
 * The genre counts sections 一、 to 九十九、 and points 一是 to 九十九是; a longer list is a mistake
 * (a paste gone wrong), not a report.
 */
const MAX_ITEMS = 99;

/** The families of run-in points (design §4); `none` prints the leads without numbers. */
export const SEQUENCES = ['一是', '第一', '首先', 'none'] as const;

/** Points run into one paragraph (一是……二是……), or one paragraph each (第一，……¶第二，……). */
export const LAYOUTS = ['run-in', 'paragraphs'] as const;

/**
 * Refinements that JSON Schema states otherwise: zod's refinements do not reach the generated
 * schema, so each rule is also written as JSON Schema in the object's meta, and editors and
 * `check` refuse the same files.
 */
/** What a section needs at least one of: a heading, or text to number. */
const HEADING_OR_TEXT = ['title', 'lead', 'text', 'summary', 'points', 'runs'] as const;

const propertiesGiven = (...keys: string[]) => ({ type: 'object', properties: Object.fromEntries(keys.map((key) => [key, true])), required: keys });

/** One point of a section: rendered as 一是……, 二是…… */
const point = z.union([
  prose,
  z
    .strictObject({
      lead: nonEmptyLine.optional().meta({ description: '小标题，如“制定全年工作计划”，后接句号 / the run-in lead, followed by 。' }),
      text: prose,
      bold: z.boolean().optional().meta({ description: '小标题（连同序号）加粗 / the lead (with its number) in bold' }),
    })
    .superRefine((value, ctx) => {
      if (value.bold !== undefined && value.lead === undefined) ctx.addIssue({ code: 'custom', path: ['bold'], params: { code: 'point-bold-without-lead' } });
    })
    .meta({ dependentRequired: { bold: ['lead'] } }),
]);

/** How a list of points is printed: given on a section (its `points`) or on one of its `runs`. */
const runOptions = {
  sequence: z.enum(SEQUENCES).optional().meta({ description: '序号：一是、第一、首先，或 none（不编号）；默认 一是 / the numbering of the points: 一是, 第一, 首先 or none; default 一是' }),
  layout: z.enum(LAYOUTS).optional().meta({ description: 'run-in：要点接排在一段内（默认）；paragraphs：每个要点单独成段 / run-in: the points in one paragraph (default); paragraphs: one paragraph each' }),
  bold: z.boolean().optional().meta({ description: '要点的小标题加粗（默认不加粗）/ the points\' leads in bold (default: not)' }),
};

/** Several lists of points in one section, each its own paragraph and numbering. */
const run = z.strictObject({
  text: prose.optional().meta({ description: '要点前的文字 / words before the points' }),
  ...runOptions,
  points: z.array(point).min(1).max(MAX_ITEMS).meta({ description: '要点 / the points' }),
});

/** What a section lists of the plans placed under it (by their `section:`). */
export const SECTION_PLAN_MODES = ['items', 'status'] as const;

/** `sections:` below the fourth level: there is no fifth marker family. */
const beyondLastLevel = z
  .unknown()
  .refine(() => false, { params: { code: 'section-too-deep' } })
  .optional()
  .meta({ not: {}, description: '第四级（（1））以下不能再分 / nothing below the fourth level' });

/**
 * A section at nesting depth `depth` (1 for the report's own sections). Its heading is numbered by
 * its level; sub-sections reach at most the fourth level, so the schema nests four times.
 */
function sectionSchema(depth: number): z.ZodType<SectionInput> {
  return z
    .strictObject({
      title: nonEmptyLine.optional().meta({ description: '标题，单独成行（编号自动生成）/ a heading on its own line, numbered automatically' }),
      lead: nonEmptyLine.optional().meta({ description: '段内标题：编号和标题后接句号，正文接排，如“（一）强化代表履职。……” / a run-in heading: numbered, ended by 。, the text following on the same line' }),
      id: id.optional().meta({ description: '章节编号，供计划的 section: 指向 / an id that plans\' section: can name' }),
      text: prose.optional().meta({ description: '段首文字，要点接在其后 / opening text; the points follow it' }),
      summary: prose.optional().meta({ description: '同 text（旧写法）/ the same as text (the earlier name)' }),
      ...runOptions,
      points: z.array(point).max(MAX_ITEMS).optional().meta({ description: '要点，排成 一是……二是…… / points, printed as 一是……二是……' }),
      runs: z.array(run).min(1).max(MAX_ITEMS).optional().meta({ description: '几组要点，各自成段、各自编号 / several lists of points, each its own paragraph and numbering' }),
      paragraphs: z.array(prose).optional().meta({ description: '其后的段落 / further paragraphs' }),
      plans: z.enum(SECTION_PLAN_MODES).optional().meta({ description: 'items：列出归入本节的计划；status：列出其完成情况 / items: list the plans placed here; status: their progress' }),
      table: metricsTable.optional(),
      sections:
        depth < MAX_HEADING_LEVELS
          ? z.array(sectionSchema(depth + 1)).min(1).max(MAX_ITEMS).optional().meta({ description: '下一级标题 / the sections of the next level' })
          : beyondLastLevel,
    })
    .refine((value) => value.title === undefined || value.lead === undefined, { path: ['lead'], params: { code: 'section-title-and-lead' } })
    // Without title or lead, a section's text is a numbered paragraph (篇(3): "2.开展……"); with
    // nothing to number it is a mistake. Checked when the mapping itself is sound, its children
    // aside: after `titel:` ("unknown key titel, did you mean title") it would only be an echo.
    .refine((value) => HEADING_OR_TEXT.some((key) => value[key] !== undefined), { params: { code: 'section-no-heading' }, when: (payload) => !payload.issues.some((issue) => !issue.path?.length) })
    .refine((value) => value.text === undefined || value.summary === undefined, { path: ['summary'], params: { code: 'section-text-and-summary' } })
    .meta({
      anyOf: HEADING_OR_TEXT.map((key) => propertiesGiven(key)),
      allOf: [{ not: propertiesGiven('title', 'lead') }, { not: propertiesGiven('text', 'summary') }],
    }) as unknown as z.ZodType<SectionInput>;
}

type Point = z.infer<typeof point>;
type Run = z.infer<typeof run>;
type RunOptions = Partial<Pick<Run, 'sequence' | 'layout' | 'bold'>>;

/** A section as the schema gives it (typed by hand: a type cannot follow the recursive builder). */
interface SectionInput extends RunOptions {
  title?: string;
  lead?: string;
  id?: string;
  text?: string;
  summary?: string;
  points?: Point[];
  runs?: Run[];
  paragraphs?: string[];
  plans?: (typeof SECTION_PLAN_MODES)[number];
  table?: MetricsTableSpec;
  sections?: SectionInput[];
}

const section = sectionSchema(1);

/** The plan part of a summary-and-plan: 下半年工作计划 / 2024年工作计划, after the summary. */
const planPart = z.strictObject({
  title: nonEmptyLine.optional().meta({ description: '标题（默认按时期，如“下半年工作计划”）/ heading (default by period)' }),
  intro: prose.optional().meta({ description: '开头段 / the opening paragraph' }),
  sections: z.array(section).min(1).max(MAX_ITEMS).meta({ description: '计划的各部分 / the plan\'s sections' }),
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
    problems: z.union([z.array(point).min(1).max(MAX_ITEMS), section]).optional().meta({ description: '存在的问题：要点列表，或一个章节 / problems: a list of points, or a section' }),
    plan: planPart.optional().meta({ description: '总结和计划：计划部分 / summary-and-plan: the plan part' }),
    next: prose.optional().meta({ description: '结尾段（下半年打算）/ the closing paragraph' }),
    attachments: z.array(nonEmptyLine).min(1).max(MAX_ITEMS).optional().meta({ description: '附件名称，印为“附件：1. 名称” / attachments, printed as 附件：1. 名称' }),
  })
  .meta({ title: 'plan-report report file' });

export type ReportFile = z.infer<typeof reportFile>;
export type Section = SectionInput;
export type { Point, Run };
export type PlanPart = z.infer<typeof planPart>;
