/**
 * The Node API: what the CLI calls, and what a script or a CI job can call directly.
 *   import { build } from 'plan-report';
 *   const result = await build('2023-h1.yaml', { formats: ['docx'] });
 */
export { build, outputCollisions, outputPaths, prepareReport, type BuildOptions, type BuildResult, type OutputPath, type Prepared, type PrepareOptions } from './build.js';
export { check, type CheckResult } from './check.js';
export type { Diagnostic, Location, Severity } from './diagnostics/diagnostic.js';
export { diagnosticHint, diagnosticMessage, type DiagnosticCode } from './diagnostics/messages.js';
export type { Lang } from './diagnostics/lang.js';
export type { Block, ReportDocument } from './document/ast.js';
export { OUTPUT_FORMATS, type OutputFormat } from './write/index.js';
