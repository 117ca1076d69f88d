import { z } from 'zod';
import { activitiesFile, metricsFile, plansFile } from './notes.js';
import { reportFile } from './report.js';

import { configFile } from './config.js';
import { FILE_KINDS, SCHEMA_KINDS, type FileKind, type SchemaKind } from './kinds.js';
import type { ValuePlan } from './value-plan.js';

/** The kinds of notes file, each with its one schema: the source of truth for all of them. */
export const FILE_SCHEMAS: Record<FileKind, z.ZodType> = { report: reportFile, activities: activitiesFile, metrics: metricsFile, plans: plansFile };
export { FILE_KINDS, SCHEMA_KINDS, type FileKind, type SchemaKind };

export const SCHEMAS: Record<SchemaKind, z.ZodType> = { ...FILE_SCHEMAS, config: configFile };

/** The JSON Schema that editors use (yaml-language-server), generated from the runtime schema. */
export function jsonSchemaFor(kind: SchemaKind): Record<string, unknown> {
  return z.toJSONSchema(SCHEMAS[kind], { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** What parsing a valid file of this kind does to its data (see value-plan.ts), for the build to precompile. */
export function valuePlanFor(kind: SchemaKind): ValuePlan {
  return valuePlanOf(SCHEMAS[kind]);
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  checks?: { _zod: { def: { check: string; tx?: (value: string) => string } } }[];
}

/** Types whose parse returns the value itself (refinements only check). */
const KEPT = new Set(['number', 'boolean', 'enum', 'literal', 'unknown']);

/**
 * Walks a zod schema for what its parse changes. Only what the notes' schemas use is known: any
 * other transform (a default, a pipe) fails the build rather than be skipped silently.
 */
function valuePlanOf(schema: z.ZodType): ValuePlan {
  const def = schema.def as unknown as Def;
  if (def.type === 'optional' || def.type === 'nullable') return valuePlanOf(def.innerType!);
  if (def.type === 'object') return { object: Object.entries(def.shape!).map(([key, child]) => [key, valuePlanOf(child)]) };
  if (def.type === 'array') return { array: valuePlanOf(def.element!) };
  if (def.type === 'record') return { record: valuePlanOf(def.valueType!) };
  if (def.type === 'union') return { union: def.options!.map(valuePlanOf) };
  if (def.type === 'string') return stringPlan(def);
  if (KEPT.has(def.type)) return 'kept';
  throw new Error(`valuePlanOf: zod type ${def.type} is not known`);
}

/** A string is kept or trimmed; the only overwrite the schemas use is trim(). */
function stringPlan(def: Def): ValuePlan {
  const overwrites = (def.checks ?? []).map((check) => check._zod.def).filter((check) => check.check === 'overwrite');
  if (overwrites.length === 0) return 'kept';
  if (overwrites.every((check) => check.tx?.(' a ') === 'a')) return 'trimmed';
  throw new Error('valuePlanOf: a string overwrite other than trim() is not known');
}
