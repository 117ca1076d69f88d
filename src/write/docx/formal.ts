/**
 * The 版头 and 版记 of a formal document in docx (GB/T 9704-2012 §7.2, §7.4; measurements in
 * ./formal-layout.ts). Unlike the body, these carry direct formatting: they are set once by the
 * standard, and a user restyling the body must not turn the red 发文机关标志 black.
 *
 * The 版记 is a table floated to the bottom of the type area of the page it falls on, the last page:
 * its last rule lies on the type area's lower edge (§7.4.1) whatever the body above it leaves free,
 * and Word and LibreOffice both keep body text out of its way.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { copyToText, SIGNER_LABEL, type ColophonBlock, type MastheadBlock } from '../../document/ast.js';
import {
  COLOPHON_LINE,
  COLOPHON_SIDE_INDENT_CHARS,
  COLOPHON_SIZE,
  COLOPHON_THICK_RULE_MM,
  COLOPHON_THIN_RULE_MM,
  COPY_TO_LABEL_CHARS,
  ISSUER_GLYPH_HEIGHT,
  ISSUER_LINE_FACTOR,
  ISSUER_TOP_GAP,
  issuerSize,
  LINES_BEFORE_NUMBER,
  LINES_BEFORE_TITLE,
  MASTHEAD_RED,
  NUMBER_LINE_FACTOR,
  NUMBER_SIDE_INDENT_CHARS,
  SEPARATOR_GAP_MM,
  SEPARATOR_WIDTH_PT,
} from './formal-layout.js';
import { fontName, typeAreaWidth, type DocxPreset } from './presets.js';
import { fontSlots } from './styles.js';
import { charsToTwip } from './units.js';

const POINTS_PER_MM = 72 / 25.4;
/** Border widths (w:sz) are in eighths of a point. */
const EIGHTHS_PER_POINT = 8;
const TWIPS_PER_POINT = 20;

function borderSize(points: number): number {
  return Math.round(points * EIGHTHS_PER_POINT);
}

/** An exact line height of `factor` times a size in half-points, in twips. */
function exactLine(sizeHalfPoints: number, factor: number) {
  return { line: Math.round(sizeHalfPoints * 10 * factor), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

/** Empty body lines: the 空二行 of the standard. */
function blankLines(count: number): Paragraph[] {
  return Array.from({ length: count }, () => new Paragraph({ keepNext: true }));
}

/**
 * The 发文机关标志: red, in the title's face, centred, its upper edge 35 mm below the type area's.
 * On an exact line the glyphs stand on the line's bottom, their tops ISSUER_GLYPH_HEIGHT of the
 * size above it: the space before is 35 mm less the room above the glyphs.
 */
function issuerParagraph(issuer: string, preset: DocxPreset): Paragraph {
  const size = issuerSize(issuer, typeAreaWidth(preset));
  const line = exactLine(size, ISSUER_LINE_FACTOR);
  const aboveGlyphs = Math.round(line.line - size * 10 * ISSUER_GLYPH_HEIGHT);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { ...line, before: ISSUER_TOP_GAP - aboveGlyphs },
    keepNext: true,
    children: [new TextRun({ text: issuer, font: fontSlots(fontName(preset, 'title')), size, color: MASTHEAD_RED })],
  });
}

/**
 * The line of the 发文字号 with the red separator line as its bottom border, as wide as the type
 * area (so the paragraph has no side indents). A border is drawn its distance below the line's
 * bottom, which is about half the line's leading below the text: the distance is the rest of the
 * 4 mm, rounded up (it is whole points).
 */
function numberParagraph(block: MastheadBlock, preset: DocxPreset): Paragraph {
  const spacing = exactLine(preset.sizes.body, NUMBER_LINE_FACTOR);
  const belowText = (spacing.line - preset.sizes.body * 10) / 2 / TWIPS_PER_POINT;
  const separator: IBorderOptions = {
    style: BorderStyle.SINGLE,
    size: borderSize(SEPARATOR_WIDTH_PT),
    color: MASTHEAD_RED,
    space: Math.max(0, Math.ceil(SEPARATOR_GAP_MM * POINTS_PER_MM - belowText)),
  };
  const common = { indent: { firstLine: 0 }, spacing, border: { bottom: separator }, keepNext: true, autoSpaceEastAsianText: false } as const;
  const number = block.number ?? '';
  if (block.signer === undefined) return new Paragraph({ ...common, alignment: AlignmentType.CENTER, children: [new TextRun(number)] });
  // 上行文: the number 1 character in from the left, 签发人：name ending 1 character in from the right.
  const side = charsToTwip(NUMBER_SIDE_INDENT_CHARS, preset.sizes.body);
  return new Paragraph({
    ...common,
    alignment: AlignmentType.LEFT,
    tabStops: [
      { type: TabStopType.LEFT, position: side },
      { type: TabStopType.RIGHT, position: typeAreaWidth(preset) - side },
    ],
    children: [
      new TextRun({ children: [new Tab(), number, new Tab(), SIGNER_LABEL] }),
      // The name in 楷体 (§7.2.6): the face of the preset's 二级标题.
      new TextRun({ text: block.signer, font: fontSlots(fontName(preset, 'heading2')) }),
    ],
  });
}

