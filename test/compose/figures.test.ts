import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderProse } from '../../src/compose/prose.js';
import { proseHelpers } from '../../src/compose/helpers.js';
import { loadReport } from '../../src/load/project.js';
import { buildModel, type ReportModel } from '../../src/model/report-model.js';
import { tempDir } from '../helpers/workspace.js';

/**
 * The figure helpers of issue 7 over a small notes repo: inline metrics with targets and previous
 * values, a previous period's metrics file, activities with dates across the half-year boundary.
 */
const REPORT = `report:
  org: 青溪街道人大工委
  kind: half-year-summary
  period: 2023-H1
  date: 2023-07-05
sources:
  previous-metrics: previous.yaml
intro: 开头。
sections:
  - title: 工作
    text: 正文。
metrics:
  - { id: gdp, name: 地区生产总值, unit: 万元, actual: 354213, target: 352944, previous: 314856 }
  - { id: exact, name: 恰好完成, unit: 件, actual: 50, target: 50, previous: 50 }
  - { id: half, name: 四舍五入, unit: 件, actual: 100355, target: 100000 }
  - { id: tiny, name: 极小, unit: 件, actual: 0.04, target: 1000 }
  - { id: down, name: 下降, unit: 件, actual: 96.8, previous: 100 }
  - { id: zero-target, name: 零目标, unit: 件, actual: 3, target: 0 }
  - { id: negative-target, name: 负目标, unit: 件, actual: 3, target: -5 }
  - { id: zero-previous, name: 零基数, unit: 件, actual: 3, previous: 0 }
  - { id: negative-previous, name: 负基数, unit: 万元, actual: 3, previous: -2 }
  - { id: no-previous, name: 无上期, unit: 件, actual: 3 }
  - { id: rate, name: 满意率, unit: "%", actual: 95.3, previous: 93 }
  - { id: rate-down, name: 下降的率, unit: "%", actual: 90, previous: 92.5 }
  - { id: rate-same, name: 持平的率, unit: "%", actual: 90, previous: 90 }
  - { id: from-file, name: 上期文件, unit: 人次, actual: 120 }
  - { id: other-unit, name: 单位不同, unit: 万元, actual: 5 }
  - { id: part, name: 我街, unit: 个, actual: 36 }
  - { id: whole, name: 全区, unit: 个, actual: 100 }
  - { id: empty, name: 空, unit: 个, actual: 0 }
  - { id: people, name: 人数, unit: 人, actual: 5 }
  - { id: yuan, name: 收入, unit: 元, actual: 3542000000 }
activities:
  - { date: 2023-01-03, title: 年初视察, tags: [视察] }
  - { date: 2023-04-13, title: 参观学习, tags: [视察] }
  - { date: 2023-03-11, title: 视察调研, tags: [视察], people: 12 }
  - { date: 2023-06-30, title: 半年最后一天, tags: [边界] }
  - { date: 2023-07-01, title: 下半年第一天, tags: [边界, 下半年] }
`;

const PREVIOUS = `metrics:
  - { id: from-file, name: 上期文件, unit: 人次, actual: 100 }
  - { id: other-unit, name: 单位不同, unit: 元, actual: 40000 }
`;

let model: ReportModel;

beforeAll(async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, '2023-h1.yaml'), REPORT);
  writeFileSync(path.join(dir, 'previous.yaml'), PREVIOUS);
  const { loaded, diagnostics } = await loadReport(path.join(dir, '2023-h1.yaml'));
  expect(diagnostics).toEqual([]);
  model = buildModel(loaded!).model;
});

function render(text: string) {
  return renderProse({ text, file: model.source.file, path: ['intro'] }, model);
}

function codes(text: string) {
  return render(text).diagnostics.map((d) => [d.code, d.location?.line]);
}

