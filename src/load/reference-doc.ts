/**
 * The organisation's Word file named by `--reference-doc` (or `reference-doc:` in plan-report.yaml),
 * read before anything is written and checked as hostile input: a regular file under a size limit,
 * a zip (an old .doc and a password-protected .docx are OLE files, each told apart), whose directory
 * is checked against part-count, unpacked-size and ratio limits before a byte is inflated, each part
 * inflated no further than its declared size, and with word/styles.xml. What the docx writer takes
 * from it (src/write/docx/reference.ts) is gathered here as plain data: the styles, the body's last
 * section properties, and the header, footer and theme parts with every part they draw on.
 */
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { error, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import type { LoadedConfig } from './config.js';
import { locate, readBoundedFile } from './source-file.js';

/** Far above any Word template (embedded fonts included); a larger file is refused before it is read. */
const MAX_REFERENCE_BYTES = 64 * 1024 * 1024;
/** A Word file has tens of parts, a few hundred with many pictures. */
export const MAX_REFERENCE_PARTS = 5000;
/** What all parts together may unpack to, as their zip directory declares it. */
const MAX_REFERENCE_UNPACKED_BYTES = 256 * 1024 * 1024;
/** XML packs 5 to 20 times, a picture hardly at all; a part packed tighter than this is a zip bomb. */
const MAX_PACKING_RATIO = 200;
/** Small parts may pack tightly (a run of spaces): the ratio is judged above this size only. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Deeper nesting than Word ever writes; refused rather than walked. */
const MAX_XML_DEPTH = 256;

const MEGABYTE = 1024 * 1024;
const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT_NAMESPACE = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const R_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

const REFERENCE_STYLES_PART = 'word/styles.xml';
const DOCUMENT_PART = 'word/document.xml';
const CONTENT_TYPES_PART = '[Content_Types].xml';

/** A relationship of a part: to another part of the package (its name) or to an external address. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A part the writer copies: its bytes, content type and relationships (internal targets resolved
 * to part names, every one of them in ReferenceDoc.parts). */
export interface ReferencePart {
  data: Uint8Array;
  contentType: string;
  relationships: Relationship[];
}

/** A paragraph, character, table or numbering style of the reference, as Word names it. */
export interface ReferenceStyle {
  id: string;
  type: string;
  name: string;
  isDefault: boolean;
}

export interface HeaderFooterReference {
  kind: 'header' | 'footer';
  /** default, even or first. */
  type: string;
  part: string;
}

/** What the docx writer takes from the organisation's Word file. */
export interface ReferenceDoc {
  /** The file as given (absolute). */
  path: string;
  /** Where its problems are reported: the `reference-doc:` line of plan-report.yaml, or the file. */
  location: Location;
  /** word/styles.xml as written. */
  stylesXml: string;
  styles: ReferenceStyle[];
  /** The body's last w:sectPr (page size, margins, grid, headers and footers), when it has one. */
  sectionXml?: string;
  headersFooters: HeaderFooterReference[];
  /** settings.xml asks for different headers and footers on even pages. */
  evenAndOddHeaders: boolean;
  /** The theme part, whose fonts and colours theme references in the styles resolve to. */
  theme?: string;
  /** The headers, footers and theme and every part they draw on, by part name. */
  parts: Record<string, ReferencePart>;
}

export interface LoadedReference {
  reference?: ReferenceDoc;
  diagnostics: Diagnostic[];
}

/** Where a reference doc named in plan-report.yaml is reported: at its `reference-doc:` value. */
export function referenceDocLocation(config: LoadedConfig | undefined): Location | undefined {
  return config?.value['reference-doc'] === undefined ? undefined : locate(config.file, ['reference-doc']);
}

/** Reads and checks the reference doc; never throws for a bad file. `at`: where to report its
 * problems (the config's line), else the file itself. */
export async function loadReferenceDoc(file: string, at?: Location): Promise<LoadedReference> {
  const location = at ?? { file, line: 1, column: 1 };
  const read = await readBoundedFile(file, MAX_REFERENCE_BYTES);
  if (read.diagnostic) return { diagnostics: [readProblem(read.diagnostic, file, location)] };
  return readReferenceDoc(file, read.bytes, location);
}

/** The generic read diagnostics said of a reference doc, at its location. */
function readProblem(d: Diagnostic, file: string, location: Location): Diagnostic {
  switch (d.code) {
    case 'file-not-found':
    case 'broken-symlink':
      return error('reference-doc-not-found', { path: file }, location);
    case 'not-a-file':
      return error('reference-doc-folder', { path: file }, location);
    case 'not-a-regular-file':
      return error('reference-doc-not-regular-file', { path: file }, location);
    case 'file-too-large':
      return error('reference-doc-too-large', { path: file, size: megabytes(Number(d.params.size)), limit: megabytes(MAX_REFERENCE_BYTES) }, location);
    default:
      // A permission or a disk problem: the generic message says it of any file.
      return { ...d, location };
  }
}

function megabytes(bytes: number): string {
  return (bytes / MEGABYTE).toFixed(1).replace(/\.0$/, '');
}

/** A problem of the file's content that stops reading it. */
export class Refusal extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.code);
  }
}

