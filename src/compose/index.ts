import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Origin } from '../document/ast.js';
import { escapeMarkupLine, escapeMarkupText, originMarker } from '../document/markup.js';
import { locate, type YamlPath } from '../load/source-file.js';
import type { TemplateSet } from '../load/templates.js';
import type { ReportModel } from '../model/report-model.js';
import type { Point } from '../schema/report.js';
import { renderProse } from './prose.js';
import { renderTemplate } from './templates.js';

/** What a template sees: every string already rendered from the notes and escaped for markup. */
export interface ReportView {
  kind: string;
  org: string;
  title?: string;
  period: { id: string; year: number; label: string; half?: 1 | 2 };
  dateText: string;
  intro?: string;
  sections: SectionView[];
  next?: string;
}

export interface SectionView {
  title: string;
  summary?: string;
  points: string[];
  paragraphs: string[];
}

export interface Composed {
  markup?: string;
  origins: Origin[];
  diagnostics: Diagnostic[];
}

const ENDS_WITH_MARK = /[。，；：！？、]$/;

/** Builds the view and renders the kind's template into markup, collecting every prose problem. */
export function compose(model: ReportModel, templates: TemplateSet): Composed {
  const origins: Origin[] = [];
  const diagnostics: Diagnostic[] = [];
  const file = model.source.file;

  /** The origin marker that links composed text back to the report file's node at `path`. */
  const mark = (path: YamlPath): string => {
    const { line, column } = locate(file, path);
    return originMarker(origins.push({ file: file.path, line, column }) - 1);
  };

  /**
   * A string of the report file as the reader sees it: every string is prose, its {{ }} rendered
   * and checked wherever it is printed (a title as much as a paragraph). Undefined when it failed.
   */
  const render = (text: string, path: YamlPath): string | undefined => {
    const rendered = renderProse({ text, file, path }, model);
    diagnostics.push(...rendered.diagnostics);
    if (rendered.text === undefined) return undefined;
    // Prose of only a {{!-- comment --}} prints nothing: an empty heading or point is a mistake.
    if (rendered.text.trim() === '') {
      diagnostics.push(error('empty-value', {}, locate(file, path)));
      return undefined;
    }
    return rendered.text;
  };

  /** One markup line (a title, a heading, a lead, the org): escaped, tagged with where it was written. */
  const oneLine = (text: string, path: YamlPath): string => {
    const rendered = render(text, path);
    return rendered === undefined ? '' : mark(path) + escapeMarkupLine(rendered);
  };

  /** Paragraphs of prose (a blank line parts them), or one paragraph's worth when `runIn`. */
  const prose = (text: string | undefined, path: YamlPath, options: { runIn?: boolean } = {}): string | undefined => {
    if (text === undefined) return undefined;
    const rendered = render(text, path);
    if (rendered === undefined) return '';
    const marker = mark(path);
    const escaped = escapeMarkupText(rendered);
    if (options.runIn) return marker + escaped.replace(/\n{2,}/g, '\n');
    return escaped
      .split(/\n{2,}/)
      .map((chunk) => marker + chunk)
      .join('\n\n');
  };

  const point = (value: Point, path: YamlPath): string => {
    if (typeof value === 'string') return prose(value, path, { runIn: true })!;
    const lead = oneLine(value.lead, [...path, 'lead']);
    const body = prose(value.text, [...path, 'text'], { runIn: true })!;
    return lead + (ENDS_WITH_MARK.test(lead) ? '' : '。') + body;
  };

  const report = model.source.report;
  const view: ReportView = {
    kind: model.kind,
    org: oneLine(model.org, ['report', 'org']),
    ...(model.title ? { title: oneLine(model.title, ['report', 'title']) } : {}),
    period: { id: model.period.id, year: model.period.year, label: model.period.label, ...(model.period.half ? { half: model.period.half } : {}) },
    dateText: model.dateText,
    ...optional('intro', prose(report.intro, ['intro'])),
    sections: report.sections.map((section, s) => ({
      title: oneLine(section.title, ['sections', s, 'title']),
      ...optional('summary', prose(section.summary, ['sections', s, 'summary'], { runIn: true })),
      points: (section.points ?? []).map((value, p) => point(value, ['sections', s, 'points', p])),
      paragraphs: (section.paragraphs ?? []).map((value, p) => prose(value, ['sections', s, 'paragraphs', p])!),
    })),
    ...optional('next', prose(report.next, ['next'])),
  };
  if (diagnostics.length > 0) return { origins, diagnostics };
  const rendered = renderTemplate(templates, model.kind, view);
  return rendered.markup === undefined ? { origins, diagnostics: rendered.diagnostics } : { markup: rendered.markup, origins, diagnostics: [] };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
