import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/load/project.js';
import { activityYaml, writeLargeNotes } from '../../scripts/large-notes.mjs';
import { tempDir } from '../helpers/workspace.js';

describe('loadReport: large notes', () => {
  it('reads 100,000 activities and locates a bad date at entry 73,512 at its line and column', async () => {
    // In 10 files: the file with the mistake is read again by the yaml package to locate it.
    const report = writeLargeNotes(path.join(tempDir(), 'repo'), 100_000, 10);
    const file = path.join(path.dirname(report), 'activities', 'part-008.yaml');
    const bad = 73_511;
    const entry = activityYaml(bad);
    writeFileSync(file, readFileSync(file, 'utf8').replace(entry, entry.replace(/date: \S+/, 'date: 2023-02-30')));
    const { loaded, diagnostics } = await loadReport(report);
    // The example's own 12 and the nine other files: a file with a mistake adds no entries.
    expect(loaded?.activities).toHaveLength(90_000 + 12);
    // "activities:" is line 1, and each entry takes 4 lines; part-008 starts at entry 70,000.
    expect(diagnostics.map((d) => [d.code, d.location])).toEqual([
      ['bad-date', { file, line: 2 + 4 * (bad - 70_000), column: 11, sourceLine: '  - date: 2023-02-30' }],
    ]);
  });
});
