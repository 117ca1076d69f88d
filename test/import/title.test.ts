import { describe, expect, it } from 'vitest';
import { fallbackKind, guessFromTitle } from '../../src/import/title.js';

describe('guessFromTitle', () => {
  it.each([
    ['某某街道人大工委2023年上半年工作总结', { org: '某某街道人大工委', period: '2023-H1', kind: 'half-year-summary' }],
    ['某某社区居民委员会2023年工作总结', { org: '某某社区居民委员会', period: '2023', kind: 'annual-summary' }],
    ['某某街道2023年度工作总结', { org: '某某街道', period: '2023', kind: 'annual-summary' }],
    ['某某街道城市管理办公室2023年上半年工作总结和下半年工作计划', { org: '某某街道城市管理办公室', period: '2023-H1', kind: 'summary-and-plan' }],
    ['某某街道办事处2024年工作要点', { org: '某某街道办事处', period: '2024', kind: 'work-plan', titleWord: '工作要点' }],
    ['某某街道办事处2024年工作计划', { org: '某某街道办事处', period: '2024', kind: 'work-plan' }],
    ['关于2023年下半年工作的总结', { period: '2023-H2', kind: 'half-year-summary' }],
    ['某某社区2023年工作情况', { org: '某某社区', period: '2023' }],
    ['在区政协委组工作会议上的讲话', { kind: 'speech' }],
    ['街道人大工作计划', { kind: 'work-plan' }],
  ])('%s', (title, expected) => {
    expect(guessFromTitle(title)).toEqual(expected);
  });

  it('falls back to the summary of the period: annual for a year, half-year otherwise', () => {
    expect(fallbackKind('2023')).toBe('annual-summary');
    expect(fallbackKind('2023-H2')).toBe('half-year-summary');
    expect(fallbackKind(undefined)).toBe('half-year-summary');
  });
});
