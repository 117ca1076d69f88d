import { describe, expect, it } from 'vitest';
import { paragraphText, type ReportDocument } from '../../../src/document/ast.js';
import { getPreset, gbt9704, renderDocx } from '../../../src/write/docx/index.js';
import { gridCharSpace, sectionProperties } from '../../../src/write/docx/page.js';
import { fontName } from '../../../src/write/docx/presets.js';
import { signatureLayout, textWidthChars } from '../../../src/write/docx/signature.js';
import {
  attr,
  element,
  elements,
  paragraphTexts,
  paragraphsWithText,
  footerXml,
  readDocx,
  styleById,
  textOf,
  type DocxPackage,
} from '../../helpers/docx.js';
import { DATE, ORG, TITLE, shortDocument } from './fixtures.js';

const FOUR_SLOTS = ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs'] as const;

async function render(doc: ReportDocument = shortDocument()): Promise<DocxPackage> {
  return readDocx(await renderDocx(doc));
}

/** The font names of an element's first w:rFonts, slot by slot, and its hint. */
function fonts(xml: string): Record<string, string | undefined> {
  const rFonts = element(xml, 'w:rFonts') ?? '';
  return Object.fromEntries([...FOUR_SLOTS, 'w:hint'].map((slot) => [slot, attr(rFonts, 'w:rFonts', slot)]));
}

function allSlots(name: string): Record<string, string> {
  return { ...Object.fromEntries(FOUR_SLOTS.map((slot) => [slot, name])), 'w:hint': 'eastAsia' };
}