/** The pure half of loadReferenceDoc: the bytes of `file` -> what the writer takes, or why not. */
export function readReferenceDoc(file: string, bytes: Uint8Array, location: Location): LoadedReference {
  const refuse = (code: WordRefusalCode, params: Record<string, string | number> = {}) => new Refusal(error(code, { path: file, ...params }, location));
  try {
    return { reference: gather(file, location, openWordPackage(bytes, refuse), refuse), diagnostics: [] };
  } catch (cause) {
    if (cause instanceof Refusal) return { diagnostics: [cause.diagnostic] };
    throw cause;
  }
}

/**
 * Makes the refusal of a Word file's content. The codes are the reference doc's; a reader of other
 * Word files (drafts) maps each to its own code, so both are refused for the same reasons.
 */
export type Refuse = (code: WordRefusalCode, params?: Record<string, string | number>) => Refusal;

export type WordRefusalCode =
  | 'reference-doc-encrypted'
  | 'reference-doc-legacy-doc'
  | 'reference-doc-not-docx'
  | 'reference-doc-damaged'
  | 'reference-doc-zip-bomb'
  | 'reference-doc-no-styles'
  | 'reference-doc-bad-xml'
  | 'reference-doc-strict';

/** The bytes of a Word file -> its zip, checked, or the refusal that says why not: an old .doc and a
 * password-protected .docx (both OLE files), anything else not a zip, a damaged zip, a zip bomb. */
export function openWordPackage(bytes: Uint8Array, refuse: Refuse): Zip {
  const kind = fileKind(bytes);
  if (kind === 'encrypted') throw refuse('reference-doc-encrypted');
  if (kind === 'ole') throw refuse('reference-doc-legacy-doc');
  if (kind !== 'zip') throw refuse('reference-doc-not-docx');
  return openZip(bytes, refuse);
}

// --- What kind of file -------------------------------------------------------------------------

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 compound file: Word 97-2003 .doc, WPS .wps, and Office's password-protected .docx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream a password-protected OOXML file keeps its encrypted zip in, as the OLE directory names
 * it (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function fileKind(bytes: Uint8Array): 'zip' | 'ole' | 'encrypted' | 'other' {
  if (startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, EMPTY_ZIP_SIGNATURE)) return 'zip';
  if (!startsWith(bytes, OLE_SIGNATURE)) return 'other';
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE) ? 'encrypted' : 'ole';
}

// --- The zip, bounded ----------------------------------------------------------------------------

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface Zip {
  /** Entries by lower-cased name: part names are case-insensitive (OPC). */
  entries: Map<string, ZipEntry>;
  read(name: string): Uint8Array | undefined;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;
const ENCRYPTED_FLAG = 1;
const STORED = 0;
const DEFLATED = 8;

/**
 * The zip's directory, checked before anything is inflated: entry count, the sizes the entries
 * declare in all, and each entry's packing ratio. zip64 is refused: a Word template never needs it.
 */
function openZip(bytes: Uint8Array, refuse: Refuse): Zip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw refuse('reference-doc-damaged');
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  const bomb = () => refuse('reference-doc-zip-bomb', { maxParts: MAX_REFERENCE_PARTS, maxSize: megabytes(MAX_REFERENCE_UNPACKED_BYTES) });
  if (count > MAX_REFERENCE_PARTS) throw bomb();
  if (directoryOffset === ZIP64_MARK) throw refuse('reference-doc-damaged');
  const entries = new Map<string, ZipEntry>();
  let declared = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) throw refuse('reference-doc-damaged');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      name: Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (flags & ENCRYPTED_FLAG) throw refuse('reference-doc-encrypted');
    if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) throw refuse('reference-doc-damaged');
    declared += entry.size;
    if (declared > MAX_REFERENCE_UNPACKED_BYTES) throw bomb();
    if (entry.size > RATIO_FLOOR_BYTES && entry.size > entry.compressedSize * MAX_PACKING_RATIO) throw bomb();
    if (!entries.has(entry.name.toLowerCase())) entries.set(entry.name.toLowerCase(), entry);
  }
  return { entries, read: (name) => readEntry(bytes, view, entries.get(name.toLowerCase()), refuse, bomb) };
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - END_RECORD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_ZIP_COMMENT; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/** One entry's bytes, inflated no further than the size it declares: an entry that would unpack to
 * more is a bomb, one that unpacks to less is damaged. */
