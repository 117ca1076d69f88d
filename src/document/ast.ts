/**
 * The one document model between compose and the writers (pandoc's shape): every writer renders
 * this tree and none of them re-decides structure. Numbering and punctuation are transforms on it,
 * run once (see ./transforms).
 */

/** Where a block's text came from in the notes, so that a rule firing on the composed text can
 * point at the line the secretary must edit. 1-based line and column. */
export interface Origin {
  file: string;
  line: number;
  column: number;
}

/** The report's title line: 单位 + 时限 + 事由 + 文种. */
export interface TitleBlock {
  type: 'title';
  /** The whole title on one line: what Markdown, the document's properties and the checks read. */
  text: string;
  /** The title as printed, line by line (GB/T 9704 7.3.1: broken between words, 梯形 or 菱形): as
   * `report.title` gave them, else set by the title-lines transform. Absent: one line. */
  lines?: string[];
  origin?: Origin;
}

/** Heading levels of the genre (design §4): 一、 / （一） / 1. / （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  /** The literal numbering text ("一、", "（二）"), set by the numbering transform; "" before it. */
  marker: string;
  text: string;
  origin?: Origin;
}

/** Inline sequence families (design §4); never mixed within one run. `none`: leads without numbers. */
export type SequenceStyle = '一是' | '第一' | '首先' | 'none';

export interface TextInline {
  type: 'text';
  text: string;
}

/** One point of a run-in sequence ("一是……"): the marker is decided by the numbering transform. */
export interface ItemInline {
  type: 'item';
  style: SequenceStyle;
  /** "一是", "第二，", "首先，"; "" before numbering and for `none`. */
  marker: string;
  /** The point's lead with its closing mark ("制定全年工作计划。"), printed right after the marker. */
  lead?: string;
  /** Marker and lead in bold (the genre's 加粗小标题). */
  bold?: boolean;
  text: string;
  /** The point continues the run of the paragraph before (points laid out one paragraph each),
   * so its number follows on rather than starting again at 一是. */
  continues?: boolean;
  origin?: Origin;
}

/** A heading run into its paragraph ("（一）强化代表履职。正文……"): numbered with the headings of its
 * level, set in the heading's font, always the paragraph's first inline. */
export interface RunInHeadingInline {
  type: 'heading';
  level: HeadingLevel;
  /** As HeadingBlock.marker. */
  marker: string;
  text: string;
  origin?: Origin;
}

export type Inline = TextInline | ItemInline | RunInHeadingInline;

export interface ParagraphBlock {
  type: 'paragraph';
  content: Inline[];
  origin?: Origin;
}

/** The unsealed signature block (GB/T 9704 7.3.5.2): 发文机关署名 and 成文日期. */
export interface SignatureBlock {
  type: 'signature';
  org: string;
  /** As printed: 2023年7月5日. */
  date: string;
}

/** A table of figures (主要指标完成情况表): its caption, a header row and body rows of cell text. */
export interface TableBlock {
  type: 'table';
  caption: string;
  header: string[];
  rows: string[][];
}

/** 版头 (GB/T 9704 §7.2) of a formal document: 发文机关标志 in red, 发文字号 (and 签发人 in a
 * 上行文), then the red separator line the writers draw below them. */
export interface MastheadBlock {
  type: 'masthead';
  /** 发文机关标志: 青溪街道人大工委文件. */
  issuer: string;
  /** 发文字号: 某人大〔2023〕5号. */
  number?: string;
  /** 签发人's name: the number then goes left and 签发人：name right. */
  signer?: string;
}

/** 版记 (GB/T 9704 §7.4) on the last page: 抄送机关, then 印发机关 and 印发日期, between rules. */
export interface ColophonBlock {
  type: 'colophon';
  /** 抄送机关 in order; none: no 抄送 line. */
  copyTo: string[];
  /** 印发机关. */
  printer: string;
  /** 印发日期 as printed: 2023年7月6日印发. */
  printed: string;
}

export type Block = TitleBlock | HeadingBlock | ParagraphBlock | SignatureBlock | TableBlock | MastheadBlock | ColophonBlock;

export interface DocumentMeta {
  title: string;
  org: string;
  /** ISO date (YYYY-MM-DD) of 成文日期; it also pins the docx timestamps. */
  date: string;
}

export interface ReportDocument {
  meta: DocumentMeta;
  blocks: Block[];
}

/** The printed text of an inline, marker included. */
export function inlineText(inline: Inline): string {
  switch (inline.type) {
    case 'item':
      return inline.marker + (inline.lead ?? '') + inline.text;
    case 'heading':
      return inline.marker + inline.text;
    case 'text':
      return inline.text;
  }
}

/** The printed text of a paragraph. */
export function paragraphText(paragraph: ParagraphBlock): string {
  return paragraph.content.map(inlineText).join('');
}

/** What precedes the signer's name in a masthead (the label is 仿宋, the name 楷体). */
export const SIGNER_LABEL = '签发人：';

/** What precedes the 抄送机关 in a colophon; a wrapped line aligns with the text after it. */
export const COPY_TO_LABEL = '抄送：';

/** The 抄送 line as printed: 抄送：区人大常委会办公室，区委办公室。 */
export function copyToText(colophon: ColophonBlock): string {
  return `${COPY_TO_LABEL}${colophon.copyTo.join('，')}。`;
}

/** The printed text of a heading, marker included. */
export function headingText(heading: HeadingBlock): string {
  return heading.marker + heading.text;
}
