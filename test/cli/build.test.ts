import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { copyExample, editFile, EXAMPLE_DIR, listFiles, tempDir } from '../helpers/workspace.js';

describe('plan-report build', () => {
  it('builds the example and says what it wrote, in Chinese by default', () => {
    const out = tempDir();
    const run = runCli(['build', path.join(EXAMPLE_DIR, '2023-h1.yaml'), '--out', out, '--format', 'md'], { cwd: out });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('已写入 2023-h1.md\n');
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(out, '2023-h1.md'), 'utf8')).toBe(readFileSync(path.join(import.meta.dirname, '..', 'golden', 'jiedao-2023-h1.md'), 'utf8'));
  });

  it('writes next to the report by default, and says "unchanged" on a second identical build', () => {
    const dir = copyExample();
    const first = runCli(['build', '2023-h1.yaml', '--format', 'md'], { cwd: dir });
    expect(first.stdout).toBe('已写入 2023-h1.md\n');
    const second = runCli(['build', '2023-h1.yaml', '--format', 'md', '--lang', 'en'], { cwd: dir });
    expect(second.stdout).toBe('unchanged 2023-h1.md\n');
    expect(second.status).toBe(0);
  });

  it('reports a bad reference at file:line:column with the line and a hint, exit 1, nothing written', () => {
    const dir = copyExample();
    editFile(path.join(dir, '2023-h1.yaml'), '{{target "boilers"}}', '{{target "boiler"}}');
    const run = runCli(['build', '2023-h1.yaml'], { cwd: dir });
    const lines = readFileSync(path.join(dir, '2023-h1.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('{{target "boiler"}}')) + 1;
    const column = lines[line - 1]!.indexOf('{{target "boiler"}}') + 1;
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`2023-h1.yaml:${line}:${column}: 错误 没有编号为 “boiler” 的指标 [unknown-metric-suggest]`);
    expect(run.stderr).toContain('提示: 是否想写 “boilers”？');
    expect(run.stderr).toContain('没有写入任何文件。');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(listFiles(dir).filter((f) => /\.(md|docx)$/.test(f))).toEqual([]);
  });

  it('speaks English with --lang en or an English locale', () => {
    const missing = runCli(['build', 'nope.yaml', '--lang', 'en']);
    expect(missing.stderr).toContain('error file not found: nope.yaml');
    const byLocale = runCli(['build', 'nope.yaml'], { env: { LANG: 'en_US.UTF-8' } });
    expect(byLocale.stderr).toContain('error file not found: nope.yaml');
    expect(byLocale.status).toBe(1);
  });

  it('says so when a notes file is named where a report belongs', () => {
    const run = runCli(['build', path.join(EXAMPLE_DIR, 'metrics', '2023-h1.yaml'), '--out', tempDir()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/2023-h1\.yaml:\d+:1: 错误 这是指标文件，不是报告文件 \[not-a-report\]/);
  });

  it('exits 2 on a usage error, with a message and no stack', () => {
    const unknownOption = runCli(['build', 'x.yaml', '--frobnicate']);
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain('命令用法有误');
    const badFormat = runCli(['build', 'x.yaml', '--format', 'pdf']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('不支持的输出格式 “pdf”');
    const noFile = runCli(['build']);
    expect(noFile.status).toBe(2);
    expect(hasStackTrace(unknownOption.stderr + badFormat.stderr + noFile.stderr)).toBe(false);
  });

  it('refuses to overwrite a Markdown output edited by hand, unless --force', () => {
    const dir = copyExample();
    expect(runCli(['build', '2023-h1.yaml', '--format', 'md'], { cwd: dir }).status).toBe(0);
    const output = path.join(dir, '2023-h1.md');
    editFile(output, '半年来，', '半年来（秘书改过），');
    const edited = readFileSync(output, 'utf8');
    const refused = runCli(['build', '2023-h1.yaml', '--format', 'md'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('2023-h1.md 已被手工修改过，没有覆盖');
    expect(readFileSync(output, 'utf8')).toBe(edited);
    const forced = runCli(['build', '2023-h1.yaml', '--format', 'md', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(readFileSync(output, 'utf8')).not.toContain('秘书改过');
  });
});

describe('plan-report build: outputs that cannot be written', () => {
  it('reports a folder in the way of an output, exit 1, and writes none of the outputs', () => {
    const dir = copyExample();
    mkdirSync(path.join(dir, '2023-h1.docx'));
    const run = runCli(['build', '2023-h1.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('无法写入 2023-h1.docx：EISDIR');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(listFiles(dir).filter((f) => f.endsWith('.md'))).toEqual([]);
  });
});
