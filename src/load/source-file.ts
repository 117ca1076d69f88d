import { promises as fs } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';
import { error, type Diagnostic, type DiagnosticParams, type Location } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';
import { decodeNotes, type Decoded } from './decode.js';

/** A path into a parsed YAML document, as zod reports it: keys and sequence indexes. */
export type YamlPath = readonly PropertyKey[];

/**
 * One notes file, parsed, with everything needed to point back into it: the decoded text, the YAML
 * document (nodes keep their offsets) and a line counter. Every later stage locates its
 * diagnostics through this.
 */
export interface SourceFile {
  path: string;
  text: string;
  encoding: Decoded['encoding'];
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain data (toJS), or undefined when the YAML could not be read. */
  data: unknown;
}

export interface LoadedFile {
  file?: SourceFile;
  diagnostics: Diagnostic[];
}

/** Beyond this many alias expansions a file is an attack ("billion laughs"), not notes. */
const MAX_ALIAS_COUNT = 100;

const YAML_CODES: Partial<Record<string, DiagnosticCode>> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
};

/** How the loaders read a file: plainly, or through a run's cache (see memoizedReader). */
export type ReadSource = (path: string) => Promise<LoadedFile>;

/**
 * A reader that reads and parses each file once: `check` over a folder meets the same notes file
 * through every report that draws on it, and again on its own.
 */
export function memoizedReader(): ReadSource {
  const cache = new Map<string, Promise<LoadedFile>>();
  return (path) => {
    let loaded = cache.get(path);
    if (!loaded) cache.set(path, (loaded = loadSourceFile(path)));
    return loaded;
  };
}

/** Reads and parses one notes file; never throws for a user's mistake. */
export async function loadSourceFile(path: string): Promise<LoadedFile> {
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) return { diagnostics: [error('not-a-file', { path })] };
    bytes = await fs.readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { diagnostics: [error('file-not-found', { path })] };
    return { diagnostics: [error('read-failed', { path, detail: code ?? String(cause) })] };
  }
  return parseSourceText(path, bytes);
}

