import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/workspace.js';

const SEED_1 = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'drafts', 'seed-1.txt'), 'utf8');

describe('plan-report import', () => {
  it('writes the config, the report and its metrics, says what it wrote and what to do next; the notes build', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '篇1.txt'), `某某街道人大工委2013年上半年工作总结\n${SEED_1}`);
    const run = runCli(['import', '篇1.txt', '--out', 'notes'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        `已写入 ${path.join('notes', 'plan-report.yaml')}`,
        `已写入 ${path.join('notes', '2013-h1.yaml')}`,
        `已写入 ${path.join('notes', 'metrics', '2013-h1.yaml')}`,
        `下一步：检查文中的数字和标注的警告，然后运行 plan-report build ${path.join('notes', '2013-h1.yaml')}`,
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain('篇1.txt:2:1: 警告 这段中的 一是、二是 无法编入结构，保留为原文 [import-numbers-kept]');
    expect(run.stderr).toContain('[import-no-date]');
    const built = runCli(['build', path.join('notes', '2013-h1.yaml'), '--format', 'md'], { cwd: dir });
    expect(built.status).toBe(0);
    expect(readFileSync(path.join(dir, 'notes', 'dist', '2013-h1.md'), 'utf8')).toContain('累计发放选民连心卡400张（每名代表20张）');
  });

  it('refuses when a target exists: exit 1, each said in both languages, nothing written', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'draft.txt'), '某某社区2023年工作总结\n一、基本情况\n共走访群众326户。\n2024年1月5日\n');
    writeFileSync(path.join(dir, '2023.yaml'), 'kept\n');
    const run = runCli(['import', 'draft.txt', '--lang', 'en'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2023.yaml already exists; so as not to overwrite it, no file was written [import-target-exists]');
    expect(run.stderr).toContain('No file was written.');
    expect(run.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['2023.yaml', 'draft.txt']);
    expect(readFileSync(path.join(dir, '2023.yaml'), 'utf8')).toBe('kept\n');
    expect(runCli(['import', 'draft.txt'], { cwd: dir }).stderr).toContain('2023.yaml 已存在；为了不覆盖它，没有写入任何文件');
  });

  it('refuses a .doc with the way to re-save it, and a .pdf, without a trace', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    writeFileSync(path.join(dir, 'old.pdf'), '%PDF-1.4\n');
    const doc = runCli(['import', 'old.doc'], { cwd: dir });
    expect(doc.status).toBe(1);
    expect(doc.stderr).toContain('[draft-legacy-doc]');
    const pdf = runCli(['import', 'old.pdf'], { cwd: dir });
    expect(pdf.status).toBe(1);
    expect(pdf.stderr).toContain('不能导入：只能导入 .docx、.md 和 .txt 文稿 [import-unsupported-format]');
    expect(hasStackTrace(doc.stderr + pdf.stderr)).toBe(false);
    expect(existsSync(path.join(dir, 'plan-report.yaml'))).toBe(false);
  });
});
