import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportsConcerned } from '../../src/serve/watch-build.js';
import { copyExample, editFile, REPO_ROOT } from '../helpers/workspace.js';

const outcome = (report: string, files: string[]) => ({ report, status: 'built' as const, outputs: [], diagnostics: [], files });

describe('reportsConcerned', () => {
  const reports = [outcome('/r/a.yaml', ['/r/a.yaml', '/r/notes/a.yaml', '/r/plan-report.yaml']), outcome('/r/b.yaml', ['/r/b.yaml', '/r/plan-report.yaml'])];
  it('takes the reports that read a changed file', () => {
    expect(reportsConcerned(reports, ['/r/notes/a.yaml'])).toEqual(new Set(['/r/a.yaml']));
    expect(reportsConcerned(reports, ['/r/plan-report.yaml'])).toEqual(new Set(['/r/a.yaml', '/r/b.yaml']));
  });
  it('takes every report, and any new one, for a file that none read yet', () => {
    expect(reportsConcerned(reports, ['/r/notes/new.yaml'])).toBeUndefined();
  });
});

describe('build --watch', () => {
  it('rebuilds the report when its notes change, and stops cleanly on Ctrl-C', async () => {
    const dir = copyExample();
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'plan-report.js'), 'build', '2023-h1.yaml', '--format', 'md', '--watch'], { cwd: dir, env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' } });
    let stdout = '';
    const waitFor = (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        const check = () => pattern.test(stdout) && resolve();
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          check();
        });
        check();
      });
    await waitFor(/正在监视笔记的改动/);
    expect(stdout.match(/已写入 2023-h1\.md/g)).toHaveLength(1);
    editFile(path.join(dir, 'metrics', '2023-h1.yaml'), /actual: 400\b/, 'actual: 401');
    await waitFor(/已写入 2023-h1\.md[\s\S]*已写入 2023-h1\.md/);
    expect(readFileSync(path.join(dir, '2023-h1.md'), 'utf8')).toContain('401');
    child.kill('SIGINT');
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
  });
});
