import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnosticMessage } from '../../../src/diagnostics/messages.js';
import { readReferenceDoc, type ReferenceDoc } from '../../../src/load/reference-doc.js';
import { docxFingerprintState, gbt9704, renderDocx } from '../../../src/write/docx/index.js';
import { presetOnReference, referenceBodySize, referenceStyleWarnings, templateStylesFor } from '../../../src/write/docx/reference.js';
import { attr, element, elements, footerXml, readDocx, styleById, textOf, type DocxPackage } from '../../helpers/docx.js';
import { convertToPdf, hasSoffice, squash } from '../../helpers/pdf.js';
import { tempDir } from '../../helpers/workspace.js';
import { shortDocument } from './fixtures.js';
import { FOOTER_TEXT, LOGO_PNG, REFERENCE_MARGINS, REFERENCE_STYLES, referenceDocx } from './reference-fixtures.js';

const FILE = '/组织/模板.docx';

function reference(bytes: Uint8Array = referenceDocx()): ReferenceDoc {
  const loaded = readReferenceDoc(FILE, bytes, { file: FILE, line: 1, column: 1 });
  if (!loaded.reference) throw new Error(`fixture refused: ${loaded.diagnostics.map((d) => d.code).join(', ')}`);
  return loaded.reference;
}

/** A style of styles.xml by its w:name. */
function styleNamed(stylesXml: string, name: string): string | undefined {
  return elements(stylesXml, 'w:style').find((style) => attr(style, 'w:name', 'w:val') === name);
}

function pStyleOf(documentXml: string, text: string): string | undefined {
  const paragraph = elements(documentXml, 'w:p').find((p) => textOf(p) === text);
  return paragraph === undefined ? undefined : attr(paragraph, 'w:pStyle', 'w:val');
}

