import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareReport } from '../../src/build.js';
import { renderMarkdown } from '../../src/write/markdown.js';
import { renderDocx } from '../../src/write/docx/index.js';
import { columnWidths } from '../../src/write/docx/table.js';
import { TYPE_AREA_WIDTH } from '../../src/write/docx/constants.js';
import { attr, elements, readDocx, textOf } from '../helpers/docx.js';
import { tempDir } from '../helpers/workspace.js';

/** A report whose second section carries `table`, over inline metrics. */
function report(table: string, metrics: string): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, '.git'));
  const file = path.join(dir, '2023-h1.yaml');
  writeFileSync(
    file,
    `report:
  org: 青溪街道人大工委
  kind: half-year-summary
  period: 2023-H1
  date: 2023-07-05
sections:
  - title: 工作
    text: 正文。
  - title: 主要指标
    text: 上半年各项指标完成情况如下。
    table: ${table}
metrics:
${metrics}
`,
  );
  return file;
}

const METRICS = `  - { id: gdp, name: 地区生产总值, unit: 万元, actual: 354213, target: 352944, previous: 314856 }
  - { id: rate, name: 满意率, unit: "%", actual: 95.3, previous: 93 }
  - { id: pipe, name: "a|b", unit: 个, actual: 3 }`;

describe('the metrics table', () => {
  it('prints the columns that have data, in md as a pipe table after the section text', async () => {
    const { document, diagnostics } = await prepareReport(report('metrics', METRICS));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const md = renderMarkdown(document!);
    expect(md).toContain(
      [
        '上半年各项指标完成情况如下。',
        '',
        '主要指标完成情况表',
        '',
        '| 指标 | 单位 | 目标 | 完成 | 完成率 | 同比 |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
        '| 地区生产总值 | 万元 | 352944 | 354213 | 100.36% | 增长12.5% |',
        '| 满意率 | % | — | 95.3 | — | 提高2.3个百分点 |',
        '| a\\|b | 个 | — | 3 | — | — |',
      ].join('\n'),
    );
  });

  it('lists the metrics named, in their order, under its own caption, and leaves out empty columns', async () => {
    const { document } = await prepareReport(report('{ metrics: [rate], title: 满意度情况表 }', METRICS));
    const md = renderMarkdown(document!);
    expect(md).toContain('满意度情况表\n\n| 指标 | 单位 | 完成 | 同比 |\n| --- | --- | ---: | ---: |\n| 满意率 | % | 95.3 | 提高2.3个百分点 |');
  });

  it('sets the docx table in 黑体 and 仿宋 with explicit widths and no first-line indent in its cells', async () => {
    const { document } = await prepareReport(report('metrics', METRICS));
    const xml = readDocx(await renderDocx(document!)).part('word/document.xml');
    const [table] = elements(xml, 'w:tbl');
    expect(table).toBeDefined();
    const widths = elements(table!, 'w:gridCol').map((col) => Number(attr(col, 'w:gridCol', 'w:w')));
    expect(widths).toEqual(columnWidths(6));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TYPE_AREA_WIDTH);
    expect(attr(table!, 'w:tblLayout', 'w:type')).toBe('fixed');
    const rows = elements(table!, 'w:tr');
    expect(rows.map((row) => elements(row, 'w:tc').map(textOf))).toEqual([
      ['指标', '单位', '目标', '完成', '完成率', '同比'],
      ['地区生产总值', '万元', '352944', '354213', '100.36%', '增长12.5%'],
      ['满意率', '%', '—', '95.3', '—', '提高2.3个百分点'],
      ['a|b', '个', '—', '3', '—', '—'],
    ]);
    expect(rows[0]).toContain('w:tblHeader');
    expect(attr(rows[0]!, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attr(rows[1]!, 'w:rFonts', 'w:eastAsia')).toBe('仿宋');
    for (const paragraph of elements(table!, 'w:p')) expect(attr(paragraph, 'w:ind', 'w:firstLine')).toBe('0');
  });

  it('refuses an unknown metric where the table names it, and a table with no metrics at all', async () => {
    const named = await prepareReport(report('{ metrics: [gdp, rat] }', METRICS));
    expect(named.document).toBeUndefined();
    expect(named.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([['unknown-metric-suggest', 11, 29]]);
    const none = await prepareReport(report('metrics', '  []'));
    expect(none.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([['table-no-metrics', 11, 12]]);
  });
});
