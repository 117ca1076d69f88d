// Writes schema/<kind>.schema.json from the compiled zod schemas (run by `npm run build`): the JSON
// Schema shipped for editors is generated, never edited. test/schema checks it is current. Then the
// validators precompiled from them (src/schema/precompiled.ts, committed like schema/, and its copy
// in dist/ so that this build already runs it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { SCHEMA_KINDS, jsonSchemaFor, valuePlanFor } from '../dist/schema/json-schema.js';
import { precompiledValidatorsSource } from './precompile-validators.mjs';

const dir = new URL('../schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const kind of SCHEMA_KINDS) {
  writeFileSync(new URL(`${kind}.schema.json`, dir), `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`);
}
const source = precompiledValidatorsSource(Object.fromEntries(SCHEMA_KINDS.map((kind) => [kind, { jsonSchema: jsonSchemaFor(kind), plan: valuePlanFor(kind) }])));
writeFileSync(new URL('../src/schema/precompiled.ts', import.meta.url), source);
writeFileSync(new URL('../dist/schema/precompiled.js', import.meta.url), source);
