/**
 * A report sent as a formal document (report.formal): the 版头 above the title and the 版记 at the
 * end, as the notes give them and plan-report.yaml completes them, seen in the built Markdown and
 * in the diagnostics a secretary gets for a mistake in them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, prepareReport } from '../../src/index.js';
import { copyExample, editFile } from '../helpers/workspace.js';

/** The `formal:` lines inserted into the example's report: mapping, after `date:` (line 11), from line 12. */
function withFormal(lines: string[], config?: string): { report: string; dir: string } {
  const dir = copyExample();
  const report = path.join(dir, '2023-h1.yaml');
  editFile(report, '  date: 2023-07-05\n', `  date: 2023-07-05\n  formal:\n${lines.map((line) => `    ${line}\n`).join('')}`);
  if (config !== undefined) writeFileSync(path.join(dir, 'plan-report.yaml'), config);
  return { report, dir };
}

/** The built Markdown without its fingerprint trailer, and the diagnostics as code@file:line:column. */
async function built(report: string, dir: string): Promise<{ markdown: string; codes: string[] }> {
  const out = path.join(dir, 'out');
  const result = await build(report, { formats: ['md'], outDir: out });
  const codes = result.diagnostics.map((d) => `${d.code}@${path.relative(dir, d.location?.file ?? '')}:${d.location?.line}:${d.location?.column}`);
  if (!result.ok) return { markdown: '', codes };
  return { markdown: readFileSync(path.join(out, '2023-h1.md'), 'utf8').replace(/\n+<!--[\s\S]*$/, '\n'), codes };
}

const FULL = ['issuer: 青溪街道人大工委文件', 'number: 某人大〔2023〕5号', 'copy-to: [区人大常委会办公室, 区委办公室]', 'printer: 青溪街道人大工委办公室', 'printed: 2023-07-06'];

describe('formal: 版头 and 版记 in the Markdown', () => {
  it('opens with the 发文机关标志, the 发文字号 and a rule, and ends with 抄送 and 印发 between rules', async () => {
    const { report, dir } = withFormal(FULL);
    const { markdown, codes } = await built(report, dir);
    expect(codes).toEqual([]);
    expect(markdown.startsWith('**青溪街道人大工委文件**\n\n某人大〔2023〕5号\n\n---\n\n# 青溪街道人大工委2023年上半年工作总结\n\n')).toBe(true);
    expect(markdown.endsWith('青溪街道人大工委\\\n2023年7月5日\n\n---\n\n抄送：区人大常委会办公室，区委办公室。\n\n青溪街道人大工委办公室\u3000\u30002023年7月6日印发\n\n---\n')).toBe(true);
  });

  it('puts 签发人 on the 发文字号 line of a 上行文, and renders {{ }} in the fields', async () => {
    const { report, dir } = withFormal(['number: 某人大〔{{year}}〕5号', 'signer: 张三']);
    const { markdown, codes } = await built(report, dir);
    expect(codes).toEqual([]);
    expect(markdown.split('\n').slice(0, 5)).toEqual(['**青溪街道人大工委文件**', '', '某人大〔2023〕5号\u3000\u3000签发人：张三', '', '---']);
  });

  it('defaults the 发文机关标志 to the org + 文件, the 印发机关 to the org and the 印发日期 to the report date; no 抄送 line without copy-to', async () => {
    const { report, dir } = withFormal(['number: 某人大〔2023〕5号']);
    const { markdown } = await built(report, dir);
    expect(markdown.startsWith('**青溪街道人大工委文件**\n\n')).toBe(true);
    expect(markdown.endsWith('2023年7月5日\n\n---\n\n青溪街道人大工委\u3000\u30002023年7月5日印发\n\n---\n')).toBe(true);
  });

  it('takes the office defaults of plan-report.yaml, the report\'s own fields winning', async () => {
    const config = 'formal:\n  issuer: 青溪街道人大工作委员会文件\n  copy-to: 区人大常委会办公室\n  printer: 青溪街道人大工委办公室\n';
    const { report, dir } = withFormal(['number: 某人大〔2023〕5号', 'printer: 青溪街道人大工委秘书组'], config);
    const { markdown, codes } = await built(report, dir);
    expect(codes).toEqual([]);
    expect(markdown.startsWith('**青溪街道人大工作委员会文件**\n\n')).toBe(true);
    expect(markdown.endsWith('---\n\n抄送：区人大常委会办公室。\n\n青溪街道人大工委秘书组\u3000\u30002023年7月5日印发\n\n---\n')).toBe(true);
  });

  it('prints neither without report.formal, whatever the config says', async () => {
    const dir = copyExample();
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'formal:\n  issuer: 青溪街道人大工作委员会文件\n');
    const { markdown, codes } = await built(path.join(dir, '2023-h1.yaml'), dir);
    expect(codes).toEqual([]);
    expect(markdown.startsWith('# 青溪街道人大工委2023年上半年工作总结\n\n')).toBe(true);
    expect(markdown).not.toContain('---');
    expect(markdown).not.toContain('文件');
  });
});

