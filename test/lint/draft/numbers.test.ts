import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

const lint = (...paragraphs: string[]) => brief(lintDraft(draftOf(paragraphs), {}));

describe('numbers (GB/T 15835)', () => {
  it('2023年03月05日: no leading zeros, fixed in one go', () => {
    expect(lint('于2023年03月05日召开。')).toEqual(['date-leading-zero 1:2 2023年03月05日']);
    expect(lintDraft(draftOf(['于2023年03月05日召开。']), {})[0]!.fix).toEqual({ offset: 1, length: 11, text: '2023年3月5日' });
  });

  it('23年, 二〇二三年3月, 10~20%, 约……左右, 约……多', () => {
    expect(lint('23年3月启动，二〇二三年3月完成，增长10~20%，约100人左右，约200多人参加。')).toEqual([
      'year-abbreviated 1:1 23年',
      'date-mixed-numerals 1:9 二〇二三年3月',
      'range-percent 1:21 10~20%',
      'punctuation-form 1:23 ~',
      'double-approximation 1:28 约100人左右',
      'double-approximation 1:36 约200多',
    ]);
    expect(lintDraft(draftOf(['增长10～20%']), {})[0]!.fix).toEqual({ offset: 4, length: 0, text: '%' });
  });

  it('keeps correct forms: 2023年3月5日, 30年来, 10%～20%, 约100人, 100人左右, 31.5%', () => {
    expect(lint('2023年3月5日，30年来，增长10%～20%，约100人，100人左右，降幅31.5%，二〇二三年三月。')).toEqual([]);
  });
});
