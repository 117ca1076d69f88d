import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types.
import { precompiledTemplatesSource } from '../../scripts/precompile-templates.mjs';
import { renderTemplate } from '../../src/compose/templates.js';
import { BUILTIN_TEMPLATES_DIR, loadTemplateSet } from '../../src/load/templates.js';
import { REPORT_KINDS } from '../../src/schema/kinds.js';
import { REPO_ROOT, tempDir } from '../helpers/workspace.js';

/**
 * The built-in templates render from their precompiled form (src/compose/builtin-templates.ts);
 * the examples' goldens hold their output byte for byte. A user's templates, and a built-in file
 * that is not the text it was precompiled from, are compiled at run time.
 */
describe('built-in templates', () => {
  it('are precompiled from templates/ as they are now (else run npm run build)', () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'src', 'compose', 'builtin-templates.ts'), 'utf8');
    expect(committed).toBe(precompiledTemplatesSource(new URL('../../templates/', import.meta.url)));
  });

  it.each(REPORT_KINDS)('render %s as the same files compiled at run time do', async (kind) => {
    const copy = path.join(tempDir(), 'templates');
    cpSync(BUILTIN_TEMPLATES_DIR, copy, { recursive: true });
    const view = { title: ['青溪街道人大工委', '2023年上半年工作总结'], sections: [{ title: '一、', paragraphs: ['正文'] }], signature: '青溪街道人大工委' };
    const builtin = renderTemplate((await loadTemplateSet()).set, kind, view);
    const compiled = renderTemplate((await loadTemplateSet([copy])).set, kind, view);
    expect(builtin.diagnostics).toEqual([]);
    expect(builtin.markup).toBe(compiled.markup);
  });

  it('are compiled at run time when a file is not the one they were precompiled from', async () => {
    const { set } = await loadTemplateSet();
    const template = set.templates.get('speech')!;
    set.templates.set('speech', { ...template, text: `${template.text}\n编辑过的模板` });
    expect(renderTemplate(set, 'speech', {}).markup).toContain('编辑过的模板');
  });
});
