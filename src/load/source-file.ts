import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, statSync, type Stats } from 'node:fs';
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser, visit, type CST, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { error, warning, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { decodeNotes, MAX_NOTES_FILE_BYTES, type Decoded } from './decode.js';
import { CONTROL_CHARACTER, fastData } from './fast-data.js';

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
  /**
   * Built at its first use when the data was read by the fast parser (see fastData): a file of
   * 100,000 entries takes the yaml package seconds and hundreds of MB, spent only to locate a problem.
   */
  readonly doc: Document.Parsed;
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
  const read = await readBoundedFile(path, MAX_NOTES_FILE_BYTES);
  if (read.diagnostic) return { diagnostics: [read.diagnostic] };
  return parseSourceText(path, read.bytes);
}

/** A file's bytes, or the one diagnostic that says why it cannot be read. */
export type ReadOutcome = { bytes: Uint8Array; diagnostic?: undefined } | { bytes?: undefined; diagnostic: Diagnostic };

/**
 * Reads a file the user pointed at, at most `limit` bytes, without ever blocking: a FIFO, a device
 * or a socket is refused before it is opened, a file too large is refused by its size before it is
 * read, and a file that grows after the stat is caught by reading one byte past the limit.
 */
export async function readBoundedFile(filePath: string, limit: number): Promise<ReadOutcome> {
  // Synchronous calls: a read is a few system calls on a small file, and each awaited one is a trip
  // through the thread pool, which a batch of reports pays dozens of times a report.
  let fd: number | undefined;
  try {
    const refused = refusal(filePath, statSync(filePath), limit);
    if (refused) return { diagnostic: refused };
    // Non-blocking, and checked again on the descriptor: the path may have been swapped for a FIFO.
    fd = openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    const swapped = refusal(filePath, stat, limit);
    if (swapped) return { diagnostic: swapped };
    const bytes = readAtMost(fd, limit + 1, stat.size + 1);
    if (bytes.length > limit) return { diagnostic: tooLarge(filePath, bytes.length, limit) };
    return { bytes };
  } catch (cause) {
    return { diagnostic: await readFailure(filePath, cause) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function refusal(filePath: string, stat: Stats, limit: number): Diagnostic | undefined {
  if (stat.isDirectory()) return error('not-a-file', { path: filePath });
  if (!stat.isFile()) return error('not-a-regular-file', { path: filePath });
  if (stat.size > limit) return tooLarge(filePath, stat.size, limit);
  return undefined;
}

function tooLarge(filePath: string, size: number, limit: number): Diagnostic {
  return error('file-too-large', { size, limit }, { file: filePath, line: 1, column: 1 });
}

/**
 * Up to `count` bytes, in a buffer sized for what the stat promised (`expected`) and grown only if
 * the file grew: a buffer of the whole limit per file would cost a batch more than its reports.
 */
function readAtMost(fd: number, count: number, expected: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.min(count, Math.max(expected, 1)));
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      if (buffer.length === count) break;
      const grown = Buffer.allocUnsafe(Math.min(count, buffer.length * 2));
      buffer.copy(grown, 0, 0, filled);
      buffer = grown;
    }
    const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** What an errno means for the person who named the file. */
export async function readFailure(filePath: string, cause: unknown): Promise<Diagnostic> {
  const code = (cause as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      // A link whose target is gone exists itself: "not found" would send the user looking for it.
      return (await isSymbolicLink(filePath)) ? error('broken-symlink', { path: filePath }) : error('file-not-found', { path: filePath });
    case 'ELOOP':
      return error('symlink-loop', { path: filePath });
    case 'EISDIR':
      return error('not-a-file', { path: filePath });
    case 'ENXIO':
    case 'ENODEV':
      return error('not-a-regular-file', { path: filePath });
    case 'EACCES':
    case 'EPERM':
      return error('permission-denied', { path: filePath });
    default:
      return error('read-failed', { path: filePath, detail: code ?? String(cause) });
  }
}

async function isSymbolicLink(filePath: string): Promise<boolean> {
  return (await fs.lstat(filePath).catch(() => undefined))?.isSymbolicLink() ?? false;
}

/**
 * The pure half of loadSourceFile: bytes of a file named `path` -> parsed file and diagnostics.
 * `readData` is the fast parser, tried first (a test passes one that never reads, for the yaml path alone).
 */
export function parseSourceText(path: string, bytes: Uint8Array, readData: typeof fastData = fastData): LoadedFile {
  const decoded = decodeNotes(bytes);
  const diagnostics = decoded.diagnostics.map((d) => (d.location ? d : { ...d, location: { file: path, line: 1, column: 1 } }));
  if (decoded.text === undefined) return { diagnostics };
  const text = decoded.text;
  if (text.trim() === '') {
    return { diagnostics: [...diagnostics, error('empty-file', {}, { file: path, line: 1, column: 1 })] };
  }
  const lines = countLines(text);
  const secondDocument = secondDocumentOffset(text);
  const fast = secondDocument < 0 ? readData(text) : undefined;
  if (fast) return { file: withDoc({ path, text, encoding: decoded.encoding, lines, data: fast.data }, () => parseYaml(text).doc), diagnostics };
  const { doc, props } = parseYaml(text);
  const file = withDoc({ path, text, encoding: decoded.encoding, lines, data: undefined as unknown }, () => doc);
  if (secondDocument >= 0) diagnostics.push(error('yaml-multiple-documents', {}, locationAt(file, secondDocument)));
  const nodes = nodeProblems(file);
  const blocking = [...yamlErrorDiagnostics(file, doc.errors), ...unsupportedProps(file, props), ...nodes.blocking];
  diagnostics.push(...onePerLine([...blocking, ...rawControlCharacters(file), ...nodes.controls]));
  if (blocking.length > 0 || secondDocument >= 0) return { file, diagnostics: capped(diagnostics) };
  if (doc.contents === null) {
    // Only comments: as empty as an empty file, and said the same way.
    return { file, diagnostics: [...diagnostics, error('empty-file', {}, { file: path, line: 1, column: 1 })] };
  }
  try {
    // Without a * there is no alias to count.
    if (text.includes('*') && aliasesAmplify(doc)) throw new RangeError('alias expansion');
    file.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    diagnostics.push(error('yaml-alias-bomb', {}, locationAt(file, firstAliasOffset(doc))));
  }
  return { file, diagnostics: capped(diagnostics) };
}

/** A source file whose `doc` is `parse()`d at its first use, once. */
function withDoc(fields: Omit<SourceFile, 'doc'>, parse: () => Document.Parsed): SourceFile {
  let doc: Document.Parsed | undefined;
  return Object.defineProperty(fields, 'doc', { get: () => (doc ??= parse()), enumerable: true }) as SourceFile;
}

/** A tag (!!binary) or a directive (%YAML 1.1), where it was written. */
type PropToken = CST.SourceToken | CST.Directive;

/**
 * parseDocument, keeping the tags and directives of the token stream: the document's nodes do not
 * say where their tag was written. Keys are not checked for uniqueness here: yaml compares each
 * key with every earlier one, which takes minutes on a file of 100,000 keys (see nodeProblems).
 */
function parseYaml(text: string): { doc: Document.Parsed; props: PropToken[] } {
  const props: PropToken[] = [];
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, strict: true });
  function* collectingProps(tokens: Iterable<CST.Token>): Generator<CST.Token> {
    for (const token of tokens) {
      collectProps(token, props);
      yield token;
    }
  }
  let doc: Document.Parsed | undefined;
  // The first document only: a second one is reported by secondDocumentOffset.
  for (const next of composer.compose(collectingProps(new Parser().parse(text)), true, text.length)) {
    if (doc) break;
    doc = next;
  }
  // Walked from a stack: back into the order they were written.
  return { doc: doc!, props: props.sort((a, b) => a.offset - b.offset) };
}

