import { describe, expect, it } from 'vitest';
import { FigureCollector, findFigures, sentenceAround } from '../../src/import/figures.js';

const figuresOf = (text: string) => findFigures(text).map((f) => [text.slice(f.offset, f.offset + f.length), f.value, f.unit, f.approximation]);

describe('findFigures', () => {
  it('finds counts and amounts with their units, decimals, separators and 多/余', () => {
    expect(figuresOf('发放连心卡400张，降幅31.5%，活动3次，接待100多人次，投入1,200.5万元，拆除8650平方米，提高2.3个百分点，建成3.5万人次')).toEqual([
      ['400张', 400, '张', undefined],
      ['31.5%', 31.5, '%', undefined],
      ['3次', 3, '次', undefined],
      ['100多人次', 100, '人次', '多'],
      ['1,200.5万元', 1200.5, '万元', undefined],
      ['8650平方米', 8650, '平方米', undefined],
      ['2.3个百分点', 2.3, '个百分点', undefined],
      ['3.5万人次', 3.5, '万人次', undefined],
    ]);
  });

  it('leaves years, dates, times, ordinals, document and article numbers, road numbers and ranges as text', () => {
    expect(figuresOf('2023年3月11日9时30分，第3次会议，〔2023〕5号文件第5条，省道247建设，每月10、20、30号，10～20人，10%～20%，3至5个，G20峰会')).toEqual([]);
  });
});

describe('FigureCollector', () => {
  it('replaces each figure by the helper that prints it back, and makes it a metric with the sentence it came from', () => {
    const figures = new FigureCollector();
    const text = figures.replace('累计发放选民连心卡400张。共接待群众来信来访100多人次，满意度95%。');
    expect(text).toBe('累计发放选民连心卡{{metric "选民连心卡"}}。共接待群众来信来访{{value "群众来信来访"}}多人次，满意度{{metric "满意度"}}。');
    expect(figures.metrics).toEqual([
      { id: '选民连心卡', name: '累计发放选民连心卡', unit: '张', actual: 400, sentence: '累计发放选民连心卡400张。' },
      { id: '群众来信来访', name: '共接待群众来信来访', unit: '人次', actual: 100, sentence: '共接待群众来信来访100多人次，满意度95%。' },
      { id: '满意度', name: '满意度', unit: '%', actual: 95, sentence: '共接待群众来信来访100多人次，满意度95%。' },
    ]);
  });

  it('keeps ids unique across texts and escapes a literal {{', () => {
    const figures = new FigureCollector();
    figures.replace('发放资料200份。');
    expect(figures.replace('又发放资料300份，{{不是表达式}}。')).toBe('又发放资料{{metric "资料-2"}}，\\{{不是表达式}}。');
  });

  it('shortens a long sentence around the figure', () => {
    const long = `${'很长的句子'.repeat(30)}400张${'后面'.repeat(40)}。`;
    expect(sentenceAround(long, long.indexOf('400')).length).toBeLessThanOrEqual(82);
  });
});
