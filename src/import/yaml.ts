/**
 * The imported report and its metrics as notes a person reads and edits: the schema modeline, a
 * commented header, long text folded at Chinese punctuation (the build removes the space YAML's
 * folding leaves beside it), each metric with the sentence it came from.
 */
import { stringify } from 'yaml';
import type { Numbering, ReportKind } from '../schema/kinds.js';
import type { ImportedMetric } from './figures.js';
import type { ImportedPoint, ImportedRun } from './points.js';
import type { ImportedSection } from './structure.js';

export interface ReportNotes {
  /** The modeline's path to the schema folder, relative to the report file. */
  schemaPath: string;
  source: string;
  org?: string;
  signature?: string;
  kind: ReportKind;
  /** A period, or the placeholder that makes check fail until it is filled. */
  period: string;
  date: string;
  /** Why the date was not read from the document, said beside it. */
  dateComment?: string;
  title?: string;
  titleWord?: string;
  numbering?: Numbering;
  metricsSource?: string;
  intro?: string;
  sections: ImportedSection[];
  next?: string;
  buildCommand: string;
}

/** Folded lines break after a Chinese mark once a line has this many characters. */
const FOLD_AT = 40;
const FOLD_AFTER = /[，。；：、！？）”]/;

/** A value on one line, quoted only when YAML needs it. */
export function scalar(value: string | number): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A period as a secretary writes it: a year unquoted (2023), a half as it is (2023-H1), a placeholder quoted if need be. */
function periodScalar(period: string): string {
  return /^\d{4}$/.test(period) ? period : scalar(period);
}

