import { describe, expect, it } from 'vitest';
import { leadingMarker, pointOf, splitRunIn } from '../../src/import/points.js';

describe('splitRunIn', () => {
  it('splits 一是……二是…… with the words before, numbers stripped, short first sentences as leads', () => {
    expect(splitRunIn('做好三项工作。一是制定全年工作计划。于3月11日召开会议。二是在“双联”上，发放连心卡。')).toEqual({
      text: '做好三项工作。',
      sequence: '一是',
      points: [{ lead: '制定全年工作计划', text: '于3月11日召开会议。' }, { text: '在“双联”上，发放连心卡。' }],
    });
  });

  it('reads 第一，……第二，……', () => {
    expect(splitRunIn('第一，抓学习。第二，抓调研。')).toEqual({ sequence: '第一', points: [{ text: '抓学习。' }, { text: '抓调研。' }] });
  });

  it('needs two points in order, each after a clause mark: 统一是 and a lone 一是 are text', () => {
    expect(splitRunIn('思想统一是前提，二是关键。')).toBeUndefined();
    expect(splitRunIn('一是制定计划。')).toBeUndefined();
    expect(splitRunIn('二是甲。一是乙。')).toBeUndefined();
  });
});

describe('pointOf and leadingMarker', () => {
  it('takes no lead from a long or paused first sentence, or when nothing follows', () => {
    expect(pointOf('抓学习，抓调研。然后。')).toEqual({ text: '抓学习，抓调研。然后。' });
    expect(pointOf('抓学习。')).toEqual({ text: '抓学习。' });
  });

  it('reads the number a paragraph starts with', () => {
    expect(leadingMarker('第二，它是延伸。')).toEqual({ sequence: '第一', n: 2, rest: '它是延伸。' });
    expect(leadingMarker('十一是抓落实。')).toEqual({ sequence: '一是', n: 11, rest: '抓落实。' });
    expect(leadingMarker('抓落实。')).toBeUndefined();
  });
});
