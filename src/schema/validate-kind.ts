import type { SourceFile } from '../load/source-file.js';
import type { ConfigFile } from './config.js';
import type { SchemaKind } from './kinds.js';
import type { Activity, Metric, Plan } from './notes.js';
import { activities, config, metrics, plans, report, valuePlans } from './precompiled.js';
import type { ReportFile } from './report.js';
import { validateFile, type Validated } from './validate.js';
import { applyValuePlan, type ValuePlan } from './value-plan.js';

/** What a valid file of each kind gives. */
export interface KindValues {
  report: ReportFile;
  activities: { activities: Activity[] };
  metrics: { metrics: Metric[] };
  plans: { plans: Plan[] };
  config: ConfigFile;
}

/** Ajv's standalone code, generated at build time from the shipped JSON Schemas (precompiled.ts). */
const PRECOMPILED: Record<SchemaKind, (data: unknown) => boolean> = { report, activities, metrics, plans, config };
const PLANS = valuePlans as Record<SchemaKind, ValuePlan>;

/**
 * Validates a file as a kind. The precompiled validator decides first, and a file it accepts gets
 * the value zod would give (value-plan.ts); only a file it refuses loads zod, which says why in
 * the located diagnostics of validate.ts, exactly as ever. Whatever the precompiled validator
 * accepts, zod accepts too, with the same value (test/schema/validate-kind.test.ts).
 */
export async function validateKind<K extends SchemaKind>(kind: K, file: SourceFile): Promise<Validated<KindValues[K]>> {
  if (PRECOMPILED[kind](file.data)) return { ok: true, value: applyValuePlan(PLANS[kind], file.data) as KindValues[K], diagnostics: [] };
  // Only the zod schemas are heavy: validate.js itself does not load zod.
  const { SCHEMAS } = await import('./json-schema.js');
  return validateFile(SCHEMAS[kind], file) as Validated<KindValues[K]>;
}
