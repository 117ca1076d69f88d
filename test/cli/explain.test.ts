import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { copyExample, editFile, listFiles } from '../helpers/workspace.js';

/** The example with a section of figures: a completion rate, 同比 from a previous file, a table. */
function exampleWithFigures(): string {
  const dir = copyExample();
  writeFileSync(path.join(dir, 'metrics', '2022-h1.yaml'), 'metrics:\n  - { id: cards, name: 发放选民连心卡, unit: 张, actual: 320 }\n');
  editFile(path.join(dir, '2023-h1.yaml'), 'metrics: metrics/2023-h1.yaml', 'metrics: metrics/2023-h1.yaml\n  previous-metrics: metrics/2022-h1.yaml');
  editFile(
    path.join(dir, '2023-h1.yaml'),
    /sections:\n/,
    'sections:\n  - title: 主要指标\n    text: 发放选民连心卡{{metric "cards"}}，{{yoy "cards"}}；{{completion "boilers"}}。\n    table: { metrics: [boilers, cards] }\n',
  );
  return dir;
}

describe('plan-report explain', () => {
  it('lists each computed figure with its expression, value, place and the notes lines it read', () => {
    const dir = exampleWithFigures();
    const run = runCli(['explain', '2023-h1.yaml', '--lang', 'en'], { cwd: dir });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    // The report file's line 23 is the new section's text; the metrics file's line 9 holds cards.
    expect(lines.slice(0, 4)).toEqual([
      '2023-h1.yaml:23:18  {{metric "cards"}} = 400张',
      `    from metric cards  ${path.join('metrics', '2023-h1.yaml')}:9`,
      '2023-h1.yaml:23:37  {{yoy "cards"}} = 同比增长25%',
      `    from metric cards  ${path.join('metrics', '2023-h1.yaml')}:9`,
    ]);
    expect(lines[4]).toBe(`    from previous cards  ${path.join('metrics', '2022-h1.yaml')}:2`);
    expect(run.stdout).toContain('2023-h1.yaml:23:53  {{completion "boilers"}} = 完成年计划的83.33%');
    expect(run.stdout).toContain('2023-h1.yaml:24:12  table: 燃煤锅炉关闭改造 完成率 = 83.33%');
    expect(run.stdout).toContain('2023-h1.yaml:24:12  table: 发放选民连心卡 同比 = 增长25%');
    expect(run.stdout).toMatch(/\{\{count tag="视察调研,参观学习"\}\} = 3\n {4}from activity 2023-\d\d-\d\d /);
  });

  it('writes JSON for tools, and nothing to the notes folder', () => {
    const dir = exampleWithFigures();
    const before = listFiles(dir);
    const run = runCli(['explain', '2023-h1.yaml', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    const { figures } = JSON.parse(run.stdout) as { figures: { expression: string; value: string; at: { file: string; line: number; column: number }; sources: { entry: string; file: string; line: number }[] }[] };
    expect(figures[1]).toEqual({
      expression: '{{yoy "cards"}}',
      value: '同比增长25%',
      at: { file: path.join(dir, '2023-h1.yaml'), line: 23, column: 37 },
      sources: [
        { entry: 'metric cards', file: path.join(dir, 'metrics', '2023-h1.yaml'), line: 9 },
        { entry: 'previous cards', file: path.join(dir, 'metrics', '2022-h1.yaml'), line: 2 },
      ],
    });
    expect(listFiles(dir)).toEqual(before);
  });

  it('exits 1 with located diagnostics when the report has errors, and lists no figure', () => {
    const dir = exampleWithFigures();
    editFile(path.join(dir, 'metrics', '2022-h1.yaml'), 'actual: 320', 'actual: 0');
    const run = runCli(['explain', '2023-h1.yaml', '--lang', 'en'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('2023-h1.yaml:23:37: error');
    expect(run.stderr).toContain('[previous-not-positive]');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(readFileSync(path.join(dir, '2023-h1.yaml'), 'utf8')).toContain('{{yoy "cards"}}');
  });
});
