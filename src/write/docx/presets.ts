/**
 * Docx style presets. A preset is data: which typeface serves each role, the sizes, the page, the
 * line spacing, the page numbers, and the few switches offices disagree on. Styles, page and
 * footers are derived from it in one place each, so a new preset is a new record, not a branch.
 */
import {
  ER_HAO,
  GB2312_TYPEFACES,
  HEADER_DISTANCE,
  LINE_SPACING,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  ONE_AND_A_HALF_LINES,
  ORDINARY_MARGIN_LEFT_RIGHT,
  ORDINARY_MARGIN_TOP_BOTTOM,
  PAGE_HEIGHT,
  PAGE_NUMBER_GAP,
  PAGE_NUMBER_INDENT_CHARS,
  PAGE_NUMBER_PREFIX,
  PAGE_NUMBER_SUFFIX,
  PAGE_WIDTH,
  SAN_HAO,
  SI_HAO,
  TYPEFACES,
  WU_HAO,
  XIAO_ER,
  XIAO_SI,
  type Typeface,
} from './constants.js';
import { charsToTwip } from './units.js';
import { DOCX_PRESETS, type DocxPresetName, type FontChoice, type FontRole } from '../../schema/kinds.js';

export type { FontRole };

/** Line spacing: exact, in twips (GB/T 9704's 28 pt, optionally with the line grid at that pitch),
 * or a multiple of single spacing. */
export type LineSpacing = { readonly exact: number; readonly grid: boolean } | { readonly lines: number };

export type PageNumberSide = 'left' | 'center' | 'right';

export interface PageNumbers {
  /** The text around the number: "— " and " —" in GB/T 9704 7.5. */
  readonly prefix: string;
  readonly suffix: string;
  /** Where odd and even pages put it; odd and even footers differ only when these do. */
  readonly odd: PageNumberSide;
  readonly even: PageNumberSide;
  /** From the side it is set to, in body characters (none when centred). */
  readonly indentChars: number;
  /** From the type area's bottom to the middle of the number's line, in twips. */
  readonly gap: number;
}

/** A4 and its margins, in twips. */
export interface PageLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: Readonly<{ top: number; bottom: number; left: number; right: number }>;
  readonly header: number;
}

export interface DocxPreset {
  readonly name: string;
  readonly fonts: Readonly<Record<FontRole, Typeface>>;
  /** Font sizes in half-points. */
  readonly sizes: Readonly<{ title: number; heading: number; body: number; pageNumber: number; table: number }>;
  readonly page: PageLayout;
  readonly lineSpacing: LineSpacing;
  readonly pageNumbers: PageNumbers;
  /** Level-3 headings (1.) in bold: a common local habit, not the standard (off in gbt9704). */
  readonly heading3Bold: boolean;
  /** Use 仿宋_GB2312 / 楷体_GB2312 instead of 仿宋 / 楷体 (the font set `gb2312`). */
  readonly gb2312FontNames: boolean;
  /** The 28-character grid (docGrid linesAndChars with charSpace), on top of the line grid. Off by
   * default: only Word and WPS render it; LibreOffice then sets 18 characters a line. */
  readonly charGrid: boolean;
  /** Font names an office chose for some roles (plan-report.yaml `fonts:`), used as written. */
  readonly fontNames?: Readonly<Partial<Record<FontRole, string>>>;
}

/** GB/T 9704-2012 as design §5 describes it. */
export const gbt9704: DocxPreset = {
  name: 'gbt9704',
  fonts: {
    title: 'XiaoBiaoSong',
    heading1: 'HeiTi',
    heading2: 'KaiTi',
    heading3: 'FangSong',
    heading4: 'FangSong',
    body: 'FangSong',
    'page-number': 'SongTi',
  },
  sizes: { title: ER_HAO, heading: SAN_HAO, body: SAN_HAO, pageNumber: SI_HAO, table: SI_HAO },
  page: {
    width: PAGE_WIDTH,
    height: PAGE_HEIGHT,
    margin: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_LEFT, right: MARGIN_RIGHT },
    header: HEADER_DISTANCE,
  },
  lineSpacing: { exact: LINE_SPACING, grid: true },
  pageNumbers: {
    prefix: PAGE_NUMBER_PREFIX,
    suffix: PAGE_NUMBER_SUFFIX,
    odd: 'right',
    even: 'left',
    indentChars: PAGE_NUMBER_INDENT_CHARS,
    gap: PAGE_NUMBER_GAP,
  },
  heading3Bold: false,
  gb2312FontNames: false,
  charGrid: false,
};

