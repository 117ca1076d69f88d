/**
 * The organisation's Word file applied to our package, as pandoc's --reference-doc does: its style
 * sheet becomes ours, and our paragraphs take its styles by NAME (Chinese Word saves 标题 1 under
 * the id "1", the body style under "a"). A style our document uses that the reference lacks keeps
 * our definition and is added to its sheet. Its theme comes along, since its styles may name theme
 * fonts. When it has a last section, its page size, margins and line grid replace ours, and the
 * document is laid out on that page from the start (presetOnReference: the signature, the table
 * widths); when that section has headers or footers, they and everything they draw on (pictures)
 * replace our page-number footers.
 *
 * What stays ours: the numbering text (一、（一）), which is literal text, so automatic numbering in
 * the reference's styles is removed; and what our paragraphs set directly rather than through a
 * style (a heading run into its paragraph, the table's fonts, the signature's placement).
 *
 * Pure string work on the parts the docx package wrote, before the fingerprint is stamped; the
 * same reference gives the same bytes.
 */
import path from 'node:path';
import { warning, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { HeadingLevel, ReportDocument } from '../../document/ast.js';
import {
  attribute,
  childElement,
  childElements,
  parseXml,
  relationshipsPartOf,
  styleOf,
  type ReferenceDoc,
  type ReferenceStyle,
  type Relationship,
  type XmlElement,
} from '../../load/reference-doc.js';
import { CONTENT_TYPES_PART, DOCUMENT_PART, STYLES_PART } from './constants.js';
import type { DocxPreset } from './presets.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

// --- Which styles a template should have -----------------------------------------------------------

/** One of our paragraph styles as a template names it: Word's built-in name, and the name the
 * Chinese interface shows. */
export interface TemplateStyle {
  name: string;
  label: string;
}

const BODY_STYLE: TemplateStyle = { name: 'Normal', label: '正文' };
const TITLE_STYLE: TemplateStyle = { name: 'Title', label: '标题' };
const HEADING_STYLES: Readonly<Record<HeadingLevel, TemplateStyle>> = {
  1: { name: 'heading 1', label: '标题 1' },
  2: { name: 'heading 2', label: '标题 2' },
  3: { name: 'heading 3', label: '标题 3' },
  4: { name: 'heading 4', label: '标题 4' },
};

/** The styles this document's paragraphs use: the body, and the title and heading levels it has. */
export function templateStylesFor(doc: ReportDocument): TemplateStyle[] {
  const levels = new Set(doc.blocks.flatMap((block) => (block.type === 'heading' ? [block.level] : [])));
  const title = doc.blocks.some((block) => block.type === 'title');
  return [BODY_STYLE, ...(title ? [TITLE_STYLE] : []), ...([1, 2, 3, 4] as const).filter((level) => levels.has(level)).map((level) => HEADING_STYLES[level])];
}

/** Word compares style names without case and with single spaces: docx writes "Heading 1", Word
 * "heading 1". */
function styleKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The reference's style that stands for one of ours: for a default style (the body), the
 * reference's default of that type; else the style of that type and name. */
function matchingStyle(styles: readonly ReferenceStyle[], type: string, name: string, isDefault: boolean): ReferenceStyle | undefined {
  const byDefault = isDefault ? styles.find((style) => style.type === type && style.isDefault) : undefined;
  return byDefault ?? styles.find((style) => style.type === type && styleKey(style.name) === styleKey(name));
}

/** A warning for each style this document uses that the reference does not define: ours is used. */
export function referenceStyleWarnings(reference: ReferenceDoc | undefined, doc: ReportDocument): Diagnostic[] {
  if (!reference) return [];
  return templateStylesFor(doc)
    .filter((style) => !matchingStyle(reference.styles, 'paragraph', style.name, style === BODY_STYLE))
    .map((style) => warning('reference-style-missing', { path: reference.path, style: style.name, label: style.label }, reference.location));
}

// --- The package, edited in place ----------------------------------------------------------------

const SETTINGS_PART = 'word/settings.xml';
const DOCUMENT_RELS_PART = 'word/_rels/document.xml.rels';
const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function textOf(parts: Record<string, Uint8Array>, name: string): string {
  const data = parts[name];
  if (!data) throw new Error(`docx package lacks ${name}`);
  return decodeUtf8(data);
}

function setText(parts: Record<string, Uint8Array>, name: string, text: string): void {
  parts[name] = encodeUtf8(text);
}

/** A target as written in the relationships of `source`: relative to its folder. */
function relativeTarget(source: string, part: string): string {
  return path.posix.relative(path.posix.dirname(source), part);
}

/** The text with one element cut out (offsets from parseXml of that same text). */
function without(text: string, element: XmlElement): string {
  return text.slice(0, element.start) + text.slice(element.end);
}

/** Removes a part, its relationships and its content type registration. */
function removePart(parts: Record<string, Uint8Array>, name: string): void {
  delete parts[name];
  delete parts[relationshipsPartOf(name)];
  const types = textOf(parts, CONTENT_TYPES_PART);
  const root = parseXml(types);
  const override = childElements(root, 'Override').find((element) => attribute(element, 'PartName')?.toLowerCase() === `/${name}`.toLowerCase());
  if (override) setText(parts, CONTENT_TYPES_PART, without(types, override));
}

function addPart(parts: Record<string, Uint8Array>, name: string, data: Uint8Array, contentType: string): void {
  parts[name] = data;
  const types = textOf(parts, CONTENT_TYPES_PART);
  const end = types.lastIndexOf('</Types>');
  setText(parts, CONTENT_TYPES_PART, `${types.slice(0, end)}<Override PartName="/${escapeAttribute(name)}" ContentType="${escapeAttribute(contentType)}"/>${types.slice(end)}`);
}

/** The name itself when no part has it (names are case-insensitive), else name-2, name-3 … */
function freeName(parts: Record<string, Uint8Array>, name: string): string {
  const taken = new Set(Object.keys(parts).map((part) => part.toLowerCase()));
  const extension = path.posix.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}${extension}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function relationshipsXml(relationships: readonly Relationship[]): string {
  const items = relationships.map(
    (r) => `<Relationship Id="${escapeAttribute(r.id)}" Type="${escapeAttribute(r.type)}" Target="${escapeAttribute(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">${items.join('')}</Relationships>`;
}

/**
 * Copies a part of the reference and, first, every part it draws on, each under its own name
 * unless ours has that name; their relationships are rewritten to the names they got. Returns the
 * name the part got.
 */
function importPart(parts: Record<string, Uint8Array>, reference: ReferenceDoc, name: string, imported: Map<string, string>): string {
  const done = imported.get(name);
  if (done) return done;
  const part = reference.parts[name];
  if (!part) throw new Error(`reference doc part ${name} was not read`);
  const target = freeName(parts, name);
  imported.set(name, target);
  addPart(parts, target, part.data, part.contentType);
  if (part.relationships.length > 0) {
    const relationships = part.relationships.map((r) => (r.external ? r : { ...r, target: relativeTarget(target, importPart(parts, reference, r.target, imported)) }));
    parts[relationshipsPartOf(target)] = encodeUtf8(relationshipsXml(relationships));
  }
  return target;
}

/** The relationships of word/document.xml: listed, added to (the next free rId), removed, retargeted. */
function documentRelationships(parts: Record<string, Uint8Array>) {
  const read = () => {
    const text = textOf(parts, DOCUMENT_RELS_PART);
    return { text, elements: childElements(parseXml(text), 'Relationship') };
  };
  return {
    list: (): Relationship[] =>
      read().elements.map((element) => ({
        id: attribute(element, 'Id') ?? '',
        type: attribute(element, 'Type') ?? '',
        target: attribute(element, 'Target') ?? '',
        external: attribute(element, 'TargetMode') === 'External',
      })),
    add: (type: string, target: string): string => {
      const { text, elements } = read();
      const next = Math.max(0, ...elements.map((element) => Number(/^rId(\d+)$/.exec(attribute(element, 'Id') ?? '')?.[1] ?? 0))) + 1;
      const id = `rId${next}`;
      const end = text.lastIndexOf('</Relationships>');
      setText(parts, DOCUMENT_RELS_PART, `${text.slice(0, end)}<Relationship Id="${id}" Type="${escapeAttribute(type)}" Target="${escapeAttribute(target)}"/>${text.slice(end)}`);
      return id;
    },
    remove: (id: string): void => {
      const { text, elements } = read();
      const element = elements.find((e) => attribute(e, 'Id') === id);
      if (element) setText(parts, DOCUMENT_RELS_PART, without(text, element));
    },
    retarget: (id: string, target: string): void => {
      const { text, elements } = read();
      const element = elements.find((e) => attribute(e, 'Id') === id);
      if (!element) return;
      const tag = text.slice(element.start, element.end).replace(/\bTarget="[^"]*"/, `Target="${escapeAttribute(target)}"`);
      setText(parts, DOCUMENT_RELS_PART, text.slice(0, element.start) + tag + text.slice(element.end));
    },
  };
}

// --- Styles ---------------------------------------------------------------------------------------

interface OurStyle extends ReferenceStyle {
  element: XmlElement;
  xml: string;
}

/** Style references in our other parts (document, footers, notes, numbering). */
const STYLE_REFERENCE = /(<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink)\s+w:val=")([^"]*)(")/g;
/** Within a style: the styles it builds on or hands over to. */
const STYLE_LINKS = ['w:basedOn', 'w:next', 'w:link'];

function ourStyles(text: string, root: XmlElement): OurStyle[] {
  return childElements(root, 'w:style').map((element) => ({ element, xml: text.slice(element.start, element.end), ...styleOf(element) }));
}

/** The ids our parts use, the default styles, and every style those build on or link to. */
function usedStyleIds(styles: readonly OurStyle[], otherParts: readonly string[]): Set<string> {
  const used = new Set<string>(styles.filter((style) => style.isDefault).map((style) => style.id));
  for (const xml of otherParts) for (const match of xml.matchAll(STYLE_REFERENCE)) used.add(match[2]!);
  const pending = [...used];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const style = styles.find((s) => s.id === id);
    for (const link of STYLE_LINKS) {
      const linked = style && childElement(style.element, link);
      const target = linked && attribute(linked, 'w:val');
      if (target && !used.has(target)) {
        used.add(target);
        pending.push(target);
      }
    }
  }
  return used;
}

