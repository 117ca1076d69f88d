import { foldedName } from '../diagnostics/suggest.js';

/** The kinds of notes file, by their top-level key. Kept apart from the schemas so that the CLI can
 * list them without loading zod. */
export const FILE_KINDS = ['report', 'activities', 'metrics', 'plans'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/**
 * What a file is, by its top-level key: `report:` makes a report, else activities/metrics/plans.
 * Keys count as meant (ｒｅｐｏｒｔ: typed with a Chinese IME is a report), so that the file is
 * validated as what it is and the key gets its "did you mean report".
 */
export function fileKindOf(data: unknown): FileKind | undefined {
  return FILE_KINDS.find((kind) => hasKindKey(data, kind));
}

/** Whether the data is a mapping with the top-level key of that kind, as meant (see fileKindOf). */
export function hasKindKey(data: unknown, kind: FileKind): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  return Object.keys(data).some((key) => foldedName(key) === kind);
}

/** Every file with a JSON Schema: the notes kinds and the config file. */
export const SCHEMA_KINDS = [...FILE_KINDS, 'config'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** The kinds a report draws on through `sources:`. */
export type NotesKind = Exclude<FileKind, 'report'>;
export const NOTES_KINDS: readonly NotesKind[] = ['activities', 'metrics', 'plans'];

/** The office's config file, found by walking up from each report (schema: schema/config.ts). */
export const CONFIG_FILE_NAME = 'plan-report.yaml';

/** The output formats `build --format` accepts, in the order they are written; one writer each. */
export const OUTPUT_FORMATS = ['docx', 'md', 'html', 'pdf'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What build writes when neither the command line nor the config names formats: pdf needs LibreOffice. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['docx', 'md'];

/** The docx style presets (design §5), each defined in write/docx/presets.ts. */
export const DOCX_PRESETS = ['gbt9704', 'plain'] as const;
export type DocxPresetName = (typeof DOCX_PRESETS)[number];

/** The places of a document that take their own typeface: the keys of a config's `fonts:`. */
export const FONT_ROLES = ['title', 'heading1', 'heading2', 'heading3', 'heading4', 'body', 'page-number'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

/** Named font sets (`--fonts`, a config's `fonts: gb2312`): the plain 仿宋 / 楷体, or their _GB2312 names. */
export const FONT_SETS = ['default', 'gb2312'] as const;
export type FontSet = (typeof FONT_SETS)[number];
/** What a build may say about fonts: a named set, or font names by role (a config's `fonts:` record). */
export type FontChoice = FontSet | Readonly<Partial<Record<FontRole, string>>>;

/** Whether a period is a whole year (2023) or a half (2023-H1, 2023-H2). */
export type PeriodShape = 'year' | 'half';

/**
 * What makes each report kind: the periods it accepts, the 文种 word of its default title (发文机关
 * + 时限 + 事由 + 文种), and the parts its built-in template prints. A new kind is a row here and a
 * folder templates/<kind>/, not a branch in code.
 */
export interface ReportKindSpec {
  periods: readonly PeriodShape[];
  /** The 文种 word of the default title; `report.title-word` replaces it (工作要点). */
  titleWord: string;
  /** A summary-and-plan's second part: the 文种 word of its plan and the word that joins the two. */
  plan?: { titleWord: string; joinSameYear: string; joinNextYear: string };
  /** A speech has no 发文机关署名 and may have no title (篇(4) starts with its first heading). */
  signed: boolean;
  titled: boolean;
  /** Whether it reports on its period's work: a plan due in it with nothing recorded is worth a warning. */
  summarises: boolean;
  /** Where its template prints the plans files' items (`plans: items`): the report's sections, or the plan part's. */
  listsPlans?: 'sections' | 'plan-part';
}

export const REPORT_KIND_TABLE = {
  'half-year-summary': { periods: ['half'], titleWord: '工作总结', signed: true, titled: true, summarises: true },
  'annual-summary': { periods: ['year'], titleWord: '工作总结', signed: true, titled: true, summarises: true },
  'work-plan': { periods: ['year', 'half'], titleWord: '工作计划', signed: true, titled: true, summarises: false, listsPlans: 'sections' },
  'summary-and-plan': {
    periods: ['year', 'half'],
    titleWord: '工作总结',
    plan: { titleWord: '工作计划', joinSameYear: '和', joinNextYear: '及' },
    signed: true,
    titled: true,
    summarises: true,
    listsPlans: 'plan-part',
  },
  speech: { periods: ['year', 'half'], titleWord: '讲话', signed: false, titled: false, summarises: false },
} as const satisfies Record<string, ReportKindSpec>;

export type ReportKind = keyof typeof REPORT_KIND_TABLE;
export const REPORT_KINDS = Object.keys(REPORT_KIND_TABLE) as [ReportKind, ...ReportKind[]];

export function kindSpec(kind: ReportKind): ReportKindSpec {
  return REPORT_KIND_TABLE[kind];
}

/**
 * The heading families of GB/T 9704 §7.3.3 by the level they number (design §4). 1、 is the
 * informal spelling of 1. that the seeds use: it names the same level, printed 1. as the standard has it.
 */
export const NUMBERING_LEVELS = { '一、': 1, '（一）': 2, '1.': 3, '1、': 3, '（1）': 4 } as const;
export type Numbering = keyof typeof NUMBERING_LEVELS;
export const MAX_HEADING_LEVELS = 4;
