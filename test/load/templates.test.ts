import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { loadTemplateSet } from '../../src/load/templates.js';
import { EXAMPLE_DIR, listFiles, tempDir } from '../helpers/workspace.js';

describe('template lookup chain', () => {
  it('takes a partial from the user folder and keeps the other built-ins', async () => {
    const templates = tempDir();
    mkdirSync(path.join(templates, 'partials'));
    writeFileSync(path.join(templates, 'partials', 'section.hbs'), '## {{title}}\n\n本部分从略。\n\n');
    const { set, diagnostics } = await loadTemplateSet([templates]);
    expect(diagnostics).toEqual([]);
    expect(set.partials.get('section')?.path).toBe(path.join(templates, 'partials', 'section.hbs'));
    expect(path.dirname(set.partials.get('signature')!.path)).not.toBe(path.join(templates, 'partials'));

    const out = tempDir();
    const result = await build(path.join(EXAMPLE_DIR, '2023-h1.yaml'), { formats: ['md'], outDir: out, templateDirs: [templates] });
    expect(result.diagnostics).toEqual([]);
    const markdown = readFileSync(path.join(out, '2023-h1.md'), 'utf8');
    expect(markdown.match(/本部分从略。/g)).toHaveLength(3);
    expect(markdown).toContain('## 二、围绕“抓三双”，全面推进代表联系选民');
    expect(markdown).toContain('青溪街道人大工委\\\n2023年7月5日');
  });

  it('reports a template error as a diagnostic at the template file', async () => {
    const templates = tempDir();
    writeFileSync(path.join(templates, 'half-year-summary.hbs'), '# {{#if title}}未闭合\n');
    const result = await build(path.join(EXAMPLE_DIR, '2023-h1.yaml'), { formats: ['md'], outDir: tempDir(), templateDirs: [templates] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([{ code: 'template-error', location: { file: path.join(templates, 'half-year-summary.hbs') } }]);
  });

  it('reports a templates folder that does not exist or is a file, and builds nothing', async () => {
    const missing = path.join(tempDir(), 'no-such-folder');
    const file = path.join(tempDir(), 'templates.hbs');
    writeFileSync(file, '# {{title}}\n');
    const loaded = await loadTemplateSet([missing, file]);
    expect(loaded.diagnostics).toEqual([
      { code: 'templates-dir-not-found', severity: 'error', params: { path: missing } },
      { code: 'templates-not-a-folder', severity: 'error', params: { path: file } },
    ]);
    // The built-ins still answer: the chain goes on past a folder that failed.
    expect(loaded.set.templates.has('half-year-summary')).toBe(true);

    const out = tempDir();
    const result = await build(path.join(EXAMPLE_DIR, '2023-h1.yaml'), { formats: ['md'], outDir: out, templateDirs: [missing] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['templates-dir-not-found']);
    expect(listFiles(out)).toEqual([]);
  });

  it('reports what in a templates folder cannot be read, without blocking or throwing', async () => {
    const templates = tempDir();
    writeFileSync(path.join(templates, 'partials'), 'a file where the partials folder belongs');
    mkdirSync(path.join(templates, 'folder.hbs'));
    symlinkSync('loop-b.hbs', path.join(templates, 'loop-a.hbs'));
    symlinkSync('loop-a.hbs', path.join(templates, 'loop-b.hbs'));
    expect(spawnSync('mkfifo', [path.join(templates, 'pipe.hbs')]).status).toBe(0);
    const { diagnostics } = await loadTemplateSet([templates]);
    expect(diagnostics.map((d) => [d.code, d.params.path])).toEqual([
      ['template-not-a-file', path.join(templates, 'folder.hbs')],
      ['symlink-loop', path.join(templates, 'loop-a.hbs')],
      ['symlink-loop', path.join(templates, 'loop-b.hbs')],
      ['not-a-regular-file', path.join(templates, 'pipe.hbs')],
      ['templates-not-a-folder', path.join(templates, 'partials')],
    ]);
  });
});
