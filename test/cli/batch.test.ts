import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { editedInWord } from '../helpers/docx.js';
import { officeName, officesRepo } from '../helpers/offices.js';
import { editFile, listFiles, REPO_ROOT } from '../helpers/workspace.js';


const REPORTS = 50;
const reportOf = (n: number) => `offices/${officeName(n)}/2023-h1.yaml`;
const mdOf = (n: number) => `dist/${officeName(n)}/2023-h1.md`;

/** The reports a run said it wrote or found unchanged, as paths relative to the cwd. */
function reportsSaid(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => /^(?:已写入|未变化) (.+)$/.exec(line)?.[1])
    .filter((file): file is string => file !== undefined)
    .sort();
}

describe('build over a folder, in parallel and in shards', () => {
  it('builds 50 reports on 2 workers, keeping the folder layout below --out, with a summary', () => {
    const repo = officesRepo(REPORTS);
    const run = runCli(['build', 'offices', '--out', 'dist', '--format', 'md', '--jobs', '2'], { cwd: repo });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(listFiles(path.join(repo, 'dist'))).toEqual(Array.from({ length: REPORTS }, (_, i) => `${officeName(i + 1)}/2023-h1.md`));
    expect(reportsSaid(run.stdout)).toEqual(Array.from({ length: REPORTS }, (_, i) => mdOf(i + 1)));
    expect(run.stdout).toMatch(/^共 50 个报告：50 个已生成，0 个未变化，0 个失败（用时 \d+\.\d 秒）。$/m);
    // Each output is the example's own report: the same bytes as a build of one report alone.
    const alone = runCli(['build', reportOf(7), '--out', 'single', '--format', 'md'], { cwd: repo });
    // Outside a git repo and without a config, a single report named goes straight into --out.
    expect(alone.stdout).toBe('已写入 single/2023-h1.md\n');
    expect(readFileSync(path.join(repo, mdOf(7)), 'utf8')).toBe(readFileSync(path.join(repo, 'single', '2023-h1.md'), 'utf8'));
  });

  it('splits the reports into shards that together build each exactly once', () => {
    const repo = officesRepo(REPORTS);
    const first = runCli(['build', 'offices', '--out', 'dist', '--format', 'md', '--shard', '1/2'], { cwd: repo });
    const second = runCli(['build', 'offices', '--out', 'dist', '--format', 'md', '--shard', '2/2'], { cwd: repo });
    expect([first.status, second.status]).toEqual([0, 0]);
    const one = reportsSaid(first.stdout);
    const two = reportsSaid(second.stdout);
    expect(one).toHaveLength(25);
    expect(two).toHaveLength(25);
    expect(one.filter((file) => two.includes(file))).toEqual([]);
    expect([...one, ...two].sort()).toEqual(Array.from({ length: REPORTS }, (_, i) => mdOf(i + 1)));
    expect(listFiles(path.join(repo, 'dist'))).toHaveLength(REPORTS);
    // The same shard again picks the same reports.
    expect(reportsSaid(runCli(['build', 'offices', '--out', 'dist', '--format', 'md', '--shard', '1/2'], { cwd: repo }).stdout)).toEqual(one);
  });

  it('builds the rest when one report fails, says which, and exits 1', () => {
    const repo = officesRepo(4);
    editFile(path.join(repo, reportOf(3)), '{{target "boilers"}}', '{{target "boiler"}}');
    const run = runCli(['build', 'offices', '--out', 'dist', '--format', 'md', '--jobs', '2'], { cwd: repo });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[unknown-metric-suggest]');
    expect(run.stderr).toContain(`${reportOf(3)} 没有生成，它的输出文件都没有改动。`);
    expect(run.stderr).toMatch(/^共 4 个报告：3 个已生成，0 个未变化，1 个失败（用时 \d+\.\d 秒）。$/m);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(listFiles(path.join(repo, 'dist'))).toEqual(['o01/2023-h1.md', 'o02/2023-h1.md', 'o04/2023-h1.md']);
  });

  it('refuses a docx edited by hand and builds the rest; --force replaces it and keeps the edit as a backup', () => {
    const repo = officesRepo(3);
    expect(runCli(['build', 'offices', '--out', 'dist', '--format', 'docx'], { cwd: repo }).status).toBe(0);
    const edited = path.join(repo, 'dist', 'o02', '2023-h1.docx');
    const handWork = Buffer.from(editedInWord(readFileSync(edited)));
    writeFileSync(edited, handWork);
    editFile(path.join(repo, 'offices', 'o01', 'activities', '2023.yaml'), /people: (\d+)/, 'people: 999');
    const refused = runCli(['build', 'offices', '--out', 'dist', '--format', 'docx'], { cwd: repo });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('[output-edited]');
    expect(refused.stdout).toContain('未变化 dist/o03/2023-h1.docx');
    expect(readFileSync(edited)).toEqual(handWork);
    const forced = runCli(['build', 'offices', '--out', 'dist', '--format', 'docx', '--force'], { cwd: repo });
    expect(forced.status).toBe(0);
    const backups = listFiles(path.join(repo, 'dist', 'o02')).filter((file) => file !== '2023-h1.docx');
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^2023-h1\.edited-\d{8}-\d{6}\.docx$/);
    expect(readFileSync(path.join(repo, 'dist', 'o02', backups[0]!))).toEqual(handWork);
    expect(forced.stdout).toContain(`已把手工修改过的 dist/o02/2023-h1.docx 备份为 dist/o02/${backups[0]}`);
  });

  it('leaves every docx whole, old or new, when the batch is killed with SIGKILL midway', async () => {
    const count = 12;
    const repo = officesRepo(count);
    const args = ['build', 'offices', '--out', 'dist', '--format', 'docx,md', '--jobs', '2'];
    expect(runCli(args, { cwd: repo }).status).toBe(0);
    const docx = (n: number) => path.join(repo, 'dist', officeName(n), '2023-h1.docx');
    const readAll = () => Array.from({ length: count }, (_, i) => readFileSync(docx(i + 1)));
    const old = readAll();
    for (let n = 1; n <= count; n++) editFile(path.join(repo, reportOf(n)), '半年来，', '上半年，');
    // Killed once some reports are rebuilt and others are not.
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'plan-report.js'), ...args], { cwd: repo, env: { PATH: process.env.PATH, LANG: 'zh_CN.UTF-8' }, stdio: ['ignore', 'pipe', 'ignore'] });
    let said = '';
    child.stdout.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if ((said.match(/已写入 .*\.docx/g) ?? []).length >= 3) child.kill('SIGKILL');
    });
    const signal = await new Promise((resolve) => child.on('close', (_code, killedBy) => resolve(killedBy)));
    expect(signal).toBe('SIGKILL');
    const afterKill = readAll();
    expect(runCli(args, { cwd: repo }).status).toBe(0);
    const fresh = readAll();
    const state = afterKill.map((bytes, i) => (bytes.equals(old[i]!) ? 'old' : bytes.equals(fresh[i]!) ? 'new' : 'broken'));
    expect(state).not.toContain('broken');
    expect(state).toContain('new');
    expect(fresh.every((bytes, i) => !bytes.equals(old[i]!))).toBe(true);
    // No temporary or journal file is left behind once the next build has run.
    expect(listFiles(path.join(repo, 'dist')).filter((file) => path.basename(file).startsWith('.'))).toEqual([]);
  });
});

