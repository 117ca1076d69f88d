import type { Diagnostic, DiagnosticParams } from '../../diagnostics/diagnostic.js';
import type { DraftParagraph } from '../../load/drafts/types.js';
import type { DraftRuleCode } from './rule-table.js';

/** What a rule found, before it is placed: the paragraph's index and an offset in its text. */
export interface Finding {
  paragraph: number;
  offset: number;
  code: DraftRuleCode;
  params: DiagnosticParams;
  fix?: NonNullable<Diagnostic['fix']>;
}

/** A paragraph as the rules see it: the text with opt-out directives (and garbled runs, for most rules) blanked out, same length. */
export interface LintParagraph {
  index: number;
  text: string;
  role: DraftParagraph['role'];
}

/** Where a paragraph of another draft is, for “repeats the text at …”. */
export interface PlacedParagraph extends LintParagraph {
  place: (offset: number) => string;
}

export type DraftRule = (paragraphs: readonly LintParagraph[]) => Finding[];

/** A rule that looks at one paragraph at a time. */
export function perParagraph(check: (text: string, paragraph: LintParagraph) => Omit<Finding, 'paragraph'>[]): DraftRule {
  return (paragraphs) => paragraphs.flatMap((p) => check(p.text, p).map((f) => ({ ...f, paragraph: p.index })));
}

/** Every match of a global pattern, as [offset, match]. */
export function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(pattern)] as RegExpExecArray[];
}

/** Blank stands in for text a rule must not see; U+3000 matches none of the patterns and keeps offsets. */
export const BLANK = '\u3000';

export function blankOut(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + BLANK.repeat(end - start) + out.slice(end);
  return out;
}

export const HAN = '\\p{Script=Han}';
