/**
 * The section: A4 with the GB/T 9704 margins, the 22-line grid, and page numbers "— N —"
 * (宋体 四号), odd pages right with a 1-char right indent, even pages left with a 1-char left indent.
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
import {
  CHAR_SPACE_UNITS_PER_POINT,
  CHARS_PER_LINE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_NUMBER_GAP,
  PAGE_NUMBER_INDENT_CHARS,
  PAGE_NUMBER_PREFIX,
  PAGE_NUMBER_SUFFIX,
  PAGE_WIDTH,
  TYPE_AREA_WIDTH,
} from './constants.js';
import { fontName, type DocxPreset } from './presets.js';
import { fontSlots } from './styles.js';
import { charsToTwip, twipToPt } from './units.js';

/** Height of the page-number line: exact spacing at the font size, so neither Word's line grid
 * nor the body's 28 pt spacing makes the footer taller than the bottom margin. */
function pageNumberLine(preset: DocxPreset): number {
  return charsToTwip(1, preset.sizes.pageNumber);
}

/** Distance from the page's bottom edge to the footer's bottom: puts the dash (mid-height of the
 * line) 7 mm below the type area. */
export function footerDistance(preset: DocxPreset): number {
  return MARGIN_BOTTOM - PAGE_NUMBER_GAP - Math.round(pageNumberLine(preset) / 2);
}

/** docGrid charSpace for CHARS_PER_LINE characters across the type area: the difference between
 * the grid's character pitch and the body font size, in 4096ths of a point. */
export function gridCharSpace(preset: DocxPreset): number {
  const pitchPt = twipToPt(TYPE_AREA_WIDTH) / CHARS_PER_LINE;
  return Math.round((pitchPt - preset.sizes.body / 2) * CHAR_SPACE_UNITS_PER_POINT);
}

function documentGrid(preset: DocxPreset): ISectionPropertiesOptions['grid'] {
  return preset.charGrid
    ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: gridCharSpace(preset) }
    : { type: DocumentGridType.LINES, linePitch: LINE_PITCH };
}

export function sectionProperties(preset: DocxPreset): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: PAGE_WIDTH, height: PAGE_HEIGHT, orientation: PageOrientation.PORTRAIT },
      margin: {
        top: MARGIN_TOP,
        bottom: MARGIN_BOTTOM,
        left: MARGIN_LEFT,
        right: MARGIN_RIGHT,
        header: HEADER_DISTANCE,
        footer: footerDistance(preset),
        gutter: 0,
      },
    },
    grid: documentGrid(preset),
  };
}

type Side = 'left' | 'right';

function pageNumberParagraph(preset: DocxPreset, side: Side): Paragraph {
  const indent = charsToTwip(PAGE_NUMBER_INDENT_CHARS, preset.sizes.body);
  return new Paragraph({
    alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    // firstLine 0: the body's 2-char first-line indent would otherwise leak into the footer.
    indent: side === 'right' ? { right: indent, firstLine: 0 } : { left: indent, firstLine: 0 },
    spacing: { line: pageNumberLine(preset), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [
      new TextRun({
        font: fontSlots(fontName(preset, 'page-number')),
        size: preset.sizes.pageNumber,
        children: [PAGE_NUMBER_PREFIX, PageNumber.CURRENT, PAGE_NUMBER_SUFFIX],
      }),
    ],
  });
}

/** Odd pages (the default footer) right, even pages left; needs evenAndOddHeaderAndFooters. */
export function pageNumberFooters(preset: DocxPreset): { default: Footer; even: Footer } {
  return {
    default: new Footer({ children: [pageNumberParagraph(preset, 'right')] }),
    even: new Footer({ children: [pageNumberParagraph(preset, 'left')] }),
  };
}
