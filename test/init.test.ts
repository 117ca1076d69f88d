import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initRepo } from '../src/init.js';
import { hasStackTrace, runCli } from './helpers/cli.js';
import { listFiles, REPO_ROOT, tempDir } from './helpers/workspace.js';

const VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** What init writes for 2026-H2, in the order it says so. */
const WRITTEN_2026_H2 = [
  'plan-report.yaml',
  'README.md',
  '.gitignore',
  'activities/2026.yaml',
  'metrics/2026-h2.yaml',
  'plans/2026.yaml',
  '2026-h2.yaml',
  '.github/workflows/plan-report.yml',
  '.gitlab-ci.yml',
];

const wroteLines = (prefix: string, files: readonly string[]) => files.map((file) => `已写入 ${prefix}${file}\n`).join('');

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Every file of a folder and its bytes, to show that nothing was touched. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file))]));
}

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };

describe('plan-report init', () => {
  it('makes a notes repo in a new folder that passes check --strict and builds into dist/ with figures from the example notes', () => {
    const cwd = tempDir();
    const run = runCli(['init', '笔记', '--org', '青溪街道人大工委', '--period', '2026-H2'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(wroteLines('笔记/', WRITTEN_2026_H2));
    const dir = path.join(cwd, '笔记');
    expect(listFiles(dir)).toEqual([...WRITTEN_2026_H2].sort());
    for (const file of WRITTEN_2026_H2) expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/__[A-Z][A-Z0-9_]*__/);
    const config = readFileSync(path.join(dir, 'plan-report.yaml'), 'utf8');
    for (const line of ['org: 青溪街道人大工委', 'out: dist', 'formats: [docx, md]']) expect(config.split('\n')).toContain(line);
    const report = readFileSync(path.join(dir, '2026-h2.yaml'), 'utf8');
    expect(report).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+.*schema\/report\.schema\.json\n/);
    expect(report).not.toMatch(/^\s*org:/m);

    const check = runCli(['check', '--strict', '笔记'], { cwd });
    expect(check.stdout).toBe('没有发现问题（检查了 5 个文件）。\n');
    expect(check.status).toBe(0);

    const build = runCli(['build', '笔记/2026-h2.yaml'], { cwd });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(build.stdout).toBe('已写入 笔记/dist/2026-h2.docx\n已写入 笔记/dist/2026-h2.md\n');
    expect(readFileSync(path.join(dir, 'dist', '2026-h2.docx')).subarray(0, 2).toString()).toBe('PK');
    const md = readFileSync(path.join(dir, 'dist', '2026-h2.md'), 'utf8');
    expect(md).toMatch(/^# 青溪街道人大工委2026年下半年工作总结\n/);
    expect(md).toContain('## 一、健全工作机制，加强学习培训');
    expect(md).toContain('一是健全工作机制。于7月8日召开工作会议，研究部署半年重点工作，明确任务分工和完成时限；于11月16日召开工作推进会，督查重点任务落实情况。半年来共召开工作会议2次。');
    expect(md).toContain('二是抓好学习培训。组织集中学习和专题培训2次，参加75人次，');
    expect(md).toContain('坚持问题导向，开展走访调研2次，走访群众326户，完成目标300户的108.67%。一是收集意见建议58条，已办结54条，');
    expect(md).toContain('发放宣传资料1200份，群众满意率达到96.5%。');
    expect(md).toMatch(/\n青溪街道人大工委\\\n\d{4}年\d{1,2}月\d{1,2}日\n/);
  });

  it('without options: the current half year, dated today, and a stand-in org that check --strict accepts and the user is told to set', () => {
    const dir = tempDir();
    const today = localToday();
    const period = `${today.slice(0, 4)}-h${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
    const run = runCli(['init'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`已写入 ${period}.yaml\n`);
    expect(run.stdout).toMatch(/\n请在 plan-report\.yaml 中把 org: 改为本单位名称。\n$/);
    expect(readFileSync(path.join(dir, 'plan-report.yaml'), 'utf8')).toMatch(/^org: （单位名称）$/m);
    expect(readFileSync(path.join(dir, `${period}.yaml`), 'utf8')).toContain(`  period: ${period.toUpperCase()}\n  date: ${today}\n`);
    expect(runCli(['check', '--strict', '.'], { cwd: dir }).status).toBe(0);
  });

  it('takes the period from the date it is given and dates the example notes inside that half', async () => {
    const dir = path.join(tempDir(), 'notes');
    const result = await initRepo({ dir, date: '2025-03-14', version: '9.9.9' });
    expect(result.diagnostics).toEqual([]);
    expect(result.written.map((file) => path.relative(dir, file).split(path.sep).join('/'))).toContain('2025-h1.yaml');
    expect(readFileSync(path.join(dir, '2025-h1.yaml'), 'utf8')).toContain('  period: 2025-H1\n  date: 2025-03-14\n');
    const dates = [...readFileSync(path.join(dir, 'activities', '2025.yaml'), 'utf8').matchAll(/^ {4}date: (\S+)$/gm)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date >= '2025-01-01' && date <= '2025-06-30', date).toBe(true);
    expect(readFileSync(path.join(dir, 'plans', '2025.yaml'), 'utf8')).toContain('due: 2025-06-30');
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toContain('plan-report@9.9.9');
  });

  it('writes a GitHub workflow and a GitLab CI file that install this version, check and build into dist/', () => {
    const dir = tempDir();
    expect(runCli(['init', '--period', '2026-H2', '--org', '青溪社区'], { cwd: dir }).status).toBe(0);
    const workflowText = readFileSync(path.join(dir, '.github', 'workflows', 'plan-report.yml'), 'utf8');
    const workflow = parse(workflowText) as { on: Record<string, unknown>; jobs: Record<string, { 'runs-on': string; steps: Step[] }> };
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    const jobs = Object.values(workflow.jobs);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!['runs-on']).toBe('ubuntu-latest');
    const steps = jobs[0]!.steps;
    const uses = (action: string) => steps.find((step) => step.uses?.startsWith(`${action}@`));
    expect(uses('actions/checkout')).toBeDefined();
    expect(uses('actions/setup-node')?.with?.['node-version']).toBe(20);
    const runs = steps.map((step) => step.run).filter((line): line is string => line !== undefined);
    expect(runs).toContain(`npm install --global plan-report@${VERSION}`);
    expect(runs).toContain('plan-report check --format github');
    expect(runs).toContain('plan-report build --quiet');
    expect(uses('actions/upload-artifact')?.with).toMatchObject({ name: 'reports', path: 'dist/', 'if-no-files-found': 'error' });
    // The sharding example, commented out.
    expect(workflowText).toContain('    #     shard: [1, 2, 3, 4]\n');
    expect(workflowText).toContain('# run: plan-report build --quiet --shard ${{ matrix.shard }}/4\n');
    expect(workflowText).toContain('# name: reports-${{ matrix.shard }}\n');

    const gitlab = parse(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')) as Record<string, { image: string; script: string[]; artifacts: { paths: string[] } }>;
    const job = Object.values(gitlab)[0]!;
    expect(job.image).toBe('node:20');
    expect(job.script).toEqual([`npm install --global plan-report@${VERSION}`, 'plan-report check', 'plan-report build --quiet']);
    expect(job.artifacts.paths).toEqual(['dist/']);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['dist/', '~$*.docx', '.~lock.*#', '.DS_Store', 'Thumbs.db']);
  });

  it('run twice, writes nothing the second time: every file kept byte for byte, each named, exit 1', () => {
    const dir = tempDir();
    expect(runCli(['init', '--period', '2026-H2'], { cwd: dir }).status).toBe(0);
    writeFileSync(path.join(dir, 'activities', '2026.yaml'), 'activities: []\n');
    const before = snapshot(dir);
    const again = runCli(['init', '--period', '2026-H2'], { cwd: dir });
    expect(again.status).toBe(1);
    expect(again.stdout).toBe('');
    for (const file of WRITTEN_2026_H2) expect(again.stderr).toContain(`警告 ${file} 已存在，保留原样，没有写入示例 [init-file-kept]`);
    expect(again.stderr.match(/\[init-file-kept\]/g)).toHaveLength(WRITTEN_2026_H2.length);
    expect(again.stderr).toMatch(/没有写入任何文件。\n$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps a README.md that is there, writes the rest and warns once, in either language', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'README.md'), '# 我们自己的说明\n');
    const run = runCli(['init', '--period', '2026-H2', '--lang', 'en'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# 我们自己的说明\n');
    expect(run.stdout).toBe(
      `${WRITTEN_2026_H2.filter((file) => file !== 'README.md').map((file) => `wrote ${file}\n`).join('')}Set org: in plan-report.yaml to your organisation's name.\n`,
    );
    expect(run.stderr.match(/\[init-file-kept\]/g)).toHaveLength(1);
    expect(run.stderr).toContain('warning README.md already exists; it was kept as it was [init-file-kept]');
    expect(listFiles(dir)).toEqual([...WRITTEN_2026_H2].sort());
  });

  it('says so when the folder is a file: nothing written, exit 1', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'notes'), 'not a folder\n');
    const run = runCli(['init', 'notes'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('无法写入 notes：ENOTDIR [init-write-failed]');
    expect(run.stderr).toMatch(/没有写入任何文件。\n$/);
    expect(listFiles(cwd)).toEqual(['notes']);
  });

  it('refuses a period that is not a half year, and an empty org, as usage errors that write nothing', () => {
    const dir = tempDir();
    const year = runCli(['init', '--period', '2024'], { cwd: dir });
    expect(year.status).toBe(2);
    expect(year.stderr).toContain('--period “2024” 不适用于 half-year-summary，应为 2024-H1 / 2024-H2');
    expect(hasStackTrace(year.stderr)).toBe(false);
    const org = runCli(['init', '--org', ' '], { cwd: dir });
    expect(org.status).toBe(2);
    expect(org.stderr).toContain('--org 应为一行单位名称，不能为空或换行');
    expect(listFiles(dir)).toEqual([]);
  });
});
