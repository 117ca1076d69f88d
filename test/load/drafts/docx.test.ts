import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocxDraft, snippetAround } from '../../../src/load/drafts/docx.js';
import { readDraft } from '../../../src/load/drafts/index.js';
import { tempDir } from '../../helpers/workspace.js';
import { oleFile, tightlyPackedZip } from '../../write/docx/reference-fixtures.js';

/** A draft as Word saves one: a Title, a Heading 1, body text with a tab and a line break, an
 * empty paragraph and a table. */
async function wordDraft(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '青溪街道2023年上半年工作总结', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '加强组织领导', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('发放宣传资料'), new TextRun({ text: '多份', bold: true }), new TextRun('，受理咨询××人次。')] }),
          new Paragraph({ text: '' }),
          new Paragraph({ children: [new TextRun('一、第二部分'), new TextRun({ text: '标题', break: 1 })] }),
          new Paragraph({ children: [new TextRun('Plan'), new TextRun({ text: 'Report', break: 1 }), new TextRun({ children: ['\t', 'A&B <x>'] })] }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('表格中的__占位')] })] })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('docx drafts', () => {
  it('reads the paragraphs in order, the roles from the styles, empty paragraphs not counted', async () => {
    const { paragraphs, diagnostics } = readDocxDraft('/d/draft.docx', await wordDraft());
    expect(diagnostics).toEqual([]);
    expect(paragraphs!.map((p) => [p.role, p.text])).toEqual([
      ['title', '青溪街道2023年上半年工作总结'],
      ['heading', '加强组织领导'],
      ['body', '发放宣传资料多份，受理咨询××人次。'],
      ['heading', '一、第二部分标题'],
      ['body', 'Plan Report A&B <x>'],
      ['body', '表格中的__占位'],
    ]);
  });

  it('locates by paragraph number and a snippet around the spot', async () => {
    const { paragraphs } = readDocxDraft('/d/draft.docx', await wordDraft());
    const body = paragraphs![2]!;
    expect(body.locate(body.text.indexOf('××'))).toEqual({ file: '/d/draft.docx', line: 3, column: 14, sourceLine: '…放宣传资料多份，受理咨询××人次。', unit: 'paragraph' });
    expect(paragraphs![5]!.locate(4)).toMatchObject({ line: 6, column: 5, unit: 'paragraph' });
    expect(snippetAround('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十', 15)).toBe('…四五六七八九十一二三四五六七八九十一二三四五六七…');
  });

  it.each([
    ['a Word 97-2003 .doc', () => oleFile('WordDocument'), 'draft-legacy-doc'],
    ['a password-protected .docx', () => oleFile('EncryptedPackage'), 'draft-encrypted'],
    ['a zip cut short', () => strToU8('PK\u0003\u0004 not really a zip'), 'draft-damaged'],
    ['a PDF renamed .docx', () => strToU8('%PDF-1.7\n'), 'draft-not-docx'],
    ['a zip without word/document.xml', () => zipSync({ 'content.xml': strToU8('<a/>') }), 'draft-not-docx'],
    ['a document.xml that is not XML', () => zipSync({ 'word/document.xml': strToU8('<w:document><w:body>') }), 'draft-damaged'],
    ['a zip bomb', () => tightlyPackedZip(2 * 1024 * 1024), 'draft-zip-bomb'],
  ])('refuses %s with a clear error at the file', (_form, bytes, code) => {
    const { paragraphs, diagnostics } = readDocxDraft('/d/draft.docx', bytes());
    expect(paragraphs).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code, severity: 'error', params: expect.objectContaining({ path: '/d/draft.docx' }), location: { file: '/d/draft.docx', line: 1, column: 1 } })]);
  });

  it('reads a file named .doc as Word, to refuse it as a .doc', async () => {
    const file = path.join(tempDir(), '草稿.doc');
    writeFileSync(file, oleFile('WordDocument'));
    expect((await readDraft(file)).diagnostics.map((d) => d.code)).toEqual(['draft-legacy-doc']);
  });
});
