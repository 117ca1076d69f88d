import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { Draft, DraftParagraph } from '../../../src/load/drafts/types.js';

type Role = DraftParagraph['role'];

/** A draft whose paragraph i sits on line i + 1, column = offset + 1: what a .txt reader gives. */
export function draftOf(paragraphs: readonly (string | { text: string; role: Role })[], path = 'draft.txt'): Draft {
  return {
    path,
    format: 'txt',
    paragraphs: paragraphs.map((p, index) => {
      const { text, role } = typeof p === 'string' ? { text: p, role: 'body' as Role } : p;
      return { text, role, locate: (offset: number) => ({ file: path, line: index + 1, column: offset + 1, sourceLine: text }) };
    }),
  };
}

/** What a person reads in a finding: code, line:column and the text it is about. */
export function brief(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.params.text ?? d.params.first ?? ''}`.trimEnd());
}

const SEEDS = '/work/shared/seeds/simplified.md';

/** The paragraphs of 篇(n) of the seed document, as a plain-text draft with every paragraph body text. */
export function seedPiece(n: number): Draft {
  const text = readFileSync(SEEDS, 'utf8');
  const start = text.indexOf(`篇(${n})`) + `篇(${n})`.length;
  const next = text.indexOf(`篇(${n + 1})`, start);
  const lines = text.slice(start, next < 0 ? undefined : next).split('\n').map((line) => line.trim()).filter(Boolean);
  return draftOf(lines, `seed-${n}.txt`);
}

/** A Markdown golden as the md reader sees it: # title, ## headings, markup and the stamp dropped. */
export function markdownDraft(path: string): Draft {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('<!--'));
  return draftOf(
    lines.map((line) => {
      const heading = /^(#+)\s+/.exec(line);
      const text = line.replace(/^#+\s+/, '').replace(/\*\*/g, '').replace(/\\$/, '').trim();
      return { text, role: heading ? (heading[1] === '#' ? 'title' : 'heading') : 'body' };
    }),
    path,
  );
}