/** Internal drafts: 宋体 小四 at 1.5 lines on ordinary margins, 黑体 headings, plain centred page
 * numbers, no line grid. */
export const plain: DocxPreset = {
  name: 'plain',
  fonts: {
    title: 'HeiTi',
    heading1: 'HeiTi',
    heading2: 'HeiTi',
    heading3: 'HeiTi',
    heading4: 'HeiTi',
    body: 'SongTi',
    'page-number': 'SongTi',
  },
  sizes: { title: XIAO_ER, heading: XIAO_SI, body: XIAO_SI, pageNumber: WU_HAO, table: XIAO_SI },
  page: {
    width: PAGE_WIDTH,
    height: PAGE_HEIGHT,
    margin: { top: ORDINARY_MARGIN_TOP_BOTTOM, bottom: ORDINARY_MARGIN_TOP_BOTTOM, left: ORDINARY_MARGIN_LEFT_RIGHT, right: ORDINARY_MARGIN_LEFT_RIGHT },
    header: HEADER_DISTANCE,
  },
  lineSpacing: { lines: ONE_AND_A_HALF_LINES },
  pageNumbers: { prefix: '', suffix: '', odd: 'center', even: 'center', indentChars: 0, gap: PAGE_NUMBER_GAP },
  heading3Bold: false,
  gb2312FontNames: false,
  charGrid: false,
};

export const DEFAULT_DOCX_PRESET = gbt9704.name;

/** Every preset the schema names, and no other. */
const PRESETS: Readonly<Record<DocxPresetName, DocxPreset>> = { gbt9704, plain };

/** The names of the known presets. */
export function presetNames(): string[] {
  return [...DOCX_PRESETS];
}

/** A preset with a font choice applied: a named set switches the _GB2312 names on or off, a
 * record names fonts by role. */
function withFonts(preset: DocxPreset, fonts: FontChoice): DocxPreset {
  if (fonts === 'gb2312') return { ...preset, gb2312FontNames: true };
  if (fonts === 'default') return { ...preset, gb2312FontNames: false };
  return { ...preset, fontNames: fonts };
}

/** The preset of that name; an unknown name is an Error the caller turns into a diagnostic. */
export function getPreset(name: string, fonts?: FontChoice): DocxPreset {
  const preset = (DOCX_PRESETS as readonly string[]).includes(name) ? PRESETS[name as DocxPresetName] : undefined;
  if (!preset) {
    throw new Error(`unknown docx preset "${name}" (known: ${presetNames().join(', ')})`);
  }
  return fonts ? withFonts(preset, fonts) : preset;
}

/** The font name a preset gives a role, honouring its _GB2312 switch. */
export function fontName(preset: DocxPreset, role: FontRole): string {
  const chosen = preset.fontNames?.[role];
  if (chosen !== undefined) return chosen;
  const face = preset.fonts[role];
  return (preset.gb2312FontNames ? GB2312_TYPEFACES[face] : undefined) ?? TYPEFACES[face];
}

/** The type area's width (版心宽度) in twips. */
export function typeAreaWidth(preset: DocxPreset): number {
  return preset.page.width - preset.page.margin.left - preset.page.margin.right;
}

/** How many title characters a line of the type area holds: 20.1 of 二号 across GB/T 9704's 156 mm. */
export function titleLineChars(preset: DocxPreset): number {
  return typeAreaWidth(preset) / charsToTwip(1, preset.sizes.title);
}
