import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../../src/lint/draft/index.js';
import { brief, draftOf } from './draft-helper.js';

const lint = (...paragraphs: string[]) => brief(lintDraft(draftOf(paragraphs), {}));
const fixes = (text: string) => lintDraft(draftOf([text]), {}).map((d) => d.fix);

describe('punctuation (GB/T 15834)', () => {
  it('flags half-width marks in Chinese text, each with its full-width fix', () => {
    expect(lint('我们要有这样的认识:第一,它是创新;如何评价?很好!发放卡400张(每名代表20张)，活动结束.')).toEqual([
      'halfwidth-punctuation 1:10 :',
      'halfwidth-punctuation 1:13 ,',
      'halfwidth-punctuation 1:18 ;',
      'halfwidth-punctuation 1:23 ?',
      'halfwidth-punctuation 1:26 !',
      'halfwidth-punctuation 1:34 (',
      'halfwidth-punctuation 1:42 )',
      'halfwidth-punctuation 1:48 .',
    ]);
    expect(fixes('认识:第一')).toEqual([{ offset: 2, length: 1, text: '：' }]);
  });

  it('keeps URLs, times, decimals, versions and English', () => {
    expect(lint('详见 https://example.gov.cn/a?b=1,2 网站，会议于11:07:40开始，降幅31.5%，升级到v2.1.0版本，使用 GDP, CPI 两项指标。')).toEqual([]);
  });

  it('writes …… for ..., —— for --, ～ for ~ in ranges, curly quotes for straight ones', () => {
    expect(lint('等等...以及--主要是10~20人，提出"三个一"要求。')).toEqual([
      'punctuation-form 1:3 ...',
      'punctuation-form 1:8 --',
      'punctuation-form 1:15 ~',
      'halfwidth-punctuation 1:22 "',
      'halfwidth-punctuation 1:26 "',
    ]);
    expect(fixes('提出"三个一"要求')).toEqual([
      { offset: 2, length: 1, text: '“' },
      { offset: 6, length: 1, text: '”' },
    ]);
  });

  it('gives no fix for an unpaired straight quote: which side it is needs a person', () => {
    expect(fixes('提出"三个一要求')).toEqual([undefined]);
  });
});
