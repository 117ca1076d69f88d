import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Origin } from '../document/ast.js';
import type { Located } from '../load/project.js';
import type { Plan } from '../schema/notes.js';
import { escapeMarkupLine, escapeMarkupText, originMarker, titleLinesMarkup } from '../document/markup.js';
import { lazyLocate, locate, type SourceFile, type YamlPath } from '../load/source-file.js';
import type { TemplateSet } from '../load/templates.js';
import { labelAfter, parsePeriod, type Period } from '../model/period.js';
import { planDueIn, planProgress, plansPlacedIn, sectionNames } from '../model/plans.js';
import { modelForPeriod, type ReportModel } from '../model/report-model.js';
import { kindSpec, MAX_HEADING_LEVELS } from '../schema/kinds.js';
import type { PlanPart, ReportFile, Section } from '../schema/report.js';
import { formalView, type FormalView } from './formal.js';
import { planItemText, planStatusText } from './plans.js';
import { renderProse } from './prose.js';
import { metricsTable } from './table.js';
import { endSentence, structureBuilder, topLevel, type StructureView } from './structure.js';
import { renderTemplate } from './templates.js';

/** What a template sees: every string already rendered from the notes and escaped for markup. */
export interface ReportView {
  kind: string;
  org: string;
  /** 发文机关署名: the org unless the report or the config says otherwise. */
  signature: string;
  title?: string;
  period: { id: string; year: number; label: string; half?: 1 | 2 };
  dateText: string;
  intro?: string;
  sections: SectionView[];
  /** 存在的问题, as a section after the main ones. */
  problems?: SectionView;
  /** A summary-and-plan's plan part: a heading of the top level (`heading`: ## for 一、), its
   * sections one level down. */
  plan?: { heading: string; title: string; intro?: string; sections: SectionView[] };
  next?: string;
  /** The 附件说明 lines: 附件：名称, or 附件：1.名称 then 2.名称 … */
  attachments: string[];
  /** 版头 and 版记 (partials masthead and colophon): a report with `formal:`. */
  formal?: FormalView;
}

/** A section at any level (see ./structure.ts) with what the notes place in it. */
export type SectionView = StructureView & {
  /** The plans placed here, as points: items of a plan, or their status in a summary. */
  plans: string[];
  /** Its 主要指标完成情况表 (`table:`), as markup. */
  table?: string;
  sections: SectionView[];
};

/** 存在的问题 given as a list of points is printed as a section of this title. */
const PROBLEMS_TITLE = '存在的问题';

export interface Composed {
  markup?: string;
  origins: Origin[];
  diagnostics: Diagnostic[];
}

