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
import { DOCX_PRESETS, type DocxPresetName, type FontRole } from '../../schema/kinds.js';

export type { FontRole };

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
  sizes: { title: ER_HAO, heading: SAN_HAO, body: SAN_HAO, pageNumber: SI_HAO },
  heading3Bold: false,
  gb2312FontNames: false,
  charGrid: false,
};

export const DEFAULT_DOCX_PRESET = gbt9704.name;

/** Every preset the schema names, and no other. */
const PRESETS: Readonly<Record<DocxPresetName, DocxPreset>> = { gbt9704 };

/** The names of the known presets. */
export function presetNames(): string[] {
  return [...DOCX_PRESETS];
}

/** The preset of that name; an unknown name is an Error the caller turns into a diagnostic. */
export function getPreset(name: string, fontNames?: Readonly<Partial<Record<FontRole, string>>>): DocxPreset {
  const preset = (DOCX_PRESETS as readonly string[]).includes(name) ? PRESETS[name as DocxPresetName] : undefined;
  if (!preset) {
    throw new Error(`unknown docx preset "${name}" (known: ${presetNames().join(', ')})`);
  }
  return fontNames ? { ...preset, fontNames } : preset;
}

/** The font name a preset gives a role, honouring its _GB2312 switch. */
export function fontName(preset: DocxPreset, role: FontRole): string {
  const chosen = preset.fontNames?.[role];
  if (chosen !== undefined) return chosen;
  const face = preset.fonts[role];
  return (preset.gb2312FontNames ? GB2312_TYPEFACES[face] : undefined) ?? TYPEFACES[face];
}
