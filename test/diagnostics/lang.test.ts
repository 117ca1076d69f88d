import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/diagnostics/lang.js';

/** A system locale that fails the test if it is asked for: it costs a cold start to find. */
const notAsked = (): string => {
  throw new Error('the system locale was asked for');
};

describe('the message language', () => {
  it('follows --lang first, then LC_ALL, LC_MESSAGES, LANG and LANGUAGE, without asking the system', () => {
    expect(detectLang('en', { LANG: 'zh_CN.UTF-8' }, notAsked)).toBe('en');
    expect(detectLang(undefined, { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, notAsked)).toBe('zh');
    expect(detectLang(undefined, { LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, notAsked)).toBe('en');
    expect(detectLang(undefined, { LANG: 'C.UTF-8', LANGUAGE: 'zh_CN' }, notAsked)).toBe('zh');
  });

  it('asks the system locale when the variables name no language (Windows sets none)', () => {
    expect(detectLang(undefined, {}, () => 'zh-CN')).toBe('zh');
    expect(detectLang(undefined, { LANG: 'C.UTF-8', LC_ALL: 'POSIX' }, () => 'zh-CN')).toBe('zh');
    expect(detectLang(undefined, { LANG: 'C' }, () => 'en-US')).toBe('en');
  });
});