/** Every tag and directive token below `root`, walked without recursion (nesting can be deep). */
function collectProps(root: CST.Token, found: PropToken[]): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    const type = (item as { type?: unknown }).type;
    if (type === 'tag' || type === 'directive') found.push(item as PropToken);
    else for (const value of Array.isArray(item) ? item : Object.values(item)) if (typeof value === 'object') stack.push(value);
  }
}

/** `!!str` only makes a value text, as quotes do; every other tag changes what the data is. */
const ALLOWED_TAGS = new Set(['!!str']);

/**
 * YAML features the notes do not use, which would otherwise surface as unrelated errors: a %YAML
 * directive other than 1.2 (YAML 1.1 reads dates as timestamps and yes as true) and explicit tags
 * (!!binary, !!timestamp, custom ones). Merge keys are found by nodeProblems.
 */
function unsupportedProps(file: SourceFile, props: readonly PropToken[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const token of props) {
    if (token.type === 'directive') {
      const [name, version] = token.source.split(/\s+/);
      if (name === '%YAML' && version !== '1.2') found.push(error('yaml-version-unsupported', { version: version ?? '' }, locationAt(file, token.offset)));
    } else if (!ALLOWED_TAGS.has(token.source)) {
      found.push(error('yaml-tag-unsupported', { tag: token.source }, locationAt(file, token.offset)));
    }
  }
  return found;
}