/** An id the reference does not use: ours, else ours prefixed. */
function freeStyleId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `PlanReport${n > 2 ? n : ''}${id}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The properties our docDefaults give every paragraph and run (the body's font, size, spacing). */
function documentDefaults(text: string, root: XmlElement): { pPr: string; rPr: string } {
  const defaults = childElement(root, 'w:docDefaults');
  const inner = (outer: string, inside: string): string => {
    const wrapper = defaults && childElement(defaults, outer);
    const element = wrapper && childElement(wrapper, inside);
    return element ? text.slice(element.contentStart, element.contentEnd) : '';
  };
  return { pPr: inner('w:pPrDefault', 'w:pPr'), rPr: inner('w:rPrDefault', 'w:rPr') };
}

/**
 * One of our styles as it enters the reference's sheet: its id and links renamed where needed. Our
 * body style is empty (its formatting is in our docDefaults, which the reference's replace), so
 * when it enters, it takes our defaults with it.
 */
function addedStyleXml(style: OurStyle, ids: ReadonlyMap<string, string>, defaults: { pPr: string; rPr: string }): string {
  let xml = style.xml.replace(/(\sw:styleId=")[^"]*(")/, `$1${escapeAttribute(ids.get(style.id) ?? style.id)}$2`);
  for (const link of STYLE_LINKS) {
    xml = xml.replace(new RegExp(`(<${link}\\s+w:val=")([^"]*)(")`), (whole, open: string, id: string, close: string) => {
      const mapped = ids.get(id);
      return mapped === undefined ? whole : `${open}${escapeAttribute(mapped)}${close}`;
    });
  }
  const hasOwn = (name: string) => childElement(style.element, name) !== undefined;
  if (style.isDefault && style.type === 'paragraph' && !hasOwn('w:pPr') && !hasOwn('w:rPr')) {
    const end = xml.lastIndexOf('</w:style>');
    const properties = `${defaults.pPr ? `<w:pPr>${defaults.pPr}</w:pPr>` : ''}${defaults.rPr ? `<w:rPr>${defaults.rPr}</w:rPr>` : ''}`;
    if (end >= 0) xml = xml.slice(0, end) + properties + xml.slice(end);
  }
  return xml;
}

