import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/document/ast.js';
import { gbt9704, plain, renderDocx } from '../../../src/write/docx/index.js';
import { presetNames, titleLineChars, typeAreaWidth } from '../../../src/write/docx/presets.js';
import { runCli } from '../../helpers/cli.js';
import { attr, element, elements, footerXml, paragraphsWithText, readDocx, styleById, textOf, type DocxPackage } from '../../helpers/docx.js';
import { copyExample } from '../../helpers/workspace.js';
import { ORG, TITLE, shortDocument } from './fixtures.js';

/** The eastAsia font (the other three slots carry the same name) and the size of a style or run. */
function fontAndSize(xml: string): [string | undefined, string | undefined] {
  return [attr(element(xml, 'w:rFonts') ?? '', 'w:rFonts', 'w:eastAsia'), attr(xml, 'w:sz', 'w:val')];
}

/** The short document with a metrics table, so that every part a preset sizes is there. */
function documentWithTable(): ReportDocument {
  const doc = shortDocument();
  doc.blocks.splice(-1, 0, { type: 'table', caption: '主要指标完成情况表', header: ['指标', '单位', '目标', '完成'], rows: [['选民连心卡', '张', '400', '400']] });
  return doc;
}

async function render(options: Parameters<typeof renderDocx>[1] = {}, doc: ReportDocument = documentWithTable()): Promise<DocxPackage> {
  return readDocx(await renderDocx(doc, options));
}

describe('the plain preset: internal drafts', () => {
  it('is a preset the command line and the config accept', () => {
    expect(presetNames()).toEqual(['gbt9704', 'plain']);
  });

  it('is A4 with ordinary margins (2.54 cm, 3.17 cm) and no line grid', async () => {
    const sectPr = element((await render({ preset: 'plain' })).part('word/document.xml'), 'w:sectPr') ?? '';
    expect([attr(sectPr, 'w:pgSz', 'w:w'), attr(sectPr, 'w:pgSz', 'w:h')]).toEqual(['11906', '16838']);
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((side) => attr(sectPr, 'w:pgMar', side))).toEqual(['1440', '1440', '1797', '1797']);
    expect(attr(sectPr, 'w:docGrid', 'w:type')).toBe('default');
    expect(attr(sectPr, 'w:docGrid', 'w:charSpace')).toBeUndefined();
  });

  it('sets the body in 宋体 小四 at 1.5 lines, indented 2 characters, and the title in 黑体 小二', async () => {
    const styles = (await render({ preset: 'plain' })).part('word/styles.xml');
    const docDefaults = element(styles, 'w:docDefaults') ?? '';
    expect(fontAndSize(docDefaults)).toEqual(['宋体', '24']);
    expect([attr(docDefaults, 'w:spacing', 'w:line'), attr(docDefaults, 'w:spacing', 'w:lineRule')]).toEqual(['360', 'auto']);
    expect(attr(docDefaults, 'w:ind', 'w:firstLine')).toBe('480');
    const title = styleById(styles, 'Title') ?? '';
    expect(fontAndSize(title)).toEqual(['黑体', '36']);
    expect(attr(title, 'w:spacing', 'w:lineRule')).toBe('auto');
  });

  it.each(['Heading1', 'Heading2', 'Heading3', 'Heading4'])('sets %s in 黑体 小四', async (id) => {
    expect(fontAndSize(styleById((await render({ preset: 'plain' })).part('word/styles.xml'), id) ?? '')).toEqual(['黑体', '24']);
  });

  it('numbers every page "N" centred, in one footer, 宋体 五号', async () => {
    const pkg = await render({ preset: 'plain' });
    expect(pkg.part('word/settings.xml')).toContain('<w:evenAndOddHeaders w:val="false"/>');
    expect(() => footerXml(pkg, 'even')).toThrow(/no even footer/);
    const p = element(footerXml(pkg, 'default'), 'w:p') ?? '';
    expect(attr(p, 'w:jc', 'w:val')).toBe('center');
    expect([attr(p, 'w:ind', 'w:left'), attr(p, 'w:ind', 'w:right'), attr(p, 'w:ind', 'w:firstLine')]).toEqual([undefined, undefined, '0']);
    const pieces = [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1] ?? `{${m[2]}}`);
    expect(pieces.join('').trim()).toBe('{PAGE}');
    expect(fontAndSize(p)).toEqual(['宋体', '21']);
  });

  it('fits the table to its type area (8312 twips) in 小四, and signs 2 小四 characters from the right', async () => {
    const document = (await render({ preset: 'plain' })).part('word/document.xml');
    const table = element(document, 'w:tbl') ?? '';
    expect(attr(table, 'w:tblW', 'w:w')).toBe('8312');
    expect(elements(table, 'w:gridCol').reduce((sum, col) => sum + Number(attr(col, 'w:gridCol', 'w:w')), 0)).toBe(8312);
    expect(attr(elements(table, 'w:tc')[0] ?? '', 'w:sz', 'w:val')).toBe('24');
    expect(attr(paragraphsWithText(document, ORG)[0] ?? '', 'w:ind', 'w:right')).toBe('480');
  });

  it('is data: the same record shape as gbt9704, whose facts are those of GB/T 9704', () => {
    expect(Object.keys(plain).sort()).toEqual(Object.keys(gbt9704).sort());
    expect(typeAreaWidth(gbt9704)).toBe(8845);
    expect(typeAreaWidth(plain)).toBe(8312);
    expect(gbt9704.lineSpacing).toEqual({ exact: 560, grid: true });
    expect(gbt9704.pageNumbers).toMatchObject({ prefix: '\u2014 ', suffix: ' \u2014', odd: 'right', even: 'left', indentChars: 1 });
    // 二号 (22 pt) across 156 mm: 20 characters and a little.
    expect(titleLineChars(gbt9704)).toBeCloseTo(20.1, 1);
  });
});

