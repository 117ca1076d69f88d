import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types; it reads the compiled dist/.
import { generatedReadme } from '../scripts/generate-docs.mjs';
import { diagnosticCodes } from '../src/diagnostics/messages.js';
import { REPO_ROOT } from './helpers/workspace.js';

describe('the READMEs', () => {
  it.each([
    ['README.md', 'en'],
    ['README.zh-CN.md', 'zh'],
  ])('%s has the current field reference and diagnostic codes (else run npm run docs)', (name, lang) => {
    const file = path.join(REPO_ROOT, name);
    expect(readFileSync(file, 'utf8')).toBe((generatedReadme as (f: string, l: string) => string)(file, lang));
  });

  it('lists every diagnostic code', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const code of diagnosticCodes) expect(readme).toContain(`| \`${code}\` |`);
  });

  it('gives the quick start and the test command', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npx plan-report build examples/jiedao/2023-h1.yaml');
    expect(readme).toMatch(/^npm test\b/m);
    expect(readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm test\b/m);
  });
});
