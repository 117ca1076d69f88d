import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadReferenceDoc, MAX_REFERENCE_PARTS, parseXml, readReferenceDoc, XmlError } from '../../src/load/reference-doc.js';
import { hasStackTrace, runCli } from '../helpers/cli.js';
import { readDocx } from '../helpers/docx.js';
import { copyExample, listFiles, tempDir } from '../helpers/workspace.js';
import { FOOTER_TEXT, oleFile, referenceDocx, REFERENCE_STYLES, tightlyPackedZip, withDeclaredSize } from '../write/docx/reference-fixtures.js';
import { markdownParagraphs } from '../helpers/markdown.js';

const AT = { file: '/组织/模板.docx', line: 1, column: 1 };

function codeOf(bytes: Uint8Array): string | undefined {
  const loaded = readReferenceDoc(AT.file, bytes, AT);
  expect(loaded.diagnostics.every((d) => d.location === AT && d.params.path === AT.file)).toBe(true);
  return loaded.diagnostics.map((d) => d.code).join(',') || undefined;
}

/** Every bad form a secretary may name, with the code and the Chinese message she sees. */
const BAD_FORMS: ReadonlyArray<{ form: string; file: string; bytes?: () => Uint8Array; code: string; message: (shown: string) => string }> = [
  {
    form: 'not a zip (a PDF)',
    file: '模板.pdf',
    bytes: () => strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
    code: 'reference-doc-not-docx',
    message: (f) => `参考文档 ${f} 不是 Word 文档（.docx）`,
  },
  {
    form: 'a Word 97-2003 .doc',
    file: '模板.doc',
    bytes: () => oleFile('WordDocument'),
    code: 'reference-doc-legacy-doc',
    message: (f) => `参考文档 ${f} 是 Word 97-2003 格式（.doc），不是 .docx`,
  },
  {
    form: 'a password-protected .docx (an OLE file with EncryptedPackage)',
    file: '加密模板.docx',
    bytes: () => oleFile('EncryptedPackage'),
    code: 'reference-doc-encrypted',
    message: (f) => `参考文档 ${f} 设有密码保护，无法读取`,
  },
  {
    form: 'a zip without word/styles.xml',
    file: '无样式.docx',
    bytes: () => referenceDocx({ styles: null }),
    code: 'reference-doc-no-styles',
    message: (f) => `参考文档 ${f} 中没有样式（word/styles.xml），不是 Word 文档`,
  },
  {
    form: 'a zip bomb whose entry declares a huge size',
    file: '炸弹1.docx',
    bytes: () => withDeclaredSize(zipSync({ 'word/styles.xml': strToU8(REFERENCE_STYLES) }), 0xfffffff0),
    code: 'reference-doc-zip-bomb',
    message: (f) => `参考文档 ${f} 解压后会超出上限（${MAX_REFERENCE_PARTS} 个部件、共 256 MB）或压缩比异常，疑似“压缩炸弹”，没有解压`,
  },
  {
    form: 'a zip bomb whose entry expands beyond the size it declares',
    file: '炸弹2.docx',
    bytes: () => withDeclaredSize(tightlyPackedZip(20 * 1024 * 1024), 4096),
    code: 'reference-doc-zip-bomb',
    message: (f) => `参考文档 ${f} 解压后会超出上限（${MAX_REFERENCE_PARTS} 个部件、共 256 MB）或压缩比异常，疑似“压缩炸弹”，没有解压`,
  },
  {
    form: 'a missing file',
    file: '没有这个文件.docx',
    code: 'reference-doc-not-found',
    message: (f) => `找不到参考文档 ${f}`,
  },
  {
    form: 'a folder',
    file: '模板文件夹',
    code: 'reference-doc-folder',
    message: (f) => `参考文档 ${f} 是文件夹，不是文件`,
  },
];

