/**
 * `check --fix`: after checking, the safe fixes of what check reported are applied, file by file:
 * YAML notes and .md/.txt drafts in place (atomically, only while the file is as it was read), a
 * Word file never (its fixes are proposals, or go into a copy on request). Then the files are
 * checked again, so that what is left is what a person must still do.
 */
import path from 'node:path';
import type { PrepareOptions } from '../build.js';
import { check, type CheckResult } from '../check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DRAFT_RULES } from '../lint/draft/rule-table.js';
import { draftFormatOf } from '../load/drafts/index.js';
import { NOTHING, problemKey, type FileOutcome, type FixChange } from './change.js';
import { fixDocx } from './docx.js';
import { fixNotesFile } from './notes.js';
import { fixTextDraft } from './text-drafts.js';

export type { FixChange } from './change.js';

export interface FixOptions extends PrepareOptions {
  /** Write a Word file's fixes to NAME.fixed.docx beside it (never over an existing file). */
  docxCopy?: boolean;
}

export interface FixResult {
  /** The fixes written: into notes and text drafts, or into a Word file's copy. */
  fixed: FixChange[];
  /** Every fix of a Word file, listed for a person to make (the file itself is never written). */
  proposed: FixChange[];
  /** The files written, each with its number of fixes: the file itself, or a Word file's copy. */
  written: { source: string; path: string; fixes: number }[];
  /** Why fixes were not written: an encoding that cannot be written back, a file changed meanwhile,
   * a copy that exists, a fix across two runs of a Word file. */
  diagnostics: Diagnostic[];
  /** The check after the fixes: what is left to do. */
  check: CheckResult;
}

function isFixable(d: Diagnostic): boolean {
  return d.code in DRAFT_RULES && DRAFT_RULES[d.code as keyof typeof DRAFT_RULES].fix;
}

function fixFile(file: string, reported: ReadonlySet<string>, options: FixOptions): Promise<FileOutcome> {
  const format = draftFormatOf(file);
  if (format === 'docx') return path.extname(file).toLowerCase() === '.docx' ? fixDocx(file, reported, options.docxCopy === true) : Promise.resolve(NOTHING);
  if (format === 'md' || format === 'txt') return fixTextDraft(file, format, reported);
  return fixNotesFile(file, reported);
}

/** check, then the safe fixes of what it reported, then check again. */
export async function fix(paths: readonly string[], options: FixOptions = {}): Promise<FixResult> {
  const before = await check(paths, options);
  const fixable = before.diagnostics.filter(isFixable);
  const reported = new Set(fixable.map(problemKey));
  const files = [...new Set(fixable.flatMap((d) => (d.location ? [d.location.file] : [])))].sort();
  const outcomes: FileOutcome[] = [];
  // One file at a time: two files never share an edit, and the order of the output stays stable.
  for (const file of files) outcomes.push(await fixFile(file, reported, options));
  const written = outcomes.flatMap((o) => (o.written ? [o.written] : []));
  return {
    fixed: outcomes.flatMap((o) => o.fixed),
    proposed: outcomes.flatMap((o) => o.proposed),
    written,
    diagnostics: outcomes.flatMap((o) => o.diagnostics),
    check: written.some((w) => w.path === w.source) ? await check(paths, options) : before,
  };
}