/**
 * The checks that look at the document's nodes, in one walk (a walk each costs seconds on a file
 * of 100,000 keys): `blocking` problems keep the data from being built, `controls` do not.
 */
function nodeProblems(file: SourceFile): { blocking: Diagnostic[]; controls: Diagnostic[] } {
  const blocking: Diagnostic[] = [];
  const controls: Diagnostic[] = [];
  visit(file.doc, {
    Map(_key, map) {
      blocking.push(...duplicateKeys(file, map.items));
    },
    Pair(_key, pair) {
      if (isMergeKey(pair.key)) blocking.push(error('yaml-merge-key', {}, locationAt(file, pair.key.range?.[0] ?? 0)));
    },
    Scalar(_key, scalar) {
      const escaped = escapedControlCharacter(file, scalar);
      if (escaped) controls.push(escaped);
    },
  });
  return { blocking, controls };
}

/** `<<` unquoted: a merge key in YAML 1.1, which YAML 1.2 (and these notes) do not have. */
function isMergeKey(key: unknown): key is Scalar {
  return isScalar(key) && key.type === 'PLAIN' && key.value === '<<';
}

/** Keys written twice in one mapping, found with a set (linear, unlike yaml's own check). */
function duplicateKeys(file: SourceFile, items: readonly Pair[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<unknown>();
  for (const { key } of items) {
    if (!isScalar(key)) continue;
    if (seen.has(key.value)) found.push(error('yaml-duplicate-key', { key: String(key.value) }, locationAt(file, key.range?.[0] ?? 0)));
    seen.add(key.value);
  }
  return found;
}

/** Control characters typed into the file, each at its place. */
function rawControlCharacters(file: SourceFile): Diagnostic[] {
  const found: Diagnostic[] = [];
  const raw = new RegExp(CONTROL_CHARACTER.source, 'g');
  for (let match = raw.exec(file.text); match && found.length <= MAX_FILE_DIAGNOSTICS; match = raw.exec(file.text)) {
    found.push(error('control-character', { codePoint: codePointName(match[0]) }, locationAt(file, match.index)));
  }
  return found;
}

/** A control character that an escape in a double-quoted string ("\e", "\x00") put into a value, at the string. */
function escapedControlCharacter(file: SourceFile, scalar: Scalar): Diagnostic | undefined {
  if (typeof scalar.value !== 'string' || !scalar.range) return undefined;
  const inValue = CONTROL_CHARACTER.exec(scalar.value);
  // Typed raw, it is reported at the character by rawControlCharacters.
  if (!inValue || CONTROL_CHARACTER.test(file.text.slice(scalar.range[0], scalar.range[1]))) return undefined;
  return error('control-character', { codePoint: codePointName(inValue[0]) }, locationAt(file, scalar.range[0]));
}

/** U+001B, as Unicode names a character. */
function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Past this, a file's problems are one mistake repeated or not notes at all: more lines help nobody. */
const MAX_FILE_DIAGNOSTICS = 200;

function capped(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_FILE_DIAGNOSTICS) return diagnostics;
  const rest = diagnostics.slice(MAX_FILE_DIAGNOSTICS);
  const severity = rest.some((d) => d.severity === 'error') ? error : warning;
  return [...diagnostics.slice(0, MAX_FILE_DIAGNOSTICS), severity('too-many-problems', { shown: MAX_FILE_DIAGNOSTICS }, rest[0]!.location)];
}