describe('renderDocx: page', () => {
  it('is A4 with the GB/T 9704 margins', async () => {
    const sectPr = element((await render()).part('word/document.xml'), 'w:sectPr') ?? '';
    expect(attr(sectPr, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sectPr, 'w:pgSz', 'w:h')).toBe('16838');
    expect({
      top: attr(sectPr, 'w:pgMar', 'w:top'),
      bottom: attr(sectPr, 'w:pgMar', 'w:bottom'),
      left: attr(sectPr, 'w:pgMar', 'w:left'),
      right: attr(sectPr, 'w:pgMar', 'w:right'),
    }).toEqual({ top: '2098', bottom: '1984', left: '1587', right: '1474' });
  });

  it('has a line grid with the pitch of the line spacing and no character grid', async () => {
    const sectPr = element((await render()).part('word/document.xml'), 'w:sectPr') ?? '';
    expect(attr(sectPr, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(sectPr, 'w:docGrid', 'w:linePitch')).toBe('560');
    expect(attr(sectPr, 'w:docGrid', 'w:charSpace')).toBeUndefined();
  });

  it('turns on the 28-character grid only when a preset asks for it', () => {
    // (8845 tw / 28 / 20 − 16 pt) × 4096 ≈ −841: 28 characters of 15.79 pt across the type area.
    expect(gridCharSpace(gbt9704)).toBe(-841);
    expect(sectionProperties({ ...gbt9704, charGrid: true }).grid).toEqual({
      type: 'linesAndChars',
      linePitch: 560,
      charSpace: -841,
    });
  });

  it('sets even and odd footers apart in settings.xml', async () => {
    expect((await render()).part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });
});

describe('renderDocx: styles', () => {
  it('sets the body in 仿宋 三号 in all four font slots, never theme fonts', async () => {
    const styles = (await render()).part('word/styles.xml');
    const rPrDefault = element(styles, 'w:rPrDefault') ?? '';
    expect(fonts(rPrDefault)).toEqual(allSlots('仿宋'));
    expect(attr(rPrDefault, 'w:sz', 'w:val')).toBe('32');
    expect(attr(rPrDefault, 'w:szCs', 'w:val')).toBe('32');
    expect(styles).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
  });

  it('indents the body 2 characters, justified, at exactly 28 pt', async () => {
    const pPrDefault = element((await render()).part('word/styles.xml'), 'w:pPrDefault') ?? '';
    expect(attr(pPrDefault, 'w:ind', 'w:firstLine')).toBe('640');
    expect(attr(pPrDefault, 'w:spacing', 'w:line')).toBe('560');
    expect(attr(pPrDefault, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(attr(pPrDefault, 'w:jc', 'w:val')).toBe('both');
  });

  it('sets the title in 方正小标宋简体 二号, centred, without the first-line indent', async () => {
    const title = styleById((await render()).part('word/styles.xml'), 'Title') ?? '';
    expect(fonts(title)).toEqual(allSlots('方正小标宋简体'));
    expect(attr(title, 'w:sz', 'w:val')).toBe('44');
    expect(attr(title, 'w:jc', 'w:val')).toBe('center');
    expect(attr(title, 'w:ind', 'w:firstLine')).toBe('0');
  });

  it.each([
    ['Heading1', '黑体', '0'],
    ['Heading2', '楷体', '1'],
    ['Heading3', '仿宋', '2'],
    ['Heading4', '仿宋', '3'],
  ])('overrides the built-in %s: %s 三号, outline level %s, indented, kept with next', async (id, font, outline) => {
    const style = styleById((await render()).part('word/styles.xml'), id) ?? '';
    expect(attr(style, 'w:name', 'w:val')?.toLowerCase()).toBe(`heading ${Number(outline) + 1}`);
    expect(fonts(style)).toEqual(allSlots(font));
    expect(attr(style, 'w:sz', 'w:val')).toBe('32');
    expect(attr(style, 'w:outlineLvl', 'w:val')).toBe(outline);
    expect(attr(style, 'w:ind', 'w:firstLine')).toBe('640');
    expect(element(style, 'w:keepNext')).toBeDefined();
  });

  it('leaves level-3 headings regular in gbt9704 (bold is a preset switch)', async () => {
    const style = styleById((await render()).part('word/styles.xml'), 'Heading3') ?? '';
    expect(attr(style, 'w:b', 'w:val')).toBe('false');
  });

  it('names the _GB2312 fonts when a preset asks for them', () => {
    const gb2312 = { ...gbt9704, gb2312FontNames: true };
    expect(fontName(gb2312, 'body')).toBe('仿宋_GB2312');
    expect(fontName(gb2312, 'heading2')).toBe('楷体_GB2312');
    expect(fontName(gb2312, 'heading1')).toBe('黑体');
  });

  it('throws a plain Error for an unknown preset', async () => {
    expect(() => getPreset('nope')).toThrow(/unknown docx preset "nope"/);
    await expect(renderDocx(shortDocument(), { preset: 'nope' })).rejects.toThrow(/gbt9704/);
  });
});

describe('renderDocx: content', () => {
  it('writes the blocks as paragraphs in order, markers included', async () => {
    expect((await render()).paragraphs()).toEqual([
      TITLE,
      '',
      '半年来，街道人大工委紧紧围绕街道中心工作，积极开展多种形式的代表活动。',
      '一、围绕“抓三双”，全面推进代表联系选民',
      '（一）强化代表履职',
      '一是在“双联”上，累计发放选民连心卡400张（每名代表20张）；二是在“双述”上，组织3名区人大代表向选民述职。',
      '1.代表之家建设',
      '（1）阵地建设',
      '在长山社区等地建立了3个代表之家。',
      '',
      ORG,
      DATE,
    ]);
  });

  it('gives the title and headings the built-in styles and leaves the runs unformatted', async () => {
    const document = (await render()).part('word/document.xml');
    const styleOf = (text: string): string | undefined => attr(paragraphsWithText(document, text)[0] ?? '', 'w:pStyle', 'w:val');
    expect(styleOf(TITLE)).toBe('Title');
    expect(styleOf('一、围绕“抓三双”，全面推进代表联系选民')).toBe('Heading1');
    expect(styleOf('（一）强化代表履职')).toBe('Heading2');
    expect(styleOf('1.代表之家建设')).toBe('Heading3');
    expect(styleOf('（1）阵地建设')).toBe('Heading4');
    expect(document).not.toContain('<w:rPr>');
  });

  it('escapes XML in text', async () => {
    const doc = shortDocument();
    doc.blocks.push({ type: 'paragraph', content: [{ type: 'text', text: 'A&B <C> "D"' }] });
    const pkg = await render(doc);
    expect(pkg.paragraphs()).toContain('A&B <C> "D"');
  });

  it('records the title and the org in the core properties', async () => {
    const core = (await render()).part('docProps/core.xml');
    expect(core).toContain(`<dc:title>${TITLE}</dc:title>`);
    expect(core).toContain(`<dc:creator>${ORG}</dc:creator>`);
  });
});

describe('renderDocx: signature', () => {
  const indents = (pkg: DocxPackage, text: string) => {
    const p = paragraphsWithText(pkg.part('word/document.xml'), text)[0] ?? '';
    return {
      jc: attr(p, 'w:jc', 'w:val'),
      left: attr(p, 'w:ind', 'w:left'),
      right: attr(p, 'w:ind', 'w:right'),
      firstLine: attr(p, 'w:ind', 'w:firstLine'),
    };
  };

  it('right-indents the org 2 characters and starts the date 2 characters right of it', async () => {
    const pkg = await render();
    // 青溪街道人大工委 is 8 characters (2560 tw) ending 640 tw before the right edge of the
    // 8845 tw type area, so it starts at 5645 tw; the date starts 640 tw further right.
    expect(indents(pkg, ORG)).toEqual({ jc: 'right', left: undefined, right: '640', firstLine: '0' });
    expect(indents(pkg, DATE)).toEqual({ jc: 'left', left: '6285', right: undefined, firstLine: '0' });
  });

  it('right-indents a longer date 2 characters and moves the org left to keep the shift', async () => {
    const doc = shortDocument();
    doc.blocks = [{ type: 'signature', org: '青溪办', date: '2023年12月25日' }];
    const pkg = await render(doc);
    // The date is 7 characters wide; the org (3) starts 2 characters left of it: 2 + 7 + 2 − 3 = 8.
    expect(indents(pkg, '2023年12月25日')).toEqual({ jc: 'right', left: undefined, right: '640', firstLine: '0' });
    expect(indents(pkg, '青溪办')).toEqual({ jc: 'right', left: undefined, right: '2560', firstLine: '0' });
  });

  it('measures CJK as 1 character and ASCII as half of one', () => {
    expect(textWidthChars('2023年7月5日')).toBe(6);
    expect(textWidthChars('青溪街道人大工委')).toBe(8);
    expect(textWidthChars('ABC（一）')).toBe(4.5);
  });

  it('keeps the org indent at 2 characters while the date fits under it', () => {
    // 6 + 2 <= 8: the date starts under the org's third character.
    expect(signatureLayout('青溪街道人大工委', '2023年7月5日', 320, 8845)).toEqual({
      org: { align: 'right', indent: 640 },
      date: { align: 'left', indent: 6285 },
    });
    // 6.5 + 2 > 8: the date would end less than 2 characters from the edge.
    expect(signatureLayout('青溪街道人大工委', '2023年10月5日', 320, 8845)).toEqual({
      org: { align: 'right', indent: 640 + 160 },
      date: { align: 'right', indent: 640 },
    });
  });

  it('keeps the blank line, org and date together on one page', async () => {
    const document = (await render()).part('word/document.xml');
    const ps = elements(document, 'w:p');
    const last = ps.slice(-3);
    expect(last.map(textOf)).toEqual(['', ORG, DATE]);
    expect(last.map((p) => element(p, 'w:keepNext') !== undefined)).toEqual([true, true, false]);
  });
});

describe('renderDocx: page numbers', () => {
  it.each([
    ['default', 'right', 'w:right'],
    ['even', 'left', 'w:left'],
  ] as const)('puts the %s footer "— PAGE —" %s with a 1-character indent', async (type, jc, side) => {
    const footer = footerXml(await render(), type);
    const p = element(footer, 'w:p') ?? '';
    expect(attr(p, 'w:jc', 'w:val')).toBe(jc);
    expect(attr(p, 'w:ind', side)).toBe('320');
    expect(attr(p, 'w:ind', 'w:firstLine')).toBe('0');
    // The PAGE field has no text of its own until an editor lays the page out.
    expect(paragraphTexts(footer)).toEqual(['\u2014  \u2014']);
    // The text runs and the field between them, in order.
    const pieces = [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map(
      (m) => m[1] ?? `{${m[2]}}`,
    );
    expect(pieces.join('')).toBe('\u2014 {PAGE} \u2014');
    expect(fonts(p)).toEqual(allSlots('宋体'));
    expect(attr(p, 'w:sz', 'w:val')).toBe('28');
  });
});

describe('renderDocx: AST contract', () => {
  it('prints paragraphs with inlineText', async () => {
    const doc = shortDocument();
    const paragraph = doc.blocks.find((b) => b.type === 'paragraph' && b.content.some((i) => i.type === 'item'));
    if (paragraph?.type !== 'paragraph') throw new Error('fixture has no item paragraph');
    expect((await render(doc)).paragraphs()).toContain(paragraphText(paragraph));
  });
});
