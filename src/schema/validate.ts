import type { z } from 'zod';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';
import { closest, listNames } from '../diagnostics/suggest.js';
import { locate, type SourceFile, type YamlPath } from '../load/source-file.js';

export type Validated<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Runs one schema over a parsed file and turns every issue into a located diagnostic, all of them
 * at once. Zod's English messages are not shown: each issue maps to a catalogue code.
 */
export function validateFile<S extends z.ZodType>(schema: S, file: SourceFile): Validated<z.output<S>> {
  const result = schema.safeParse(file.data);
  if (result.success) return { ok: true, value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => issueDiagnostics(issue, [], schema, file));
  return { ok: false, diagnostics: dedupe(diagnostics) };
}

type Issue = z.core.$ZodIssue;

function issueDiagnostics(issue: Issue, prefix: YamlPath, root: z.ZodType, file: SourceFile): Diagnostic[] {
  const path = [...prefix, ...issue.path];
  const value = valueAt(file.data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(key, path, root, file));
    case 'invalid_type':
      if (value === undefined) {
        return [error('missing-key', { key: String(path[path.length - 1] ?? '') }, locate(file, path.slice(0, -1)))];
      }
      return [error('wrong-type', { expected: issue.expected, actual: typeName(value) }, locate(file, path))];
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
      return [error('bad-number', { value: String(value), rule: `≤ ${String(issue.maximum)}` }, locate(file, path))];
    case 'invalid_union':
      return unionBranchDiagnostics(issue, path, value, root, file);
    case 'custom': {
      const code = (issue.params as { code?: DiagnosticCode } | undefined)?.code ?? 'wrong-type';
      return [error(code, { value: String(value) }, locate(file, path))];
    }
    default:
      return [error('wrong-type', { expected: 'string', actual: typeName(value) }, locate(file, path))];
  }
}

/** A union (text or a mapping): report the errors of the branch whose type the value has. */
function unionBranchDiagnostics(issue: Extract<Issue, { code: 'invalid_union' }>, path: YamlPath, value: unknown, root: z.ZodType, file: SourceFile): Diagnostic[] {
  const isTypeMismatch = (sub: Issue) => sub.code === 'invalid_type' && sub.path.length === 0;
  const branch = issue.errors.find((subs) => !subs.some(isTypeMismatch));
  if (!branch) {
    const expected = issue.errors[0]?.find(isTypeMismatch);
    const expectedType = expected?.code === 'invalid_type' ? expected.expected : 'string';
    return [error('wrong-type', { expected: expectedType, actual: typeName(value) }, locate(file, path))];
  }
  return branch.flatMap((sub) => issueDiagnostics(sub, path, root, file));
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

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}:${d.location?.line}:${d.location?.column}:${JSON.stringify(d.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
