import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../../src/lint/draft/index.js';
import { brief, markdownDraft, seedPiece } from './draft-helper.js';

const GOLDEN = path.resolve(import.meta.dirname, '../../golden');

describe('no false alarms on the project’s own examples', () => {
  it.each(readdirSync(GOLDEN).filter((f) => f.endsWith('.md')))('%s', (file) => {
    expect(lintDraft(markdownDraft(path.join(GOLDEN, file)), {})).toEqual([]);
  });
});

describe('篇(1) and 篇(3): exactly their real defects', () => {
  it('篇(1)', () => {
    expect(brief(lintDraft(seedPiece(1), {}))).toEqual([
      'ordinal-sequence 2:1 二、', // the piece opens under a lost 一、
      'heading-punctuation 2:21 。', // 二、围绕“抓三双”，全面推进代表联系选民。
      'halfwidth-punctuation 3:58 (', // 400张(每名代表20张),
      'halfwidth-punctuation 3:66 )',
      'halfwidth-punctuation 3:67 ,',
      'garbled-text 4:308 ?shù)仄桨卜€', // 维护当?shù)仄桨卜€定
      'heading-punctuation 5:19 。', // 三、围绕“促稳定”，着力做好接待工作。
    ]);
  });

  it('篇(3)', () => {
    expect(brief(lintDraft(seedPiece(3), {}))).toEqual([
      'ordinal-form 1:1 1、', // 1、 for 1. throughout
      'ordinal-form 2:1 2、',
      'ordinal-form 3:1 3、',
      'placeholder 3:5 __', // 邀请__农业大学
      'ordinal-form 4:1 4、',
      'ordinal-form 5:1 5、',
      'ordinal-form 6:1 1、',
      'ordinal-sequence 6:1 1、', // 5、 then 1、 again: the （二） heading was lost
      'placeholder 6:23 __',
      'placeholder 6:48 __',
      'placeholder 6:53 __',
      'placeholder 6:60 __',
      'garbled-text 6:87 /!/', // 对接洽谈。/!/并邀请: debris of a copied web page
      'placeholder 6:93 __',
      'placeholder 6:113 __',
      'ordinal-form 7:1 2、',
      'halfwidth-punctuation 7:26 (', // 中升建机(__)重工
      'placeholder 7:27 __',
      'halfwidth-punctuation 7:29 )',
      'halfwidth-punctuation 7:61 (', // 65万元(一期39万元已到账)
      'halfwidth-punctuation 7:71 )',
      'placeholder 7:78 __',
      'placeholder 7:139 __',
      'ordinal-form 8:1 3、',
      'placeholder 9:40 __', // “创业__”
      'placeholder 9:100 __',
      'unfinished-paragraph 10:3 回顾和', // the piece stops mid-sentence
    ]);
  });
});

describe('every listed defect of 篇(2)–篇(6), checked as a draft', () => {
  const findings = (n: number) => brief(lintDraft(seedPiece(n), { otherDrafts: n >= 5 ? [seedPiece(4)] : [] }));

  it('篇(2): counts without numbers, ×× for names, a heading with a full stop, a missing 一、', () => {
    expect(findings(2)).toEqual([
      'missing-number 1:100 多份', // 共发放宣传资料多份、张贴标语多条、横幅余条。
      'missing-number 1:107 多条',
      'missing-number 1:112 余条',
      'missing-number 1:172 家企业', // 管辖范围内的家企业
      'ordinal-sequence 2:1 二、',
      'heading-punctuation 2:19 。', // 二、加强组织领导，做到工作职责上明确。
      'placeholder 3:59 ××', // 主任××亲自挂帅
      'placeholder 3:78 ××',
      'placeholder 3:94 ××',
      'heading-punctuation 4:23 。',
    ]);
  });

  it('篇(4): half-width colons and question mark, ×××, garbled text', () => {
    expect(findings(4)).toEqual([
      'halfwidth-punctuation 1:11 :', // 下面，我再谈三点想法:
      'halfwidth-punctuation 3:134 :',
      'placeholder 4:39 ×××', // 只设置到县和×××。
      'halfwidth-punctuation 9:63 :',
      'garbled-text 11:3 ?shù)剡\\', // 恰当?shù)剡\用
      'halfwidth-punctuation 11:49 ?', // 如何评价各委组的工作?我认为
    ]);
  });

  it('篇(5): 篇(4) copied, with ×××, ** and the same slips', () => {
    const found = findings(5);
    expect(found).toContain('placeholder 3:39 ×××');
    expect(found).toContain('placeholder 4:237 **'); // 我们**届政协
    expect(found).toContain('garbled-text 9:188 ?shù)剡\\');
    expect(found).toContain('halfwidth-punctuation 9:234 ?');
    expect(found.filter((f) => f.startsWith('duplicate-text'))).toEqual([
      'duplicate-text 2:1 seed-4.txt:3',
      'duplicate-text 3:4 seed-4.txt:4',
      'duplicate-text 4:16 seed-4.txt:5', // differs only by ** for 六: the long sentences still match
      'duplicate-text 5:4 seed-4.txt:6',
      'duplicate-text 6:1 seed-4.txt:7',
      'duplicate-text 8:1 seed-4.txt:9',
      'duplicate-text 9:13 seed-4.txt:10', // 一是…… merged with the next paragraph
      'duplicate-text 10:3 seed-4.txt:12',
      'duplicate-text 11:3 seed-4.txt:13',
      'duplicate-text 13:3 seed-4.txt:15',
    ]);
  });

  it('篇(6): 篇(4) copied, two paragraphs run together', () => {
    const found = findings(6);
    // 第一，…… and 第二，…… run together, and 县和市辖区 where 篇(4) has ×××: the next long sentence matches.
    expect(found).toContain('duplicate-text 3:43 seed-4.txt:4');
    expect(found).toContain('garbled-text 8:188 ?shù)剡\\');
  });
});