/** 版头: the 发文机关标志, two lines, the 发文字号 over the red line, two lines; the title follows. */
export function mastheadParagraphs(block: MastheadBlock, preset: DocxPreset): Paragraph[] {
  return [issuerParagraph(block.issuer, preset), ...blankLines(LINES_BEFORE_NUMBER), numberParagraph(block, preset), ...blankLines(LINES_BEFORE_TITLE)];
}

function rule(mm: number): IBorderOptions {
  return { style: BorderStyle.SINGLE, size: borderSize(mm * POINTS_PER_MM), color: '000000' };
}

const NO_RULE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/**
 * A line of the 版记 as a row of its table: 四号 in the body's face, 1 character in from either
 * side. `hang`: wrapped lines start that much further in (the 抄送 line, under its first name);
 * `tabTo`: a right tab there (the 印发 line's date, at the right).
 */
function colophonRow(preset: DocxPreset, content: (string | Tab)[], layout: { width: number; hang?: number; tabTo?: number }): TableRow {
  const side = charsToTwip(COLOPHON_SIDE_INDENT_CHARS, COLOPHON_SIZE);
  const paragraph = new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: layout.hang ? { left: side + layout.hang, hanging: layout.hang, right: side } : { left: side, right: side, firstLine: 0 },
    spacing: { line: COLOPHON_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    autoSpaceEastAsianText: false,
    ...(layout.tabTo === undefined ? {} : { tabStops: [{ type: TabStopType.RIGHT, position: layout.tabTo }] }),
    children: [new TextRun({ children: content, font: fontSlots(fontName(preset, 'body')), size: COLOPHON_SIZE })],
  });
  return new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: layout.width, type: WidthType.DXA }, children: [paragraph] })] });
}

/**
 * 版记: the 抄送 line, a thin rule, then 印发机关 left and 印发日期 right, between the thick first and
 * last rules: a table of one column, floated to the bottom of the type area, then the paragraph it
 * is anchored to.
 */
export function colophonBlocks(block: ColophonBlock, preset: DocxPreset): (Paragraph | Table)[] {
  const width = typeAreaWidth(preset);
  const side = charsToTwip(COLOPHON_SIDE_INDENT_CHARS, COLOPHON_SIZE);
  const copyTo = block.copyTo.length === 0 ? [] : [colophonRow(preset, [copyToText(block)], { width, hang: charsToTwip(COPY_TO_LABEL_CHARS, COLOPHON_SIZE) })];
  const printed = colophonRow(preset, [block.printer, new Tab(), block.printed], { width, tabTo: width - side });
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: {
      top: rule(COLOPHON_THICK_RULE_MM),
      bottom: rule(COLOPHON_THICK_RULE_MM),
      insideHorizontal: rule(COLOPHON_THIN_RULE_MM),
      left: NO_RULE,
      right: NO_RULE,
      insideVertical: NO_RULE,
    },
    float: {
      // Placed from the page's edge at the left margin, not from the margin: LibreOffice floats a
      // table as wide as the type area only when it is placed from the page.
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: preset.page.margin.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      // Body text keeps a line's distance above the first rule.
      topFromText: COLOPHON_LINE,
    },
    rows: [...copyTo, printed],
  });
  return [table, new Paragraph({})];
}

const PARAGRAPH = /<w:p[ >][\s\S]*?<\/w:p>/g;
const RED_RUN = `<w:color w:val="${MASTHEAD_RED}"/>`;

/**
 * Takes the 发文机关标志 off the line grid (w:snapToGrid 0, which docx cannot write on a paragraph):
 * LibreOffice sets a gridded line in whole grid lines by the font's height, ignoring its exact
 * spacing, and would push a 初号 mark a line lower than Word. The mark's paragraphs are the only
 * ones with red text.
 */
export function unsnapIssuer(documentXml: string): string {
  return documentXml.replace(PARAGRAPH, (paragraph) =>
    // snapToGrid precedes spacing in CT_PPrBase; Word rejects pPr children out of order.
    paragraph.includes(RED_RUN) ? paragraph.replace('<w:spacing ', '<w:snapToGrid w:val="0"/><w:spacing ') : paragraph,
  );
}