/** Builds the view and renders the kind's template into markup, collecting every prose problem. */
export function compose(model: ReportModel, templates: TemplateSet): Composed {
  const origins: Origin[] = [];
  const diagnostics: Diagnostic[] = [];
  const reportFile = model.source.file;
  /** The notes the prose being composed sees: the plan part of a summary-and-plan sees its own period's. */
  let scope = model;

  /** The origin marker that links composed text back to the node at `path` (of the report file by default). */
  const mark = (path: YamlPath, file: SourceFile = reportFile): string => {
    // Found when a transform reports at it: most origins are never read, and each would build the file's node tree.
    const at = lazyLocate(file, path);
    const origin: Origin = {
      file: at.file,
      get line() {
        return at.line;
      },
      get column() {
        return at.column;
      },
    };
    return originMarker(origins.push(origin) - 1);
  };

  /**
   * A string of the report file as the reader sees it: every string is prose, its {{ }} rendered
   * and checked wherever it is printed (a title as much as a paragraph). Undefined when it failed.
   */
  const render = (text: string, path: YamlPath, file: SourceFile = reportFile): string | undefined => {
    const rendered = renderProse({ text, file, path }, scope);
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
  const oneLine = (text: string, path: YamlPath, file: SourceFile = reportFile): string => {
    const rendered = render(text, path, file);
    return rendered === undefined ? '' : mark(path, file) + escapeMarkupLine(rendered);
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

  /** A plan of the notes as a point: its goal as the lead, then what the section asks of it. */
  const planPoint = (entry: Located<Plan>, body: string): string => {
    const lead = oneLine(entry.value.goal, [...entry.path, 'goal'], entry.file);
    return endSentence(lead) + escapeMarkupText(body).replace(/\n+/g, '');
  };

  /**
   * The plans placed in a section: a work plan's items due in the part's period (with measures,
   * target, unit and time limit), or a summary's status of those due in its year.
   */
  const plansOf = (value: Section, partPeriod: Period): string[] => {
    if (value.plans === undefined) return [];
    const placed = plansPlacedIn(scope, sectionNames(value));
    if (value.plans === 'status') {
      const year = parsePeriod(partPeriod.year);
      return placed.filter((entry) => planDueIn(entry.value, year)).map((entry) => planPoint(entry, planStatusText(planProgress(entry.value, scope))));
    }
    return placed
      .filter((entry) => planDueIn(entry.value, partPeriod))
      .map((entry) => {
        const measures = entry.value.measures === undefined ? undefined : render(entry.value.measures, [...entry.path, 'measures'], entry.file);
        const metric = entry.value.metric === undefined ? undefined : scope.metricById.get(entry.value.metric)?.value;
        return planPoint(entry, planItemText(entry.value, measures, metric));
      });
  };

  /** A section's 主要指标完成情况表, checked where `table:` names its metrics. */
  const tableOf = (value: Section, path: YamlPath): { table?: string } => {
    if (value.table === undefined) return {};
    const table = metricsTable(value.table, [...path, 'table'], scope);
    diagnostics.push(...table.diagnostics);
    return table.markup === undefined ? {} : { table: table.markup };
  };

  const structure = structureBuilder(
    { oneLine, prose, fail: (code, path) => diagnostics.push(error(code, {}, locate(reportFile, path))) },
    (value: Section, path: YamlPath) => ({ plans: plansOf(value, scope.period), ...tableOf(value, path) }),
  );
  const section = (value: Section, path: YamlPath, level: number): SectionView => structure.section(value, path, level);

  const report = model.source.report;
  // 存在的问题 and the plan part stand beside the main sections, at the level they start at.
  const top = topLevel(report.report.numbering);
  const problems = (value: NonNullable<ReportFile['problems']>): SectionView =>
    Array.isArray(value) ? structure.listSection(escapeMarkupLine(PROBLEMS_TITLE), value, ['problems'], top, { plans: [] }) : section(value, ['problems'], top);

  /** The plan part, composed over its own period's notes. */
  const planPart = (value: PlanPart, planPeriod: Period): NonNullable<ReportView['plan']> => {
    scope = modelForPeriod(model, planPeriod);
    const defaultTitle = labelAfter(planPeriod, model.period) + kindSpec(model.kind).plan!.titleWord;
    const part = {
      heading: '#'.repeat(top + 1),
      title: value.title === undefined ? escapeMarkupLine(defaultTitle) : oneLine(value.title, ['plan', 'title']),
      ...optional('intro', prose(value.intro, ['plan', 'intro'])),
      sections: value.sections.map((item, s) => section(item, ['plan', 'sections', s], Math.min(top + 1, MAX_HEADING_LEVELS))),
    };
    scope = model;
    return part;
  };

  // No org at all is reported by the model (missing-org), once.
  const org = model.org === '' ? '' : oneLine(model.org, model.orgAt.path, model.orgAt.file);
  const signature = model.signatureAt === model.orgAt ? org : oneLine(model.signature, model.signatureAt.path, model.signatureAt.file);
  const title = model.title === undefined ? defaultTitle(model, org) : reportTitle(model.title, oneLine);
  const attachments = report.attachments ?? [];
  const view: ReportView = {
    kind: model.kind,
    org,
    signature,
    ...optional('title', title),
    period: { id: model.period.id, year: model.period.year, label: model.period.label, ...(model.period.half ? { half: model.period.half } : {}) },
    dateText: model.dateText,
    ...optional('intro', prose(report.intro, ['intro'])),
    sections: report.sections.map((item, s) => section(item, ['sections', s], top)),
    ...(report.problems ? { problems: problems(report.problems) } : {}),
    ...(report.plan && model.planPeriod ? { plan: planPart(report.plan, model.planPeriod) } : {}),
    ...optional('next', prose(report.next, ['next'])),
    attachments: attachments.map((name, a) => {
      const number = attachments.length > 1 ? `${a + 1}.` : '';
      return (a === 0 ? '附件：' : '') + number + oneLine(name, ['attachments', a]);
    }),
    ...(model.formal ? { formal: formalView(model.formal, org, oneLine) } : {}),
  };
  if (diagnostics.length > 0) return { origins, diagnostics };
  const rendered = renderTemplate(templates, model.kind, view);
  return rendered.markup === undefined ? { origins, diagnostics: rendered.diagnostics } : { markup: rendered.markup, origins, diagnostics: [] };
}

/**
 * The default title, 发文机关 + 时限 + 事由 + 文种 as the kinds table gives them: 青溪街道人大工委
 * 2023年上半年工作总结, …2023年工作总结及2024年工作计划. `org` is already markup; a kind printed
 * without a title (a speech) has none.
 */
function defaultTitle(model: ReportModel, org: string): string | undefined {
  const spec = kindSpec(model.kind);
  if (!spec.titled) return undefined;
  const word = model.source.report.report['title-word'] ?? spec.titleWord;
  const plan = spec.plan && model.planPeriod
    ? (model.planPeriod.year === model.period.year ? spec.plan.joinSameYear : spec.plan.joinNextYear) + labelAfter(model.planPeriod, model.period) + spec.plan.titleWord
    : '';
  return org + escapeMarkupLine(model.period.label + word + plan);
}

/** `report.title`: one markup line, or its lines as given, each located at its own item. */
function reportTitle(title: string | string[], oneLine: (text: string, path: YamlPath) => string): string {
  return typeof title === 'string' ? oneLine(title, ['report', 'title']) : titleLinesMarkup(title.map((line, i) => oneLine(line, ['report', 'title', i])));
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