describe('build with the config file', () => {
  it('takes org, out and formats from plan-report.yaml, and the command line wins', () => {
    const repo = officesRepo(2);
    writeFileSync(path.join(repo, 'plan-report.yaml'), 'org: 青溪区人大常委会\nout: drafts\nformats: [md]\n');
    editFile(path.join(repo, reportOf(1)), /^  org: .*\n/m, '');
    const run = runCli(['build'], { cwd: repo });
    expect(run.status).toBe(0);
    expect(listFiles(path.join(repo, 'drafts'))).toEqual(['offices/o01/2023-h1.md', 'offices/o02/2023-h1.md']);
    expect(readFileSync(path.join(repo, 'drafts', 'offices', 'o01', '2023-h1.md'), 'utf8')).toContain('青溪区人大常委会2023年上半年工作总结');
    // o02 names its own org; the config's is only a default.
    expect(readFileSync(path.join(repo, 'drafts', 'offices', 'o02', '2023-h1.md'), 'utf8')).toContain('青溪街道人大工委2023年上半年工作总结');
    const docx = runCli(['build', reportOf(2), '--format', 'docx'], { cwd: repo });
    expect(docx.stdout).toBe('已写入 drafts/offices/o02/2023-h1.docx\n');
  });

  it('says where a config file is wrong, with did-you-mean, and builds nothing below it', () => {
    const repo = officesRepo(1);
    writeFileSync(path.join(repo, 'plan-report.yaml'), 'org: 青溪区人大常委会\nformat: [md]\nrules:\n  placeholder: off\n');
    const run = runCli(['build'], { cwd: repo });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('plan-report.yaml:2:1: 错误 不认识的键 “format” [unknown-key-suggest]');
    expect(run.stderr).toContain('plan-report.yaml:4:16: 错误');
    expect(listFiles(repo).filter((file) => /\.(md|docx)$/.test(file))).toEqual([]);
  });

  it('raises a warning to an error, or silences it, as rules: says', () => {
    const repo = officesRepo(1);
    writeFileSync(path.join(repo, 'offices', 'stray.yaml'), 'hello: world\n');
    const plain = runCli(['build', '--format', 'md'], { cwd: repo });
    expect(plain.stderr).toContain('offices/stray.yaml:1:1: 警告');
    expect(plain.status).toBe(0);
    writeFileSync(path.join(repo, 'plan-report.yaml'), 'rules:\n  unknown-file-kind: error\n');
    const raised = runCli(['build', '--format', 'md'], { cwd: repo });
    expect(raised.stderr).toContain('offices/stray.yaml:1:1: 错误');
    expect(raised.status).toBe(1);
    writeFileSync(path.join(repo, 'plan-report.yaml'), 'rules:\n  unknown-file-kind: off\n');
    const silenced = runCli(['build', '--format', 'md'], { cwd: repo });
    expect(silenced.stderr).toBe('');
    expect(silenced.status).toBe(0);
  });
});