describe('font sets', () => {
  /** The font each role gets in styles.xml. */
  async function roleFonts(options: Parameters<typeof renderDocx>[1]): Promise<Record<string, string | undefined>> {
    const styles = (await render(options)).part('word/styles.xml');
    const style = (id: string) => fontAndSize(styleById(styles, id) ?? '')[0];
    return {
      body: fontAndSize(element(styles, 'w:docDefaults') ?? '')[0],
      title: style('Title'),
      heading1: style('Heading1'),
      heading2: style('Heading2'),
      heading3: style('Heading3'),
    };
  }

  it('default: 仿宋 and 楷体 by their plain names', async () => {
    expect(await roleFonts({ fonts: 'default' })).toEqual({ body: '仿宋', title: '方正小标宋简体', heading1: '黑体', heading2: '楷体', heading3: '仿宋' });
    expect(await roleFonts({ fonts: 'default' })).toEqual(await roleFonts({}));
  });

  it('gb2312: 仿宋_GB2312 and 楷体_GB2312; 黑体 and 方正小标宋简体 have no such names', async () => {
    expect(await roleFonts({ fonts: 'gb2312' })).toEqual({ body: '仿宋_GB2312', title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', heading3: '仿宋_GB2312' });
    // The plain preset has neither 仿宋 nor 楷体.
    expect(await roleFonts({ preset: 'plain', fonts: 'gb2312' })).toEqual(await roleFonts({ preset: 'plain' }));
  });

  it('a custom set: the names the config gives by role, the preset\'s for the rest', async () => {
    expect(await roleFonts({ fonts: { body: '方正仿宋_GBK', title: '方正小标宋_GBK' } })).toEqual({ body: '方正仿宋_GBK', title: '方正小标宋_GBK', heading1: '黑体', heading2: '楷体', heading3: '仿宋' });
  });
});

describe('font sets and presets from the command line and the config', () => {
  const bodyFont = (dir: string) => fontAndSize(element(readDocx(readFileSync(path.join(dir, '2023-h1.docx'))).part('word/styles.xml'), 'w:docDefaults') ?? '')[0];

  it('takes --fonts and --preset, and the config\'s fonts: gb2312, the command line winning', () => {
    const dir = copyExample();
    expect(runCli(['build', '2023-h1.yaml', '--format', 'docx', '--fonts', 'gb2312'], { cwd: dir }).status).toBe(0);
    expect(bodyFont(dir)).toBe('仿宋_GB2312');
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'fonts: gb2312\n');
    expect(runCli(['build', '2023-h1.yaml', '--format', 'docx', '--fonts', 'default', '--force'], { cwd: dir }).status).toBe(0);
    expect(bodyFont(dir)).toBe('仿宋');
    expect(runCli(['build', '2023-h1.yaml', '--format', 'docx', '--force'], { cwd: dir }).status).toBe(0);
    expect(bodyFont(dir)).toBe('仿宋_GB2312');
    expect(runCli(['build', '2023-h1.yaml', '--format', 'docx', '--preset', 'plain', '--force'], { cwd: dir }).status).toBe(0);
    expect(bodyFont(dir)).toBe('宋体');
  });

  it('refuses an unknown font set: on the command line exit 2, in the config at its line with a did-you-mean', () => {
    const dir = copyExample();
    const usage = runCli(['build', '2023-h1.yaml', '--fonts', 'gb2313', '--lang', 'en'], { cwd: dir });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("argument 'gb2313' is invalid. Allowed choices are default, gb2312.");
    writeFileSync(path.join(dir, 'plan-report.yaml'), 'org: 青溪街道人大工委\nfonts: gb2313\n');
    const run = runCli(['build', '2023-h1.yaml', '--lang', 'en'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('plan-report.yaml:2:8: error "gb2313" is not an allowed value [bad-enum-suggest]');
    expect(run.stderr).toContain('did you mean "gb2312"?');
  });
});

describe('the title in docx', () => {
  it('prints its lines as one 标题 paragraph with line breaks between them', async () => {
    const doc = shortDocument();
    doc.blocks[0] = { type: 'title', text: TITLE, lines: ['青溪街道人大工委', '2023年上半年工作总结'] };
    const document = (await render({}, doc)).part('word/document.xml');
    const title = elements(document, 'w:p')[0] ?? '';
    expect(attr(title, 'w:pStyle', 'w:val')).toBe('Title');
    expect(textOf(title)).toBe(TITLE);
    expect(title.match(/<w:t[^>]*>[^<]*<\/w:t>|<w:br\/>/g)).toEqual(['<w:t xml:space="preserve">青溪街道人大工委</w:t>', '<w:br/>', '<w:t xml:space="preserve">2023年上半年工作总结</w:t>']);
  });

  it('prints a title of one line without a break', async () => {
    const title = elements((await render()).part('word/document.xml'), 'w:p')[0] ?? '';
    expect(title).not.toContain('<w:br');
    expect(textOf(title)).toBe(TITLE);
  });
});
