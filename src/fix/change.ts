import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';

/** One fix as a person reads it: where, what was there, what is there now, and the rule. */
export interface FixChange {
  file: string;
  /** In a Word file, the paragraph's number (unit 'paragraph'), as in its diagnostic. */
  line: number;
  column: number;
  unit?: 'paragraph';
  code: DiagnosticCode;
  before: string;
  after: string;
}

/** What --fix did to one file. */
export interface FileOutcome {
  fixed: FixChange[];
  /** A Word file's fixes, listed and never written into it. */
  proposed: FixChange[];
  /** The file written: the file itself, or a Word file's fixed copy. */
  written?: { source: string; path: string; fixes: number };
  /** Why fixes of this file were not written. */
  diagnostics: Diagnostic[];
}

export const NOTHING: FileOutcome = { fixed: [], proposed: [], diagnostics: [] };

/** The identity of a reported problem, as check's dedupe sees it: a fix is applied only when check
 * reported its problem (a rule switched off in plan-report.yaml is not fixed). */
export function problemKey(d: Diagnostic): string {
  return `${d.code}|${d.location?.file}|${d.location?.line}|${d.location?.column}|${JSON.stringify(d.params)}`;
}

/** The change a fix makes, in the words of its diagnostic (10~20% → 10%~20%, not just the %). */
export function changeOf(d: Diagnostic, replacement: string): FixChange {
  const at = d.location!;
  return {
    file: at.file,
    line: at.line,
    column: at.column,
    ...(at.unit ? { unit: at.unit } : {}),
    code: d.code,
    before: String(d.params.text ?? ''),
    after: d.params.replacement !== undefined ? String(d.params.replacement) : replacement,
  };
}
