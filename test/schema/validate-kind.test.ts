import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types.
import { precompiledValidatorsSource } from '../../scripts/precompile-validators.mjs';
import { RULE_CODES } from '../../src/diagnostics/rules.js';
import { parseSourceText, type SourceFile } from '../../src/load/source-file.js';
import { jsonSchemaFor, SCHEMA_KINDS, SCHEMAS, valuePlanFor, type SchemaKind } from '../../src/schema/json-schema.js';
import { validateFile } from '../../src/schema/validate.js';
import { validateKind } from '../../src/schema/validate-kind.js';
import { REPO_ROOT } from '../helpers/workspace.js';

/**
 * `validateKind` decides with Ajv code precompiled from the shipped JSON Schemas and loads zod only
 * for a file it refuses. That is sound only if whatever it accepts, zod accepts too, giving the same
 * value (trimmed texts, keys in the schema's order): checked on every notes file of the repo and on
 * generated data; and the committed code is what the build generates now.
 */

function yamlFilesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name))
    .sort();
}

const FILES: SourceFile[] = ['examples', 'starter', path.join('test', 'fixtures')].flatMap((dir) =>
  yamlFilesBelow(path.join(REPO_ROOT, dir)).flatMap((file) => {
    const { file: parsed } = parseSourceText(file, readFileSync(file));
    return parsed?.data === undefined ? [] : [parsed];
  }),
);

/** A config with every key written, spaces and a trailing newline left for the schema to trim. */
const FULL_CONFIG = {
  org: ' 青溪街道人大工委\n',
  signature: '青溪街道人民代表大会工作委员会',
  formal: { issuer: ' 青溪街道人大工委文件', signer: '张三', 'copy-to': ['区人大常委会', ' 街道党工委 '], printer: '青溪街道人大工委办公室' },
  out: ' dist ',
  formats: ['docx', 'md', 'html'],
  preset: 'plain',
  fonts: { body: ' 仿宋_GB2312 ', title: '方正小标宋简体' },
  templates: ['templates', 'more'],
  'reference-doc': '单位模板.docx',
  lang: 'en',
  rules: Object.fromEntries(RULE_CODES.slice(0, 3).map((code) => [code, 'warning'])),
};

const SEEDS: { name: string; file: SourceFile }[] = [
  ...FILES.map((file) => ({ name: path.relative(REPO_ROOT, file.path), file })),
  { name: 'a full config', file: { ...FILES[0]!, data: FULL_CONFIG } },
  { name: 'a config naming a font set', file: { ...FILES[0]!, data: { ...FULL_CONFIG, fonts: 'gb2312' } } },
];

/** Same result, and the same key order at every level (toEqual ignores it; the prose does not). */
async function expectSameAsZod(kind: SchemaKind, file: SourceFile): Promise<boolean> {
  const fast = await validateKind(kind, file);
  const zod = validateFile(SCHEMAS[kind], file);
  expect(fast).toEqual(zod);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
  return fast.ok;
}

/** Every (container, key) of plain data: the places a value can be replaced. */
function containers(data: unknown): [Record<string, unknown>, string][] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  return Object.keys(record).flatMap((key) => [[record, key] as [Record<string, unknown>, string], ...containers(record[key])]);
}

describe('validateKind', () => {
  it('runs the code that the build generates from the shipped schemas (else run npm run build)', () => {
    const kinds = Object.fromEntries(SCHEMA_KINDS.map((kind) => [kind, { jsonSchema: jsonSchemaFor(kind), plan: valuePlanFor(kind) }]));
    expect(readFileSync(path.join(REPO_ROOT, 'src', 'schema', 'precompiled.ts'), 'utf8')).toBe(precompiledValidatorsSource(kinds));
  });

  it('gives what zod gives for every notes file of the repo, as every kind', async () => {
    expect(SEEDS.length).toBeGreaterThanOrEqual(80);
    let accepted = 0;
    for (const { name, file } of SEEDS) {
      for (const kind of SCHEMA_KINDS) {
        if (await expectSameAsZod(kind, file).catch((cause: unknown) => Promise.reject(new Error(`${name} as ${kind}: ${String(cause)}`)))) accepted++;
      }
    }
    // The examples, the starter and the valid fixtures: the fast path is the common one.
    expect(accepted).toBeGreaterThanOrEqual(30);
  });

  it('gives what zod gives with any one value replaced or removed (fast-check)', async () => {
    const texts = fc.constantFrom('', ' ', '\n', ' a ', 'a\nb', '\u3000编号\u3000', ' 2023-07-05', '2023-02-29', '2024-02-29', '2023-H1', ' 2023-h1', '2023-H3', 'a b', '编号', 'metrics', 'docx', 'gb2312', 'error', 'off', '４００', '1,000');
    const numbers = fc.constantFrom(0, -1, 1.5, 2023, 1e15, -1e15, 999999999999999, 2 ** 53, Number.NaN, Infinity, -Infinity);
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), texts, numbers, fc.array(texts, { maxLength: 3 }), fc.dictionary(texts, texts, { maxKeys: 2, noNullPrototype: true /* plain objects, as YAML gives */ }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SEEDS), fc.constantFrom(...SCHEMA_KINDS), fc.nat(), fc.option(value), async (seed, kind, at, replacement) => {
        const data = structuredClone(seed.file.data);
        const slots = containers(data);
        if (slots.length === 0) return;
        const [parent, key] = slots[at % slots.length]!;
        if (replacement === null && Array.isArray(parent)) parent.splice(Number(key), 1);
        else if (replacement === null) delete parent[key];
        else parent[key] = replacement;
        await expectSameAsZod(kind, { ...seed.file, data });
      }),
      { numRuns: 2000 },
    );
  });
});
