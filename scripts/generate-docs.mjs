// Regenerates the parts of README.md and README.zh-CN.md that are derived from the code: the field
// reference (from the JSON Schemas, themselves generated from the zod schemas) and the table of
// diagnostic codes (from the message catalogue). Run `npm run docs` after changing either;
// test/docs.test.ts fails while the READMEs are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogueEntry, diagnosticCodes } from '../dist/diagnostics/messages.js';
import { FILE_KINDS, jsonSchemaFor } from '../dist/schema/json-schema.js';

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(schema) {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.type === 'array') return `list of ${schema.items?.type === 'object' ? 'mappings' : typeOf(schema.items ?? {})}`;
  if (schema.enum) return schema.enum.map((v) => `\`${v}\``).join(', ');
  return schema.type ?? 'any';
}

/** Rows `path | type | required | description`, depth first, for every property of a schema. */
function fieldRows(schema, prefix) {
  const rows = [];
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push(`| \`${path}\` | ${cell(typeOf(property))} | ${required.has(name) ? 'yes' : ''} | ${cell(property.description)} |`);
    const nested = property.type === 'array' ? property.items : property;
    for (const branch of nested?.anyOf ?? [nested]) {
      if (branch?.type === 'object') rows.push(...fieldRows(branch, `${path}${property.type === 'array' ? '[]' : ''}.`));
    }
  }
  return rows;
}

function fieldReference() {
  return FILE_KINDS.map((kind) => {
    const header = `**${kind}** (\`schema/${kind}.schema.json\`)\n\n| field | type | required | description |\n|---|---|---|---|`;
    return `${header}\n${fieldRows(jsonSchemaFor(kind), '').join('\n')}`;
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