/** Automatic numbering of the reference's styles (a heading style tied to a multilevel list): our
 * numbering is literal text, and the reference's numbering definitions are not copied. */
function withoutStyleNumbering(stylesXml: string): string {
  return stylesXml.replace(/<w:numPr\b[^>]*\/>|<w:numPr\b[^>]*>[\s\S]*?<\/w:numPr>/g, '');
}

/**
 * Our "no first-line indent" (title, signature, table cells, page numbers) made to hold under the
 * reference's body style: Chinese Word writes 首行缩进 as w:firstLineChars, which wins over a
 * w:firstLine, so a direct firstLine 0 alone would leave those lines indented 2 characters.
 */
function withoutInheritedFirstLineChars(xml: string): string {
  return xml.replace(/<w:ind\b[^>]*>/g, (tag) => (/\sw:firstLine="0"/.test(tag) && !/\sw:firstLineChars=/.test(tag) ? tag.replace(/\sw:firstLine="0"/, '$& w:firstLineChars="0"') : tag));
}

/** Our parts that refer to styles by id. */
function styledParts(parts: Record<string, Uint8Array>): string[] {
  return Object.keys(parts)
    .filter((name) => /^word\/[^/]+\.xml$/.test(name) && name !== STYLES_PART)
    .sort();
}

