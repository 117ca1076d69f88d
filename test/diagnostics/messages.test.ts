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
    const d = { code: 'wrong-type' as const, severity: 'error' as const, params: { expected: 'number', actual: 'string' } };
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
