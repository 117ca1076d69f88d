import type { z } from 'zod';
import { dedupeDiagnostics, error, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import { locate, sourceTextAt, type SourceFile, type YamlPath } from '../load/source-file.js';
import { isRealIsoDate } from './values.js';

export type Validated<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Runs one schema over a parsed file and turns every issue into a located diagnostic, all of them
 * at once. Zod's English messages are not shown: each issue maps to a catalogue code.
 */
export function validateFile<S extends z.ZodType>(schema: S, file: SourceFile): Validated<z.output<S>> {
  const first = schema.safeParse(file.data);
  if (first.success) return { ok: true, value: first.data, diagnostics: [] };
  const { data, warnings } = repairNumbersWrittenAsText(first.error.issues, file);
  // Parsed again only when a number was repaired; else the first result stands.
  const result = data === file.data ? first : schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data, diagnostics: warnings };
  const errors = result.error.issues.flatMap((issue) => issueDiagnostics(issue, [], schema, file));
  return { ok: false, diagnostics: dedupeDiagnostics([...warnings, ...withoutTypoEchoes(errors)]) };
}

/**
 * One typo, one message: `titel:` makes both "unknown key titel, did you mean title" and "missing
 * key title"; the second is only an echo of the first.
 */
function withoutTypoEchoes(diagnostics: Diagnostic[]): Diagnostic[] {
  const suggested = new Set(diagnostics.filter((d) => d.code === 'unknown-key-suggest').map((d) => `${d.location?.file}|${d.params.suggestion}`));
  return diagnostics.filter((d) => d.code !== 'missing-key' || !suggested.has(`${d.location?.file}|${d.params.key}`));
}

/** Full-width digits, spaces, thousands separators: 「４００」「1 000」「1,000」 -> 400, 1000. */
export function parseLooseNumber(text: string): number | undefined {
  const normalised = text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．]/g, '.')
    .replace(/[－]/g, '-')
    .replace(/[\s\u3000_]/g, '')
    .replace(/(\d)[,，](?=\d{3}(\D|$))/g, '$1');
  return /^[-+]?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : undefined;
}

/**
 * A number typed as text (Windows IMEs type full-width digits) is read as the number it spells,
 * with a warning that shows the plain form, rather than refused: the meaning is not in doubt.
 */
function repairNumbersWrittenAsText(issues: readonly Issue[], file: SourceFile): { data: unknown; warnings: Diagnostic[] } {
  let data: unknown = file.data;
  const warnings: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' || (issue.expected !== 'number' && issue.expected !== 'int')) continue;
    const value = valueAt(data, issue.path);
    const number = typeof value === 'string' ? parseLooseNumber(value) : undefined;
    if (number === undefined) continue;
    if (data === file.data) data = structuredClone(file.data);
    setAt(data, issue.path, number);
    warnings.push(warning('number-as-text', { value: String(value), suggestion: String(number) }, locate(file, issue.path)));
  }
  return { data, warnings };
}

function setAt(data: unknown, path: YamlPath, value: unknown): void {
  const parent = valueAt(data, path.slice(0, -1)) as Record<PropertyKey, unknown>;
  parent[path[path.length - 1]!] = value;
}

type Issue = z.core.$ZodIssue;