function readEntry(bytes: Uint8Array, view: DataView, entry: ZipEntry | undefined, refuse: Refuse, bomb: () => Refusal): Uint8Array | undefined {
  if (!entry) return undefined;
  const local = entry.localOffset;
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== LOCAL_HEADER) throw refuse('reference-doc-damaged');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const packed = bytes.subarray(start, start + entry.compressedSize);
  if (packed.byteLength !== entry.compressedSize) throw refuse('reference-doc-damaged');
  let data: Uint8Array;
  if (entry.method === STORED) data = packed;
  else if (entry.method === DEFLATED) {
    try {
      // maxOutputLength stops zlib as soon as the output passes the declared size.
      data = inflateRawSync(packed, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw bomb();
      throw refuse('reference-doc-damaged');
    }
  } else throw refuse('reference-doc-damaged');
  if (data.byteLength !== entry.size) throw refuse('reference-doc-damaged');
  return data;
}

// --- XML, as far as the writer needs it -------------------------------------------------------------

/** An element of a parsed XML text, by offsets into that text. */
export interface XmlElement {
  name: string;
  /** The start tag's attributes, as written. */
  attributes: string;
  /** From its `<` to the end of its end tag (or of the self-closing tag). */
  start: number;
  end: number;
  /** Its content, between the tags; empty for a self-closing element. */
  contentStart: number;
  contentEnd: number;
  children: XmlElement[];
}

/** Not a well-formed XML document of the kind Word writes (no DTD, one root). */
export class XmlError extends Error {}

