/**
 * Docx style presets. A preset is data: which typeface serves each role, the sizes, and the few
 * switches offices disagree on. Styles, page and footers are derived from it in one place each.
 */
import {
  ER_HAO,
  GB2312_TYPEFACES,
  SAN_HAO,
  SI_HAO,
  TYPEFACES,
  type Typeface,
} from './constants.js';

export type FontRole = 'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'body' | 'pageNumber';

export interface DocxPreset {
  readonly name: string;
  readonly fonts: Readonly<Record<FontRole, Typeface>>;
  /** Font sizes in half-points. */
  readonly sizes: Readonly<{ title: number; heading: number; body: number; pageNumber: number }>;
  /** Level-3 headings (1.) in bold: a common local habit, not the standard (off in gbt9704). */
  readonly heading3Bold: boolean;
  /** Use 仿宋_GB2312 / 楷体_GB2312 instead of 仿宋 / 楷体. */
  readonly gb2312FontNames: boolean;
  /** The 28-character grid (docGrid linesAndChars with charSpace). Off by default: only Word and WPS
   * render it; LibreOffice then sets 18 characters a line. */
  readonly charGrid: boolean;
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
    pageNumber: 'SongTi',
  },
  sizes: { title: ER_HAO, heading: SAN_HAO, body: SAN_HAO, pageNumber: SI_HAO },
  heading3Bold: false,
  gb2312FontNames: false,
  charGrid: false,
};

export const DEFAULT_DOCX_PRESET = gbt9704.name;

const PRESETS: ReadonlyMap<string, DocxPreset> = new Map([gbt9704].map((preset) => [preset.name, preset]));

/** The names of the known presets. */
export function presetNames(): string[] {
  return [...PRESETS.keys()];
}

/** The preset of that name; an unknown name is an Error the caller turns into a diagnostic. */
export function getPreset(name: string): DocxPreset {
  const preset = PRESETS.get(name);
  if (!preset) {
    throw new Error(`unknown docx preset "${name}" (known: ${presetNames().join(', ')})`);
  }
  return preset;
}

/** The font name a preset gives a role, honouring its _GB2312 switch. */
export function fontName(preset: DocxPreset, role: FontRole): string {
  const face = preset.fonts[role];
  return (preset.gb2312FontNames ? GB2312_TYPEFACES[face] : undefined) ?? TYPEFACES[face];
}
