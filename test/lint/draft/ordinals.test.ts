import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

const lint = (...paragraphs: string[]) => brief(lintDraft(draftOf(paragraphs), {}));

describe('序次语 (GB/T 9704)', () => {
  it('writes 1. for 1、 and （1） for (1), with the fix', () => {
    expect(lint('1、组织学习。', '(1)召开会议。', '(一)宣传')).toEqual(['ordinal-form 1:1 1、', 'ordinal-form 2:1 (1)', 'ordinal-form 3:1 (一)']);
    expect(lintDraft(draftOf(['1、组织学习。']), {})[0]!.fix).toEqual({ offset: 0, length: 2, text: '1.' });
  });

  it('finds skipped, repeated and restarted numbers, counting each level under its parent', () => {
    expect(lint('一、总体情况', '（一）宣传', '1.学习。', '2.培训。', '（二）督办', '1.视察。', '三、下一步打算', '二、存在问题')).toEqual([
      'ordinal-sequence 7:1 三、',
      'ordinal-sequence 8:1 二、',
    ]);
  });

  it('finds mixed families in one enumeration (首先……第二……), until the next heading', () => {
    expect(lint('首先，要提高认识。第二，要加强领导。', '一、主要做法', '一是学习，二是培训。', '第一，落实。第二，督办。')).toEqual(['ordinal-mixed 1:10 第二']);
  });

  it('does not read 第二污水处理厂 or 10、20、30号 as ordinals', () => {
    expect(lint('首先，第二污水处理厂已开工。每月10、20、30号为接待日。')).toEqual([]);
  });
});