/** The pure half of loadSourceFile: bytes of a file named `path` -> parsed file and diagnostics. */
export function parseSourceText(path: string, bytes: Uint8Array): LoadedFile {
  const decoded = decodeNotes(bytes);
  const diagnostics = decoded.diagnostics.map((d) => (d.location ? d : { ...d, location: { file: path, line: 1, column: 1 } }));
  if (decoded.text === undefined) return { diagnostics };
  const text = decoded.text;
  if (text.trim() === '') {
    return { diagnostics: [...diagnostics, error('empty-file', {}, { file: path, line: 1, column: 1 })] };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const lines = countLines(text);
  const file: SourceFile = { path, text, encoding: decoded.encoding, doc, lines, data: undefined };
  const secondDocument = secondDocumentOffset(text);
  if (secondDocument >= 0) diagnostics.push(error('yaml-multiple-documents', {}, locationAt(file, secondDocument)));
  diagnostics.push(...yamlErrorDiagnostics(file, doc.errors));
  if (doc.errors.length > 0 || secondDocument >= 0) return { file, diagnostics };
  if (doc.contents === null) {
    // Only comments: as empty as an empty file, and said the same way.
    return { file, diagnostics: [...diagnostics, error('empty-file', {}, { file: path, line: 1, column: 1 })] };
  }
  try {
    file.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    diagnostics.push(error('yaml-alias-bomb', {}, locationAt(file, firstAliasOffset(doc))));
  }
  return { file, diagnostics };
}

/** Prose that starts with {{ reads as a YAML flow mapping: the fix is quotes, not braces. */
const UNQUOTED_BRACES = /(?:^|[:-]\s+)(\{\{)/;

/**
 * yaml's errors as diagnostics. One syntax error makes the parser lose its way and report dozens
 * more after it, so only the first generic one of a file is kept; the specific ones (a tab, a
 * duplicate key, prose that needs quotes) are kept one per line.
 */
function yamlErrorDiagnostics(file: SourceFile, errors: Document.Parsed['errors']): Diagnostic[] {
  const found: Diagnostic[] = [];
  const linesSeen = new Set<string>();
  let genericSeen = false;
  for (const yamlError of errors) {
    // Reported once, by our own check, at the separator.
    if (yamlError.code === 'MULTIPLE_DOCS') continue;
    const offset = yamlError.pos[0];
    const tabAt = indentTabOffset(file.text, offset);
    const line = locationAt(file, offset);
    const braces = UNQUOTED_BRACES.exec(line.sourceLine ?? '');
    let diagnostic: Diagnostic;
    if (tabAt !== undefined && (yamlError.code === 'TAB_AS_INDENT' || yamlError.code === 'BAD_INDENT')) {
      // A tab after some spaces is reported by yaml as a bad indent; the fix is the same.
      diagnostic = error('yaml-tab-indent', {}, locationAt(file, tabAt));
    } else if (braces && YAML_CODES[yamlError.code] === undefined) {
      diagnostic = error('prose-needs-quotes', {}, { ...line, column: braces.index + braces[0].length - 1 });
    } else {
      const code = YAML_CODES[yamlError.code] ?? 'yaml-syntax';
      if (code === 'yaml-syntax' && genericSeen) continue;
      genericSeen ||= code === 'yaml-syntax';
      const params: DiagnosticParams = code === 'yaml-duplicate-key' ? { key: duplicateKeyName(file.text, offset) } : { detail: firstLine(yamlError.message) };
      diagnostic = error(code, params, line);
    }
    const key = `${diagnostic.code}:${diagnostic.location?.line}`;
    if (linesSeen.has(key)) continue;
    linesSeen.add(key);
    found.push(diagnostic);
  }
  return found;
}

/**
 * Line starts from the text itself: yaml's own LineCounter misses the newlines inside a token that
 * a syntax error made run on, and then places every later problem on one line.
 */
function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** The offset of the first tab in the indentation of the line holding `offset`, if any. */
function indentTabOffset(text: string, offset: number): number | undefined {
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const pattern = /[ \t]*/y;
  pattern.lastIndex = lineStart;
  const indent = pattern.exec(text)![0];
  const tab = indent.indexOf('\t');
  return tab < 0 ? undefined : lineStart + tab;
}

/** Where the aliases start: the place to edit when their expansion is refused. */
function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function duplicateKeyName(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset));
  return (match?.[0] ?? '').trim().replace(/^["']|["']$/g, '');
}

const DOCUMENT_SEPARATOR = /^---(\s|$)/m;

/** A `---` that starts a second document (a leading one before any content is allowed). */
function secondDocumentOffset(text: string): number {
  const first = DOCUMENT_SEPARATOR.exec(text);
  if (!first) return -1;
  const before = text.slice(0, first.index);
  const hasContentBefore = before.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('#') && !line.startsWith('%'));
  if (hasContentBefore) return first.index;
  const rest = text.slice(first.index + 3);
  const second = DOCUMENT_SEPARATOR.exec(rest);
  return second ? first.index + 3 + second.index : -1;
}

/** The 1-based location of a character offset, with its source line for the caret display. */
export function locationAt(file: Pick<SourceFile, 'path' | 'text' | 'lines'>, offset: number): Location {
  const { line, col } = file.lines.linePos(Math.max(0, Math.min(offset, file.text.length)));
  return { file: file.path, line, column: col, sourceLine: sourceLine(file.text, line) };
}

export function sourceLine(text: string, line: number): string {
  return (text.split(/\r?\n/)[line - 1] ?? '').replace(/\r$/, '');
}

/** The YAML node at a path, or the deepest existing ancestor when the path runs past the data. */
export function nodeAt(doc: Document.Parsed, path: YamlPath): { node: Node | null; depth: number } {
  let node: unknown = doc.contents;
  let depth = 0;
  for (const key of path) {
    const child = childNode(node, key);
    if (child === undefined) break;
    node = child;
    depth++;
  }
  return { node: (node as Node | null) ?? null, depth };
}

function childNode(node: unknown, key: PropertyKey): unknown {
  if (isMap(node)) {
    const pair = findPair(node.items, key);
    return pair ? (pair.value ?? pair.key) : undefined;
  }
  if (isSeq(node) && typeof key === 'number') return node.items[key];
  return undefined;
}

function findPair(items: Pair[], key: PropertyKey): Pair | undefined {
  return items.find((pair) => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(key));
}

/** Location of the value at `path` (or of its key when `target` is 'key'). */
export function locate(file: SourceFile, path: YamlPath, target: 'value' | 'key' = 'value'): Location {
  if (target === 'key' && path.length > 0) {
    const parent = nodeAt(file.doc, path.slice(0, -1));
    if (parent.depth === path.length - 1 && isMap(parent.node)) {
      const pair = findPair(parent.node.items, path[path.length - 1]!);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return locationAt(file, keyNode.range[0]);
    }
  }
  const { node } = nodeAt(file.doc, path);
  return locationAt(file, node?.range?.[0] ?? 0);
}

/**
 * Location of a piece of text inside the scalar at `path` (an expression inside a prose string):
 * its own line and column when it appears in the source as written, else the scalar's start.
 */
export function locateText(file: SourceFile, path: YamlPath, needle: string): Location {
  const { node } = nodeAt(file.doc, path);
  const range = node?.range;
  if (range && needle) {
    const offset = file.text.indexOf(needle, range[0]);
    if (offset >= 0 && offset < range[1]) return locationAt(file, offset);
  }
  return locate(file, path);
}

/** The characters of the value at `path` as typed in the file (010, not 10). */
export function sourceTextAt(file: SourceFile, path: YamlPath): string {
  const { node } = nodeAt(file.doc, path);
  return node?.range ? file.text.slice(node.range[0], node.range[1]).trim() : '';
}
