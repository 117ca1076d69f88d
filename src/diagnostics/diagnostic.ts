import type { DiagnosticCode } from './messages.js';

/**
 * The whole error vocabulary of the notes: one record per problem, located in the file the
 * secretary must edit. Stages collect these and return them; nothing throws on a user mistake.
 */
export type Severity = 'error' | 'warning';

export type DiagnosticParams = Record<string, string | number>;

export interface Location {
  /** Absolute path of the file. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters (UTF-16 code units) of the decoded line. */
  column: number;
  /** The whole source line, for the caret display. */
  sourceLine?: string;
  /**
   * 'paragraph' in a Word file, which has no lines: `line` is the paragraph's number (1-based, as a
   * reader counts them), `column` the character in it, and `sourceLine` a snippet around the spot,
   * shown quoted rather than under a caret.
   */
  unit?: 'paragraph';
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  params: DiagnosticParams;
  location?: Location;
  /**
   * A replacement that is safe to apply without a person reading it (drafts only): `length`
   * characters at `offset` of the paragraph's text become `text`. Absent when a fix needs judgement.
   */
  fix?: { offset: number; length: number; text: string };
}

export function error(code: DiagnosticCode, params: DiagnosticParams = {}, location?: Location): Diagnostic {
  return location ? { code, severity: 'error', params, location } : { code, severity: 'error', params };
}

export function warning(code: DiagnosticCode, params: DiagnosticParams = {}, location?: Location): Diagnostic {
  return location ? { code, severity: 'warning', params, location } : { code, severity: 'warning', params };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, line and column so that output is stable and reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0);
  });
}

/** One diagnostic per problem and place, however many paths (reports sharing notes) found it. */
export function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.location?.file}|${d.location?.line}|${d.location?.column}|${JSON.stringify(d.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
