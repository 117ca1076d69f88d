import type { Location } from '../diagnostics/diagnostic.js';
import type { Located } from '../load/project.js';
import { locate } from '../load/source-file.js';

/** A notes entry that a figure read: a metric, an activity, a metric of the previous period. */
export interface FigureSource {
  /** What the entry is, for the reader: metric "cards", activity 2023-03-11 述职. */
  entry: string;
  file: string;
  line: number;
}

/**
 * One figure the report prints that the program computed: its expression as written, the text it
 * printed, where the expression stands, and every notes entry it read, so that a reviewer can
 * audit each number (`plan-report explain`).
 */
export interface ComputedFigure {
  expression: string;
  value: string;
  at: Location;
  sources: FigureSource[];
}

/**
 * Where an entry was written: the line of its first key, found when asked (explain asks, a build
 * does not): a figure that counts 100,000 activities would otherwise build their files' node trees.
 */
export function sourceOf(entry: string, located: Located<unknown>): FigureSource {
  return {
    entry,
    file: located.file.path,
    get line() {
      return locate(located.file, located.path).line;
    },
  };
}
