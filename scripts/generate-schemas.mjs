// Writes schema/<kind>.schema.json from the compiled zod schemas (run by `npm run build`): the JSON
// Schema shipped for editors is generated, never edited. test/schema checks it is current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { SCHEMA_KINDS, jsonSchemaFor } from '../dist/schema/json-schema.js';

const dir = new URL('../schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const kind of SCHEMA_KINDS) {
  writeFileSync(new URL(`${kind}.schema.json`, dir), `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`);
}
