import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';

let loaded: typeof HandlebarsModule | undefined;

/**
 * Handlebars with its compiler, loaded at its first use: only a user's own templates and prose
 * outside the plain form (see parsePlainProse) need it, and loading it is a good part of a cold start.
 * The built-in templates are precompiled and rendered by the runtime alone.
 */
export function handlebars(): typeof HandlebarsModule {
  return (loaded ??= createRequire(import.meta.url)('handlebars') as typeof HandlebarsModule);
}
