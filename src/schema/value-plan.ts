/**
 * What zod's parse does to data that it accepts, written down at build time (json-schema.ts,
 * valuePlanFor) so that a valid file gets the very value zod would give without loading zod:
 * strings that the schema trims are trimmed, and each mapping's keys come in the schema's order.
 */
export type ValuePlan =
  | 'kept'
  | 'trimmed'
  | { object: [key: string, plan: ValuePlan][] }
  | { array: ValuePlan }
  | { record: ValuePlan }
  | { union: ValuePlan[] };

type Shape = 'mapping' | 'list' | 'scalar';

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' && value !== null ? 'mapping' : 'scalar';
}

function planShape(plan: ValuePlan): Shape | 'any' {
  if (plan === 'kept') return 'any';
  if (plan === 'trimmed') return 'scalar';
  if ('array' in plan) return 'list';
  return 'union' in plan ? 'any' : 'mapping';
}

/** The branch of a union that the value's shape selects (the schemas' unions differ by shape). */
function branchFor(options: readonly ValuePlan[], value: unknown): ValuePlan {
  const shape = shapeOf(value);
  return options.find((option) => planShape(option) === shape) ?? options.find((option) => planShape(option) === 'any') ?? 'kept';
}

/** The value zod's parse gives for `value`, which the schema that `plan` describes has accepted. */
export function applyValuePlan(plan: ValuePlan, value: unknown): unknown {
  if (plan === 'kept') return value;
  if (plan === 'trimmed') return typeof value === 'string' ? value.trim() : value;
  if ('union' in plan) return applyValuePlan(branchFor(plan.union, value), value);
  if ('array' in plan) return (value as unknown[]).map((item) => applyValuePlan(plan.array, item));
  const record = value as Record<string, unknown>;
  // Built in place rather than from a list of entries: 100,000 activities are 100,000 of these.
  const out: Record<string, unknown> = {};
  if ('record' in plan) {
    for (const key of Object.keys(record)) setOwn(out, key, applyValuePlan(plan.record, record[key]));
  } else {
    for (const [key, child] of plan.object) if (Object.hasOwn(record, key)) setOwn(out, key, applyValuePlan(child, record[key]));
  }
  return out;
}

/** out[key] = value, as an own property whatever the key (`__proto__` included, as Object.fromEntries would). */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