describe('docx with a reference doc', () => {
  let bytes: Uint8Array;
  let docx: DocxPackage;
  let plain: DocxPackage;

  beforeAll(async () => {
    bytes = await renderDocx(shortDocument(), { reference: reference() });
    docx = readDocx(bytes);
    plain = readDocx(await renderDocx(shortDocument()));
  });

  it("carries the reference's fonts, sizes and colour under Word's style names", () => {
    const styles = docx.part('word/styles.xml');
    const title = styleNamed(styles, 'Title') ?? '';
    expect([attr(title, 'w:rFonts', 'w:eastAsia'), attr(title, 'w:sz', 'w:val'), attr(title, 'w:color', 'w:val')]).toEqual(['黑体', '56', 'FF0000']);
    const heading1 = styleNamed(styles, 'heading 1') ?? '';
    expect(attr(heading1, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
    const normal = styleNamed(styles, 'Normal') ?? '';
    expect([attr(normal, 'w:rFonts', 'w:eastAsia'), attr(normal, 'w:sz', 'w:val')]).toEqual(['楷体', '28']);
    // One style per name: ours did not come in beside the reference's.
    expect(elements(styles, 'w:style').filter((s) => /^(title|heading 1|normal)$/i.test(attr(s, 'w:name', 'w:val') ?? ''))).toHaveLength(3);
    // The reference's defaults and latent styles are the sheet's.
    expect(attr(element(styles, 'w:docDefaults') ?? '', 'w:rFonts', 'w:eastAsia')).toBe('Times New Roman');
    expect(styles).toContain('<w:lsdException w:name="heading 2"');
  });

  it("points our paragraphs at the reference's style ids, whatever Word called them", () => {
    const documentXml = docx.part('word/document.xml');
    expect(pStyleOf(documentXml, '青溪街道人大工委2023年上半年工作总结')).toBe('a3');
    expect(pStyleOf(documentXml, '一、围绕“抓三双”，全面推进代表联系选民')).toBe('1');
    // Body paragraphs name no style: they take the reference's default paragraph style.
    expect(pStyleOf(documentXml, '在长山社区等地建立了3个代表之家。')).toBeUndefined();
    expect(documentXml).not.toMatch(/w:pStyle w:val="(Title|Heading1)"/);
  });

  it('keeps our definition of a style the reference lacks, under an id of its own when ours is taken', () => {
    const styles = docx.part('word/styles.xml');
    const documentXml = docx.part('word/document.xml');
    // The reference's "Heading2" is another style (单位小标题): ours comes in under a new id.
    expect(attr(styleById(styles, 'Heading2') ?? '', 'w:name', 'w:val')).toBe('单位小标题');
    const heading2Id = pStyleOf(documentXml, '（一）强化代表履职');
    expect(heading2Id).toBe('PlanReportHeading2');
    const heading2 = styleById(styles, heading2Id!) ?? '';
    expect([attr(heading2, 'w:name', 'w:val'), attr(heading2, 'w:rFonts', 'w:eastAsia'), attr(heading2, 'w:basedOn', 'w:val')]).toEqual(['Heading 2', '楷体', 'a']);
    const heading4 = styleById(styles, pStyleOf(documentXml, '（1）阵地建设') ?? '') ?? '';
    expect([attr(heading4, 'w:name', 'w:val'), attr(heading4, 'w:rFonts', 'w:eastAsia'), attr(heading4, 'w:sz', 'w:val')]).toEqual(['Heading 4', '仿宋', '32']);
  });

  it('keeps the numbering text and removes the automatic numbering of the reference\'s heading 1', () => {
    expect(docx.part('word/styles.xml')).not.toContain('<w:numPr>');
    expect(REFERENCE_STYLES).toContain('<w:numPr>');
    expect(docx.paragraphs()).toContain('一、围绕“抓三双”，全面推进代表联系选民');
  });

  it('has every paragraph of the document, as without a reference', () => {
    expect(docx.paragraphs()).toEqual(plain.paragraphs());
  });

  it("takes the reference's page setup", () => {
    const section = element(docx.part('word/document.xml'), 'w:sectPr') ?? '';
    expect([attr(section, 'w:pgSz', 'w:w'), attr(section, 'w:pgSz', 'w:h')]).toEqual(['11906', '16838']);
    expect(Object.keys(REFERENCE_MARGINS).map((side) => attr(section, 'w:pgMar', `w:${side}`))).toEqual(Object.values(REFERENCE_MARGINS));
    expect(attr(section, 'w:docGrid', 'w:linePitch')).toBe('312');
    // CT_SectPr order: references, size, margins, grid.
    expect([...section.matchAll(/<w:(\w+)/g)].map((m) => m[1])).toEqual(['sectPr', 'footerReference', 'pgSz', 'pgMar', 'docGrid']);
  });

  it("places the signature and sizes tables for the reference's type area (8306 twips) and 14 pt body", async () => {
    const doc = shortDocument();
    doc.blocks.splice(3, 0, { type: 'table', caption: '主要指标完成情况表', header: ['指标', '单位', '目标', '完成'], rows: [['新增就业岗位', '个', '380', '400']] });
    const documentXml = readDocx(await renderDocx(doc, { reference: reference() })).part('word/document.xml');
    expect(attr(documentXml, 'w:tblW', 'w:w')).toBe('8306');
    const columns = elements(documentXml, 'w:gridCol').map((col) => Number(attr(col, 'w:gridCol', 'w:w')));
    expect(columns.reduce((a, b) => a + b, 0)).toBe(8306);
    // 青溪街道人大工委: 8 characters of 14 pt (280 twips), 2 from the right edge; the date 2 to its right.
    const org = elements(documentXml, 'w:p').find((p) => textOf(p) === '青溪街道人大工委') ?? '';
    const date = elements(documentXml, 'w:p').find((p) => textOf(p) === '2023年7月5日') ?? '';
    expect([attr(org, 'w:ind', 'w:right'), attr(date, 'w:ind', 'w:left')]).toEqual(['560', String(8306 - 560 - 8 * 280 + 560)]);
    // The reference's body style indents by characters (firstLineChars), which a firstLine 0 alone would not undo.
    expect([attr(org, 'w:ind', 'w:firstLineChars'), attr(date, 'w:ind', 'w:firstLineChars')]).toEqual(['0', '0']);
  });

  it("replaces our page-number footers with the reference's footer and the logo it draws on", () => {
    const footer = footerXml(docx, 'default');
    expect(textOf(footer)).toContain(FOOTER_TEXT);
    expect(footer).toContain('<w:pStyle w:val="a5"/>');
    expect(() => footerXml(docx, 'even')).toThrow('no even footer');
    const footerRels = Object.entries(docx.parts).find(([name]) => /^word\/_rels\/footer\d*\.xml\.rels$/.test(name))?.[1] ?? '';
    const logo = attr(footerRels, 'Relationship', 'Target');
    expect(logo).toBe('media/image1.png');
    const types = docx.part('[Content_Types].xml');
    expect(types).toContain('PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"');
    expect(types).not.toContain('/word/footer2.xml');
    expect(Object.keys(docx.parts).filter((name) => /footer/.test(name)).sort()).toEqual(['word/_rels/footer1.xml.rels', 'word/footer1.xml']);
    // The reference has one footer for all pages: no even/odd distinction left in the settings.
    expect(docx.part('word/settings.xml')).not.toContain('evenAndOddHeaders');
  });

  it('copies the logo byte for byte', async () => {
    const { unzipSync } = await import('fflate');
    expect(Buffer.from(unzipSync(bytes)['word/media/image1.png']!)).toEqual(LOGO_PNG);
  });

  it('keeps our page-number footers when the reference has no footer', async () => {
    const docxWithout = readDocx(await renderDocx(shortDocument(), { reference: reference(referenceDocx({ footer: false })) }));
    expect(textOf(footerXml(docxWithout, 'default'))).toMatch(/—/);
    expect(textOf(footerXml(docxWithout, 'even'))).toMatch(/—/);
    expect(docxWithout.part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('stays deterministic and recognisably ours: the fingerprint covers the reference parts', async () => {
    const again = await renderDocx(shortDocument(), { reference: reference() });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(docxFingerprintState(bytes)).toBe('unedited');
    const { unzipSync, zipSync } = await import('fflate');
    const parts = unzipSync(bytes);
    parts['word/footer1.xml'] = new TextEncoder().encode(new TextDecoder().decode(parts['word/footer1.xml']).replace(FOOTER_TEXT, '改过的页脚'));
    expect(docxFingerprintState(zipSync(parts))).toBe('edited');
  });

  it.runIf(hasSoffice('test/write/docx/reference.test.ts'))('opens in LibreOffice with its text, the footer on the page', () => {
    const dir = tempDir();
    const file = path.join(dir, 'with-reference.docx');
    writeFileSync(file, bytes);
    const pdf = convertToPdf(file, dir);
    const text = squash(pdf.pagesText.join(''));
    for (const paragraph of docx.paragraphs().filter(Boolean)) expect(text).toContain(squash(paragraph));
    expect(text).toContain(FOOTER_TEXT);
  });
});

describe('docx with a reference doc that lacks a part', () => {
  it('adds our title style when the reference has none: our font, centred, no inherited first-line indent', async () => {
    const noTitle = REFERENCE_STYLES.replace('<w:name w:val="Title"/>', '<w:name w:val="单位大标题"/>');
    const docx = readDocx(await renderDocx(shortDocument(), { reference: reference(referenceDocx({ styles: noTitle })) }));
    const styles = docx.part('word/styles.xml');
    const titleId = pStyleOf(docx.part('word/document.xml'), '青溪街道人大工委2023年上半年工作总结');
    expect(titleId).toBe('Title');
    const title = styleById(styles, 'Title') ?? '';
    expect([attr(title, 'w:rFonts', 'w:eastAsia'), attr(title, 'w:jc', 'w:val'), attr(title, 'w:ind', 'w:firstLineChars'), attr(title, 'w:basedOn', 'w:val')]).toEqual(['方正小标宋简体', 'center', '0', 'a']);
  });

  it('adds our body style with our defaults when the reference has no default paragraph style', async () => {
    const noNormal = REFERENCE_STYLES.replace(/<w:style w:type="paragraph" w:default="1" w:styleId="a">[\s\S]*?<\/w:style>/, '');
    const styles = readDocx(await renderDocx(shortDocument(), { reference: reference(referenceDocx({ styles: noNormal })) })).part('word/styles.xml');
    const normal = styleNamed(styles, 'Normal') ?? '';
    expect([attr(normal, 'w:style', 'w:default'), attr(normal, 'w:rFonts', 'w:eastAsia'), attr(normal, 'w:sz', 'w:val'), attr(normal, 'w:spacing', 'w:line')]).toEqual(['1', '仿宋', '32', '560']);
  });

  it("takes the reference's theme in place of ours", async () => {
    const theme = '<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="单位主题"><a:themeElements/></a:theme>';
    const docx = readDocx(await renderDocx(shortDocument(), { reference: reference(referenceDocx({ theme })) }));
    const rels = docx.part('word/_rels/document.xml.rels');
    const themeRel = elements(rels, 'Relationship').find((r) => attr(r, 'Relationship', 'Type')?.endsWith('/theme')) ?? '';
    expect(docx.part(`word/${attr(themeRel, 'Relationship', 'Target')}`)).toBe(theme);
    expect(docx.part('[Content_Types].xml').match(/theme1\.xml/g)).toHaveLength(1);
  });

  it('lays the document out on the preset page and the reference body size when the reference has no section', () => {
    const { sectionXml: _omitted, ...withoutSection } = reference();
    const preset = presetOnReference(gbt9704, withoutSection);
    expect(preset.page).toEqual(gbt9704.page);
    expect(preset.sizes.body).toBe(28);
    const noSize = REFERENCE_STYLES.replace(/(w:styleId="a">[\s\S]*?)<w:sz w:val="28"\/>/, '$1');
    expect(referenceBodySize(reference(referenceDocx({ styles: noSize })))).toBe(21);
  });
});

describe('referenceStyleWarnings', () => {
  it('names each style the document uses that the reference lacks, at the reference', () => {
    const warnings = referenceStyleWarnings(reference(), shortDocument());
    expect(warnings.map((d) => [d.code, d.severity, d.location?.file])).toEqual([
      ['reference-style-missing', 'warning', FILE],
      ['reference-style-missing', 'warning', FILE],
      ['reference-style-missing', 'warning', FILE],
    ]);
    expect(warnings.map((d) => diagnosticMessage(d, 'zh'))).toEqual([
      `参考文档 ${FILE} 中没有样式“heading 2”（Word 中文界面称“标题 2”），这部分使用 plan-report 自带的样式`,
      `参考文档 ${FILE} 中没有样式“heading 3”（Word 中文界面称“标题 3”），这部分使用 plan-report 自带的样式`,
      `参考文档 ${FILE} 中没有样式“heading 4”（Word 中文界面称“标题 4”），这部分使用 plan-report 自带的样式`,
    ]);
  });

  it('asks only for the styles the document uses', () => {
    const doc = shortDocument();
    doc.blocks = doc.blocks.filter((block) => block.type !== 'heading' || block.level === 1);
    expect(templateStylesFor(doc).map((style) => style.name)).toEqual(['Normal', 'Title', 'heading 1']);
    expect(referenceStyleWarnings(reference(), doc)).toEqual([]);
  });

  it('finds the body style as the default paragraph style, whatever its name', () => {
    const renamed = REFERENCE_STYLES.replace('<w:name w:val="Normal"/>', '<w:name w:val="正文"/>');
    const doc = shortDocument();
    doc.blocks = doc.blocks.filter((block) => block.type !== 'heading' || block.level === 1);
    expect(referenceStyleWarnings(reference(referenceDocx({ styles: renamed })), doc)).toEqual([]);
  });
});
