import { z } from 'zod';
import { activitiesFile, metricsFile, plansFile } from './notes.js';
import { reportFile } from './report.js';

import { foldedName } from '../diagnostics/suggest.js';
import { configFile } from './config.js';
import { FILE_KINDS, SCHEMA_KINDS, type FileKind, type SchemaKind } from './kinds.js';

/** The kinds of notes file, each with its one schema: the source of truth for all of them. */
export const FILE_SCHEMAS: Record<FileKind, z.ZodType> = { report: reportFile, activities: activitiesFile, metrics: metricsFile, plans: plansFile };
export { FILE_KINDS, SCHEMA_KINDS, type FileKind, type SchemaKind };

const SCHEMAS: Record<SchemaKind, z.ZodType> = { ...FILE_SCHEMAS, config: configFile };

/** The JSON Schema that editors use (yaml-language-server), generated from the runtime schema. */
export function jsonSchemaFor(kind: SchemaKind): Record<string, unknown> {
  return z.toJSONSchema(SCHEMAS[kind], { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/**
 * What a file is, by its top-level key: `report:` makes a report, else activities/metrics/plans.
 * Keys count as meant (ｒｅｐｏｒｔ: typed with a Chinese IME is a report), so that the file is
 * validated as what it is and the key gets its "did you mean report".
 */
export function fileKindOf(data: unknown): FileKind | undefined {
  return FILE_KINDS.find((kind) => hasKindKey(data, kind));
}

/** Whether the data is a mapping with the top-level key of that kind, as meant (see fileKindOf). */
export function hasKindKey(data: unknown, kind: FileKind): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  return Object.keys(data).some((key) => foldedName(key) === kind);
}