function mergeStyles(parts: Record<string, Uint8Array>, reference: ReferenceDoc): void {
  const text = textOf(parts, STYLES_PART);
  const root = parseXml(text);
  const styles = ourStyles(text, root);
  const others = styledParts(parts);
  const used = usedStyleIds(styles, others.map((name) => textOf(parts, name)));
  const taken = new Set(reference.styles.map((style) => style.id.toLowerCase()));
  const ids = new Map<string, string>();
  const added: OurStyle[] = [];
  for (const style of styles.filter((s) => used.has(s.id))) {
    const match = matchingStyle(reference.styles, style.type, style.name, style.isDefault);
    if (match) ids.set(style.id, match.id);
    else {
      ids.set(style.id, freeStyleId(style.id, taken));
      added.push(style);
    }
  }
  const defaults = documentDefaults(text, root);
  const sheet = withoutStyleNumbering(reference.stylesXml);
  const end = sheet.lastIndexOf('</w:styles>');
  const addedXml = added.map((style) => withoutInheritedFirstLineChars(addedStyleXml(style, ids, defaults))).join('');
  setText(parts, STYLES_PART, sheet.slice(0, end) + addedXml + sheet.slice(end));
  for (const name of others) {
    const renamed = textOf(parts, name).replace(STYLE_REFERENCE, (whole, open: string, id: string, close: string) => {
      const mapped = ids.get(id);
      return mapped === undefined ? whole : `${open}${escapeAttribute(mapped)}${close}`;
    });
    setText(parts, name, withoutInheritedFirstLineChars(renamed));
  }
}

// --- Theme ---------------------------------------------------------------------------------------

/** The reference's theme in place of ours: its styles may name theme fonts (minorEastAsia). */
function replaceTheme(parts: Record<string, Uint8Array>, reference: ReferenceDoc, theme: string, imported: Map<string, string>): void {
  const relationships = documentRelationships(parts);
  const ours = relationships.list().find((r) => r.type === `${RELATIONSHIP_TYPE}theme`);
  if (ours) removePart(parts, path.posix.join('word', ours.target));
  const target = relativeTarget(DOCUMENT_PART, importPart(parts, reference, theme, imported));
  if (ours) relationships.retarget(ours.id, target);
  else relationships.add(`${RELATIONSHIP_TYPE}theme`, target);
}

// --- Section: page setup, headers and footers ------------------------------------------------------

/** CT_SectPr's child order: Word rejects a section whose children are out of it. Header and footer
 * references share the first place. */
const SECTION_ORDER = [
  'w:headerReference',
  'w:footnotePr',
  'w:endnotePr',
  'w:type',
  'w:pgSz',
  'w:pgMar',
  'w:paperSrc',
  'w:pgBorders',
  'w:lnNumType',
  'w:pgNumType',
  'w:cols',
  'w:formProt',
  'w:vAlign',
  'w:noEndnote',
  'w:titlePg',
  'w:textDirection',
  'w:bidi',
  'w:rtlGutter',
  'w:docGrid',
  'w:printerSettings',
  'w:sectPrChange',
];