/** One paragraph cut into lines after Chinese marks; the space folding adds there is removed by the build. */
export function foldParagraph(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (i + 1 - start >= FOLD_AT && FOLD_AFTER.test(text[i]!) && !/\s/.test(text[i + 1]!)) {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

/** `key: value` for short text, a `>-` block for long text or several paragraphs (two blank lines keep a paragraph break). */
function prose(prefix: string, indent: string, text: string): string[] {
  if (text.length <= FOLD_AT && !text.includes('\n')) return [`${prefix} ${scalar(text)}`];
  const paragraphs = text.split('\n\n').map((paragraph) => foldParagraph(paragraph).map((line) => `${indent}${line}`));
  return [`${prefix} >-`, ...paragraphs.flatMap((lines, i) => (i === 0 ? lines : ['', '', ...lines]))];
}

function pointLines(point: ImportedPoint, indent: string): string[] {
  if (point.lead === undefined) return prose(`${indent}-`, `${indent}  `, point.text);
  return [`${indent}- lead: ${scalar(point.lead)}`, ...prose(`${indent}  text:`, `${indent}    `, point.text)];
}

function runLines(run: ImportedRun, indent: string): string[] {
  const lines: string[] = [];
  const first = (line: string) => (lines.length === 0 ? `${indent}- ${line}` : `${indent}  ${line}`);
  if (run.text !== undefined) lines.push(...prose(first('text:'), `${indent}    `, run.text));
  lines.push(first(`sequence: ${run.sequence}`));
  if (run.layout) lines.push(first(`layout: ${run.layout}`));
  lines.push(first('points:'), ...run.points.flatMap((point) => pointLines(point, `${indent}    `)));
  return lines;
}

/** A section as a list item at `indent`, its keys in the order the build prints them. */
export function sectionLines(section: ImportedSection, indent: string): string[] {
  const lines: string[] = [];
  const key = (name: string) => (lines.length === 0 ? `${indent}- ${name}:` : `${indent}  ${name}:`);
  const inner = `${indent}    `;
  if (section.title !== undefined) lines.push(`${key('title')} ${scalar(section.title)}`);
  if (section.lead !== undefined) lines.push(`${key('lead')} ${scalar(section.lead)}`);
  if (section.text !== undefined) lines.push(...prose(key('text'), inner, section.text));
  if (section.points) {
    if (section.sequence !== '一是') lines.push(`${key('sequence')} ${section.sequence}`);
    lines.push(key('points'), ...section.points.flatMap((point) => pointLines(point, inner)));
  }
  if (section.runs) lines.push(key('runs'), ...section.runs.flatMap((run) => runLines(run, inner)));
  if (section.paragraphs) lines.push(key('paragraphs'), ...section.paragraphs.flatMap((paragraph) => prose(`${inner}-`, `${inner}  `, paragraph)));
  if (section.sections) lines.push(key('sections'), ...section.sections.flatMap((child) => sectionLines(child, inner)));
  return lines;
}

/** The report file's text. */
export function reportYaml(notes: ReportNotes): string {
  const meta = [
    notes.org !== undefined ? `  org: ${scalar(notes.org)}` : undefined,
    notes.signature !== undefined ? `  signature: ${scalar(notes.signature)}` : undefined,
    `  kind: ${notes.kind}`,
    `  period: ${periodScalar(notes.period)}`,
    `  date: ${scalar(notes.date)}${notes.dateComment ? `   # ${notes.dateComment}` : ''}`,
    notes.title !== undefined ? `  title: ${scalar(notes.title)}` : undefined,
    notes.titleWord !== undefined ? `  title-word: ${scalar(notes.titleWord)}` : undefined,
    notes.numbering !== undefined ? `  numbering: ${scalar(notes.numbering)}` : undefined,
  ].filter((line): line is string => line !== undefined);
  return [
    `# yaml-language-server: $schema=${notes.schemaPath}/report.schema.json`,
    `# 由 plan-report import 从 ${notes.source} 导入：结构和文字取自原文，文中的数字已换成指标（见 sources 的 metrics 文件）。`,
    `# 生成这份报告：${notes.buildCommand}`,
    '# 下一期：把指标文件复制一份，换成新的数字，{{metric "编号"}} 就印出新数字，不必再改文字。',
    '# 一、二、三和一是、二是由程序自动编号，不必手写。',
    'report:',
    ...meta,
    ...(notes.metricsSource ? ['', 'sources:', `  metrics: ${scalar(notes.metricsSource)}`] : []),
    ...(notes.intro !== undefined ? ['', ...prose('intro:', '  ', notes.intro)] : []),
    '',
    'sections:',
    ...notes.sections.flatMap((section, i) => [...(i > 0 ? [''] : []), ...sectionLines(section, '  ')]),
    ...(notes.next !== undefined ? ['', ...prose('next:', '  ', notes.next)] : []),
    '',
  ].join('\n');
}

export interface MetricsNotes {
  schemaPath: string;
  source: string;
  /** The period each metric is for; undefined while the report's is a placeholder. */
  period?: string;
  metrics: readonly ImportedMetric[];
}

/** One line of a comment: the sentence a figure came from. */
function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The metrics file's text: one entry a figure, the sentence it came from above it. */
export function metricsYaml(notes: MetricsNotes): string {
  const entries = notes.metrics.flatMap((metric) => [
    `  # ${commentText(metric.sentence)}`,
    `  - id: ${scalar(metric.id)}`,
    `    name: ${scalar(metric.name)}`,
    `    unit: ${scalar(metric.unit)}`,
    `    actual: ${metric.actual}`,
    ...(notes.period !== undefined ? [`    period: ${periodScalar(notes.period)}`] : []),
  ]);
  return [
    `# yaml-language-server: $schema=${notes.schemaPath}/metrics.schema.json`,
    `# 由 plan-report import 从 ${notes.source} 中的数字导入：每个数字一项，上方的注释是它所在的句子。`,
    '# id 是报告中 {{metric "编号"}} 引用的编号，可以改得更好记（报告中同时改）；name 可以改写；',
    '# actual 是原文的数字。下一期复制本文件，换成新的数字即可。',
    notes.metrics.length > 0 ? 'metrics:' : 'metrics: []',
    ...entries,
    '',
  ].join('\n');
}
