/**
 * The HTML's one style sheet, derived from the docx preset (design §5) so that both outputs agree:
 * printed, A4 with the preset's margins, sizes, line spacing and page numbers ("— N —" in
 * gbt9704); on a screen, a page-like column that narrows to a phone's width without scrolling
 * sideways, its sizes in rem so that they all scale with the body's.
 */
import type { HeadingLevel } from '../../document/ast.js';
import type { FontRole } from '../../schema/kinds.js';
import { FIRST_LINE_INDENT_CHARS, SIGNATURE_DATE_SHIFT_CHARS, SIGNATURE_RIGHT_INDENT_CHARS, type Typeface } from '../docx/constants.js';
import {
  COLOPHON_LINE,
  COLOPHON_SIDE_INDENT_CHARS,
  COLOPHON_SIZE,
  COLOPHON_THICK_RULE_MM,
  COLOPHON_THIN_RULE_MM,
  COPY_TO_LABEL_CHARS,
  ISSUER_LINE_FACTOR,
  ISSUER_TOP_GAP_MM,
  LINES_BEFORE_NUMBER,
  LINES_BEFORE_TITLE,
  MASTHEAD_RED,
  NUMBER_LINE_FACTOR,
  NUMBER_SIDE_INDENT_CHARS,
  SEPARATOR_GAP_MM,
  SEPARATOR_WIDTH_PT,
} from '../docx/formal-layout.js';
import { fontName, type DocxPreset, type PageNumberSide } from '../docx/presets.js';
import { twipToPt } from '../docx/units.js';
import { cssString } from './escape.js';

/**
 * Each typeface under the names Windows, macOS and Linux know it by, most faithful first, then a
 * generic family: a reader without 仿宋 still gets a serif CJK face rather than the browser's default.
 */
