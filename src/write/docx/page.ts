/**
 * The section: the preset's page and margins, its line grid, and its page numbers. In gbt9704:
 * A4 with the GB/T 9704 margins, the 22-line grid, and "— N —" (宋体 四号), odd pages right with a
 * 1-char right indent, even pages left with a 1-char left indent.
 */
import {
  AlignmentType,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionPropertiesOptions,
} from 'docx';
import { CHAR_SPACE_UNITS_PER_POINT, CHARS_PER_LINE } from './constants.js';
import { fontName, typeAreaWidth, type DocxPreset, type PageNumberSide } from './presets.js';
import { fontSlots } from './styles.js';
import { charsToTwip, twipToPt } from './units.js';

/** Height of the page-number line: exact spacing at the font size, so neither Word's line grid
 * nor the body's 28 pt spacing makes the footer taller than the bottom margin. */
function pageNumberLine(preset: DocxPreset): number {
  return charsToTwip(1, preset.sizes.pageNumber);
}

/** Distance from the page's bottom edge to the footer's bottom: puts the number (mid-height of the
 * line) the preset's gap below the type area, 7 mm in GB/T 9704. */
export function footerDistance(preset: DocxPreset): number {
  return preset.page.margin.bottom - preset.pageNumbers.gap - Math.round(pageNumberLine(preset) / 2);
}

/** docGrid charSpace for CHARS_PER_LINE characters across the type area: the difference between
 * the grid's character pitch and the body font size, in 4096ths of a point. */
export function gridCharSpace(preset: DocxPreset): number {
  const pitchPt = twipToPt(typeAreaWidth(preset)) / CHARS_PER_LINE;
  return Math.round((pitchPt - preset.sizes.body / 2) * CHAR_SPACE_UNITS_PER_POINT);
}

/** The line grid's pitch equals the exact line spacing, so Word's grid and the text agree.
 * LibreOffice snaps exact-spaced lines to the grid; design §5 saw it fit only 21 lines with a
 * pitch of 579. Without a grid the section says so (type default). */
function documentGrid(preset: DocxPreset): ISectionPropertiesOptions['grid'] {
  const spacing = preset.lineSpacing;
  if (!('exact' in spacing) || !spacing.grid) return { type: DocumentGridType.DEFAULT };
  return preset.charGrid
    ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: spacing.exact, charSpace: gridCharSpace(preset) }
    : { type: DocumentGridType.LINES, linePitch: spacing.exact };
}

export function sectionProperties(preset: DocxPreset): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: preset.page.width, height: preset.page.height, orientation: PageOrientation.PORTRAIT },
      margin: {
        ...preset.page.margin,
        header: preset.page.header,
        footer: footerDistance(preset),
        gutter: 0,
      },
    },
    grid: documentGrid(preset),
  };
}

const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** The indent from the side the number is set to; firstLine 0, or the body's 2-char first-line
 * indent would leak into the footer. */
function pageNumberIndent(preset: DocxPreset, side: PageNumberSide): { left?: number; right?: number; firstLine: number } {
  if (side === 'center') return { firstLine: 0 };
  return { [side]: charsToTwip(preset.pageNumbers.indentChars, preset.sizes.body), firstLine: 0 };
}

function pageNumberParagraph(preset: DocxPreset, side: PageNumberSide): Paragraph {
  return new Paragraph({
    alignment: ALIGNMENTS[side],
    indent: pageNumberIndent(preset, side),
    spacing: { line: pageNumberLine(preset), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [
      new TextRun({
        font: fontSlots(fontName(preset, 'page-number')),
        size: preset.sizes.pageNumber,
        children: [preset.pageNumbers.prefix, PageNumber.CURRENT, preset.pageNumbers.suffix],
      }),
    ],
  });
}

/** Whether odd and even pages number on different sides: then the document needs
 * evenAndOddHeaderAndFooters. */
export function evenAndOddFooters(preset: DocxPreset): boolean {
  return preset.pageNumbers.odd !== preset.pageNumbers.even;
}

/** The odd pages' footer (the default one), and the even pages' when it differs. */
export function pageNumberFooters(preset: DocxPreset): { default: Footer; even?: Footer } {
  const odd = new Footer({ children: [pageNumberParagraph(preset, preset.pageNumbers.odd)] });
  return evenAndOddFooters(preset) ? { default: odd, even: new Footer({ children: [pageNumberParagraph(preset, preset.pageNumbers.even)] }) } : { default: odd };
}
