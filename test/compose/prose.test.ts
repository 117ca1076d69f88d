import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderProse } from '../../src/compose/prose.js';
import { loadReport } from '../../src/load/project.js';
import { buildModel, type ReportModel } from '../../src/model/report-model.js';
import { EXAMPLE_DIR } from '../helpers/workspace.js';

let model: ReportModel;

beforeAll(async () => {
  const { loaded } = await loadReport(path.join(EXAMPLE_DIR, '2023-h1.yaml'));
  model = buildModel(loaded!).model;
});

/** Renders a string as if it were the report's intro (so locations point into 2023-h1.yaml). */
function render(text: string) {
  return renderProse({ text, file: model.source.file, path: ['intro'] }, model);
}

describe('prose expressions', () => {
  it.each([
    ['{{metric "cards"}}', '400张'],
    ['{{value "cards"}}', '400'],
    ['{{target "boilers"}}', '6台'],
    ['{{rate "boilers"}}', '83.3%'],
    ['{{metric "energy-drop"}}', '31.5%'],
    ['{{count tag="视察调研"}}', '3'],
    ['{{count tag="视察调研、参观学习"}}', '3'],
    ['{{count "会议"}}', '3'],
    ['{{sum "people" tag="述职"}}', '3'],
    ['{{year}}', '2023'],
    ['{{date "plan-meeting"}}', '3月11日'],
    ['文字 \\{{不是表达式}}', '文字 {{不是表达式}}'],
  ])('%s -> %s', (text, expected) => {
    expect(render(text)).toEqual({ text: expected, diagnostics: [] });
  });

  it('reports every problem of a string at once, each with did-you-mean', () => {
    const { text, diagnostics } = render('{{metric "cardz"}}{{count tag="述值"}}{{metrc "cards"}}{{rate "cards"}}');
    expect(text).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.params])).toEqual([
      ['unknown-metric-suggest', { id: 'cardz', suggestion: 'cards' }],
      ['unknown-tag-suggest', { tag: '述值', suggestion: '述职' }],
      ['unknown-helper-suggest', { name: 'metrc', suggestion: 'metric' }],
      ['no-target', { id: 'cards', what: 'rate' }],
    ]);
  });

  it('rejects a block expression and an unclosed one', () => {
    expect(render('{{#if x}}y{{/if}}').diagnostics.map((d) => d.code)).toEqual(['prose-syntax']);
    expect(render('累计{{metric "cards"').diagnostics.map((d) => [d.code, d.params.detail])).toEqual([['prose-syntax', '{{metric "cards"']]);
  });

  it('rejects wrong arguments with the usage', () => {
    const [diagnostic] = render('{{sum "money" tag="述职"}}').diagnostics;
    expect(diagnostic).toMatchObject({ code: 'bad-helper-args', params: { name: 'sum', usage: '{{sum "people" tag="标签"}}' } });
  });
});