describe('readReferenceDoc: what is taken from a good reference', () => {
  it('reads the styles by name, the last section, the footer and the logo it draws on', () => {
    const { reference, diagnostics } = readReferenceDoc(AT.file, referenceDocx(), AT);
    expect(diagnostics).toEqual([]);
    expect(reference?.styles.filter((s) => s.type === 'paragraph').map((s) => [s.id, s.name, s.isDefault])).toEqual([
      ['a', 'Normal', true],
      ['1', 'heading 1', false],
      ['a3', 'Title', false],
      ['Heading2', '单位小标题', false],
      ['a5', 'footer', false],
    ]);
    expect(reference?.sectionXml).toMatch(/^<w:sectPr><w:footerReference w:type="default" r:id="rId3"\/><w:pgSz [^>]*\/>.*<\/w:sectPr>$/);
    expect(reference?.headersFooters).toEqual([{ kind: 'footer', type: 'default', part: 'word/footer1.xml' }]);
    expect(Object.keys(reference?.parts ?? {}).sort()).toEqual(['word/footer1.xml', 'word/media/image1.png']);
    expect(reference?.parts['word/footer1.xml']?.relationships).toEqual([
      { id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image', target: 'word/media/image1.png', external: false },
    ]);
    expect(reference?.parts['word/media/image1.png']?.contentType).toBe('image/png');
    expect(reference?.evenAndOddHeaders).toBe(false);
  });
});

describe('readReferenceDoc: each bad form refused with its own code, at the file', () => {
  it.each(BAD_FORMS.filter((bad) => bad.bytes))('$form -> $code', ({ bytes, code }) => {
    expect(codeOf(bytes!())).toBe(code);
  });

  it('refuses a zip packed more tightly than any Word part, without inflating it', () => {
    const zip = tightlyPackedZip(20 * 1024 * 1024);
    // Scramble the start of the compressed data: had the reader inflated it, it would say damaged.
    const view = new DataView(zip.buffer, zip.byteOffset);
    const dataStart = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    expect(codeOf(zip)).toBe('reference-doc-zip-bomb');
    expect(codeOf(new Uint8Array(zip).fill(0xff, dataStart, dataStart + 64))).toBe('reference-doc-zip-bomb');
  });

  it('refuses a zip of more parts than the limit', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_REFERENCE_PARTS + 1 }, (_, i) => [`p/${i}.xml`, new Uint8Array(1)]));
    expect(codeOf(zipSync({ ...many, 'word/styles.xml': strToU8(REFERENCE_STYLES) }))).toBe('reference-doc-zip-bomb');
  });

  it('refuses a truncated zip, a zip with an encrypted entry, Strict Open XML and a styles part that is not XML', () => {
    const good = referenceDocx();
    expect(codeOf(good.subarray(0, good.length - 30))).toBe('reference-doc-damaged');
    const encrypted = new Uint8Array(good);
    const view = new DataView(encrypted.buffer);
    const directory = view.getUint32(encrypted.length - 22 + 16, true);
    view.setUint16(directory + 8, view.getUint16(directory + 8, true) | 1, true);
    expect(codeOf(encrypted)).toBe('reference-doc-encrypted');
    const strict = REFERENCE_STYLES.replace('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main');
    expect(codeOf(referenceDocx({ styles: strict }))).toBe('reference-doc-strict');
    expect(codeOf(referenceDocx({ styles: REFERENCE_STYLES.replace('</w:styles>', '') }))).toBe('reference-doc-bad-xml');
    // A DTD is how entity bombs come; Word never writes one.
    expect(codeOf(referenceDocx({ styles: REFERENCE_STYLES.replace('<w:styles ', '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:styles ') }))).toBe('reference-doc-bad-xml');
  });

  it('says which part is not XML', () => {
    const { diagnostics } = readReferenceDoc(AT.file, referenceDocx({ extra: { 'word/footer1.xml': '<w:ftr><w:p></w:ftr>' } }), AT);
    expect(diagnostics.map((d) => [d.code, d.params.part])).toEqual([['reference-doc-bad-xml', 'word/footer1.xml']]);
  });
});

describe('loadReferenceDoc', () => {
  it('reports a missing file and a folder at the location given (the config line)', async () => {
    const dir = tempDir();
    const line = { file: path.join(dir, 'plan-report.yaml'), line: 3, column: 16, sourceLine: 'reference-doc: x.docx' };
    const missing = await loadReferenceDoc(path.join(dir, 'x.docx'), line);
    expect(missing.diagnostics.map((d) => [d.code, d.location])).toEqual([['reference-doc-not-found', line]]);
    const folder = await loadReferenceDoc(dir);
    expect(folder.diagnostics.map((d) => [d.code, d.location])).toEqual([['reference-doc-folder', { file: dir, line: 1, column: 1 }]]);
  });
});

