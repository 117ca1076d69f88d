import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSourceText } from '../../src/load/source-file.js';
import { FILE_KINDS, FILE_SCHEMAS, jsonSchemaFor, type FileKind } from '../../src/schema/json-schema.js';
import { EXAMPLE_DIR, REPO_ROOT } from '../helpers/workspace.js';

/**
 * The JSON Schema shipped for editors (schema/<kind>.schema.json) and the zod schema that `check`
 * runs are one rule: the committed files are what the zod schemas generate now, and both accept
 * and reject the same notes, the shipped examples and every file of the bad-input corpus that
 * parses as YAML.
 */
const SCHEMA_DIR = path.join(REPO_ROOT, 'schema');
const CORPUS = path.join(REPO_ROOT, 'test', 'fixtures', 'bad');

function committedSchema(kind: FileKind): object {
  return JSON.parse(readFileSync(path.join(SCHEMA_DIR, `${kind}.schema.json`), 'utf8')) as object;
}

function yamlFilesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name))
    .sort();
}

/** The data of every notes file that parses, decoded as `check` decodes it (BOMs, UTF-16, GB18030). */
const FILES = [...yamlFilesBelow(EXAMPLE_DIR), ...yamlFilesBelow(CORPUS)].flatMap((file) => {
  const { file: parsed } = parseSourceText(file, readFileSync(file));
  return parsed?.data === undefined ? [] : [{ name: path.relative(REPO_ROOT, file), data: parsed.data }];
});

/** Every (container, key) of plain data: the places a value can be replaced. */
function containers(data: unknown): [Record<string, unknown>, string][] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  return Object.keys(record).flatMap((key) => [[record, key] as [Record<string, unknown>, string], ...containers(record[key])]);
}

// strict: unknown keywords or formats in the generated schema would be a generator bug.
const ajv = new Ajv2020({ strict: true, allErrors: true });
const VALIDATORS = new Map(FILE_KINDS.map((kind) => [kind, ajv.compile(committedSchema(kind))]));

describe('the shipped JSON Schemas', () => {
  it.each(FILE_KINDS)('schema/%s.schema.json is what the zod schema generates (else run npm run build)', (kind) => {
    expect(committedSchema(kind)).toEqual(jsonSchemaFor(kind));
  });

  it('are checked against the examples and most of the corpus, valid and invalid', () => {
    expect(FILES.filter((f) => f.name.startsWith('examples')).length).toBe(4);
    // Fixtures that do not parse (syntax errors, bad bytes) are left out; most parse.
    expect(FILES.length).toBeGreaterThanOrEqual(60);
    const accepted = FILES.filter((f) => FILE_KINDS.some((kind) => FILE_SCHEMAS[kind].safeParse(f.data).success));
    expect(accepted.length).toBeGreaterThanOrEqual(30);
    expect(FILES.length - accepted.length).toBeGreaterThanOrEqual(20);
  });

  it.each(FILES.map((f) => [f.name, f] as const))('Ajv and zod agree on %s', (_name, { data }) => {
    const verdicts = FILE_KINDS.map((kind) => {
      const ajvAccepts = VALIDATORS.get(kind)!(data);
      const zodAccepts = FILE_SCHEMAS[kind].safeParse(data).success;
      return { kind, ajvAccepts, zodAccepts };
    });
    for (const v of verdicts) expect(v.ajvAccepts, `${v.kind}: Ajv ${v.ajvAccepts}, zod ${v.zodAccepts}`).toBe(v.zodAccepts);
  });

  it('agree on the examples with any one value replaced or removed (fast-check)', () => {
    const examples = FILES.filter((f) => f.name.startsWith('examples')).map((f) => f.data);
    const tricky = fc.constantFrom('', '４００', '2023-02-29', '2024-02-29', '2023/7/5', '2023-H3', '2023-h1', 'a b', '编号', 1.5, -1, 0, Infinity, null);
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.nat(), fc.option(fc.oneof(fc.jsonValue({ maxDepth: 2 }), tricky)), (example, at, value) => {
        const data = structuredClone(example);
        const slots = containers(data);
        const [parent, key] = slots[at % slots.length]!;
        if (value === null && Array.isArray(parent)) parent.splice(Number(key), 1);
        else if (value === null) delete parent[key];
        else parent[key] = value;
        for (const kind of FILE_KINDS) expect(VALIDATORS.get(kind)!(data), kind).toBe(FILE_SCHEMAS[kind].safeParse(data).success);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['2023-h1.yaml', 'report'],
    ['activities/2023.yaml', 'activities'],
    ['metrics/2023-h1.yaml', 'metrics'],
    ['plans/2023.yaml', 'plans'],
  ] as const)('accept the example %s as a %s file', (file, kind) => {
    const { data } = FILES.find((f) => f.name === path.relative(REPO_ROOT, path.join(EXAMPLE_DIR, file)))!;
    const validate = VALIDATORS.get(kind)!;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });
});
