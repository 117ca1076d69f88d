import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, editFile, EXAMPLE_DIR } from '../helpers/workspace.js';

describe('plan-report check', () => {
  it('passes the example, file by file and as a folder', () => {
    const folder = runCli(['check', EXAMPLE_DIR]);
    expect(folder.stdout).toBe('没有发现问题（检查了 4 个文件）。\n');
    expect(folder.status).toBe(0);
    expect(runCli(['check'], { cwd: EXAMPLE_DIR }).stdout).toBe('没有发现问题（检查了 4 个文件）。\n');
    const json = runCli(['check', path.join(EXAMPLE_DIR, '2023-h1.yaml'), '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ errors: 0, warnings: 0, diagnostics: [] });
  });

  it('finds problems in several files in one run, sorted by file and line', () => {
    const dir = copyExample();
    editFile(path.join(dir, 'metrics', '2023-h1.yaml'), 'unit: 台, actual: 5', 'unit: 台, actaul: 5');
    editFile(path.join(dir, 'activities', '2023.yaml'), 'date: 2023-03-28', 'date: 2023-02-29');
    editFile(path.join(dir, 'plans', '2023.yaml'), 'due: 2023-03-31', 'due: 2023/3/31');
    const run = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { errors: number; diagnostics: { code: string; file: string; line: number }[] };
    expect(report.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['bad-date', path.join('activities', '2023.yaml')],
      ['unknown-key-suggest', path.join('metrics', '2023-h1.yaml')],
      ['bad-date-suggest', path.join('plans', '2023.yaml')],
    ]);
  });

  it('fails on warnings only with --strict', () => {
    const dir = copyExample();
    editFile(path.join(dir, 'metrics', '2023-h1.yaml'), 'actual: 400', 'actual: ４００');
    expect(runCli(['check', '.'], { cwd: dir }).status).toBe(0);
    const strict = runCli(['check', '.', '--strict', '--format', 'github'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/^::warning file=metrics\/2023-h1\.yaml,line=\d+,col=\d+,title=number-as-text::/m);
  });
});

describe('plan-report schema', () => {
  it.each([
    ['report', '2023-h1.yaml'],
    ['activities', 'activities/2023.yaml'],
    ['metrics', 'metrics/2023-h1.yaml'],
    ['plans', 'plans/2023.yaml'],
  ])('prints a JSON Schema of %s files that validates the example', (kind, file) => {
    const run = runCli(['schema', kind]);
    expect(run.status).toBe(0);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(run.stdout) as object);
    const data = parse(readFileSync(path.join(EXAMPLE_DIR, file), 'utf8')) as unknown;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(data as object), unexpected: 1 })).toBe(false);
  });
});

describe('plan-report check: notes that try to command the terminal', () => {
  it.each(['text', 'github', 'json'])('--format %s prints no raw control character from the notes', (format) => {
    const dir = copyExample();
    // ESC sequences through a YAML escape, a raw bidi override (valid YAML) in the quoted line.
    editFile(path.join(dir, '2023-h1.yaml'), 'kind: half-year-summary', 'kind: "half\\e]0;pwned\\a\\e[2J" # \u202e');
    const run = runCli(['check', '2023-h1.yaml', '--format', format], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    // The quoted line shows the override as its escape.
    if (format === 'text') expect(run.stdout).toContain(' 9 |   kind: "half\\e]0;pwned\\a\\e[2J" # \\u202e');
  });
});