describe('parseXml', () => {
  it('keeps elements to the depth asked and still checks the rest', () => {
    const root = parseXml('<?xml version="1.0"?><a x="1 &gt; 0"><b><c/></b><d>text</d></a>', 2);
    expect(root.children.map((child) => [child.name, child.children.length])).toEqual([['b', 0], ['d', 0]]);
    expect(() => parseXml('<a><b><c></b></a>', 2)).toThrow(XmlError);
    expect(() => parseXml('<a></a><b/>')).toThrow('not one root element');
    expect(() => parseXml(`${'<x>'.repeat(300)}${'</x>'.repeat(300)}`)).toThrow('nested deeper');
  });
});


describe('plan-report build --reference-doc', () => {
  it.each(BAD_FORMS)('$form: exit 1, the message at the file, nothing written', ({ file, bytes, code, message }) => {
    const dir = copyExample();
    if (bytes) writeFileSync(path.join(dir, file), bytes());
    if (code === 'reference-doc-folder') mkdirSync(path.join(dir, file));
    const before = listFiles(dir);
    const run = runCli(['build', '2023-h1.yaml', '--reference-doc', file], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}:1:1: 错误 ${message(file)} [${code}]\n`);
    expect(run.stderr).toContain('没有写入任何文件。');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(listFiles(dir)).toEqual(before);
  });

  it('reports a bad reference-doc of plan-report.yaml at its line, with the line and a hint', () => {
    const dir = copyExample();
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'org: 青溪街道人大工委\nreference-doc: 旧模板.doc\n');
    writeFileSync(path.join(dir, '旧模板.doc'), oleFile('WordDocument'));
    const run = runCli(['build', '2023-h1.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      [
        'plan-report.yaml:2:16: 错误 参考文档 旧模板.doc 是 Word 97-2003 格式（.doc），不是 .docx [reference-doc-legacy-doc]',
        ' 2 | reference-doc: 旧模板.doc',
        '   |                ^',
        '  提示: 在 Word 或 WPS 中打开它，“另存为”Word 文档（*.docx），再使用新文件',
      ].join('\n'),
    );
    expect(listFiles(dir).filter((f) => /\.(docx|md)$/.test(f))).toEqual([]);
  });

  it('builds with the reference: the docx has the Markdown\'s paragraphs and the reference\'s footer; the command line wins over the config', () => {
    const dir = copyExample();
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'reference-doc: 不存在.docx\n');
    writeFileSync(path.join(dir, '模板.docx'), referenceDocx());
    const run = runCli(['build', '2023-h1.yaml', '--reference-doc', '模板.docx', '--out', '草稿'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('已写入 草稿/2023-h1.docx\n已写入 草稿/2023-h1.md\n');
    expect(run.status).toBe(0);
    const docx = readDocx(readFileSync(path.join(dir, '草稿', '2023-h1.docx')));
    expect(docx.paragraphs().filter(Boolean)).toEqual(markdownParagraphs(readFileSync(path.join(dir, '草稿', '2023-h1.md'), 'utf8')));
    expect(Object.values(docx.parts).some((xml) => xml.includes(FOOTER_TEXT))).toBe(true);
  });

  it('takes reference-doc of plan-report.yaml relative to that file, and warns, at its line, of a style the reference lacks', () => {
    const dir = copyExample();
    const noHeading1 = REFERENCE_STYLES.replace('<w:name w:val="heading 1"/>', '<w:name w:val="单位一级标题"/>');
    mkdirSync(path.join(dir, '模板'));
    writeFileSync(path.join(dir, '模板', '单位.docx'), referenceDocx({ styles: noHeading1 }));
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'reference-doc: 模板/单位.docx\n');
    const run = runCli(['build', '笔记/2023-h1.yaml', '--format', 'docx', '--lang', 'en'], { cwd: path.dirname(dir) });
    expect(run.stderr).toContain(
      '笔记/plan-report.yaml:1:16: warning the reference doc 笔记/模板/单位.docx has no style "heading 1" (“标题 1” in Chinese Word); plan-report\'s own is used for it [reference-style-missing]',
    );
    expect(run.stdout).toBe('wrote 笔记/2023-h1.docx\n');
    expect(run.status).toBe(0);
    const styles = readDocx(readFileSync(path.join(dir, '2023-h1.docx'))).part('word/styles.xml');
    expect(styles).toContain('<w:name w:val="Heading 1"/>');
  });
});
