import { describe, expect, it } from 'vitest';
import { countsWithoutNumber, lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

const lint = (...paragraphs: string[]) => brief(lintDraft(draftOf(paragraphs), {}));

describe('counts without their number', () => {
  it('flags 多份, 余条, 家企业 and 共……人次 with nothing counted', () => {
    expect(lint('共发放宣传资料多份、横幅余条。', '召集辖区内的家企业召开会议。', '半年来共接待群众来信来访人次。')).toEqual([
      'missing-number 1:8 多份',
      'missing-number 1:13 余条',
      'missing-number 2:7 家企业',
      'missing-number 3:4 共接待群众来信来访人次',
    ]);
  });

  it('keeps what is not a count: 多场 before a noun, 多种形式, 许多, figures', () => {
    expect(lint('打赢了等多场疫情遭遇战，开展多种形式的活动，许多同志参与。', '共发放资料2000多份，接待100多人次，走访企业12家企业代表。')).toEqual([]);
  });

  it('is the rule the notes lint uses (no longer flags 等多场疫情遭遇战)', () => {
    expect(countsWithoutNumber('打赢了等多场疫情遭遇战')).toEqual([]);
    expect(countsWithoutNumber('发放宣传资料多份，')).toEqual([{ offset: 6, text: '多份' }]);
  });
});

describe('counts and placeholders do not both claim one blank', () => {
  it('共接待群众来信来访××人次 is a placeholder, not a count without its number', () => {
    expect(brief(lintDraft(draftOf(['半年来，共接待群众来信来访××人次。']), {}))).toEqual(['placeholder 1:14 ××']);
  });
});
