import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, outputCollisions as collisionsOf, outputPaths } from '../src/index.js';
import { readDocx } from './helpers/docx.js';
import { copyExample, editFile, EXAMPLE_DIR, listFiles, tempDir } from './helpers/workspace.js';

async function buildMarkdown(reportFile: string): Promise<string> {
  const out = tempDir();
  const result = await build(reportFile, { formats: ['md'], outDir: out });
  expect(result.diagnostics).toEqual([]);
  expect(result.ok).toBe(true);
  return readFileSync(path.join(out, `${path.basename(reportFile, '.yaml')}.md`), 'utf8');
}

describe('build: the example (seed 篇(1))', () => {
  it('gives the reviewed Markdown (regenerate with npm run test:update)', async () => {
    const markdown = await buildMarkdown(path.join(EXAMPLE_DIR, '2023-h1.yaml'));
    await expect(markdown).toMatchFileSnapshot('golden/jiedao-2023-h1.md');
  });

  it('prints the seed figures, computed from the notes', async () => {
    const markdown = await buildMarkdown(path.join(EXAMPLE_DIR, '2023-h1.yaml'));
    for (const figure of [
      '累计发放选民连心卡400张（每名代表20张），',
      '单位工业增加值能耗降幅实现31.5%，超过15%年节能目标要求',
      '关闭整改燃煤锅炉6台任务，已关闭改造5台',
      '参观学习等活动3次',
      '群众满意度在95%以上',
      '和仁片3名区人大代表',
      '于3月11日召开',
      '全街2023年人大工作计划',
    ]) {
      expect(markdown).toContain(figure);
    }
  });

  it('has the structure of a half-year summary: title, opening, 一、二、三、 with 一是…, closing, signature', async () => {
    const markdown = await buildMarkdown(path.join(EXAMPLE_DIR, '2023-h1.yaml'));
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# 青溪街道人大工委2023年上半年工作总结',
      '## 一、围绕“抓中心”，扎实开展代表活动',
      '## 二、围绕“抓三双”，全面推进代表联系选民',
      '## 三、围绕“促稳定”，着力做好接待工作',
    ]);
    expect(markdown).toMatch(/\n一是制定全年工作计划。于3月11日.*二是抓好代表学习培训。.*三是积极开展代表活动。.*四是突出重点工作督办。/);
    expect(markdown).toContain('\n下半年，我们将着重围绕');
    expect(markdown).toContain('青溪街道人大工委\\\n2023年7月5日\n');
  });
});

describe('build: the period filter', () => {
  it('counts only the activities of the report period', async () => {
    const dir = copyExample();
    const report = path.join(dir, '2023-h1.yaml');
    editFile(report, 'period: 2023-H1', 'period: 2023-H2');
    editFile(report, 'date: 2023-07-05', 'date: 2024-01-05');
    editFile(report, 'metrics: metrics/2023-h1.yaml', 'metrics: metrics/*.yaml');
    const h2 = await buildMarkdown(report);
    // H2 has one 视察调研 and one 参观学习 (2), and 4 + 3 people at 述职.
    expect(h2).toContain('参观学习等活动2次');
    expect(h2).toContain('和仁片7名区人大代表');
    expect(h2).toContain('# 青溪街道人大工委2023年下半年工作总结');
    expect(h2).toContain('2024年1月5日');
  });
});

describe('build: numbering is decided by the document, not typed', () => {
  it('renumbers sections when they are reordered in the notes', async () => {
    const dir = copyExample();
    const report = path.join(dir, '2023-h1.yaml');
    const text = readFileSync(report, 'utf8');
    const start = text.indexOf('  - title: 围绕“促稳定”');
    const end = text.indexOf('\nnext:');
    const third = text.slice(start, end).trimEnd();
    const reordered = text.slice(0, start).replace('sections:\n', `sections:\n${third}\n\n`) + text.slice(end);
    editFile(report, text, reordered);
    const markdown = await buildMarkdown(report);
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## 一、围绕“促稳定”，着力做好接待工作',
      '## 二、围绕“抓中心”，扎实开展代表活动',
      '## 三、围绕“抓三双”，全面推进代表联系选民',
    ]);
  });
});

