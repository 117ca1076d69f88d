import type { Severity } from '../../diagnostics/diagnostic.js';

/**
 * The draft rules: stable id → default severity, whether an office may switch it off in
 * plan-report.yaml, and whether its findings carry a fix that --fix may apply unread.
 * `placeholder` and `missing-number` are shared with the notes lint and, like there, can be
 * raised to errors but never silenced: a blank or a count without its figure must not go out.
 */
export const DRAFT_RULES = {
  placeholder: { severity: 'warning', silenceable: false, fix: false },
  'missing-number': { severity: 'warning', silenceable: false, fix: false },
  'halfwidth-punctuation': { severity: 'warning', silenceable: true, fix: true },
  'punctuation-form': { severity: 'warning', silenceable: true, fix: true },
  'ordinal-form': { severity: 'warning', silenceable: true, fix: true },
  'ordinal-sequence': { severity: 'warning', silenceable: true, fix: false },
  'ordinal-mixed': { severity: 'warning', silenceable: true, fix: false },
  'date-leading-zero': { severity: 'warning', silenceable: true, fix: true },
  'year-abbreviated': { severity: 'warning', silenceable: true, fix: false },
  'date-mixed-numerals': { severity: 'warning', silenceable: true, fix: false },
  'range-percent': { severity: 'warning', silenceable: true, fix: true },
  'double-approximation': { severity: 'warning', silenceable: true, fix: false },
  'heading-punctuation': { severity: 'warning', silenceable: true, fix: true },
  'duplicate-text': { severity: 'warning', silenceable: true, fix: false },
  'unfinished-paragraph': { severity: 'warning', silenceable: true, fix: false },
  'garbled-text': { severity: 'warning', silenceable: true, fix: false },
  'traditional-characters': { severity: 'warning', silenceable: true, fix: true },
} as const satisfies Record<string, { severity: Severity; silenceable: boolean; fix: boolean }>;

export type DraftRuleCode = keyof typeof DRAFT_RULES;
