import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

const lint = (...paragraphs: string[]) => brief(lintDraft(draftOf(paragraphs), {}));

describe('placeholders', () => {
  it('finds every kind of blank a writer meant to fill', () => {
    expect(lint('由主任××牵头，XX科负责，联系人xx、×××，__大学，**届，某某同志，○○社区，[待补充]，TODO 核对')).toEqual([
      'placeholder 1:4 ××',
      'placeholder 1:9 XX',
      'placeholder 1:18 xx',
      'placeholder 1:21 ×××',
      'placeholder 1:25 __',
      'placeholder 1:30 **',
      'placeholder 1:34 某某',
      'placeholder 1:39 ○○',
      'placeholder 1:44 [待补充]',
      'placeholder 1:50 TODO',
    ]);
  });

  it('leaves words, years and English alone', () => {
    expect(lint('二〇〇三年，XXL 号服装，a_b 变量，todo 清单之外的 Mexico 城市。')).toEqual([]);
  });
});
