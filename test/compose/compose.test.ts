import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compose } from '../../src/compose/index.js';
import { toDocument } from '../../src/document/index.js';
import { loadReport } from '../../src/load/project.js';
import { loadTemplateSet } from '../../src/load/templates.js';
import { buildModel } from '../../src/model/report-model.js';
import { EXAMPLE_DIR } from '../helpers/workspace.js';

/** The example report with its report file's values changed as `edit` says. */
async function composeExample(edit: (report: Record<string, any>) => void) {
  const { loaded } = await loadReport(path.join(EXAMPLE_DIR, '2023-h1.yaml'));
  edit(loaded!.report as Record<string, any>);
  const { model } = buildModel(loaded!);
  const templates = await loadTemplateSet();
  return { model, composed: compose(model, templates.set) };
}

describe('compose: every printed string is prose', () => {
  it('renders {{ }} in the title, a section title and a lead', async () => {
    const { model, composed } = await composeExample((report) => {
      report.report.title = '{{year}}年#工作总结';
      report.sections[0].title = '{{year}}年要点';
      report.sections[0].points[0].lead = '+{{count tag="会议"}}次会议';
    });
    expect(composed.diagnostics).toEqual([]);
    const doc = toDocument({ markup: composed.markup!, origins: composed.origins, org: model.org, date: model.date });
    expect(doc.meta.title).toBe('2023年#工作总结');
    const heading = doc.blocks.findIndex((block) => block.type === 'heading');
    expect(doc.blocks[heading]).toMatchObject({ marker: '一、', text: '2023年要点' });
    const paragraph = doc.blocks[heading + 1]!;
    expect(paragraph.type === 'paragraph' && paragraph.content[0]).toMatchObject({ marker: '一是', lead: '+3次会议。', text: expect.stringMatching(/^于3月11日/) });
  });

  it('checks them as prose: a misspelt helper in a title is an error there', async () => {
    const { composed } = await composeExample((report) => {
      report.report.title = '{{yeer}}年工作总结';
      report.sections[1].title = '{{metric "nope"}}';
    });
    expect(composed.markup).toBeUndefined();
    expect(composed.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
      ['unknown-helper-suggest', 8],
      ['unknown-metric', 51],
    ]);
  });

  it('refuses prose that prints nothing (only a comment) where a heading or point must be', async () => {
    const { composed } = await composeExample((report) => {
      report.sections[0].title = '{{!-- 待定 --}}';
    });
    expect(composed.diagnostics.map((d) => d.code)).toEqual(['empty-value']);
  });
});
