import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/load/config.js';
import { folderWith } from '../helpers/workspace.js';

describe('findConfig', () => {
  it('finds the nearest plan-report.yaml above a folder', async () => {
    const root = folderWith({ 'plan-report.yaml': 'org: 青溪区\n', 'a/plan-report.yaml': 'org: 青溪街道\n', 'a/b/c/x.yaml': '' });
    expect((await findConfig(path.join(root, 'a', 'b', 'c'))).config?.value.org).toBe('青溪街道');
    expect((await findConfig(path.join(root, 'z'))).config?.value.org).toBe('青溪区');
  });

  it('stops at the git repo root: a config outside the repo does not apply', async () => {
    const root = folderWith({ 'plan-report.yaml': 'org: 青溪区\n', 'repo/.git/HEAD': '', 'repo/notes/x.yaml': '' });
    const found = await findConfig(path.join(root, 'repo', 'notes'));
    expect(found).toEqual({ diagnostics: [] });
  });

  it('takes an empty or comments-only file as a config that sets nothing', async () => {
    const root = folderWith({ 'plan-report.yaml': '# 以后再填\n' });
    const found = await findConfig(root);
    expect(found.diagnostics).toEqual([]);
    expect(found.config?.value).toEqual({});
  });

  it('locates mistakes: an unknown key with did-you-mean, a figure check turned off, an unknown format', async () => {
    const root = folderWith({ 'plan-report.yaml': 'org: 青溪区\nfromats: [md]\nformats: [odt]\nrules:\n  missing-number: off\n  empty-section: off\n' });
    const found = await findConfig(root);
    expect(found.config).toBeUndefined();
    const at = (d: { location?: { line: number; column: number } }) => `${d.location?.line}:${d.location?.column}`;
    expect(found.diagnostics.map((d) => [d.code, at(d), d.params.suggestion ?? d.params.value ?? ''])).toEqual([
      ['unknown-key-suggest', '2:1', 'formats'],
      ['bad-enum', '3:11', 'odt'],
      ['bad-enum', '5:19', 'off'],
    ]);
  });

  it('warns about plan-report.yml, which is not read', async () => {
    const root = folderWith({ 'plan-report.yml': 'org: 青溪区\n' });
    const found = await findConfig(root);
    expect(found.config).toBeUndefined();
    expect(found.diagnostics.map((d) => [d.code, d.severity])).toEqual([['config-misnamed', 'warning']]);
  });
});