function sectionRank(name: string): number {
  const rank = SECTION_ORDER.indexOf(name === 'w:footerReference' ? 'w:headerReference' : name);
  return rank < 0 ? SECTION_ORDER.length : rank;
}

/** Page setup: taken whole, or left out when the reference's section has none (its grid, say). */
const PAGE_SETUP = ['w:pgSz', 'w:pgMar', 'w:docGrid'];
/** What goes with the reference's headers and footers: a different first page, its page numbering. */
const HEADER_FOOTER_SETUP = ['w:headerReference', 'w:footerReference', 'w:titlePg', 'w:pgNumType'];

interface SectionChild {
  name: string;
  xml: string;
}

function sectionChildren(xml: string): SectionChild[] {
  return parseXml(xml).children.map((child) => ({ name: child.name, xml: xml.slice(child.start, child.end) }));
}

/** Our header and footer parts and their relationships, removed: the reference's replace them. */
function removeOurHeadersFooters(parts: Record<string, Uint8Array>, children: readonly SectionChild[]): void {
  const relationships = documentRelationships(parts);
  const byId = new Map(relationships.list().map((r) => [r.id, r]));
  for (const child of children.filter((c) => c.name === 'w:headerReference' || c.name === 'w:footerReference')) {
    const id = attribute(parseXml(child.xml), 'r:id');
    const relationship = id === undefined ? undefined : byId.get(id);
    if (!relationship) continue;
    removePart(parts, path.posix.join('word', relationship.target));
    relationships.remove(relationship.id);
  }
}

/** The reference's headers and footers imported, as section children pointing at them. */
function importHeadersFooters(parts: Record<string, Uint8Array>, reference: ReferenceDoc, imported: Map<string, string>): SectionChild[] {
  const relationships = documentRelationships(parts);
  return reference.headersFooters.map((ref) => {
    const target = relativeTarget(DOCUMENT_PART, importPart(parts, reference, ref.part, imported));
    const id = relationships.add(`${RELATIONSHIP_TYPE}${ref.kind}`, target);
    const name = `w:${ref.kind}Reference`;
    return { name, xml: `<${name} w:type="${escapeAttribute(ref.type)}" r:id="${id}"/>` };
  });
}

/** w:evenAndOddHeaders as the reference has it (our settings always have w:defaultTabStop, the
 * element it follows in CT_Settings). */
function setEvenAndOddHeaders(parts: Record<string, Uint8Array>, on: boolean): void {
  const text = textOf(parts, SETTINGS_PART);
  const root = parseXml(text);
  const current = childElement(root, 'w:evenAndOddHeaders');
  if (current && !on) setText(parts, SETTINGS_PART, without(text, current));
  if (!current && on) {
    const after = childElement(root, 'w:defaultTabStop');
    if (!after) throw new Error(`${SETTINGS_PART} lacks w:defaultTabStop`);
    setText(parts, SETTINGS_PART, `${text.slice(0, after.end)}<w:evenAndOddHeaders/>${text.slice(after.end)}`);
  }
}

function applySection(parts: Record<string, Uint8Array>, reference: ReferenceDoc, sectionXml: string, imported: Map<string, string>): void {
  const documentXml = textOf(parts, DOCUMENT_PART);
  const body = childElement(parseXml(documentXml, 3), 'w:body');
  const section = body?.children.at(-1);
  if (!section || section.name !== 'w:sectPr') throw new Error(`${DOCUMENT_PART} has no section properties`);
  const oursXml = documentXml.slice(section.start, section.end);
  const ours = sectionChildren(oursXml);
  const theirs = sectionChildren(sectionXml);
  const replaced = new Set(PAGE_SETUP);
  const taken: SectionChild[] = theirs.filter((child) => PAGE_SETUP.includes(child.name));
  // A page setup element the reference lacks keeps ours, except the grid: no grid is a setting.
  for (const name of ['w:pgSz', 'w:pgMar']) if (!theirs.some((child) => child.name === name)) replaced.delete(name);
  if (reference.headersFooters.length > 0) {
    removeOurHeadersFooters(parts, ours);
    for (const name of HEADER_FOOTER_SETUP) replaced.add(name);
    taken.push(...importHeadersFooters(parts, reference, imported), ...theirs.filter((child) => child.name === 'w:titlePg' || child.name === 'w:pgNumType'));
    setEvenAndOddHeaders(parts, reference.evenAndOddHeaders);
  }
  const children = [...ours.filter((child) => !replaced.has(child.name)), ...taken].sort((a, b) => sectionRank(a.name) - sectionRank(b.name));
  const startTag = oursXml.slice(0, oursXml.indexOf('>') + 1).replace(/\/>$/, '>');
  const newSection = `${startTag}${children.map((child) => child.xml).join('')}</w:sectPr>`;
  setText(parts, DOCUMENT_PART, documentXml.slice(0, section.start) + newSection + documentXml.slice(section.end));
}

