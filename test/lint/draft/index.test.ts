import { describe, expect, it } from 'vitest';
import { applyRuleLevels, RULES } from '../../../src/diagnostics/rules.js';
import { DRAFT_RULES, lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

describe('opting a paragraph out', () => {
  it('md: an HTML comment names the rules; the others still apply, the directive is not linted', () => {
    const draft = draftOf(['发放资料多份,全部到位。<!-- plan-report: ignore halfwidth-punctuation -->']);
    expect(brief(lintDraft(draft, {}))).toEqual(['missing-number 1:5 多份']);
  });

  it('txt: a bracketed directive; with no ids it opts out of every rule', () => {
    expect(brief(lintDraft(draftOf(['发放资料多份,全部到位。（plan-report: ignore）', '某某同志:']), {}))).toEqual(['placeholder 2:1 某某', 'halfwidth-punctuation 2:5 :']);
  });
});

describe('the rule table and the config file', () => {
  it('lets plan-report.yaml tune every draft rule, never silencing placeholder or missing-number', () => {
    for (const code of Object.keys(DRAFT_RULES) as (keyof typeof DRAFT_RULES)[]) expect(RULES[code].silenceable).toBe(DRAFT_RULES[code].silenceable);
    expect(RULES.placeholder.silenceable).toBe(false);
    expect(RULES['missing-number'].silenceable).toBe(false);
  });

  it('drops a rule switched off and raises one to an error', () => {
    const found = lintDraft(draftOf(['发放资料多份,全部到位。']), {});
    expect(applyRuleLevels(found, { 'halfwidth-punctuation': 'off', 'missing-number': 'error' }).map((d) => `${d.code} ${d.severity}`)).toEqual(['missing-number error']);
  });

  it('gives a fix exactly where the table says a fix is safe', () => {
    const found = lintDraft(draftOf(['于2023年03月5日,发放资料多份，增长10~20%，约100人左右。', '1、学习', '3、培训']), {});
    for (const d of found) expect(d.fix !== undefined, d.code).toBe(DRAFT_RULES[d.code as keyof typeof DRAFT_RULES].fix);
    expect(new Set(found.map((d) => d.code)).size).toBeGreaterThanOrEqual(7);
  });
});
