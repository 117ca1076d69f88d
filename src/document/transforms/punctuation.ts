import type { Block, Inline } from '../ast.js';

/**
 * GB/T 15834 in Chinese text: half-width , ; : ? ! ( ) " typed next to Chinese become full-width;
 * numbers (1,000), times (9:30), URLs and English stay as typed. Runs once on the AST.
 */
const HAN_OR_FULLWIDTH = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—]/;

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const HALF_WIDTH_MARK = /[,;:?!]/;

function isChinese(char: string | undefined): boolean {
  return char !== undefined && HAN_OR_FULLWIDTH.test(char);
}

/** The nearest non-space character before / after position i. */
function neighbour(chars: string[], i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    if (chars[j] !== ' ') return chars[j];
  }
  return undefined;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && /[0-9]/.test(char);
}

/** , ; : ? ! after Chinese (or before it) become full-width, unless between two digits. */
function normaliseMarks(text: string): string {
  // Most text holds none of the marks: nothing to look at character by character.
  if (!HALF_WIDTH_MARK.test(text)) return text;
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const full = FULL_WIDTH[char];
    const before = neighbour(chars, i, -1);
    const after = neighbour(chars, i, 1);
    const betweenDigits = isDigit(chars[i - 1]) && isDigit(chars[i + 1]);
    const isUrlColon = char === ':' && chars[i + 1] === '/' && chars[i + 2] === '/';
    if (full && !betweenDigits && !isUrlColon && (isChinese(before) || (isChinese(after) && char !== ':'))) {
      out.push(full);
      // A full-width mark carries its own spacing: drop the spaces typed around it.
      while (out.length > 1 && out[out.length - 2] === ' ') out.splice(out.length - 2, 1);
      while (chars[i + 1] === ' ') i++;
    } else {
      out.push(char);
    }
  }
  return out.join('');
}

/** (…) around Chinese become （…）; "…" around Chinese become “…”. */
function normalisePairs(text: string): string {
  return text
    .replace(/\(([^()]*)\)/g, (whole, inner: string) => (/[\u2e80-\u9fff]/.test(inner) ? `（${inner}）` : whole))
    .replace(/"([^"]*)"/g, (whole, inner: string) => (/[\u2e80-\u9fff]/.test(inner) ? `“${inner}”` : whole));
}

/** Ellipses typed as ... or 。。。 become ……. */
function normaliseEllipsis(text: string): string {
  return text.replace(/(?:\.{3,}|。{3,}|…(?!…))/g, (match, offset: number, whole: string) => (match === '…' && whole[offset - 1] === '…' ? match : '……'));
}

const HAN = '\\u2e80-\\u2fff\\u3040-\\u9fff\\uf900-\\ufaff';
const CJK_MARKS = '\\u3000-\\u303f\\uff00-\\uffef“”‘’…—';
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN}${CJK_MARKS}]) +(?=[${HAN}${CJK_MARKS}])`, 'g');
const SPACE_AROUND_MARK = new RegExp(`(?<=[${CJK_MARKS}]) +| +(?=[${CJK_MARKS}])`, 'g');

/**
 * Chinese has no word spaces: a space between two Chinese characters, or next to a full-width
 * mark, is an artefact (YAML's folded scalars turn each line break into one). A space between
 * Chinese and Latin text is the writer's choice and stays.
 */
function removeSpacesInChinese(text: string): string {
  return text.replace(SPACE_BETWEEN_HAN, '').replace(SPACE_AROUND_MARK, '');
}

export function normalisePunctuation(text: string): string {
  return removeSpacesInChinese(normaliseMarks(normalisePairs(normaliseEllipsis(text))));
}

function normaliseInline(inline: Inline): Inline {
  const text = normalisePunctuation(inline.text);
  return inline.type === 'item' && inline.lead !== undefined ? { ...inline, lead: normalisePunctuation(inline.lead), text } : { ...inline, text };
}

export function punctuateBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => {
    switch (block.type) {
      case 'title':
      case 'heading':
        return { ...block, text: normalisePunctuation(block.text) };
      case 'paragraph':
        return { ...block, content: block.content.map(normaliseInline) };
      case 'signature':
        // The org is printed in the title too: both must read the same.
        return { ...block, org: normalisePunctuation(block.org) };
      case 'table':
        return { ...block, caption: normalisePunctuation(block.caption), rows: block.rows.map((row) => row.map(normalisePunctuation)) };
      case 'masthead':
        // The 发文字号 stays as typed: its brackets are checked in the notes (formal-number-brackets).
        return { ...block, issuer: normalisePunctuation(block.issuer) };
      case 'colophon':
        return { ...block, copyTo: block.copyTo.map(normalisePunctuation), printer: normalisePunctuation(block.printer) };
    }
  });
}
