import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

const LONG = '街道人大工委从关注群众生产生活、维护群众合法权益出发，强化接待处理工作，将在街的区人大代表进行编班。';

describe('repeated text', () => {
  it('finds a paragraph repeated in the draft, under another ordinal, pointing at the first', () => {
    expect(brief(lintDraft(draftOf([`一是${LONG}`, '中间一段。', `三是${LONG}`]), {}))).toEqual(['duplicate-text 3:3 draft.txt:1']);
  });

  it('finds a long sentence copied from another draft of the repo, not the draft itself in the list', () => {
    const other = draftOf(['标题', `此外。${LONG}`], 'other.txt');
    const draft = draftOf([`前面的话。${LONG}后面的话。`]);
    expect(brief(lintDraft(draft, { otherDrafts: [other, draft] }))).toEqual(['duplicate-text 1:6 other.txt:2']);
  });

  it('leaves short stock phrases that every report repeats', () => {
    expect(brief(lintDraft(draftOf(['现将有关情况报告如下。', '现将有关情况报告如下。']), {}))).toEqual([]);
  });
});
