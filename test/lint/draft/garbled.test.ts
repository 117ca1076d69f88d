import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

const lint = (...paragraphs: string[]) => brief(lintDraft(draftOf(paragraphs), {}));

describe('garbled text', () => {
  it('finds pinyin in brackets, traditional characters and lost commas, as the web page had them', () => {
    // The seed's original.txt, 篇(2), first words.
    expect(lint('充分認(rèn)識到開展此次勞動法執(zhí)法檢查工作的重要性和必要性,街道積極開展')).toEqual([
      'traditional-characters 1:3 認',
      'garbled-text 1:4 (rèn)',
      'traditional-characters 1:9 識',
      'traditional-characters 1:11 開',
      'traditional-characters 1:15 勞',
      'traditional-characters 1:16 動',
      'traditional-characters 1:18 執',
      'garbled-text 1:19 (zhí)',
      'traditional-characters 1:25 檢',
      'halfwidth-punctuation 1:37 ,',
      'traditional-characters 1:40 積',
      'traditional-characters 1:41 極',
      'traditional-characters 1:42 開',
    ]);
    expect(lintDraft(draftOf(['認真']), {})[0]!.fix).toEqual({ offset: 0, length: 1, text: '认' });
  });

  it('finds the symbols a copied web page left between two sentences, not punctuation, links or ratios', () => {
    expect(lint('分别与高校进行对接洽谈。/!/并邀请专家指导。', '详见网站http://example.org/a/b，欢迎访问。', '资料(每人20份),全部发放。', '比例为3:2，速度为10km/h。')).toEqual([
      'garbled-text 1:13 /!/',
      'halfwidth-punctuation 3:3 (',
      'halfwidth-punctuation 3:9 )',
      'halfwidth-punctuation 3:10 ,',
    ]);
  });

  it('finds U+FFFD and mojibake, one finding per damaged run', () => {
    expect(lint('会议\uFFFD\uFFFD召开', '我们?yōu)槟扑]十篇', 'â€œ引号')).toEqual(['garbled-text 1:3 \uFFFD\uFFFD', 'garbled-text 2:3 ?yōu)', 'garbled-text 3:1 â€œ']);
  });

  it('does not take a half-width question mark between Chinese words for damage', () => {
    expect(lint('如何评价各委组的工作?我认为')).toEqual(['halfwidth-punctuation 1:11 ?']);
  });
});