/** The same problem on the same line is one edit: say it once. */
function onePerLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}:${d.location?.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Aliases may at most double what a file holds, and a little more: a small file whose aliases
 * expand to hundreds of thousands of nodes ("billion laughs") takes minutes to build and render,
 * long before yaml's alias count limit fires. Counted without expanding, each node once.
 */
function aliasesAmplify(doc: Document.Parsed): boolean {
  const targets = new Map<unknown, unknown>();
  const anchors = new Map<string, unknown>();
  let own = 0;
  visit(doc, {
    Node(_key, node) {
      own++;
      // In document order: an alias means the latest anchor of its name before it.
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  if (targets.size === 0) return false;
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  const expanded = (node: unknown): number => {
    if (isAlias(node)) return expanded(targets.get(node));
    if (!isMap(node) && !isSeq(node)) return node ? 1 : 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // An alias inside its own anchor: data without end.
    if (open.has(node)) return Infinity;
    open.add(node);
    let size = 1;
    for (const item of node.items) size += isPair(item) ? expanded(item.key) + expanded(item.value) : expanded(item);
    open.delete(node);
    sizes.set(node, size);
    return size;
  };
  return expanded(doc.contents) > 2 * own + ALIAS_ALLOWANCE;
}

/** Nodes aliases may add beyond doubling a file: room for a list of tags reused a few dozen times. */
const ALIAS_ALLOWANCE = 10_000;

/** Prose that starts with {{ reads as a YAML flow mapping: the fix is quotes, not braces. */
const UNQUOTED_BRACES = /(?:^|[:-]\s+)(\{\{)/;

/**
 * yaml's errors as diagnostics. One syntax error makes the parser lose its way and report dozens
 * more after it, so only the first generic one of a file is kept; the specific ones (a tab, prose
 * that needs quotes) are kept, one per line (see onePerLine).
 */
function yamlErrorDiagnostics(file: SourceFile, errors: Document.Parsed['errors']): Diagnostic[] {
  const found: Diagnostic[] = [];
  let genericSeen = false;
  for (const yamlError of errors) {
    // Reported once, by our own check, at the separator.
    if (yamlError.code === 'MULTIPLE_DOCS') continue;
    const offset = yamlError.pos[0];
    const tabAt = indentTabOffset(file.text, offset);
    const line = locationAt(file, offset);
    const braces = UNQUOTED_BRACES.exec(line.sourceLine ?? '');
    if (tabAt !== undefined && (yamlError.code === 'TAB_AS_INDENT' || yamlError.code === 'BAD_INDENT')) {
      // A tab after some spaces is reported by yaml as a bad indent; the fix is the same.
      found.push(error('yaml-tab-indent', {}, locationAt(file, tabAt)));
    } else if (yamlError.code === 'TAB_AS_INDENT') {
      found.push(error('yaml-tab-indent', {}, line));
    } else if (braces) {
      found.push(error('prose-needs-quotes', {}, { ...line, column: braces.index + braces[0].length - 1 }));
    } else if (!genericSeen) {
      genericSeen = true;
      found.push(error('yaml-syntax', { detail: firstLine(yamlError.message) }, line));
    }
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
  return { file: file.path, line, column: col, sourceLine: lineText(file, line) };
}

/** The text of a 1-based line, from the line starts already counted (splitting per call is quadratic). */
function lineText(file: Pick<SourceFile, 'text' | 'lines'>, line: number): string {
  const { lineStarts } = file.lines;
  const start = lineStarts[line - 1] ?? file.text.length;
  return file.text.slice(start, lineStarts[line] ?? file.text.length).replace(/\r?\n?$/, '');
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

/** Each mapping's pairs by key, built at its first lookup: a located diagnostic per key of a large mapping would otherwise scan it once per key. */
const pairIndexes = new WeakMap<Pair[], Map<string, Pair>>();

function findPair(items: Pair[], key: PropertyKey): Pair | undefined {
  let index = pairIndexes.get(items);
  if (!index) {
    index = new Map();
    for (const pair of items) {
      // The first of duplicate keys, as a scan from the start would find.
      if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    }
    pairIndexes.set(items, index);
  }
  return index.get(String(key));
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
 * A location in `file` found when first read: a place kept for a problem that may never come (the
 * sources line that drew a notes file in, where a printed figure was written) costs nothing, where
 * finding it builds the file's node tree.
 */
export function lazyLocation(file: string, find: () => Location): Location {
  let found: Location | undefined;
  const get = () => (found ??= find());
  return {
    file,
    get line() {
      return get().line;
    },
    get column() {
      return get().column;
    },
    get sourceLine() {
      return get().sourceLine;
    },
  };
}

/** locate(file, path), found when first read (see lazyLocation). */
export function lazyLocate(file: SourceFile, path: YamlPath): Location {
  return lazyLocation(file.path, () => locate(file, path));
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
