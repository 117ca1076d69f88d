/**
 * AST blocks to docx paragraphs. Formatting lives in the styles (./styles.ts); runs carry only text,
 * so a user restyling 标题 1 in Word changes every heading, and a TOC copies no direct formatting.
 * Two exceptions are inside a body paragraph, where no paragraph style can reach: a heading run
 * into its paragraph carries its level's heading font, and a bold lead is bold.
 */
import { AlignmentType, HeadingLevel as DocxHeadingLevel, Paragraph, TextRun, type Table } from 'docx';
import {
  headingText,
  inlineText,
  type Block,
  type HeadingBlock,
  type HeadingLevel,
  type Inline,
  type ParagraphBlock,
  type SignatureBlock,
  type TitleBlock,
} from '../../document/ast.js';
import { colophonBlocks, mastheadParagraphs } from './formal.js';
import { typeAreaWidth, type DocxPreset } from './presets.js';
import { signatureLayout, type SignatureLine } from './signature.js';
import { headingRunFormat } from './styles.js';
import { tableBlocks } from './table.js';
import { charsToTwip } from './units.js';

const HEADING_STYLES = {
  1: DocxHeadingLevel.HEADING_1,
  2: DocxHeadingLevel.HEADING_2,
  3: DocxHeadingLevel.HEADING_3,
  4: DocxHeadingLevel.HEADING_4,
} as const satisfies Record<HeadingLevel, string>;

/** An empty body line: the genre's blank line after the title and before the signature. */
function blankLine(keepNext = false): Paragraph {
  return new Paragraph(keepNext ? { keepNext } : {});
}

/** The title as one paragraph, its lines (GB/T 9704 7.3.1, see the title-lines transform) parted
 * by line breaks: each line centred, and the title one 标题 for the navigation pane. */
function titleParagraphs(block: TitleBlock): Paragraph[] {
  const [first = block.text, ...rest] = block.lines ?? [block.text];
  const runs = [new TextRun(first), ...rest.map((line) => new TextRun({ text: line, break: 1 }))];
  return [new Paragraph({ heading: DocxHeadingLevel.TITLE, children: runs }), blankLine()];
}

function headingParagraphs(block: HeadingBlock): Paragraph[] {
  return [new Paragraph({ heading: HEADING_STYLES[block.level], children: [new TextRun(headingText(block))] })];
}

function inlineRuns(inline: Inline, preset: DocxPreset): TextRun[] {
  if (inline.type === 'heading') return [new TextRun({ text: inlineText(inline), ...headingRunFormat(preset, inline.level) })];
  if (inline.type === 'item' && inline.bold) {
    return [new TextRun({ text: inline.marker + (inline.lead ?? ''), bold: true }), new TextRun(inline.text)];
  }
  return [new TextRun(inlineText(inline))];
}

function bodyParagraphs(block: ParagraphBlock, preset: DocxPreset): Paragraph[] {
  return [new Paragraph({ children: block.content.flatMap((inline) => inlineRuns(inline, preset)) })];
}

/** A signature line. The first-line indent is reset so only the side indent counts, and the
 * automatic space between CJK and digits is off so the date is as wide as computed. */
function signatureLine(text: string, line: SignatureLine, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: line.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: { [line.align]: line.indent, firstLine: 0 },
    autoSpaceEastAsianText: false,
    ...(keepNext ? { keepNext } : {}),
    children: [new TextRun(text)],
  });
}

function signatureParagraphs(block: SignatureBlock, preset: DocxPreset): Paragraph[] {
  const layout = signatureLayout(block.org, block.date, charsToTwip(1, preset.sizes.body), typeAreaWidth(preset));
  // keepNext keeps the blank line, the org and the date on one page.
  return [blankLine(true), signatureLine(block.org, layout.org, true), signatureLine(block.date, layout.date, false)];
}

export function blockParagraphs(block: Block, preset: DocxPreset): (Paragraph | Table)[] {
  switch (block.type) {
    case 'title':
      return titleParagraphs(block);
    case 'heading':
      return headingParagraphs(block);
    case 'paragraph':
      return bodyParagraphs(block, preset);
    case 'signature':
      return signatureParagraphs(block, preset);
    case 'table':
      return tableBlocks(block, preset);
    case 'masthead':
      return mastheadParagraphs(block, preset);
    case 'colophon':
      return colophonBlocks(block, preset);
  }
}