describe('build: quiet, and the options it refuses', () => {
  it('prints nothing with --quiet when every report is built', () => {
    const repo = officesRepo(2);
    const run = runCli(['build', '--quiet', '--format', 'md'], { cwd: repo });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(listFiles(repo).filter((file) => file.endsWith('.md'))).toHaveLength(2);
  });

  it.each([
    [['--shard', '3/2'], '--shard 应写成 i/n（1 ≤ i ≤ n），如 2/4，而不是 “3/2”'],
    [['--shard', '0/2'], '“0/2”'],
    [['--jobs', '0'], '--jobs 应为 1 到 256 之间的整数，而不是 “0”'],
    [['--jobs', 'many'], '“many”'],
  ])('refuses %j as a usage error before building anything', (flags, message) => {
    const repo = officesRepo(1);
    const run = runCli(['build', ...flags], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(path.join(repo, 'offices', 'o01', '2023-h1.docx'))).toBe(false);
  });

  it('says so when a glob matches nothing or a folder holds no report', () => {
    const repo = officesRepo(1);
    const run = runCli(['build', 'reports/*.yaml', 'offices/o01/activities'], { cwd: repo });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('没有文件与 reports/*.yaml 相符');
    expect(run.stderr).toContain('offices/o01/activities 下没有报告文件');
  });
});

describe('build: what a terminal shows', () => {
  it('redraws one progress line on stderr while the batch runs, and clears it before the summary', async () => {
    const repo = officesRepo(3);
    const { runCli: runInProcess } = await import('../../src/cli/main.js');
    let stderr = '';
    let stdout = '';
    const status = await runInProcess({
      argv: ['build', 'offices', '--format', 'md', '--jobs', '1'],
      env: { LANG: 'zh_CN.UTF-8', NO_COLOR: '1', TERM: 'xterm' },
      cwd: repo,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      stdoutIsTTY: true,
      stderrIsTTY: true,
    });
    expect(status).toBe(0);
    const clear = '\r\x1b[2K';
    expect(stderr).toBe(`${clear}[1/3] 已完成 offices/o01/2023-h1.yaml${clear}${clear}[2/3] 已完成 offices/o02/2023-h1.yaml${clear}`);
    expect(stdout.split('\n').filter(Boolean)).toEqual([
      '已写入 offices/o01/2023-h1.md',
      '已写入 offices/o02/2023-h1.md',
      '已写入 offices/o03/2023-h1.md',
      expect.stringMatching(/^共 3 个报告：3 个已生成，0 个未变化，0 个失败（用时 \d+\.\d 秒）。$/),
    ]);
  });
});

describe('build: a config file that is not a file', () => {
  it.skipIf(process.platform === 'win32')('refuses a pipe named plan-report.yaml at once instead of waiting on it', () => {
    const repo = officesRepo(1);
    execFileSync('mkfifo', [path.join(repo, 'plan-report.yaml')]);
    const run = runCli(['build', '--format', 'md'], { cwd: repo });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('plan-report.yaml 不是普通文件');
    expect(listFiles(repo).filter((file) => file.endsWith('.md'))).toEqual([]);
  });
});
