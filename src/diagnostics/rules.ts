import type { Diagnostic, Severity } from './diagnostic.js';
import type { DiagnosticCode } from './messages.js';
import { DRAFT_RULES } from '../lint/draft/rule-table.js';

/** What an office may make of a warning in plan-report.yaml: an error that stops the build, or nothing. */
export type RuleLevel = 'error' | 'warning' | 'off';

/**
 * The warnings an office may tune, and whether it may silence them. Warnings about what a reader
 * would take as a fact (a figure outside the period, a placeholder or a count without its number
 * in the text) can be raised to errors but never turned off: a wrong figure printed without a word
 * is the worst outcome. Errors cannot be relaxed at all, so they are not here.
 */
export const RULES = {
  'empty-section': { silenceable: true },
  'leading-zero-number': { silenceable: true },
  'number-as-text': { silenceable: true },
  'unknown-file-kind': { silenceable: true },
  'unknown-section': { silenceable: true },
  'plan-no-progress': { silenceable: true },
  'plan-unplaced': { silenceable: true },
  'section-plans-empty': { silenceable: true },
  'reference-style-missing': { silenceable: true },
  'formal-number-brackets': { silenceable: true },
  'formal-printed-before-date': { silenceable: false },
  'metric-outside-period': { silenceable: false },
  'metric-bad-unit': { silenceable: false },
  'metric-target-not-positive': { silenceable: false },
  // issue 10: the draft rules, which include the ids shared with the notes lint: placeholder and
  // missing-number (never silenceable) and duplicate-text.
  ...DRAFT_RULES,
} as const satisfies Partial<Record<DiagnosticCode, { silenceable: boolean }>>;

export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as [RuleCode, ...RuleCode[]];

export type RuleLevels = Partial<Record<RuleCode, RuleLevel>>;

/** The office's levels applied: a tuned warning becomes an error or is dropped; the rest stand. */
export function applyRuleLevels(diagnostics: readonly Diagnostic[], levels: RuleLevels | undefined): Diagnostic[] {
  if (!levels) return [...diagnostics];
  return diagnostics.flatMap((d) => {
    const level = d.severity === 'warning' ? levels[d.code as RuleCode] : undefined;
    if (level === undefined) return [d];
    if (level === 'off') return [];
    return [{ ...d, severity: level satisfies Severity }];
  });
}