describe('metric figures', () => {
  it.each([
    // Completion: two decimals where the data has them, rounded as people round.
    ['{{rate "gdp"}}', '100.36%'],
    ['{{completion "gdp"}}', '完成年计划的100.36%，超额完成任务'],
    ['{{rate "half"}}', '100.36%'],
    ['{{rate "exact"}}', '100%'],
    ['{{completion "exact"}}', '完成年计划的100%'],
    ['{{rate "half" digits=1}}', '100.4%'],
    // A nonzero rate never prints 0%.
    ['{{rate "tiny"}}', '0.004%'],
    // 同比 from the metric's own previous value, or from the previous period's file.
    ['{{yoy "gdp"}}', '同比增长12.5%'],
    ['{{growth "gdp"}}', '12.5%'],
    ['{{yoy "down"}}', '同比下降3.2%'],
    ['{{growth "down"}}', '-3.2%'],
    ['{{yoy "exact"}}', '与上年同期持平'],
    ['{{yoy "from-file"}}', '同比增长20%'],
    // Rates change in 百分点.
    ['{{pp "rate"}}', '提高2.3个百分点'],
    ['{{pp "rate-down"}}', '下降2.5个百分点'],
    ['{{pp "rate-same"}}', '与上年同期持平'],
    ['{{ppdiff "rate-down"}}', '-2.5'],
    // A share of a total, and 万/亿 when asked.
    ['占全区{{share "part" of="whole"}}', '占全区36%'],
    ['{{metric "gdp" scale="亿"}}', '35.42亿元'],
    ['{{metric "yuan" scale="亿"}}', '35.42亿元'],
    ['{{metric "yuan" scale="万" digits=0}}', '354200万元'],
    ['{{value "gdp" scale="亿" digits=1}}', '35.4'],
    // Scaled figures keep two decimals, more only so that a nonzero one never prints 0.
    ['{{metric "people" scale="万"}}', '0.001万人'],
    ['{{metric "gdp"}}', '354213万元'],
  ])('%s -> %s', (text, expected) => {
    expect(render(text)).toEqual({ text: expected, diagnostics: [] });
  });

  it.each([
    ['{{rate "zero-target"}}', 'zero-target'],
    ['{{completion "negative-target"}}', 'zero-target'],
    ['{{rate "no-previous"}}', 'no-target'],
    ['{{yoy "no-previous"}}', 'no-previous'],
    ['{{pp "rate"}}{{yoy "zero-previous"}}', 'previous-not-positive'],
    ['{{growth "negative-previous"}}', 'previous-not-positive'],
    ['{{yoy "other-unit"}}', 'previous-unit-mismatch'],
    ['{{pp "gdp"}}', 'pp-needs-percent'],
    ['{{metric "rate" scale="万"}}', 'scale-percent'],
    ['{{share "part" of="gdp"}}', 'share-unit-mismatch'],
    ['{{share "part" of="empty"}}', 'total-not-positive'],
    ['{{share "whole" of="part"}}', 'share-out-of-range'],
    ['{{share "part" of="wholr"}}', 'unknown-metric-suggest'],
    ['{{share "part"}}', 'bad-helper-args'],
    ['{{metric "gdp" scale="千"}}', 'bad-helper-args'],
    ['{{rate "gdp" digits=9}}', 'bad-helper-args'],
    ['{{yoy "gdp" scale="亿"}}', 'bad-helper-args'],
  ])('%s is refused as %s, at the expression, never printed as NaN or Infinity', (text, code) => {
    const { text: printed, diagnostics } = render(text);
    expect(printed).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
    // Placed in the report file (the text here is not the file's: its exact column is the corpus's to test).
    expect(diagnostics[0]!.location).toMatchObject({ file: model.source.file.path, line: 8 });
  });

  it('shows the usage of each helper when its arguments are wrong', () => {
    const [diagnostic] = render('{{share "part" of="whole" scale="亿"}}').diagnostics;
    expect(diagnostic).toMatchObject({ code: 'bad-helper-args', params: { name: 'share', usage: proseHelpers.share!.usage } });
    for (const [name, helper] of Object.entries(proseHelpers)) expect(helper.usage).toContain(`{{${name}`);
  });
});

describe('activity figures', () => {
  it.each([
    ['{{first tag="视察"}}', '1月3日'],
    ['{{last "视察"}}', '4月13日'],
    ['{{span tag="视察"}}', '1月3日至4月13日'],
    ['{{titles tag="视察"}}', '年初视察、视察调研、参观学习'],
    ['{{list tag="视察"}}', '1月3日年初视察、3月11日视察调研、4月13日参观学习'],
    // 30 June is in the first half, 1 July is not.
    ['{{span tag="边界"}}', '6月30日'],
    ['{{count tag="边界"}}', '1'],
  ])('%s -> %s', (text, expected) => {
    expect(render(text)).toEqual({ text: expected, diagnostics: [] });
  });

  it('says when no activity of the period has the tag, at the expression', () => {
    expect(codes('开头{{span tag="下半年"}}')).toEqual([['no-activities', 8]]);
    expect(codes('{{first tag="视擦"}}')).toEqual([['unknown-tag-suggest', 8]]);
  });
});

describe('provenance', () => {
  it('records each figure with its expression, value, place and the entries it read', () => {
    model.figures.length = 0;
    render('总值{{metric "gdp"}}，{{yoy "from-file"}}，{{sum "people" tag="视察"}}人。');
    expect(model.figures.map((f) => [f.expression, f.value, f.at.line, f.sources.map((s) => [s.entry, path.basename(s.file), s.line])])).toEqual([
      ['{{metric "gdp"}}', '354213万元', 8, [['metric gdp', '2023-h1.yaml', 13]]],
      ['{{yoy "from-file"}}', '同比增长20%', 8, [['metric from-file', '2023-h1.yaml', 26], ['previous from-file', 'previous.yaml', 2]]],
      ['{{sum "people" tag="视察"}}', '12', 8, [['activity 2023-03-11 视察调研', '2023-h1.yaml', 36]]],
    ]);
  });
});
