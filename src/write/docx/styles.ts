/**
 * The style sheet: document defaults carry the body (in gbt9704 仿宋 三号, exact 28 pt, 2-char
 * first-line indent, justified; the preset says); the title and headings override Word's built-in
 * styles (styles.default.*), so Word and WPS show 标题 1 rather than a duplicate custom style.
 */
import {
  AlignmentType,
  LineRuleType,
  type IBaseParagraphStyleOptions,
  type IFontAttributesProperties,
  type IStylesOptions,
} from 'docx';
import type { HeadingLevel } from '../../document/ast.js';
import { AUTO_LINE_UNITS, FIRST_LINE_INDENT_CHARS, FONT_HINT, LANGUAGE_EAST_ASIA } from './constants.js';
import { fontName, type DocxPreset, type FontRole } from './presets.js';
import { charsToTwip } from './units.js';

/** The font in all four slots with the eastAsia hint: never theme fonts (WPS reports them missing),
 * and quotes and dashes follow the eastAsia font only with the hint. */
export function fontSlots(name: string): IFontAttributesProperties {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: FONT_HINT };
}

/** The body's first-line indent in twips (2 characters of the body font). */
export function firstLineIndent(preset: DocxPreset): number {
  return charsToTwip(FIRST_LINE_INDENT_CHARS, preset.sizes.body);
}

/** The preset's line spacing, no space before or after: in gbt9704 exactly 28 pt, every line on
 * the 22-line grid; else a multiple of single spacing. */
export function lineSpacing(preset: DocxPreset) {
  const spacing = preset.lineSpacing;
  return 'exact' in spacing
    ? { line: spacing.exact, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
    : { line: Math.round(spacing.lines * AUTO_LINE_UNITS), lineRule: LineRuleType.AUTO, before: 0, after: 0 };
}

const HEADING_ROLES: Readonly<Record<HeadingLevel, FontRole>> = {
  1: 'heading1',
  2: 'heading2',
  3: 'heading3',
  4: 'heading4',
};

/** The characters of a level's heading (design §4): 黑体, 楷体, 仿宋 bold or plain by preset.
 * Own-line headings get it from their style; a heading run into its paragraph, on its runs. */
export function headingRunFormat(preset: DocxPreset, level: HeadingLevel): { font: IFontAttributesProperties; size: number; bold: boolean } {
  return { font: fontSlots(fontName(preset, HEADING_ROLES[level])), size: preset.sizes.heading, bold: level === 3 && preset.heading3Bold };
}

function headingStyle(preset: DocxPreset, level: HeadingLevel): IBaseParagraphStyleOptions {
  return {
    run: headingRunFormat(preset, level),
    paragraph: {
      spacing: lineSpacing(preset),
      indent: { firstLine: firstLineIndent(preset) },
      keepNext: true,
      // Outline levels are 0-based: the navigation pane and TOC need them.
      outlineLevel: level - 1,
    },
  };
}

export function buildStyles(preset: DocxPreset): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: fontSlots(fontName(preset, 'body')),
          size: preset.sizes.body,
          language: { eastAsia: LANGUAGE_EAST_ASIA },
        },
        paragraph: {
          spacing: lineSpacing(preset),
          indent: { firstLine: firstLineIndent(preset) },
          alignment: AlignmentType.JUSTIFIED,
        },
      },
      title: {
        run: { font: fontSlots(fontName(preset, 'title')), size: preset.sizes.title, bold: false },
        paragraph: {
          spacing: lineSpacing(preset),
          // The body's first-line indent would push a centred title off centre.
          indent: { firstLine: 0 },
          alignment: AlignmentType.CENTER,
          keepNext: true,
        },
      },
      heading1: headingStyle(preset, 1),
      heading2: headingStyle(preset, 2),
      heading3: headingStyle(preset, 3),
      heading4: headingStyle(preset, 4),
    },
  };
}

const TITLE_STYLE = /<w:style\b[^>]*w:styleId="Title"[^>]*>[\s\S]*?<\/w:style>/;

/** Takes the title off the line grid (w:snapToGrid 0, which docx cannot write in a style).
 * LibreOffice snaps exact-spaced lines to the grid by the font's height, not the spacing: a 22 pt
 * title in a font with tall metrics (the Noto CJK fallback when 方正小标宋简体 is missing) then
 * takes two grid lines. Word ignores the grid for exact spacing anyway, so this changes nothing there. */
export function unsnapTitle(stylesXml: string): string {
  const title = TITLE_STYLE.exec(stylesXml)?.[0];
  if (!title?.includes('<w:spacing ')) throw new Error('styles.xml: no Title style with spacing to patch');
  // snapToGrid precedes spacing in CT_PPrBase; Word rejects pPr children out of order.
  return stylesXml.replace(title, title.replace('<w:spacing ', '<w:snapToGrid w:val="0"/><w:spacing '));
}
