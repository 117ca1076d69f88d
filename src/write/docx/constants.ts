/**
 * Every size, spacing and font of the docx writer, named for what it is (design §5, GB/T 9704-2012).
 * Lengths are twips (1/20 pt) unless the name says otherwise; font sizes are half-points (w:sz).
 */
import { mmToTwip, ptToHalfPoints, ptToTwip } from './units.js';

// Typefaces, named after the face rather than the role: one face serves several roles.
export const FangSong = '仿宋';
export const KaiTi = '楷体';
export const HeiTi = '黑体';
export const SongTi = '宋体';
export const XiaoBiaoSong = '方正小标宋简体';
/** The older names, still expected by some offices; newer Windows and macOS lack these fonts. */
export const FangSongGb2312 = '仿宋_GB2312';
export const KaiTiGb2312 = '楷体_GB2312';

export const TYPEFACES = { FangSong, KaiTi, HeiTi, SongTi, XiaoBiaoSong } as const;
export type Typeface = keyof typeof TYPEFACES;
/** Faces that have a _GB2312 variant; 黑体, 宋体 and 方正小标宋简体 have none. */
export const GB2312_TYPEFACES: Readonly<Partial<Record<Typeface, string>>> = {
  FangSong: FangSongGb2312,
  KaiTi: KaiTiGb2312,
};
/** Tells Word to pick the eastAsia font for ambiguous characters such as “” and —. */
export const FONT_HINT = 'eastAsia';
export const LANGUAGE_EAST_ASIA = 'zh-CN';

// Chinese font size names (字号), in half-points.
/** 二号, 22 pt: the title. */
export const ER_HAO = ptToHalfPoints(22);
/** 三号, 16 pt: body and headings. */
export const SAN_HAO = ptToHalfPoints(16);
/** 四号, 14 pt: page numbers. */
export const SI_HAO = ptToHalfPoints(14);
/** 小二, 18 pt: the plain preset's title. */
export const XIAO_ER = ptToHalfPoints(18);
/** 小四, 12 pt: the plain preset's body and headings. */
export const XIAO_SI = ptToHalfPoints(12);
/** 五号, 10.5 pt: the plain preset's page numbers. */
export const WU_HAO = ptToHalfPoints(10.5);

// Page: A4 portrait and the GB/T 9704 margins (the type area is 156 × 225 mm).
export const PAGE_WIDTH = mmToTwip(210);
export const PAGE_HEIGHT = mmToTwip(297);
export const MARGIN_TOP_MM = 37;
export const MARGIN_BOTTOM_MM = 35;
export const MARGIN_LEFT_MM = 28;
export const MARGIN_RIGHT_MM = 26;
export const MARGIN_TOP = mmToTwip(MARGIN_TOP_MM);
export const MARGIN_BOTTOM = mmToTwip(MARGIN_BOTTOM_MM);
export const MARGIN_LEFT = mmToTwip(MARGIN_LEFT_MM);
export const MARGIN_RIGHT = mmToTwip(MARGIN_RIGHT_MM);
/** The type area's width (版心宽度). */
export const TYPE_AREA_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/** Header distance; there is no header, but the section needs a value below the top margin. */
export const HEADER_DISTANCE = mmToTwip(15);
/** Ordinary margins (the plain preset): Word's A4 defaults of 2.54 cm top and bottom, 3.17 cm left and right. */
export const ORDINARY_MARGIN_TOP_BOTTOM = mmToTwip(25.4);
export const ORDINARY_MARGIN_LEFT_RIGHT = mmToTwip(31.7);

// Line grid: 22 lines × 28 characters a page.
/** Exact 28 pt line spacing gives 22 lines in the type area. */
export const LINE_SPACING = ptToTwip(28);
export const CHARS_PER_LINE = 28;
/** Spacing as a multiple of single lines (w:lineRule auto): w:line counts 240ths of a line. */
export const AUTO_LINE_UNITS = 240;
/** The plain preset's body spacing: 1.5 lines. */
export const ONE_AND_A_HALF_LINES = 1.5;
/** docGrid w:charSpace is in 4096ths of a point. */
export const CHAR_SPACE_UNITS_PER_POINT = 4096;

// Indents, in characters of the body font (GB/T 9704 counts 字 in body characters).
/** Body paragraphs and headings: first line indented 2 characters. */
export const FIRST_LINE_INDENT_CHARS = 2;
/** Page numbers: 单页码居右空一字，双页码居左空一字. */
export const PAGE_NUMBER_INDENT_CHARS = 1;
/** Signature (7.3.5.2): the org name (or the date, when it is longer) right-indented 2 characters. */
export const SIGNATURE_RIGHT_INDENT_CHARS = 2;
/** Signature: the date's first character 2 characters right of the org's first character. */
export const SIGNATURE_DATE_SHIFT_CHARS = 2;
/** Width of a half-width (ASCII) character, in full-width characters. */
export const HALF_WIDTH_CHAR = 0.5;

// Page numbers: "— N —" with 一字线 (U+2014), the dash line 7 mm below the type area (GB/T 9704 7.5).
export const PAGE_NUMBER_DASH = '\u2014';
export const PAGE_NUMBER_PREFIX = `${PAGE_NUMBER_DASH} `;
export const PAGE_NUMBER_SUFFIX = ` ${PAGE_NUMBER_DASH}`;
export const PAGE_NUMBER_GAP = mmToTwip(7);

// Custom document properties.
/** The custom property that holds the sha256 of word/document.xml (the hand-edit guard). */
export const FINGERPRINT_PROPERTY = 'plan-report-fingerprint';
/** A fixed-length placeholder written by docx and replaced by the real fingerprint. */
export const FINGERPRINT_PLACEHOLDER = '0'.repeat(64);

// The package (zip).
export const DOCUMENT_PART = 'word/document.xml';
export const STYLES_PART = 'word/styles.xml';
export const CORE_PART = 'docProps/core.xml';
export const CUSTOM_PART = 'docProps/custom.xml';
export const CONTENT_TYPES_PART = '[Content_Types].xml';
export const PACKAGE_RELS_PART = '_rels/.rels';
/** Deflate level of the re-zip; any fixed level is deterministic. */
export const ZIP_LEVEL = 6;
/** The range a zip (MS-DOS) time stamp can hold. */
export const DOS_YEAR_MIN = 1980;
export const DOS_YEAR_MAX = 2107;