const FACE_FALLBACKS: Readonly<Record<Typeface, { names: readonly string[]; generic: 'serif' | 'sans-serif' }>> = {
  FangSong: { names: ['FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'Noto Serif CJK SC'], generic: 'serif' },
  KaiTi: { names: ['KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312', 'STKaiti', 'Kaiti SC', 'Noto Serif CJK SC'], generic: 'serif' },
  HeiTi: { names: ['SimHei', '黑体', 'Heiti SC', 'STHeiti', 'PingFang SC', 'Noto Sans CJK SC'], generic: 'sans-serif' },
  SongTi: { names: ['SimSun', '宋体', 'Songti SC', 'STSong', 'Noto Serif CJK SC'], generic: 'serif' },
  XiaoBiaoSong: { names: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'STZhongsong', 'Noto Serif CJK SC'], generic: 'serif' },
};

/** A role's font-family: the name the docx uses (the office's choice from plan-report.yaml, if any),
 * then the fallbacks of the preset's typeface for that role. */
function fontStack(preset: DocxPreset, role: FontRole): string {
  const fallbacks = FACE_FALLBACKS[preset.fonts[role]];
  const names = [...new Set([fontName(preset, role), ...fallbacks.names])];
  return [...names.map(cssString), fallbacks.generic].join(', ');
}

/** A table cell's line, as the docx table's exact spacing: a row no taller than its text. */
const CELL_LINE_PT = 20;
/** Word's single line of a CJK font is about 1.3 times its size: the unit of "1.5 lines". */
const SINGLE_LINE_EM = 1.3;
/** Half-points (the preset's sizes) to points. */
const pt = (halfPoints: number): number => halfPoints / 2;

/** `points` in rem, where 1 rem is the body size: every size scales with it on a phone. */
function rem(points: number, preset: DocxPreset): string {
  return `${Number((points / pt(preset.sizes.body)).toFixed(4))}rem`;
}

/** Twips to millimetres, to a tenth: GB/T 9704's margins read as the standard writes them. */
function mm(twips: number): string {
  return `${Number(((twips / 1440) * 25.4).toFixed(1))}mm`;
}

/** The body's line: exact spacing in rem, or a multiple of single spacing (unitless, so that it
 * follows each element's size); `blank`, a body line as a length: the genre's blank lines. */
function bodyLines(preset: DocxPreset): { height: string; blank: string } {
  const spacing = preset.lineSpacing;
  if ('exact' in spacing) {
    const exact = rem(twipToPt(spacing.exact), preset);
    return { height: exact, blank: exact };
  }
  const factor = Number((spacing.lines * SINGLE_LINE_EM).toFixed(4));
  return { height: String(factor), blank: `${factor}rem` };
}

const HEADING_ROLES: Readonly<Record<HeadingLevel, FontRole>> = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' };
const LEVELS: readonly HeadingLevel[] = [1, 2, 3, 4];

/** A level's own-line heading (h2 to h5) and a heading of that level run into its paragraph. */
function headingRule(preset: DocxPreset, level: HeadingLevel): string {
  const bold = level === 3 && preset.heading3Bold ? 'bold' : 'normal';
  return `h${level + 1}, .level-${level} { font-family: ${fontStack(preset, HEADING_ROLES[level])}; font-weight: ${bold}; }`;
}

/** The page number's margin box on one side: its line's middle `gap` below the type area, as in the
 * docx footer, and `indentChars` body characters in from the side it is set to. */
function pageNumberBox(preset: DocxPreset, side: PageNumberSide): string {
  const numbers = preset.pageNumbers;
  const size = pt(preset.sizes.pageNumber);
  const indent = side === 'center' ? '' : ` padding-${side}: ${numbers.indentChars * pt(preset.sizes.body)}pt;`;
  return (
    `@bottom-${side} { content: ${cssString(numbers.prefix)} counter(page) ${cssString(numbers.suffix)}; ` +
    `font-family: ${fontStack(preset, 'page-number')}; font-size: ${size}pt; line-height: ${size}pt; ` +
    `vertical-align: top; text-align: ${side}; padding-top: ${Number((twipToPt(numbers.gap) - size / 2).toFixed(2))}pt;${indent} }`
  );
}

/** Page numbers where the browser prints margin boxes (Chromium does): odd pages are right pages. */
function pageNumberRules(preset: DocxPreset): string {
  const { odd, even } = preset.pageNumbers;
  if (odd === even) return `@page { ${pageNumberBox(preset, odd)} }`;
  return `@page :right { ${pageNumberBox(preset, odd)} }\n@page :left { ${pageNumberBox(preset, even)} }`;
}

/**
 * 版头 and 版记 as the docx sets them (./docx/formal-layout.ts). The 发文机关标志 carries its size
 * (--issuer-size, the docx's: the largest that keeps it on one line) and width in characters
 * (--issuer-chars); on a phone it shrinks to its container's width (cqi) to stay on one line. The red
 * line is the 发文字号 line's border, SEPARATOR_GAP_MM below its text.
 */
function formalRules(preset: DocxPreset, blank: string): string {
  const red = `#${MASTHEAD_RED}`;
  const halfLeading = (NUMBER_LINE_FACTOR - 1) / 2;
  const colophonSize = pt(COLOPHON_SIZE);
  return `.masthead { container-type: inline-size; margin-bottom: calc(${LINES_BEFORE_TITLE} * ${blank}); }
.masthead p { text-indent: 0; text-align: center; }
.issuer { color: ${red}; font-family: ${fontStack(preset, 'title')}; font-size: var(--issuer-size); line-height: ${ISSUER_LINE_FACTOR}; margin-bottom: calc(${LINES_BEFORE_NUMBER} * ${blank}); }
.number { min-height: ${NUMBER_LINE_FACTOR}em; line-height: ${NUMBER_LINE_FACTOR}em; padding-bottom: calc(${SEPARATOR_GAP_MM}mm - ${halfLeading}em); border-bottom: ${SEPARATOR_WIDTH_PT}pt solid ${red}; }
.signed { display: flex; flex-wrap: wrap; justify-content: space-between; padding: 0 ${NUMBER_SIDE_INDENT_CHARS}em; }
.signed > :last-child, .printed > :last-child { margin-left: auto; }
.signer { font-family: ${fontStack(preset, 'heading2')}; }
.colophon { margin-top: ${rem(twipToPt(COLOPHON_LINE), preset)}; border-top: ${COLOPHON_THICK_RULE_MM}mm solid #000; border-bottom: ${COLOPHON_THICK_RULE_MM}mm solid #000; }
.colophon p { font-size: ${rem(colophonSize, preset)}; text-indent: 0; line-height: ${rem(twipToPt(COLOPHON_LINE), preset)}; padding: 0 ${COLOPHON_SIDE_INDENT_CHARS}em; }
.colophon .copy-to { border-bottom: ${COLOPHON_THIN_RULE_MM}mm solid #000; padding-left: ${COLOPHON_SIDE_INDENT_CHARS + COPY_TO_LABEL_CHARS}em; text-indent: -${COPY_TO_LABEL_CHARS}em; }
.printed { display: flex; flex-wrap: wrap; justify-content: space-between; }`;
}

/** Printed, the 发文机关标志's upper edge ISSUER_TOP_GAP_MM below the type area's, less the half
 * leading above its glyphs. */
const issuerPrintRule = `.issuer { margin-top: calc(${ISSUER_TOP_GAP_MM}mm - ${Number(((ISSUER_LINE_FACTOR - 1) / 2).toFixed(4))}em); }`;

/**
 * On a phone the title keeps its printed lines, each shrunk to fit (see titleHtml): wrapping it
 * again would break inside words.
 *
 * The signature needs no measuring, unlike the docx's: its box is as wide as its wider line and sits
 * 2 characters from the right, the org starts at the box's left and the date 2 characters further.
 * So a short date starts 2 characters right of the org, and a date too long for that ends 2
 * characters from the right with the org 2 characters left of it (GB/T 9704 7.3.5.2). Printed, it
 * never stands alone on a page: the body's last lines come with it (break-before: avoid), which
 * the docx cannot ask of Word.
 */
export function stylesheet(preset: DocxPreset): string {
  const { margin } = preset.page;
  const margins = `${mm(margin.top)} ${mm(margin.right)} ${mm(margin.bottom)} ${mm(margin.left)}`;
  const { height: line, blank } = bodyLines(preset);
  const body = pt(preset.sizes.body);
  return `@page { size: A4; margin: ${margins}; }
${pageNumberRules(preset)}
:root { color-scheme: light; font-size: ${body}pt; }
html { background: #e9e7e3; color: #000; }
body { margin: 0; }
.page { box-sizing: border-box; max-width: ${mm(preset.page.width)}; margin: 8mm auto; padding: ${margins}; background: #fff; box-shadow: 0 1px 6px rgb(0 0 0 / 0.2); font-family: ${fontStack(preset, 'body')}; line-height: ${line}; text-align: justify; overflow-wrap: anywhere; }
p, h1, h2, h3, h4, h5 { margin: 0; font-size: 1rem; line-height: ${line}; text-indent: ${FIRST_LINE_INDENT_CHARS}em; }
h2, h3, h4, h5 { font-size: ${rem(pt(preset.sizes.heading), preset)}; }
h1 { container-type: inline-size; font-family: ${fontStack(preset, 'title')}; font-size: ${rem(pt(preset.sizes.title), preset)}; font-weight: normal; text-align: center; text-indent: 0; margin-bottom: ${blank}; }
h1 .line { display: block; }
${LEVELS.map((level) => headingRule(preset, level)).join('\n')}
.table { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: ${rem(pt(preset.sizes.table), preset)}; line-height: ${rem(CELL_LINE_PT, preset)}; text-align: center; }
caption { font-family: ${fontStack(preset, 'heading1')}; font-size: 1rem; line-height: ${line}; }
th, td { border: 1px solid #000; padding: 0.15em 0.3em; vertical-align: middle; overflow-wrap: normal; }
th { font-family: ${fontStack(preset, 'heading1')}; font-weight: normal; }
td:first-child { text-align: left; }
th, td:nth-child(2) { white-space: nowrap; }
.signature { width: fit-content; max-width: calc(100% - ${SIGNATURE_RIGHT_INDENT_CHARS}em); margin: ${blank} ${SIGNATURE_RIGHT_INDENT_CHARS}em 0 auto; text-align: left; }
.signature p { text-indent: 0; }
.signature .date { padding-left: ${SIGNATURE_DATE_SHIFT_CHARS}em; }
${formalRules(preset, blank)}
@media screen and (max-width: 220mm) {
  :root { font-size: clamp(16px, 4.5vw, ${body}pt); }
  html { background: #fff; }
  .page { margin: 0; padding: 1.5rem 1rem 2.5rem; box-shadow: none; }
  .issuer { font-size: min(var(--issuer-size), 100cqi / var(--issuer-chars)); }
  h1 .line { white-space: nowrap; font-size: min(1em, 100cqi / var(--title-chars)); }
}
@media print {
  html { background: none; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h1, h2, h3, h4, h5, caption { break-after: avoid; }
  .table { overflow-x: visible; }
  th, td { border-width: 0.5pt; }
  .table, tr, .signature, .masthead, .colophon { break-inside: avoid; }
  .signature { break-before: avoid; }
  ${issuerPrintRule}
}
`;
}
