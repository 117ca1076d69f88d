import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { copyExample, editFile, EXAMPLE_DIR, listFiles, tempDir } from '../helpers/workspace.js';

describe('plan-report build', () => {
  it('builds the example and says what it wrote, in Chinese by default', () => {
    const dir = copyExample();
    const run = runCli(['build', '2023-h1.yaml', '--out', '草稿', '--format', 'md'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('已写入 草稿/2023-h1.md\n');
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(dir, '草稿', '2023-h1.md'), 'utf8')).toBe(readFileSync(path.join(import.meta.dirname, '..', 'golden', 'jiedao-2023-h1.md'), 'utf8'));
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
    const badFormat = runCli(['build', 'x.yaml', '--format', 'odt']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('不支持的输出格式 “odt”');
    const noJobs = runCli(['build', 'x.yaml', '--jobs']);
    expect(noJobs.status).toBe(2);
    expect(hasStackTrace(unknownOption.stderr + badFormat.stderr + noJobs.stderr)).toBe(false);
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

describe('plan-report build: several reports in one run', () => {
  /** Two offices' notes, each with its own 2023-h1.yaml. */
  function twoOffices(): string {
    const dir = path.dirname(copyExample());
    cpSync(path.join(dir, '笔记'), path.join(dir, 'jiedao'), { recursive: true });
    cpSync(path.join(dir, '笔记'), path.join(dir, 'shequ'), { recursive: true });
    return dir;
  }

  it('refuses two reports that would write the same file, names both, and builds the others', () => {
    const dir = twoOffices();
    cpSync(path.join(dir, 'jiedao', '2023-h1.yaml'), path.join(dir, 'jiedao', '2023-H2.yaml'));
    const run = runCli(['build', 'jiedao/2023-h1.yaml', 'shequ/2023-h1.yaml', 'jiedao/2023-H2.yaml', '--out', 'drafts', '--format', 'md', '--lang', 'en'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error jiedao/2023-h1.yaml and shequ/2023-h1.yaml would both write drafts/2023-h1.md; neither was built [output-collision]');
    expect(run.stderr).toContain('error shequ/2023-h1.yaml and jiedao/2023-h1.yaml would both write drafts/2023-h1.md; neither was built [output-collision]');
    expect(run.stdout).toBe('wrote drafts/2023-H2.md\n');
    expect(run.stderr).toMatch(/^Reports: 3; built 1, unchanged 0, failed 2 \(\d+\.\d s\)\.$/m);
    expect(listFiles(path.join(dir, 'drafts'))).toEqual(['2023-H2.md']);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('builds the good report of a good and a bad one, says so per report, and exits 1', () => {
    const dir = twoOffices();
    editFile(path.join(dir, 'shequ', '2023-h1.yaml'), '{{target "boilers"}}', '{{target "boiler"}}');
    const run = runCli(['build', 'jiedao/2023-h1.yaml', 'shequ/2023-h1.yaml', '--format', 'md'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`已写入 ${path.join('jiedao', '2023-h1.md')}\n`);
    expect(run.stderr).toContain(`${path.join('shequ', '2023-h1.yaml')} 没有生成，它的输出文件都没有改动。`);
    expect(run.stderr).toMatch(/^共 2 个报告：1 个已生成，0 个未变化，1 个失败（用时 \d+\.\d 秒）。$/m);
    // Files were written: the run must not say that none was.
    expect(run.stderr).not.toContain('没有写入任何文件');
    expect(listFiles(dir).filter((f) => f.endsWith('.md'))).toEqual([path.join('jiedao', '2023-h1.md')]);
  });

  it('builds a report named twice once', () => {
    const dir = copyExample();
    const run = runCli(['build', '2023-h1.yaml', './2023-h1.yaml', '--format', 'md'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('已写入 2023-h1.md\n');
  });
});

describe('plan-report: command lines that did nothing, silently, or crashed', () => {
  it('refuses --format "" (exit 2) instead of building nothing', () => {
    const dir = copyExample();
    for (const format of ['', ',', ' , ']) {
      const run = runCli(['build', '2023-h1.yaml', '--format', format], { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('命令用法有误：--format 没有给出任何输出格式，可用：docx, md');
    }
    expect(listFiles(dir).filter((f) => /\.(md|docx)$/.test(f))).toEqual([]);
  });

  it.each(['99999999999999999', 'abc', '-1', '1.5', '253402300800'])('refuses SOURCE_DATE_EPOCH=%s (exit 2), naming the variable and the range', (value) => {
    const dir = copyExample();
    const run = runCli(['build', '2023-h1.yaml', '--lang', 'en'], { cwd: dir, env: { SOURCE_DATE_EPOCH: value } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`usage error: the environment variable SOURCE_DATE_EPOCH is "${value}"; it must be a whole number of seconds since 1970-01-01 UTC, from 0 to 253402300799`);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(listFiles(dir).filter((f) => /\.(md|docx)$/.test(f))).toEqual([]);
  });

  it('accepts SOURCE_DATE_EPOCH at the ends of its range, and empty as unset', () => {
    const dir = copyExample();
    for (const value of ['0', '253402300799', '']) {
      const run = runCli(['build', '2023-h1.yaml', '--format', 'docx', '--force'], { cwd: dir, env: { SOURCE_DATE_EPOCH: value } });
      expect(run.status, run.stderr).toBe(0);
    }
  });

  it('prints the help on stderr and exits 2 when no command is given', () => {
    const run = runCli([], { env: { LANG: 'en_US.UTF-8' } });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: plan-report [options] [command]');
    expect(run.stderr).toContain('build [options] [files...]');
    expect(run.stderr).not.toContain('outputHelp');
  });

  it('escapes control characters of file names it prints', () => {
    const dir = copyExample();
    const evil = '2023\u001b]0;pwned\u0007.yaml';
    cpSync(path.join(dir, '2023-h1.yaml'), path.join(dir, evil));
    const run = runCli(['build', evil, '--format', 'md'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('已写入 2023\\x1b]0;pwned\\x07.md\n');
  });
});

describe('plan-report build: a Markdown output an editor saved unchanged', () => {
  it('is still recognised as its own after the final newline was stripped and CRLF', () => {
    const dir = copyExample();
    expect(runCli(['build', '2023-h1.yaml', '--format', 'md'], { cwd: dir }).status).toBe(0);
    const output = path.join(dir, '2023-h1.md');
    writeFileSync(output, readFileSync(output, 'utf8').replace(/\n/g, '\r\n').replace(/\r\n$/, ''));
    editFile(path.join(dir, '2023-h1.yaml'), '半年来，', '半年以来，');
    const rebuilt = runCli(['build', '2023-h1.yaml', '--format', 'md'], { cwd: dir });
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('半年以来，');
  });
});