// --- The preset, on the reference's page ---------------------------------------------------------

/** Word's body size when neither the body style nor the document defaults give one: 10 pt. */
const WORD_DEFAULT_SIZE = 20;

/** A numeric attribute of the first `name` among a section's children. */
function sectionNumber(children: readonly SectionChild[], name: string, attributeName: string): number | undefined {
  const child = children.find((c) => c.name === name);
  const value = child && attribute(parseXml(child.xml), attributeName);
  const number = value === undefined ? NaN : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** The w:sz of a w:rPr inside `element`, in half-points. */
function runSize(element: XmlElement | undefined): number | undefined {
  const size = element && childElement(childElement(element, 'w:rPr') ?? element, 'w:sz');
  const value = size && Number(attribute(size, 'w:val'));
  return value && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The reference's body font size in half-points: its body style's (or what that style is based
 * on), else its document default, else Word's; undefined when it has no body style, whose place
 * ours then takes. */
export function referenceBodySize(reference: ReferenceDoc): number | undefined {
  const root = parseXml(reference.stylesXml);
  const styles = childElements(root, 'w:style');
  const body = matchingStyle(reference.styles, 'paragraph', BODY_STYLE.name, true);
  if (!body) return undefined;
  const seen = new Set<string>();
  for (let id: string | undefined = body.id; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    const style = styles.find((element) => attribute(element, 'w:styleId') === id);
    const size = runSize(style);
    if (size !== undefined) return size;
    const basedOn = style && childElement(style, 'w:basedOn');
    id = basedOn && attribute(basedOn, 'w:val');
  }
  const defaults = childElement(root, 'w:docDefaults');
  return runSize(defaults && childElement(defaults, 'w:rPrDefault')) ?? WORD_DEFAULT_SIZE;
}

/**
 * The preset on the reference's page (its size, margins and header distance) and with its body
 * size, so that what our writer places by measure (the signature, the table widths, the page
 * numbers' indent) fits the reference's type area and characters. What the reference does not
 * give stays the preset's.
 */
export function presetOnReference(preset: DocxPreset, reference: ReferenceDoc): DocxPreset {
  const section = reference.sectionXml ? sectionChildren(reference.sectionXml) : [];
  const size = (name: string) => sectionNumber(section, 'w:pgSz', name);
  const margin = (name: string) => sectionNumber(section, 'w:pgMar', name);
  const { page } = preset;
  return {
    ...preset,
    page: {
      width: size('w:w') ?? page.width,
      height: size('w:h') ?? page.height,
      margin: {
        // A negative top or bottom margin is one the text may not push: its size is what counts.
        top: Math.abs(margin('w:top') ?? page.margin.top),
        bottom: Math.abs(margin('w:bottom') ?? page.margin.bottom),
        // The gutter is on the left of a page that does not mirror its margins.
        left: (margin('w:left') ?? page.margin.left) + (margin('w:gutter') ?? 0),
        right: margin('w:right') ?? page.margin.right,
      },
      header: margin('w:header') ?? page.header,
    },
    sizes: { ...preset.sizes, body: referenceBodySize(reference) ?? preset.sizes.body },
  };
}

/** Applies the reference doc to the parts of our package (see the top of this file). */
export function applyReference(parts: Record<string, Uint8Array>, reference: ReferenceDoc): void {
  const imported = new Map<string, string>();
  mergeStyles(parts, reference);
  if (reference.theme) replaceTheme(parts, reference, reference.theme, imported);
  if (reference.sectionXml) applySection(parts, reference, reference.sectionXml, imported);
}
