import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

describe('headings and titles', () => {
  it('flag a mark at the end of a title or heading, with a fix that removes it', () => {
    const draft = draftOf([
      { text: '某街道2023年工作总结。', role: 'title' },
      { text: '（一）加强组织领导；', role: 'heading' },
      { text: '怎样看待委组的作用？', role: 'heading' },
      '二、加强组织领导，做到工作职责上明确。',
      '1.组织学习。围绕主题开展活动。',
    ]);
    const found = lintDraft(draft, {});
    expect(brief(found)).toEqual(['heading-punctuation 1:13 。', 'heading-punctuation 2:10 ；', 'ordinal-sequence 4:1 二、', 'heading-punctuation 4:19 。']);
    expect(found[0]!.fix).toEqual({ offset: 12, length: 1, text: '' });
  });
});
