import { describe, expect, it } from 'vitest';
import { messageKeys, messageTemplate } from '../../src/cli/messages.js';
import { catalogueEntry, diagnosticCodes, diagnosticHint, diagnosticMessage } from '../../src/diagnostics/messages.js';

const placeholders = (text: string | undefined): string[] => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const HAN = /[\u4e00-\u9fff]/;

describe('the diagnostics catalogue is complete in both languages', () => {
  it.each(diagnosticCodes)('%s', (code) => {
    const { zh, en } = catalogueEntry(code);
    expect(zh.message).toMatch(HAN);
    // English hints may quote Chinese examples (张, 2000多份); the messages themselves are English.
    expect(en.message).not.toMatch(HAN);
    expect(placeholders(en.message)).toEqual(placeholders(zh.message));
    expect(placeholders(en.hint)).toEqual(placeholders(zh.hint));
    expect(Boolean(zh.hint)).toBe(Boolean(en.hint));
  });

  it('fills parameters and translates type names', () => {
    const d = { code: 'wrong-type' as const, severity: 'error' as const, params: { expectedName: 'number', actualName: 'string' } };
    expect(diagnosticMessage(d, 'zh')).toBe('这里应为数字，实际是文字');
    expect(diagnosticMessage(d, 'en')).toBe('expected a number, found text');
    const u = { code: 'unknown-metric-suggest' as const, severity: 'error' as const, params: { id: 'cardz', suggestion: 'cards' } };
    expect(diagnosticHint(u, 'zh')).toBe('是否想写 “cards”？');
    expect(diagnosticHint(u, 'en')).toBe('did you mean "cards"?');
  });
});

describe('the CLI messages are complete in both languages', () => {
  it.each(messageKeys)('%s', (key) => {
    expect(messageTemplate('zh', key)).toMatch(HAN);
    expect(messageTemplate('en', key)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(placeholders(messageTemplate('en', key))).toEqual(placeholders(messageTemplate('zh', key)));
  });
});

describe('parameters shown as given and as words of the reader\'s language', () => {
  const wrongKind = { code: 'source-wrong-kind' as const, severity: 'error' as const, params: { path: 'activities/2023.yaml', expected: 'plans' } };

  it('shows the YAML key as typed, in both languages', () => {
    expect(diagnosticMessage(wrongKind, 'zh')).toBe('activities/2023.yaml 的顶层没有 plans: 列表');
    expect(diagnosticHint(wrongKind, 'zh')).toBe('sources 的 plans: 只能引用顶层为 plans: 列表的文件；检查路径或通配符');
    expect(diagnosticMessage(wrongKind, 'en')).toBe('activities/2023.yaml has no top-level plans: list');
  });

  it('names a kind of file with the article English wants', () => {
    const notReport = (kind: string) => ({ code: 'not-a-report' as const, severity: 'error' as const, params: { kind } });
    expect(diagnosticMessage(notReport('activities'), 'en')).toBe('this is an activities file, not a report');
    expect(diagnosticMessage(notReport('metrics'), 'en')).toBe('this is a metrics file, not a report');
    expect(diagnosticMessage(notReport('plans'), 'zh')).toBe('这是计划文件，不是报告文件');
  });

  it('never translates a value typed in the notes', () => {
    const period = { code: 'kind-period-mismatch' as const, severity: 'error' as const, params: { kindName: 'half-year-summary', period: 'number', expected: 'string' } };
    expect(diagnosticMessage(period, 'zh')).toBe('半年工作总结的报告期应为string，这里是 “number”');
  });
});
