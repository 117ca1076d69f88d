// Regenerates the parts of README.md and README.zh-CN.md that are derived from the code: the field
// reference (from the JSON Schemas, themselves generated from the zod schemas) and the table of
// diagnostic codes (from the message catalogue). Run `npm run docs` after changing either;
// test/docs.test.ts fails while the READMEs are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogueEntry, diagnosticCodes } from '../dist/diagnostics/messages.js';
import { SCHEMA_KINDS, jsonSchemaFor } from '../dist/schema/json-schema.js';

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The schema a `$ref` (into the shipped schema's own $defs) stands for. */
function deref(schema, root) {
  let current = schema;
  while (current?.$ref) current = root.$defs?.[current.$ref.replace('#/$defs/', '')];
  return current ?? {};
}

function typeOf(schema, root) {
  schema = deref(schema, root);
  if (schema.anyOf) return schema.anyOf.map((branch) => typeOf(branch, root)).join(' or ');
  if (schema.type === 'array') {
    const items = deref(schema.items, root);
    return `list of ${items.type === 'object' ? 'mappings' : typeOf(items, root)}`;
  }
  if (schema.enum) return schema.enum.map((v) => `\`${v}\``).join(', ');
  return schema.type ?? 'any';
}

/**
 * Rows `path | type | required | description`, depth first, for every property of a schema. A field
 * nested in a field of its own name (sections in sections) gets its row but not its children again:
 * they are the rows above.
 */
function fieldRows(schema, prefix, root) {
  const rows = [];
  schema = deref(schema, root);
  const required = new Set(schema.required ?? []);
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const property = deref(raw, root);
    const path = `${prefix}${name}`;
    const description = property.description ?? raw.description;
    rows.push(`| \`${path}\` | ${cell(typeOf(property, root))} | ${required.has(name) ? 'yes' : ''} | ${cell(description)} |`);
    if (prefix.includes(`${name}[].`) || prefix.startsWith(`${name}.`)) continue;
    const nested = property.type === 'array' ? deref(property.items, root) : property;
    for (const branch of (nested?.anyOf ?? [nested]).map((b) => deref(b, root))) {
      if (branch?.type === 'object') rows.push(...fieldRows(branch, `${path}${property.type === 'array' ? '[]' : ''}.`, root));
    }
  }
  return rows;
}

function fieldReference() {
  return SCHEMA_KINDS.map((kind) => {
    const header = `**${kind}** (\`schema/${kind}.schema.json\`)\n\n| field | type | required | description |\n|---|---|---|---|`;
    const schema = jsonSchemaFor(kind);
    return `${header}\n${fieldRows(schema, '', schema).join('\n')}`;
  }).join('\n\n');
}

function diagnosticTable(lang) {
  const head = lang === 'zh' ? '| 代码 | 含义 | 怎么改 |\n|---|---|---|' : '| code | meaning | what to do |\n|---|---|---|';
  const rows = diagnosticCodes.map((code) => {
    const text = catalogueEntry(code)[lang];
    return `| \`${code}\` | ${cell(text.message)} | ${cell(text.hint)} |`;
  });
  return `${head}\n${rows.join('\n')}`;
}

function replaceSection(text, name, body) {
  const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(text)) throw new Error(`missing <!-- ${name}:start/end --> markers`);
  return text.replace(pattern, (_m, start, end) => `${start}${body}\n${end}`);
}

export function generatedReadme(file, lang) {
  let text = readFileSync(file, 'utf8');
  text = replaceSection(text, 'input-reference', fieldReference());
  text = replaceSection(text, 'diagnostic-codes', diagnosticTable(lang));
  return text;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  for (const [file, lang] of [['README.md', 'en'], ['README.zh-CN.md', 'zh']]) {
    const url = new URL(`../${file}`, import.meta.url);
    writeFileSync(url, generatedReadme(url, lang));
  }
}
