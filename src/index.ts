/**
 * The Node API: what the CLI calls, and what a script or a CI job can call directly.
 *   import { build, buildBatch, check } from 'plan-report';
 *   const one = await build('2023-h1.yaml', { formats: ['docx'] });
 *   const all = await buildBatch(['.'], { outDir: 'dist', jobs: 4 });
 * Every function returns its problems as diagnostics; none throws for a mistake in the notes.
 */
export { build, effectiveOptions, outputCollisions, outputPaths, prepareReport, type BuildOptions, type BuildResult, type OutputPath, type Prepared, type PrepareOptions } from './build.js';
export { buildBatch, parseShard, type BatchOptions, type BatchResult, type ReportOutcome, type Shard } from './batch/index.js';
export { check, type CheckResult } from './check.js';
export { fix, type FixChange, type FixOptions, type FixResult } from './fix/index.js';
export { initRepo, type InitOptions, type InitResult } from './init.js';
export { importReport, type ImportOptions, type ImportResult } from './import/index.js';
export { findConfig, readConfig, type ConfigLookup, type LoadedConfig } from './load/config.js';
export type { ConfigFile } from './schema/config.js';
export { RULES, type RuleCode, type RuleLevel } from './diagnostics/rules.js';
export type { Diagnostic, Location, Severity } from './diagnostics/diagnostic.js';
export { diagnosticHint, diagnosticMessage, type DiagnosticCode } from './diagnostics/messages.js';
export type { Lang } from './diagnostics/lang.js';
export type { Block, ReportDocument } from './document/ast.js';
export { OUTPUT_FORMATS, type OutputFormat } from './write/index.js';
export type { WrittenOutput } from './write/output.js';
