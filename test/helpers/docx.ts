/**
 * Reading a .docx the way a user's program would: unzip it, take its XML parts, and look at
 * paragraphs, elements and attributes with plain string matching (enough for the flat XML that
 * docx, Word and LibreOffice write; not a general XML parser).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface DocxPackage {
  /** Every part by its path in the zip, as text. */
  parts: Record<string, string>;
  /** A part's text; throws when the package lacks it. */
  part(name: string): string;
  /** The paragraphs of word/document.xml as plain text, in order (empty paragraphs as ''). */
  paragraphs(): string[];
}

export function readDocx(bytes: Uint8Array): DocxPackage {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts[name] = strFromU8(data);
  const part = (name: string): string => {
    const xml = parts[name];
    if (xml === undefined) throw new Error(`docx has no part ${name} (has ${Object.keys(parts).join(', ')})`);
    return xml;
  };
  return { parts, part, paragraphs: () => paragraphTexts(part('word/document.xml')) };
}

/** Decodes the five predefined XML entities and numeric references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(Number(ref[1] === 'x' || ref[1] === 'X' ? `0${ref.slice(1)}` : ref.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref.toLowerCase()] ?? '';
  });
}

/** Every element `tag` (e.g. 'w:p'), whole: from its start tag to its end tag, or self-closing. */
export function elements(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g');
  return xml.match(pattern) ?? [];
}

/** The first element `tag` within `xml`, or undefined. */
export function element(xml: string, tag: string): string | undefined {
  return elements(xml, tag)[0];
}

/** An attribute of the first `tag` start tag in `xml` (`xml` may be a whole part or one element). */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const start = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!start) return undefined;
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(start)?.[1];
  return value === undefined ? undefined : decodeXml(value);
}

/** The plain text of one paragraph (or any fragment): its w:t joined. */
export function textOf(xml: string): string {
  return (xml.match(/<w:t(?=[\s>])[^>]*>[^<]*<\/w:t>/g) ?? [])
    .map((t) => decodeXml(t.replace(/<[^>]+>/g, '')))
    .join('');
}

/** The paragraphs of a WordprocessingML part (document, footer, …) as plain text, in order. */
export function paragraphTexts(xml: string): string[] {
  return elements(xml, 'w:p').map(textOf);
}

/** The w:p elements of a part whose text equals `text`. */
export function paragraphsWithText(xml: string, text: string): string[] {
  return elements(xml, 'w:p').filter((p) => textOf(p) === text);
}

/** A style of word/styles.xml by its w:styleId. */
export function styleById(stylesXml: string, styleId: string): string | undefined {
  return elements(stylesXml, 'w:style').find((style) => attr(style, 'w:style', 'w:styleId') === styleId);
}

/** The footer part a w:footerReference of that type points at. */
export function footerXml(pkg: DocxPackage, type: 'default' | 'even'): string {
  const document = pkg.part('word/document.xml');
  const reference = elements(document, 'w:footerReference').find((r) => attr(r, 'w:footerReference', 'w:type') === type);
  const id = reference && attr(reference, 'w:footerReference', 'r:id');
  const rels = pkg.part('word/_rels/document.xml.rels');
  const rel = elements(rels, 'Relationship').find((r) => attr(r, 'Relationship', 'Id') === id);
  const target = rel && attr(rel, 'Relationship', 'Target');
  if (!target) throw new Error(`no ${type} footer`);
  return pkg.part(`word/${target}`);
}

/** The package with one part replaced, as an editor that saves the file would leave it. */
export function rezip(bytes: Uint8Array, part: string, text: string): Uint8Array {
  const parts = unzipSync(bytes);
  parts[part] = strToU8(text);
  return zipSync(parts);
}

/** The docx as a person leaves it after typing into it in Word: its document text changed. */
export function editedInWord(bytes: Uint8Array): Uint8Array {
  const xml = readDocx(bytes).part('word/document.xml').replace('</w:body>', '<w:p><w:r><w:t>（手工补充的一段）</w:t></w:r></w:p></w:body>');
  return rezip(bytes, 'word/document.xml', xml);
}
