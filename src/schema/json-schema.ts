import { z } from 'zod';
import { activitiesFile, metricsFile, plansFile } from './notes.js';
import { reportFile } from './report.js';

/** The kinds of notes file, each with its one schema: the source of truth for all of them. */
export const FILE_SCHEMAS = { report: reportFile, activities: activitiesFile, metrics: metricsFile, plans: plansFile } as const;
export type FileKind = keyof typeof FILE_SCHEMAS;
export const FILE_KINDS = Object.keys(FILE_SCHEMAS) as FileKind[];

/** The JSON Schema that editors use (yaml-language-server), generated from the runtime schema. */
export function jsonSchemaFor(kind: FileKind): Record<string, unknown> {
  return z.toJSONSchema(FILE_SCHEMAS[kind], { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** What a file is, by its top-level key: `report:` makes a report, else activities/metrics/plans. */
export function fileKindOf(data: unknown): FileKind | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return FILE_KINDS.find((kind) => kind in data);
}
