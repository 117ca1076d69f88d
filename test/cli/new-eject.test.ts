import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { listFiles, REPO_ROOT, tempDir } from '../helpers/workspace.js';

const KINDS = path.join(REPO_ROOT, 'test', 'fixtures', 'kinds');

function kindsRepo(): string {
  const dir = tempDir();
  cpSync(KINDS, dir, { recursive: true });
  mkdirSync(path.join(dir, '.git'));
  return dir;
}

describe('plan-report new', () => {
  it('starts the next report from the last: org, sources moved to the new period, metric ids, the plan as skeleton', () => {
    const dir = kindsRepo();
    writeFileSync(path.join(dir, 'metrics', '2023-h1.yaml'), 'metrics:\n  - { id: homes, name: 建成代表之家, unit: 个, actual: 3 }\n');
    const previous = readFileSync(path.join(dir, '2023-h1-and-plan.yaml'), 'utf8').replace('metrics/2023.yaml', 'metrics/2023-h1.yaml');
    writeFileSync(path.join(dir, '2023-h1-and-plan.yaml'), previous);
    const run = runCli(['new', 'half-year-summary', '--period', '2023-H2', '--from', '2023-h1-and-plan.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(path.join(dir, '2023-h2.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/report\.schema\.json\n/);
    expect(text).toContain('org: 青溪街道人大工委');
    expect(text).toContain('kind: half-year-summary');
    expect(text).toContain('period: 2023-H2');
    expect(text).toContain('metrics: metrics/2023-h2.yaml');
    expect(text).toContain('plans: plans/2023.yaml');
    expect(text).toContain('#   {{metric "homes"}}  建成代表之家');
    // The plan part's section becomes a section of the summary that reports its plans' status.
    expect(text).toMatch(/- id: next\n\s+title: 加强代表培训\n\s+plans: status/);
  });

  it('never overwrites an existing file: exit 1, said in both languages, the file unchanged', () => {
    const dir = kindsRepo();
    const before = readFileSync(path.join(dir, '2024.yaml'), 'utf8');
    const run = runCli(['new', 'work-plan', '--period', '2024', '--lang', 'en'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2024.yaml already exists; it was not overwritten [new-file-exists]');
    expect(readFileSync(path.join(dir, '2024.yaml'), 'utf8')).toBe(before);
    expect(runCli(['new', 'work-plan', '--period', '2024'], { cwd: dir }).stderr).toContain('已存在，没有覆盖');
  });

  it('without --from writes a commented skeleton of the kind', () => {
    const dir = kindsRepo();
    const run = runCli(['new', 'work-plan', '--period', '2025', '--out', 'plan-2025.yaml'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(dir, 'plan-2025.yaml'), 'utf8')).toContain('plans: items');
  });

  it('refuses a period the kind does not take, as a usage error without a trace', () => {
    const run = runCli(['new', 'annual-summary', '--period', '2023-H1'], { cwd: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--period “2023-H1” 不适用于 annual-summary，应为 2023');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe('plan-report templates eject', () => {
  it('copies the built-ins out, refuses to overwrite them, and one edited partial changes only that part', () => {
    const dir = kindsRepo();
    const eject = runCli(['templates', 'eject', 'section', '--out', 'tpl'], { cwd: dir });
    expect(eject.status).toBe(0);
    expect(listFiles(path.join(dir, 'tpl'))).toEqual(['partials/section.hbs']);
    const again = runCli(['templates', 'eject', '--out', 'tpl'], { cwd: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('[eject-file-exists]');
    expect(listFiles(path.join(dir, 'tpl'))).toEqual(['partials/section.hbs']);

    const built = (templates: string[]) => {
      const out = tempDir();
      expect(runCli(['build', '2024.yaml', '--format', 'md', '--out', out, ...templates], { cwd: dir }).status).toBe(0);
      return readFileSync(path.join(out, '2024.md'), 'utf8').replace(/\n<!--[\s\S]*$/, '');
    };
    const before = built([]);
    const section = path.join(dir, 'tpl', 'partials', 'section.hbs');
    writeFileSync(section, readFileSync(section, 'utf8').replace('{{heading}} {{title}}', '{{heading}} {{title}}（要点）'));
    expect(built(['--templates', 'tpl'])).toBe(before.replace('## 一、加强监督工作', '## 一、加强监督工作（要点）'));
  });

  it('names the templates there are when the name is unknown', () => {
    const run = runCli(['templates', 'eject', 'work-plna', '--lang', 'en'], { cwd: tempDir() });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no built-in template named "work-plna" [eject-unknown-template]');
    expect(run.stderr).toContain('work-plan');
  });
});
