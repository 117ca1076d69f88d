import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from './helpers/workspace.js';

interface Figure {
  label: string;
  value: number | null;
  unit: string;
  maxRssMb?: number;
  status?: string;
}

const bench = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'bench.mjs'), ...args], { encoding: 'utf8', timeout: 900_000 });

const pandocInstalled = !spawnSync('pandoc', ['--version']).error;

// A smoke run: every figure the speed issue names is there and is a number. No timing is asserted:
// speed is read from the figures, on a quiet machine, as ratios.
describe('npm run bench -- --quick', () => {
  const json = path.join(tempDir(), 'bench.json');
  let run: ReturnType<typeof bench>;
  let figures: Record<string, Figure>;

  it('prints one Markdown table and writes the figures with the machine as JSON', () => {
    run = bench('--quick', '--json', json);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('| Figure | Median | Min–max | Note |');
    const written = JSON.parse(readFileSync(json, 'utf8'));
    expect(Object.keys(written.machine).sort()).toEqual(['cores', 'cpu', 'node', 'os', 'ramGiB']);
    expect(written.machine.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(written.date))).toBe(false);
    figures = written.figures;
  }, 900_000);

  it('times the cold commands against node -e 0, and pandoc on the same Markdown', () => {
    for (const id of ['cold:baseline', 'cold:version', 'cold:check', 'cold:md', 'cold:docx']) {
      expect(figures[id]?.value, id).toBeTypeOf('number');
      expect(figures[id]?.status, id).toBeUndefined();
    }
    if (pandocInstalled) {
      expect(figures['cold:pandoc']?.value).toBeTypeOf('number');
      expect(figures['cold:pandoc']?.status).toBeUndefined();
      expect(figures['cold:docx/pandoc']?.value).toBeTypeOf('number');
    } else {
      expect(figures['cold:docx/pandoc']?.status).toBe('pandoc not installed');
    }
  });

  it('times batches of 1 and many reports, to md and to docx, on 1 and 2 threads, and the cost of one more', () => {
    for (const format of ['md', 'docx']) {
      for (const jobs of [1, 2]) {
        for (const reports of [1, 10]) expect(figures[`batch:${format}:jobs=${jobs}:reports=${reports}`]?.value).toBeTypeOf('number');
        expect(figures[`batch:${format}:jobs=${jobs}:marginal`]).toMatchObject({ unit: 'ms', value: expect.any(Number) });
      }
    }
  });

  it('builds 1,000 generated activities in one file and in 10 files, with time and peak memory', () => {
    for (const layout of ['one-file', '10-files']) {
      expect(figures[`large:1k:${layout}`]).toMatchObject({ unit: 'ms', value: expect.any(Number), maxRssMb: expect.any(Number), status: 'ok' });
    }
  });

  it('prints a line per figure when compared with an earlier run', () => {
    const compared = bench('--from', json, '--compare', json);
    expect(compared.status, compared.stderr).toBe(0);
    const changes = compared.stdout.slice(compared.stdout.indexOf(`change against ${json}`));
    const rows = changes.split('\n').filter((line) => /^\| [^-]/.test(line) && !line.startsWith('| Figure |'));
    expect(rows).toHaveLength(Object.keys(figures).length);
    for (const figure of Object.values(figures)) expect(changes).toContain(`| ${figure.label} |`);
  });
});
