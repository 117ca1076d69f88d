import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { foldParagraph, metricsYaml, reportYaml } from '../../src/import/yaml.js';

const LONG = '以开展“双联”、“双述”、“双接待”活动为抓手，做好代表联系选民工作，进一步密切代表与选民的感情，提高选民对代表的信任度。';

describe('reportYaml', () => {
  it('writes notes that read back to the same structure, with the modeline and long text folded at Chinese marks', () => {
    const text = reportYaml({
      schemaPath: '../schema',
      source: '篇1.txt',
      org: '某某街道人大工委',
      kind: 'half-year-summary',
      period: '2013-H1',
      date: '2013-07-05',
      metricsSource: 'metrics/2013-h1.yaml',
      intro: `${LONG}\n\n第二段。`,
      sections: [{ title: '围绕“抓三双”', text: '{{metric "cards"}}张', points: [{ lead: '制定计划', text: LONG }, { text: '乙。' }], sequence: '一是', sections: [{ lead: '健全机制', text: '成立小组。' }] }],
      next: '下半年，我们将继续努力。',
      buildCommand: 'plan-report build 2013-h1.yaml',
    });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/report.schema.json');
    expect(parse(text)).toEqual({
      report: { org: '某某街道人大工委', kind: 'half-year-summary', period: '2013-H1', date: '2013-07-05' },
      sources: { metrics: 'metrics/2013-h1.yaml' },
      intro: `${foldParagraph(LONG).join(' ')}\n\n第二段。`,
      sections: [{ title: '围绕“抓三双”', text: '{{metric "cards"}}张', points: [{ lead: '制定计划', text: foldParagraph(LONG).join(' ') }, '乙。'], sections: [{ lead: '健全机制', text: '成立小组。' }] }],
      next: '下半年，我们将继续努力。',
    });
  });

  it('folds only after a Chinese mark, so that the build removes the space folding leaves', () => {
    const lines = foldParagraph(LONG);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(LONG);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/[，。；：、！？）”]$/);
  });
});

describe('metricsYaml', () => {
  it('writes each metric below the sentence it came from; a year period unquoted, % quoted', () => {
    const text = metricsYaml({ schemaPath: '../../schema', source: '篇1.txt', period: '2023', metrics: [{ id: 'rate', name: '满意度', unit: '%', actual: 95, sentence: '群众满意度在95%以上。' }] });
    expect(text).toContain('  # 群众满意度在95%以上。\n  - id: rate\n    name: 满意度\n    unit: "%"\n    actual: 95\n    period: 2023\n');
    expect(parse(text)).toEqual({ metrics: [{ id: 'rate', name: '满意度', unit: '%', actual: 95, period: 2023 }] });
  });
});