function issueDiagnostics(issue: Issue, prefix: YamlPath, root: z.ZodType, file: SourceFile): Diagnostic[] {
  const path = [...prefix, ...issue.path];
  const value = valueAt(file.data, path);
  // Whatever the schema wanted there (a type, one of some values, a period), nothing is there.
  if (value === undefined && path.length > 0 && issue.code !== 'unrecognized_keys') return [missingKey(path, file)];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(key, path, root, file));
    case 'invalid_type':
      if (issue.expected !== 'string' && typeof value === 'number' && !Number.isFinite(value)) {
        // YAML reads .inf, .nan and 1e400 as numbers that no report can print.
        return [error('number-not-finite', { value: sourceTextAt(file, path) }, locate(file, path))];
      }
      if (issue.expected === 'string' && typeof value === 'number') {
        // YAML reads 010 or 2023 as a number; an id or a name wants the characters as typed.
        const typed = sourceTextAt(file, path);
        return [error('number-needs-quotes', { value: typed, suggestion: `"${typed}"` }, locate(file, path))];
      }
      return [error('wrong-type', { expectedName: issue.expected, actualName: typeName(value) }, locate(file, path))];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = closest(String(value), allowed);
      const params = { value: String(value), allowed: listNames(allowed), ...(suggestion ? { suggestion } : {}) };
      return [error(suggestion ? 'bad-enum-suggest' : 'bad-enum', params, locate(file, path))];
    }
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return [error('empty-value', {}, locate(file, path))];
      return [error('bad-number', { value: String(value), rule: `≥ ${String(issue.minimum)}` }, locate(file, path))];
    case 'too_big':
      // Said at the first item over the limit.
      if (issue.origin === 'array') return [error('too-many-items', { max: String(issue.maximum) }, locate(file, [...path, Number(issue.maximum)]))];
      return [error('bad-number', { value: String(value), rule: `≤ ${String(issue.maximum)}` }, locate(file, path))];
    case 'invalid_union':
      return unionBranchDiagnostics(issue, path, value, root, file);
    case 'custom': {
      const code = (issue.params as { code?: DiagnosticCode } | undefined)?.code ?? 'wrong-type';
      const suggestion = code === 'bad-date' ? suggestIsoDate(String(value)) : undefined;
      if (suggestion) return [error('bad-date-suggest', { value: String(value), suggestion }, locate(file, path))];
      return [error(code, { value: String(value) }, locate(file, path))];
    }
    default:
      return [error('wrong-type', { expectedName: 'string', actualName: typeName(value) }, locate(file, path))];
  }
}

/** A union (text or a mapping): report the errors of the branch whose type the value has. */
function unionBranchDiagnostics(issue: Extract<Issue, { code: 'invalid_union' }>, path: YamlPath, value: unknown, root: z.ZodType, file: SourceFile): Diagnostic[] {
  const isTypeMismatch = (sub: Issue) => sub.code === 'invalid_type' && sub.path.length === 0;
  const branch = issue.errors.find((subs) => !subs.some(isTypeMismatch));
  if (!branch) {
    const expected = issue.errors[0]?.find(isTypeMismatch);
    const expectedType = expected?.code === 'invalid_type' ? expected.expected : 'string';
    return [error('wrong-type', { expectedName: expectedType, actualName: typeName(value) }, locate(file, path))];
  }
  return branch.flatMap((sub) => issueDiagnostics(sub, path, root, file));
}

/** Said at the key of the mapping that lacks it ("report:"), where the new line goes. */
function missingKey(path: YamlPath, file: SourceFile): Diagnostic {
  return error('missing-key', { key: String(path[path.length - 1]) }, locate(file, path.slice(0, -1), 'key'));
}

function unknownKey(key: string, path: YamlPath, root: z.ZodType, file: SourceFile): Diagnostic {
  const allowed = objectKeysAt(root, path, file.data);
  const suggestion = closest(key, allowed);
  const location = locate(file, [...path, key], 'key');
  return suggestion
    ? error('unknown-key-suggest', { key, suggestion }, location)
    : error('unknown-key', { key, allowed: listNames(allowed, 12) }, location);
}

/** The keys that the schema allows for the mapping at `path` (for "did you mean"). */
export function objectKeysAt(schema: z.ZodType, path: YamlPath, data: unknown): string[] {
  let node: unknown = schema;
  let value: unknown = data;
  for (const key of path) {
    node = objectBranch(unwrap(node), value);
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object') node = def.shape?.[String(key)];
    else if (def?.type === 'array') node = def.element;
    else return [];
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  const def = (objectBranch(unwrap(node), value) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (current?.def && (current.def.type === 'optional' || current.def.type === 'default' || current.def.type === 'nullable')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}

/** In a union, the branch that is an object schema, when the value is a mapping. */
function objectBranch(node: unknown, value: unknown): unknown {
  const def = (node as { def?: { type?: string; options?: unknown[] } } | undefined)?.def;
  if (def?.type !== 'union') return node;
  const wantObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const wantArray = Array.isArray(value);
  return (
    def.options?.find((option) => {
      const type = (unwrap(option) as { def?: { type?: string } }).def?.type;
      return wantObject ? type === 'object' : wantArray ? type === 'array' : type !== 'object' && type !== 'array';
    }) ?? node
  );
}

export function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}


/** 2023-7-5, 2023/7/5, 2023.7.5, 2023年7月5日 -> 2023-07-05, when that day exists. */
export function suggestIsoDate(value: string): string | undefined {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(value);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isRealIsoDate(iso) && iso !== value ? iso : undefined;
}