describe('formal: mistakes, at the line and column to edit', () => {
  it('suggests the key meant for a misspelt one, in the report and in plan-report.yaml', async () => {
    const { report, dir } = withFormal(['nubmer: 某人大〔2023〕5号']);
    expect((await built(report, dir)).codes).toEqual(['unknown-key-suggest@2023-h1.yaml:13:5']);
    expect((await prepareReport(report)).diagnostics.map((d) => d.params)).toEqual([{ key: 'nubmer', suggestion: 'number' }]);
    // A mistake in the office's defaults stops the reports below them, at its own line.
    const office = withFormal(['number: 某人大〔2023〕5号'], 'formal:\n  printr: 青溪街道人大工委办公室\n');
    expect((await built(office.report, office.dir)).codes).toEqual(['unknown-key-suggest@plan-report.yaml:2:3']);
    expect((await prepareReport(office.report)).diagnostics.map((d) => d.params)).toEqual([{ key: 'printr', suggestion: 'printer' }]);
  });

  it('refuses a date that does not exist, an empty copy-to list, and a 发文字号 of two lines', async () => {
    const { report, dir } = withFormal(['printed: 2023-06-31', 'copy-to: []', 'number: "某人大\\n〔2023〕5号"']);
    const { codes } = await built(report, dir);
    expect(codes).toEqual(['bad-date@2023-h1.yaml:13:14', 'empty-value@2023-h1.yaml:14:14', 'text-multiline@2023-h1.yaml:15:13']);
  });

  it('warns about the year of a 发文字号 in [] or （）, pointing at the bracket and showing 〔〕, and builds', async () => {
    const { report, dir } = withFormal(['number: 某人大[2023]5号']);
    const out = path.join(dir, 'out');
    const result = await build(report, { formats: ['md'], outDir: out });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.location?.column, d.params.suggestion])).toEqual([
      ['formal-number-brackets', 'warning', 13, 16, '某人大〔2023〕5号'],
    ]);
    // Printed as written: the secretary decides.
    expect(readFileSync(path.join(out, '2023-h1.md'), 'utf8')).toContain('某人大\\[2023\\]5号');
  });

  it('warns when the 印发日期 comes before the report date', async () => {
    const { report, dir } = withFormal(['printed: 2023-07-01']);
    const { codes } = await built(report, dir);
    expect(codes).toEqual(['formal-printed-before-date@2023-h1.yaml:13:14']);
  });

  it('checks {{ }} in the fields as prose: a misspelt helper is an error at its field', async () => {
    const { report, dir } = withFormal(['number: 某人大〔{{yeer}}〕5号']);
    const { codes } = await built(report, dir);
    expect(codes).toEqual(['unknown-helper-suggest@2023-h1.yaml:13:17']);
  });
});
