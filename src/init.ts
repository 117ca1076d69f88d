import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { error, warning, type Diagnostic } from './diagnostics/diagnostic.js';
import { localIsoDate, nextPeriod, parsePeriod, type Period } from './model/period.js';
import { packageVersion } from './version.js';
import { CONFIG_FILE_NAME } from './schema/kinds.js';

/** The files `init` copies, shipped with the package; tokens such as __YEAR__ are filled in. */
const STARTER_DIR = fileURLToPath(new URL('../starter/', import.meta.url));
/** The JSON Schemas shipped with the package, for the modelines of the files written. */
const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));

/** The org written when none is given: clearly to be replaced, and accepted by `check --strict`. */
const DEFAULT_ORG = '（单位名称）';

export interface InitOptions {
  /** The folder of the new notes repo; created if missing. */
  dir: string;
  /** The organisation; default DEFAULT_ORG. */
  org?: string;
  /** The first report's period, a half year (2026-H2) the caller has checked; default: the half of `date`. */
  period?: string;
  /** ISO date of the first report; default today (local). */
  date?: string;
  /** The plan-report version the CI files install; default this package's. */
  version?: string;
}

export interface InitResult {
  /** Absolute paths of the files written, in the order written. */
  written: string[];
  /** Absolute paths of the files that were there already and were left untouched. */
  kept: string[];
  diagnostics: Diagnostic[];
}

/**
 * Each starter file and where it goes in the notes repo. Files whose names carry the period or the
 * year are named here; dotfiles are stored without their dot, as npm drops `.gitignore` from a package.
 */
const STARTER_FILES: readonly { starter: string; target: (period: Period) => string }[] = [
  { starter: 'plan-report.yaml', target: () => CONFIG_FILE_NAME },
  { starter: 'README.md', target: () => 'README.md' },
  { starter: 'gitignore', target: () => '.gitignore' },
  { starter: 'activities.yaml', target: (p) => `activities/${p.year}.yaml` },
  { starter: 'metrics.yaml', target: (p) => `metrics/${p.id.toLowerCase()}.yaml` },
  { starter: 'plans.yaml', target: (p) => `plans/${p.year}.yaml` },
  { starter: 'report.yaml', target: (p) => `${p.id.toLowerCase()}.yaml` },
  { starter: 'github/plan-report.yml', target: () => '.github/workflows/plan-report.yml' },
  { starter: 'gitlab-ci.yml', target: () => '.gitlab-ci.yml' },
];


/** The half year a date falls in: 2026-11-29 -> 2026-H2. */
function halfYearOf(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number);
  return `${year}-H${month! <= 6 ? 1 : 2}`;
}


/** The org as a YAML value: quoted only when it must be (a colon, a leading symbol). */
function yamlScalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

/** The values of the tokens that do not depend on the file they are in. */
function tokenValues(period: Period, org: string, date: string, version: string): Record<string, string> {
  const next = nextPeriod(period);
  // The six months of the half, 01..06 or 07..12: the example notes are dated inside the period.
  const firstMonth = period.half === 2 ? 7 : 1;
  const months = Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`MONTH_${n}`, String(firstMonth + n - 1).padStart(2, '0')]));
  return {
    ORG: yamlScalar(org),
    YEAR: String(period.year),
    PERIOD: period.id,
    PERIOD_FILE: period.id.toLowerCase(),
    PERIOD_LABEL: period.label,
    PERIOD_END: period.end,
    NEXT_PERIOD: next.id,
    NEXT_PERIOD_FILE: next.id.toLowerCase(),
    DATE: date,
    VERSION: version,
    ...months,
  };
}

/** Replaces each __NAME__ by its value; a token without one is a defect of the starter files. */
function fillTokens(text: string, values: Readonly<Record<string, string>>, starter: string): string {
  return text.replace(/__([A-Z][A-Z0-9_]*[A-Z0-9])__/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`starter/${starter}: unknown token ${whole}`);
    return value;
  });
}

/** The schema folder as the file's modeline reaches it, relative to the file (as `new` writes it). */
function schemaPathFrom(file: string): string {
  return path.relative(path.dirname(file), SCHEMA_DIR).split(path.sep).join('/');
}

type Outcome = 'written' | 'kept' | Diagnostic;

/** A file or folder that could not be made; mkdir says EEXIST when a file stands where a folder should. */
function writeFailed(target: string, cause: unknown): Diagnostic {
  const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
  return error('init-write-failed', { path: target, detail: code === 'EEXIST' ? 'ENOTDIR' : code });
}

/** Writes the file only if nothing is there: `wx`, so that even a race never replaces a file. */
async function writeNew(file: string, text: string): Promise<Outcome> {
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text, { flag: 'wx' });
    return 'written';
  } catch (cause) {
    const there = (cause as NodeJS.ErrnoException).code === 'EEXIST' && (await fs.lstat(file).catch(() => undefined)) !== undefined;
    return there ? 'kept' : writeFailed(file, cause);
  }
}

/** Creates the repo's folder if missing; a file in its place is one error, not one per starter file. */
async function ensureFolder(dir: string): Promise<Diagnostic | undefined> {
  try {
    await fs.mkdir(dir, { recursive: true });
    return undefined;
  } catch (cause) {
    return writeFailed(dir, cause);
  }
}

/**
 * Makes a ready notes repo in `dir`: the office's plan-report.yaml, example activities, metrics and
 * plans dated in the period, the first half-year report drawing on them, a README for the office,
 * .gitignore and CI files for GitHub and GitLab. A file already there is kept as it is and
 * reported; the others are written.
 */
export async function initRepo(options: InitOptions): Promise<InitResult> {
  const dir = path.resolve(options.dir);
  const date = options.date ?? localIsoDate();
  const period = parsePeriod(options.period ?? halfYearOf(date));
  const values = tokenValues(period, options.org ?? DEFAULT_ORG, date, options.version ?? (await packageVersion()));
  const result: InitResult = { written: [], kept: [], diagnostics: [] };
  const blocked = await ensureFolder(dir);
  if (blocked) return { ...result, diagnostics: [blocked] };
  for (const { starter, target } of STARTER_FILES) {
    const file = path.join(dir, target(period));
    const text = fillTokens(await fs.readFile(path.join(STARTER_DIR, starter), 'utf8'), { ...values, SCHEMA: schemaPathFrom(file) }, starter);
    const outcome = await writeNew(file, text);
    if (outcome === 'written') result.written.push(file);
    else if (outcome === 'kept') {
      result.kept.push(file);
      result.diagnostics.push(warning('init-file-kept', { path: file }));
    } else result.diagnostics.push(outcome);
  }
  return result;
}