const TAG = /<(?:(\/)?([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/)?>|!--[\s\S]*?-->|\?[\s\S]*?\?>|!\[CDATA\[[\s\S]*?\]\]>)/y;

/**
 * The element tree of an XML text, checked for balance. Elements deeper than `keptDepth` (the root
 * is 1) are checked but not kept: the writer needs the body's children of a long document, not its
 * runs. Not a general XML parser: no DTD (Word writes none, and a DTD is how entity bombs come).
 */
export function parseXml(text: string, keptDepth = MAX_XML_DEPTH): XmlElement {
  const top: XmlElement = { name: '', attributes: '', start: 0, end: text.length, contentStart: 0, contentEnd: text.length, children: [] };
  const open: XmlElement[] = [top];
  // Elements deeper than keptDepth are only counted, by name, to check that they close.
  const unkept: string[] = [];
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', TAG.lastIndex)) {
    TAG.lastIndex = lt;
    const match = TAG.exec(text);
    if (!match) throw new XmlError(`unreadable markup at offset ${lt}`);
    const [, closing, name, attributes = '', selfClosing] = match;
    if (name === undefined) continue;
    if (closing) {
      if (attributes.trim() !== '' || selfClosing) throw new XmlError(`malformed end tag at offset ${lt}`);
      const closed = unkept.length > 0 ? unkept.pop() : open.length > 1 ? open.pop() : undefined;
      const closedName = typeof closed === 'string' ? closed : closed?.name;
      if (closedName !== name) throw new XmlError(`</${name}> does not close <${closedName ?? ''}> at offset ${lt}`);
      if (typeof closed === 'object') {
        closed.contentEnd = lt;
        closed.end = TAG.lastIndex;
      }
      continue;
    }
    const depth = open.length + unkept.length;
    if (depth > MAX_XML_DEPTH) throw new XmlError(`nested deeper than ${MAX_XML_DEPTH} elements`);
    if (depth > keptDepth || unkept.length > 0) {
      if (!selfClosing) unkept.push(name);
      continue;
    }
    const element: XmlElement = { name, attributes, start: lt, end: TAG.lastIndex, contentStart: TAG.lastIndex, contentEnd: TAG.lastIndex, children: [] };
    open.at(-1)!.children.push(element);
    if (!selfClosing) open.push(element);
  }
  if (open.length > 1 || unkept.length > 0) throw new XmlError(`<${unkept.at(-1) ?? open.at(-1)!.name}> is never closed`);
  if (top.children.length !== 1) throw new XmlError('not one root element');
  return top.children[0]!;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined entities and character references decoded. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** An attribute's value, decoded, or undefined. */
export function attribute(element: XmlElement, name: string): string | undefined {
  const escaped = name.replace(/[.]/g, '\\.');
  const match = new RegExp(`(?:^|\\s)${escaped}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(element.attributes);
  return match ? decodeXmlText(match[1] ?? match[2] ?? '') : undefined;
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The prefix the element's start tag binds to a namespace, if any. */
function prefixOf(element: XmlElement, namespace: string): string | undefined {
  for (const [, prefix, value] of element.attributes.matchAll(/xmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'[^']*')/g)) {
    if (value === namespace) return prefix;
  }
  return undefined;
}

// --- What the writer takes -------------------------------------------------------------------------

function xmlText(data: Uint8Array): string {
  // A byte order mark is allowed before the declaration; Word writes none.
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(data);
}

/** A part's text parsed, or the refusal that names the part. */
function parsedText(data: Uint8Array, part: string, refuse: Refuse, keptDepth?: number): { text: string; root: XmlElement } {
  const text = xmlText(data);
  try {
    return { text, root: parseXml(text, keptDepth) };
  } catch (cause) {
    if (cause instanceof XmlError) throw refuse('reference-doc-bad-xml', { part });
    throw cause;
  }
}

/** A part read and parsed; undefined when the package has no such part. */
export function parsePart(zip: Zip, part: string, refuse: Refuse, keptDepth?: number): { text: string; root: XmlElement } | undefined {
  const data = zip.read(part);
  return data ? parsedText(data, part, refuse, keptDepth) : undefined;
}

/** A WordprocessingML part's root must bind `w` to the transitional namespace the writer uses; Strict
 * Open XML (Word's "Strict Open XML Document") binds another. */
export function checkWordNamespace(root: XmlElement, rootName: string, part: string, refuse: Refuse): void {
  if (prefixOf(root, W_STRICT_NAMESPACE) !== undefined) throw refuse('reference-doc-strict');
  if (root.name !== rootName || attribute(root, 'xmlns:w') !== W_NAMESPACE) throw refuse('reference-doc-bad-xml', { part });
}

/** A w:style element as its id, type, name and whether it is the default of its type. */
export function styleOf(style: XmlElement): ReferenceStyle {
  const name = childElement(style, 'w:name');
  return {
    id: attribute(style, 'w:styleId') ?? '',
    type: attribute(style, 'w:type') ?? 'paragraph',
    name: (name && attribute(name, 'w:val')) ?? '',
    isDefault: isOn(style, 'w:default'),
  };
}

/** The part that holds a part's relationships: word/_rels/document.xml.rels for word/document.xml. */
export function relationshipsPartOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

/** A relative target resolved against its source part; undefined when it leaves the package. */
function resolveTarget(source: string, target: string): string | undefined {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray % is a literal character of the name.
  }
  const resolved = decoded.startsWith('/') ? path.posix.normalize(decoded.slice(1)) : path.posix.join(path.posix.dirname(source), decoded);
  return resolved.startsWith('../') || resolved === '..' ? undefined : resolved;
}

/** A part's relationships; an internal target that is not in the package is left out. */
function relationshipsOf(zip: Zip, part: string, refuse: Refuse): Relationship[] {
  const rels = parsePart(zip, relationshipsPartOf(part), refuse);
  if (!rels) return [];
  return childElements(rels.root, 'Relationship').flatMap((element): Relationship[] => {
    const id = attribute(element, 'Id');
    const type = attribute(element, 'Type');
    const target = attribute(element, 'Target');
    if (!id || !type || target === undefined) return [];
    if (attribute(element, 'TargetMode') === 'External') return [{ id, type, target, external: true }];
    const resolved = resolveTarget(part, target);
    const entry = resolved === undefined ? undefined : zip.entries.get(resolved.toLowerCase());
    return entry ? [{ id, type, target: entry.name, external: false }] : [];
  });
}

/** Content types by part name (Override) and by extension (Default), both lower-cased. */
function contentTypesOf(zip: Zip, refuse: Refuse): (part: string) => string {
  const types = parsePart(zip, CONTENT_TYPES_PART, refuse);
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const element of types?.root.children ?? []) {
    const type = attribute(element, 'ContentType');
    if (!type) continue;
    const partName = attribute(element, 'PartName');
    const extension = attribute(element, 'Extension');
    if (element.name === 'Override' && partName) overrides.set(partName.replace(/^\//, '').toLowerCase(), type);
    if (element.name === 'Default' && extension) defaults.set(extension.toLowerCase(), type);
  }
  return (part) => overrides.get(part.toLowerCase()) ?? defaults.get(path.posix.extname(part).slice(1).toLowerCase()) ?? 'application/octet-stream';
}

/** The body's last w:sectPr: the section properties of the document's last (usually only) section. */
function lastSection(root: XmlElement): XmlElement | undefined {
  const last = childElement(root, 'w:body')?.children.at(-1);
  return last?.name === 'w:sectPr' ? last : undefined;
}

function headerFooterReferences(section: XmlElement, relationships: readonly Relationship[], rPrefix: string): HeaderFooterReference[] {
  return section.children.flatMap((child) => {
    const kind = child.name === 'w:headerReference' ? 'header' : child.name === 'w:footerReference' ? 'footer' : undefined;
    const id = attribute(child, `${rPrefix}:id`);
    const relationship = relationships.find((r) => r.id === id && !r.external && r.type === `${RELATIONSHIP_TYPE}${kind}`);
    return kind && relationship ? [{ kind, type: attribute(child, 'w:type') ?? 'default', part: relationship.target } as const] : [];
  });
}

/** Every part reachable from `roots` through relationships, with its bytes and content type; an
 * XML part is checked, since it is copied into our package as it is. */
function partsFrom(zip: Zip, roots: readonly string[], contentType: (part: string) => string, refuse: Refuse): Record<string, ReferencePart> {
  const parts: Record<string, ReferencePart> = {};
  const pending = [...roots];
  for (let part = pending.pop(); part !== undefined; part = pending.pop()) {
    if (parts[part]) continue;
    const type = contentType(part);
    const data = zip.read(part);
    if (!data) continue;
    if (/[+/]xml$/.test(type)) parsedText(data, part, refuse, 1);
    const relationships = relationshipsOf(zip, part, refuse);
    parts[part] = { data, contentType: type, relationships };
    for (const r of relationships) if (!r.external) pending.push(r.target);
  }
  return parts;
}

function gather(file: string, location: Location, zip: Zip, refuse: Refuse): ReferenceDoc {
  const styles = parsePart(zip, REFERENCE_STYLES_PART, refuse);
  if (!styles) throw refuse('reference-doc-no-styles');
  checkWordNamespace(styles.root, 'w:styles', REFERENCE_STYLES_PART, refuse);
  // Only the body's children are needed from the document: the rest is checked, not kept.
  const document = parsePart(zip, DOCUMENT_PART, refuse, 3);
  if (document) checkWordNamespace(document.root, 'w:document', DOCUMENT_PART, refuse);
  const relationships = document ? relationshipsOf(zip, DOCUMENT_PART, refuse) : [];
  const related = (type: string) => relationships.find((r) => !r.external && r.type === `${RELATIONSHIP_TYPE}${type}`)?.target;
  const section = document && lastSection(document.root);
  const sectionXml = section ? document.text.slice(section.start, section.end) : undefined;
  const rPrefix = (document && prefixOf(document.root, R_NAMESPACE)) ?? 'r';
  const headersFooters = sectionXml ? headerFooterReferences(parseXml(sectionXml), relationships, rPrefix) : [];
  const theme = related('theme');
  const settingsPart = related('settings');
  const settings = settingsPart ? parsePart(zip, settingsPart, refuse) : undefined;
  const evenAndOdd = settings && childElement(settings.root, 'w:evenAndOddHeaders');
  return {
    path: file,
    location,
    stylesXml: styles.text,
    styles: childElements(styles.root, 'w:style').map(styleOf),
    ...(sectionXml ? { sectionXml } : {}),
    headersFooters,
    evenAndOddHeaders: evenAndOdd !== undefined && isOn(evenAndOdd),
    ...(theme ? { theme } : {}),
    parts: partsFrom(zip, [...headersFooters.map((r) => r.part), ...(theme ? [theme] : [])], contentTypesOf(zip, refuse), refuse),
  };
}

/** An on/off property (w:evenAndOddHeaders, w:default): an element is on unless its w:val says 0,
 * false or off; an attribute (`name`) only when it says 1, true or on. */
function isOn(element: XmlElement, name?: string): boolean {
  const value = attribute(element, name ?? 'w:val');
  if (name !== undefined) return value === '1' || value === 'true' || value === 'on';
  return value !== '0' && value !== 'false' && value !== 'off';
}
