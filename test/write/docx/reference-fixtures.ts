/**
 * Reference docx files built in the tests (no binaries in the repository): an organisation's Word
 * template as Chinese Word saves it (style ids "a", "1", "a3"; heading 1 tied to a multilevel list),
 * and the bad forms a user may name instead (an old .doc, a password-protected file, zip bombs).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The template's footer text, to find it in the output and on the rendered page. */
export const FOOTER_TEXT = '青溪单位印制';
/** A 1×1 PNG: the footer's logo, a part the footer draws on through its relationships. */
export const LOGO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The template's page: A4 with Word's default Chinese margins (a wider type area than GB/T 9704's)
 * and a 15.6 pt line grid. */
export const REFERENCE_MARGINS = { top: '1440', right: '1800', bottom: '1440', left: '1800', header: '851', footer: '992', gutter: '0' };

function rFonts(name: string): string {
  return `<w:rFonts w:ascii="${name}" w:eastAsia="${name}" w:hAnsi="${name}" w:cs="${name}" w:hint="eastAsia"/>`;
}

/** Title 黑体 28 pt red, heading 1 宋体 (numbered by a list, as many templates are), Normal 楷体 14 pt;
 * no heading 2 to 4; a style whose id is "Heading2" under another name, to take our id. */
export const REFERENCE_STYLES = `${DECLARATION}<w:styles xmlns:w="${W}" xmlns:r="${R}">
<w:docDefaults><w:rPrDefault><w:rPr>${rFonts('Times New Roman')}<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>
<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="3"><w:lsdException w:name="Normal" w:uiPriority="0" w:qFormat="1"/><w:lsdException w:name="heading 1" w:uiPriority="9" w:qFormat="1"/><w:lsdException w:name="heading 2" w:uiPriority="9" w:qFormat="1"/></w:latentStyles>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:spacing w:line="400" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="560"/><w:jc w:val="both"/></w:pPr><w:rPr>${rFonts('楷体')}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="10"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:before="120" w:after="120" w:line="400" w:lineRule="exact"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>${rFonts('宋体')}<w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="a4"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="240"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>${rFonts('黑体')}<w:color w:val="FF0000"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="10"><w:name w:val="标题 1 字符"/><w:basedOn w:val="a0"/><w:link w:val="1"/><w:rPr>${rFonts('宋体')}<w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="a4"><w:name w:val="标题 字符"/><w:basedOn w:val="a0"/><w:link w:val="a3"/><w:rPr>${rFonts('黑体')}<w:color w:val="FF0000"/><w:sz w:val="56"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Heading2"><w:name w:val="单位小标题"/><w:basedOn w:val="a"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="footer"/><w:basedOn w:val="a"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
</w:styles>`;

/** The footer: the organisation's line, a page number field and its logo. */
export const REFERENCE_FOOTER = `${DECLARATION}<w:ftr xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}" xmlns:a="${A}" xmlns:pic="${PIC}"><w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="228600" cy="228600"/><wp:docPr id="1" name="徽标"/><a:graphic><a:graphicData uri="${PIC}"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="228600" cy="228600"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve">${FOOTER_TEXT}  第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:ftr>`;

function sectionXml(withFooter: boolean): string {
  const m = REFERENCE_MARGINS;
  return `<w:sectPr>${withFooter ? '<w:footerReference w:type="default" r:id="rId3"/>' : ''}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="${m.gutter}"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>`;
}

export interface ReferenceOptions {
  /** word/styles.xml; null leaves it out. */
  styles?: string | null;
  /** Give the document its footer (default true). */
  footer?: boolean;
  /** word/theme/theme1.xml, related to the document. */
  theme?: string;
  /** Parts added as they are. */
  extra?: Record<string, string | Uint8Array>;
}

/** A reference docx as Chinese Word saves an organisation's template: one sample paragraph, a
 * footer with a logo, A4 with Word's margins. */
export function referenceDocx(options: ReferenceOptions = {}): Uint8Array {
  const footer = options.footer ?? true;
  const theme = options.theme;
  const styles = options.styles === undefined ? REFERENCE_STYLES : options.styles;
  const parts: Zippable = {
    '[Content_Types].xml': strToU8(
      `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(
      `${DECLARATION}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>（单位文件模板）</w:t></w:r></w:p><w:p><w:r><w:t>正文示例。</w:t></w:r></w:p>${sectionXml(footer)}</w:body></w:document>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}settings" Target="settings.xml"/>${footer ? `<Relationship Id="rId3" Type="${REL}footer" Target="footer1.xml"/>` : ''}${theme ? `<Relationship Id="rId4" Type="${REL}theme" Target="theme/theme1.xml"/>` : ''}</Relationships>`,
    ),
    'word/settings.xml': strToU8(`${DECLARATION}<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/></w:settings>`),
    ...(footer
      ? {
          'word/footer1.xml': strToU8(REFERENCE_FOOTER),
          'word/_rels/footer1.xml.rels': strToU8(
            `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}image" Target="media/image1.png"/></Relationships>`,
          ),
          'word/media/image1.png': new Uint8Array(LOGO_PNG),
        }
      : {}),
    ...(styles === null ? {} : { 'word/styles.xml': strToU8(styles) }),
    ...(theme ? { 'word/theme/theme1.xml': strToU8(theme) } : {}),
    ...Object.fromEntries(Object.entries(options.extra ?? {}).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data])),
  };
  return zipSync(parts);
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The first bytes of an OLE compound file with one directory entry of that name (UTF-16LE), as a
 * .doc ("WordDocument") or a password-protected .docx ("EncryptedPackage") has. */
export function oleFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set(OLE_SIGNATURE, 0);
  bytes.set(Buffer.from(streamName, 'utf16le'), 1024);
  return bytes;
}

/** Sets the uncompressed size the zip's central directory declares for its first entry. */
export function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = new Uint8Array(zip);
  const view = new DataView(copy.buffer);
  const end = copy.byteLength - 22;
  const directory = view.getUint32(end + 16, true);
  view.setUint32(directory + 24, size, true);
  return copy;
}

/** A zip whose only part is word/styles.xml of `size` spaces: packs about 1000 to 1. */
export function tightlyPackedZip(size: number): Uint8Array {
  return zipSync({ 'word/styles.xml': new Uint8Array(size).fill(0x20) }, { level: 9 });
}