describe('build: nothing is written on error', () => {
  it('reports an unknown metric at its line and column and writes no file', async () => {
    const dir = copyExample();
    const report = path.join(dir, '2023-h1.yaml');
    editFile(report, '{{metric "cards"}}', '{{metric "cardz"}}');
    const out = tempDir();
    const result = await build(report, { outDir: out });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic).toMatchObject({ code: 'unknown-metric-suggest', severity: 'error', params: { id: 'cardz', suggestion: 'cards' } });
    const lines = readFileSync(report, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('{{metric "cardz"}}')) + 1;
    expect(diagnostic!.location).toMatchObject({ file: report, line, column: lines[line - 1]!.indexOf('{{metric "cardz"}}') + 1 });
    expect(listFiles(out)).toEqual([]);
  });
});

describe('build: reports of one run that would write the same file', () => {
  const outputCollisions = (reports: string[], options: Parameters<typeof outputPaths>[1] = {}) => collisionsOf(new Map(reports.map((report) => [report, outputPaths(report, options)])));

  it('names both reports of a collision, comparing output paths without case', () => {
    const collisions = outputCollisions(['jiedao/2023-h1.yaml', 'shequ/2023-H1.yaml', 'shequ/2023-h2.yaml'], { outDir: 'drafts' });
    expect([...collisions.keys()]).toEqual(['shequ/2023-H1.yaml', 'jiedao/2023-h1.yaml']);
    expect(collisions.get('jiedao/2023-h1.yaml')).toEqual({
      code: 'output-collision',
      severity: 'error',
      params: { report: 'jiedao/2023-h1.yaml', other: 'shequ/2023-H1.yaml', path: path.resolve('drafts', '2023-h1.docx') },
    });
  });

  it('finds none next to each report, or for one report named twice', () => {
    expect(outputCollisions(['jiedao/2023-h1.yaml', 'shequ/2023-h1.yaml']).size).toBe(0);
    expect(outputCollisions(['jiedao/2023-h1.yaml', './jiedao/2023-h1.yaml'], { outDir: 'drafts' }).size).toBe(0);
    expect(outputCollisions(['a/2023-h1.yaml', 'b/2023-h1.yaml'], { outDir: 'drafts', formats: ['md'] }).get('b/2023-h1.yaml')?.params.path).toBe(path.resolve('drafts', '2023-h1.md'));
  });
});

describe('build: the office defaults of plan-report.yaml', () => {
  it('signs with the config\'s signature, sets its fonts, and lets a report name its own org', async () => {
    const dir = copyExample();
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'org: 青溪街道人大工委\nsignature: 青溪街道人民代表大会工作委员会\nfonts:\n  body: 仿宋_GB2312\n');
    editFile(path.join(dir, '2023-h1.yaml'), /^  org: .*\n/m, '');
    const result = await build(path.join(dir, '2023-h1.yaml'));
    expect(result.diagnostics).toEqual([]);
    const markdown = readFileSync(path.join(dir, '2023-h1.md'), 'utf8');
    expect(markdown).toContain('# 青溪街道人大工委2023年上半年工作总结');
    expect(markdown).toContain('青溪街道人民代表大会工作委员会\\\n2023年7月5日');
    const styles = readDocx(readFileSync(path.join(dir, '2023-h1.docx'))).part('word/styles.xml');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    // A report with an org of its own signs with it, not with the office's signature.
    editFile(path.join(dir, '2023-h1.yaml'), 'report:\n', 'report:\n  org: 青溪社区居委会\n');
    await build(path.join(dir, '2023-h1.yaml'), { formats: ['md'] });
    expect(readFileSync(path.join(dir, '2023-h1.md'), 'utf8')).toContain('青溪社区居委会\\\n2023年7月5日');
  });

  it('says where to give the org when neither the report nor the config does', async () => {
    const dir = copyExample();
    editFile(path.join(dir, '2023-h1.yaml'), /^  org: .*\n/m, '');
    const result = await build(path.join(dir, '2023-h1.yaml'));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([['missing-org', 7, 1]]);
    expect(listFiles(dir).filter((file) => /\.(md|docx)$/.test(file))).toEqual([]);
  });
});
