import type { DiagnosticCode } from '../diagnostics/messages.js';
import type { SequenceStyle } from '../document/ast.js';
import { pointMarkup } from '../document/markup.js';
import type { YamlPath } from '../load/source-file.js';
import { MAX_HEADING_LEVELS, NUMBERING_LEVELS, type Numbering } from '../schema/kinds.js';
import type { Point, Run, Section } from '../schema/report.js';

/**
 * The structure of a report as its template sees it (design §4): sections nested to the fourth
 * level, each heading on its own line (`title`) or run into its first paragraph (`lead`), and the
 * runs of points under them. Numbers are never composed here: the numbering transform adds them.
 */

/** A list of points: the words before them, then the points, in one paragraph or one each. */
export interface RunView {
  text?: string;
  /** The family the markup names: +(一是) … */
  sequence: SequenceStyle;
  /** Each point its own paragraph (`layout: paragraphs`). */
  separate: boolean;
  /** Each point's markup (see pointMarkup), for `+(sequence) {{this}}`. */
  points: string[];
}

export interface StructureView {
  /** 1 for 一、 … 4 for （1）. */
  level: number;
  /** The markup heading of its level: ## for 一、 … ##### for （1）. */
  heading: string;
  /** A heading on its own line. */
  title?: string;
  /** A heading run into the opening paragraph, its closing 。 added. */
  lead?: string;
  /** No heading: the paragraph opens with the level's number alone. */
  numberOnly?: boolean;
  /** The opening text and the section's own points. Kept apart (`summary`, `points`) too, for
   * section partials written before runs existed. */
  opening?: RunView;
  summary?: string;
  points: string[];
  /** Further lists of points, each its own paragraph and numbering. */
  runs: RunView[];
  paragraphs: string[];
}

/** A section with what the rest of compose adds (T), and its sub-sections alike. */
export type SectionTree<T> = StructureView & T & { sections: SectionTree<T>[] };

/** What the structure needs from compose: prose rendered and checked, and a place for mistakes. */
export interface StructureTools {
  /** One markup line from a one-line field ('' when it failed). */
  oneLine(text: string, path: YamlPath): string;
  /** Prose as markup, `runIn` keeping it to one paragraph (undefined for undefined). */
  prose(text: string | undefined, path: YamlPath, options?: { runIn?: boolean }): string | undefined;
  /** A mistake at the report file's node `path`. */
  fail(code: DiagnosticCode, path: YamlPath): void;
}

const ENDS_WITH_MARK = /[。，；：！？、]$/;

/** A lead or a run-in heading reads as a sentence: 制定全年工作计划。正文…… */
export function endSentence(markup: string): string {
  return markup === '' || ENDS_WITH_MARK.test(markup) ? markup : `${markup}。`;
}

/** The level of the report's top sections: `report.numbering` names its family (default 一、). */
export function topLevel(numbering: Numbering | undefined): number {
  return numbering === undefined ? 1 : NUMBERING_LEVELS[numbering];
}

type RunOptions = Pick<Run, 'sequence' | 'layout' | 'bold'>;

/**
 * The builders of sections and points over compose's tools. `extra` adds what other parts of
 * compose put into each section (its plans, its table), so that one recursive walk builds all.
 */
export function structureBuilder<T extends object>(tools: StructureTools, extra: (section: Section, path: YamlPath, level: number) => T) {
  /** A point's markup; laid out one paragraph each (`separate`), its text may hold several. */
  const point = (value: Point, path: YamlPath, options: { bold?: boolean; continues?: boolean; separate?: boolean } = {}): string => {
    const continues = options.continues ?? false;
    const runIn = !options.separate;
    if (typeof value === 'string') return pointMarkup({ text: tools.prose(value, path, { runIn })!, continues });
    const text = tools.prose(value.text, [...path, 'text'], { runIn })!;
    if (value.lead === undefined) return pointMarkup({ text, continues });
    const lead = endSentence(tools.oneLine(value.lead, [...path, 'lead']));
    return pointMarkup({ lead, bold: value.bold ?? options.bold ?? false, text, continues });
  };

  const run = (options: RunOptions, text: string | undefined, points: readonly Point[], path: YamlPath): RunView => {
    const separate = options.layout === 'paragraphs';
    return {
      ...(text === undefined ? {} : { text }),
      sequence: options.sequence ?? '一是',
      separate,
      // Laid out one paragraph each, a point after the first carries on its run's numbering.
      points: points.map((value, p) => point(value, [...path, p], { ...(options.bold === undefined ? {} : { bold: options.bold }), continues: separate && p > 0, separate })),
    };
  };

  const section = (value: Section, path: YamlPath, level: number): SectionTree<T> => {
    const textKey = value.summary !== undefined ? 'summary' : 'text';
    const text = tools.prose(value[textKey], [...path, textKey], { runIn: true });
    const points = value.points ?? [];
    const opening = text !== undefined || points.length > 0 ? run(value, text, points, [...path, 'points']) : undefined;
    return {
      level,
      heading: '#'.repeat(level + 1),
      ...(value.title === undefined ? {} : { title: tools.oneLine(value.title, [...path, 'title']) }),
      ...(value.lead === undefined ? {} : { lead: endSentence(tools.oneLine(value.lead, [...path, 'lead'])) }),
      // Neither title nor lead: the number alone opens the text (篇(3): "2.开展……").
      ...(value.title === undefined && value.lead === undefined ? { numberOnly: true } : {}),
      ...(opening ? { opening } : {}),
      ...(text === undefined ? {} : { summary: text }),
      points: opening?.points ?? [],
      runs: (value.runs ?? []).map((item, r) => run(item, tools.prose(item.text, [...path, 'runs', r, 'text'], { runIn: true }), item.points, [...path, 'runs', r, 'points'])),
      paragraphs: (value.paragraphs ?? []).map((item, p) => tools.prose(item, [...path, 'paragraphs', p])!),
      ...extra(value, path, level),
      sections: subSections(value, path, level),
    };
  };

  /** The next level down; below （1） there is none (the schema caps the depth at four, but a
   * report starting at 1. reaches the fourth level sooner). */
  const subSections = (value: Section, path: YamlPath, level: number): SectionTree<T>[] => {
    if (value.sections === undefined) return [];
    if (level >= MAX_HEADING_LEVELS) {
      tools.fail('section-too-deep', [...path, 'sections']);
      return [];
    }
    return value.sections.map((item, s) => section(item, [...path, 'sections', s], level + 1));
  };

  /** A section made of a heading the program gives (存在的问题) over a list of points at `path`. */
  const listSection = (title: string, points: readonly Point[], path: YamlPath, level: number, extraValues: T): SectionTree<T> => {
    const opening = run({}, undefined, points, path);
    return { level, heading: '#'.repeat(level + 1), title, opening, points: opening.points, runs: [], paragraphs: [], ...extraValues, sections: [] };
  };

  return { section, listSection };
}
