import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fix } from '../../src/fix/index.js';
import { readDraft } from '../../src/load/drafts/index.js';
import { tempDir } from '../helpers/workspace.js';

/** A Word draft: a numbered paragraph written 1、, a Traditional character and a date in one run; a
 * range of percentages in one run, and a date split across a plain and a bold run. */
async function wordDraft(): Promise<string> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '青溪街道2023年上半年工作总结' }),
          new Paragraph({ text: '1、代表們于2023年03月05日参加培训 & 座谈。' }),
          new Paragraph({ children: [new TextRun('覆盖率提高10~20%，于2023年0'), new TextRun({ text: '3月5日', bold: true }), new TextRun('完成。')] }),
        ],
      },
    ],
  });
  const file = path.join(tempDir(), '总结.docx');
  writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

describe('check --fix on a Word draft', () => {
  it('never rewrites the .docx: its fixes are proposals by paragraph', async () => {
    const file = await wordDraft();
    const bytes = readFileSync(file);
    const result = await fix([file]);
    expect(result.proposed.map((c) => `${c.line} ${c.before}→${c.after} ${c.code}`)).toEqual([
      '2 1、→1. ordinal-form',
      '2 們→们 traditional-characters',
      '2 2023年03月05日→2023年3月5日 date-leading-zero',
      '3 10~20%→10%~20% range-percent',
      '3 ~→～ punctuation-form',
      '3 2023年03月5日→2023年3月5日 date-leading-zero',
    ]);
    expect(result.written).toEqual([]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(file.replace(/\.docx$/, '.fixed.docx'))).toBe(false);
  });

  it('with a copy asked, writes NAME.fixed.docx with the fixes that fall inside one run, and names the others', async () => {
    const file = await wordDraft();
    const bytes = readFileSync(file);
    const result = await fix([file], { docxCopy: true });
    const copy = file.replace(/\.docx$/, '.fixed.docx');
    expect(result.written).toEqual([{ source: file, path: copy, fixes: 5 }]);
    expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.params.text])).toEqual([['fix-not-placed', 3, '2023年03月5日']]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const { draft } = await readDraft(copy);
    expect(draft!.paragraphs.map((p) => p.text)).toEqual(['青溪街道2023年上半年工作总结', '1.代表们于2023年3月5日参加培训 & 座谈。', '覆盖率提高10%～20%，于2023年03月5日完成。']);
    // Every other part of the package is copied as it was.
    const parts = (b: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(b)).map(([name, data]) => [name, strFromU8(data)]));
    const [before, after] = [parts(bytes), parts(readFileSync(copy))];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before).filter((n) => n !== 'word/document.xml')) expect(after[name]).toBe(before[name]);
    expect(after['word/document.xml']).toContain('参加培训 &amp; 座谈');
  });

  it('refuses to write the copy over an existing NAME.fixed.docx', async () => {
    const file = await wordDraft();
    const copy = file.replace(/\.docx$/, '.fixed.docx');
    writeFileSync(copy, 'mine');
    const result = await fix([file], { docxCopy: true });
    expect(result.diagnostics.map((d) => d.code)).toContain('fix-copy-exists');
    expect(readFileSync(copy, 'utf8')).toBe('mine');
  });
});
