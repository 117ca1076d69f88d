import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandTargets } from '../../src/batch/targets.js';
import { memoizedReader } from '../../src/load/source-file.js';
import { folderWith } from '../helpers/workspace.js';

const REPORT = 'report:\n  kind: half-year-summary\n  period: 2023-H1\n  date: 2023-07-05\nsections: []\n';


const relative = (root: string, targets: { report: string; base?: string }[]) =>
  targets.map((t) => ({ report: path.relative(root, t.report), ...(t.base !== undefined ? { base: path.relative(root, t.base) } : {}) }));

describe('expandTargets', () => {
  const root = folderWith({
    'plan-report.yaml': 'org: 青溪区\n',
    'a/2023-h1.yaml': REPORT,
    'a/activities/2023.yaml': 'activities: []\n',
    'b/2023-h2.yaml': REPORT,
    'b/broken.yaml': 'report: [\n',
    'b/docker-compose.yaml': 'services: {}\n',
    'b/.gitlab-ci.yml': 'build: {}\n',
  });

  it('takes the reports below a folder, and files that may be reports but cannot be read, passing notes and the config over', async () => {
    const { targets, diagnostics } = await expandTargets(['.'], root, memoizedReader());
    expect(relative(root, targets)).toEqual([
      { report: 'a/2023-h1.yaml', base: '' },
      { report: 'b/2023-h2.yaml', base: '' },
      { report: 'b/broken.yaml', base: '' },
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, path.relative(root, d.location!.file)])).toEqual([['unknown-file-kind', 'warning', 'b/docker-compose.yaml']]);
  });

  it('expands a glob itself, in path order, and names each report once however often it is named', async () => {
    const { targets } = await expandTargets(['*/2023-h*.yaml', 'a/2023-h1.yaml', 'a'], root, memoizedReader());
    expect(relative(root, targets)).toEqual([{ report: 'a/2023-h1.yaml' }, { report: 'b/2023-h2.yaml' }]);
  });

  it('keeps a file named on the command line as it is: its build says what is wrong with it', async () => {
    const { targets, diagnostics } = await expandTargets(['a/activities/2023.yaml', 'missing.yaml'], root, memoizedReader());
    expect(relative(root, targets)).toEqual([{ report: 'a/activities/2023.yaml' }, { report: 'missing.yaml' }]);
    expect(diagnostics).toEqual([]);
  });
});
