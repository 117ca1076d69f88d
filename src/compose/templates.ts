import path from 'node:path';
import Handlebars from 'handlebars';
import runtimeModule from 'handlebars/runtime.js';
import { error, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { BUILTIN_TEMPLATES_DIR, partialsFor, type TemplateFile, type TemplateSet } from '../load/templates.js';
import { builtinTemplates } from './builtin-templates.js';

/**
 * Where in a template Handlebars failed: its parse errors say "Parse error on line N", its compile
 * errors carry lineNumber and column; anything else is put at the template's first line.
 */
export function templateErrorLocation(file: TemplateFile, cause: unknown): Location {
  const failure = cause as { message?: unknown; lineNumber?: unknown; column?: unknown };
  if (typeof failure.lineNumber === 'number') {
    return { file: file.path, line: failure.lineNumber, column: typeof failure.column === 'number' ? failure.column + 1 : 1 };
  }
  const parsed = /Parse error on line (\d+)/.exec(String(failure.message ?? ''));
  return { file: file.path, line: parsed ? Number(parsed[1]) : 1, column: 1 };
}

function firstLine(cause: unknown): string {
  return cause instanceof Error ? cause.message.split('\n')[0]! : String(cause);
}

function templateError(file: TemplateFile, cause: unknown): Diagnostic {
  return error('template-error', { name: file.path, detail: firstLine(cause) }, templateErrorLocation(file, cause));
}

/** Syntax errors of the template and of every partial it may call, each at its own file and line. */
function syntaxErrors(files: readonly TemplateFile[]): Diagnostic[] {
  return files.flatMap((file) => {
    try {
      // Precompiling finds what parsing misses, such as {{#if}} closed by {{/each}}.
      Handlebars.precompile(file.text);
      return [];
    } catch (cause) {
      return [templateError(file, cause)];
    }
  });
}

/** The line of the template that calls a missing partial, for "The partial X could not be found". */
function missingPartialLocation(files: readonly TemplateFile[], cause: unknown): Location | undefined {
  const name = /The partial (\S+) could not be found/.exec(firstLine(cause))?.[1];
  if (name === undefined) return undefined;
  for (const file of files) {
    const index = file.text.search(new RegExp(`\\{\\{~?>\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
    if (index >= 0) {
      const before = file.text.slice(0, index).split('\n');
      return { file: file.path, line: before.length, column: before[before.length - 1]!.length + 1 };
    }
  }
  return undefined;
}

interface Compiled {
  problems: Diagnostic[];
  render?: (view: object) => string;
}

/** Compiled templates by their files' paths and texts: a batch compiles each kind's template once. */
const compiledCache = new Map<string, Compiled>();
/** A watcher edits templates: old versions are dropped rather than kept forever. */
const MAX_COMPILED = 32;

function compiledTemplate(template: TemplateFile, partials: readonly TemplateFile[]): Compiled {
  const key = [template, ...partials].map((file) => `${file.path}\u0000${file.name}\u0000${file.text}`).join('\u0001');
  const cached = compiledCache.get(key);
  if (cached) return cached;
  const compiled = precompiled(template, partials) ?? compiledNow(template, partials);
  if (compiledCache.size >= MAX_COMPILED) compiledCache.clear();
  compiledCache.set(key, compiled);
  return compiled;
}

/** A user's templates (or a built-in one edited in place), compiled and checked now. */
function compiledNow(template: TemplateFile, partials: readonly TemplateFile[]): Compiled {
  const problems = syntaxErrors([template, ...partials]);
  const env = Handlebars.create();
  for (const partial of partials) env.registerPartial(partial.name, partial.text);
  // The options that scripts/precompile-templates.mjs gives the built-ins.
  return problems.length > 0 ? { problems } : { problems, render: env.compile(template.text, { noEscape: true, strict: false }) };
}

/** Handlebars without its compiler, for precompiled templates (its types come with the whole package). */
const HandlebarsRuntime = runtimeModule as unknown as Pick<typeof Handlebars, 'create'>;

const PRECOMPILED = builtinTemplates as unknown as Record<string, { text: string; spec: TemplateSpecification }>;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** A built-in file's precompiled template, when the file is the one it was made from. */
function precompiledSpec(file: TemplateFile): TemplateSpecification | undefined {
  if (!file.path.startsWith(BUILTIN_TEMPLATES_DIR)) return undefined;
  const entry = PRECOMPILED[path.relative(BUILTIN_TEMPLATES_DIR, file.path).split(path.sep).join('/')];
  return entry?.text === file.text ? entry.spec : undefined;
}

/** Built-in files only, precompiled at package build time: rendered by the runtime, nothing to compile. */
function precompiled(template: TemplateFile, partials: readonly TemplateFile[]): Compiled | undefined {
  const specs = [template, ...partials].map(precompiledSpec);
  if (specs.some((spec) => spec === undefined)) return undefined;
  const env = HandlebarsRuntime.create();
  partials.forEach((partial, i) => env.registerPartial(partial.name, env.template(specs[i + 1]!)));
  return { problems: [], render: env.template(specs[0]!) };
}

/**
 * Renders a report kind's template over the view. Templates see only the view (already rendered,
 * escaped prose), so a template cannot reach the notes or mis-escape them.
 */
export function renderTemplate(set: TemplateSet, name: string, view: object): { markup?: string; diagnostics: Diagnostic[] } {
  const template = set.templates.get(name);
  if (!template) return { diagnostics: [error('template-missing', { name, dirs: set.dirs.join(', ') })] };
  const partials = [...partialsFor(set, name).values()];
  const files = [template, ...partials];
  const compiled = compiledTemplate(template, partials);
  if (compiled.problems.length > 0) return { diagnostics: compiled.problems };
  try {
    return { markup: compiled.render!(view), diagnostics: [] };
  } catch (cause) {
    const at = missingPartialLocation(files, cause);
    if (at) return { diagnostics: [error('template-error', { name: at.file, detail: firstLine(cause) }, at)] };
    return { diagnostics: [templateError(template, cause)] };
  }
}
