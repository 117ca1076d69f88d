import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { loadTemplateSet } from '../../src/load/templates.js';
import { EXAMPLE_DIR, tempDir } from '../helpers/workspace.js';

describe('template lookup chain', () => {
  it('takes a partial from the user folder and keeps the other built-ins', async () => {
    const templates = tempDir();
    mkdirSync(path.join(templates, 'partials'));
    writeFileSync(path.join(templates, 'partials', 'section.hbs'), '## {{title}}\n\n本部分从略。\n\n');
    const set = loadTemplateSet([templates]);
    expect(set.partials.get('section')?.path).toBe(path.join(templates, 'partials', 'section.hbs'));
    expect(path.dirname(set.partials.get('signature')!.path)).not.toBe(path.join(templates, 'partials'));

    const out = tempDir();
    const result = await build(path.join(EXAMPLE_DIR, '2023-h1.yaml'), { formats: ['md'], outDir: out, templateDirs: [templates] });
    expect(result.diagnostics).toEqual([]);
    const markdown = readFileSync(path.join(out, '2023-h1.md'), 'utf8');
    expect(markdown.match(/本部分从略。/g)).toHaveLength(3);
    expect(markdown).toContain('## 二、围绕“抓三双”，全面推进代表联系选民');
    expect(markdown).toContain('某某街道人大工委\\\n2023年7月5日');
  });

  it('reports a template error as a diagnostic at the template file', async () => {
    const templates = tempDir();
    writeFileSync(path.join(templates, 'half-year-summary.hbs'), '# {{#if title}}未闭合\n');
    const result = await build(path.join(EXAMPLE_DIR, '2023-h1.yaml'), { formats: ['md'], outDir: tempDir(), templateDirs: [templates] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([{ code: 'template-error', location: { file: path.join(templates, 'half-year-summary.hbs') } }]);
  });
});
