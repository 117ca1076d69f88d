import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

const lint = (...paragraphs: string[]) => brief(lintDraft(draftOf(paragraphs), {}));

describe('a paragraph that breaks off', () => {
  it('finds a paragraph that stops on a comma or a conjunction', () => {
    expect(lint('2023年工作总结', '回顾和', '我们组织了培训，', '加强学习、', '开展调研以及')).toEqual([
      'unfinished-paragraph 2:3 回顾和',
      'unfinished-paragraph 3:8 我们组织了培训，',
      'unfinished-paragraph 4:5 加强学习、',
      'unfinished-paragraph 5:5 开展调研以及',
    ]);
  });

  it('leaves alone signatures, dates, headings and words that end in 和 or 与 without joining', () => {
    expect(lint('2023年工作总结', '青溪街道人大工委', '2023年7月5日', '推动全民参与', '营造安定祥和', '加强科学普及', '坚持问题导向')).toEqual([]);
  });
});
