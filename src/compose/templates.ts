import Handlebars from 'handlebars';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateSet } from '../load/templates.js';

/**
 * Renders a report kind's template over the view. Templates see only the view (already rendered,
 * escaped prose), so a template cannot reach the notes or mis-escape them.
 */
export function renderTemplate(set: TemplateSet, name: string, view: object): { markup?: string; diagnostics: Diagnostic[] } {
  const template = set.templates.get(name);
  if (!template) return { diagnostics: [error('template-missing', { name, dirs: set.dirs.join(', ') })] };
  const env = Handlebars.create();
  for (const partial of set.partials.values()) env.registerPartial(partial.name, partial.text);
  try {
    const markup = env.compile(template.text, { noEscape: true, strict: false })(view);
    return { markup, diagnostics: [] };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.split('\n')[0]! : String(cause);
    return { diagnostics: [error('template-error', { name: template.path, detail }, { file: template.path, line: 1, column: 1 })] };
  }
}
