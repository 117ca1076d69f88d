import { type DraftRule, type Finding, type LintParagraph } from './finding.js';
import { openingOrdinal } from './ordinals.js';

/**
 * A title or a heading on a line of its own ends without a mark (GB/T 9704: 标题 and 一、（一）
 * headings standing alone). A question mark or exclamation stays: it is part of the wording.
 * A body paragraph that is only 一、… or （一）… and one clause is a heading the reader did not
 * recognise (二、加强组织领导，做到工作职责上明确。), so it is held to the same rule.
 */
const TRAILING_MARK = /[。，、；：.,;:]+$/u;
const STANDALONE_HEADING_LENGTH = 40;

function standsAlone(p: LintParagraph): boolean {
  if (p.role !== 'body') return true;
  const ordinal = openingOrdinal(p.text);
  if (!ordinal || ordinal.level > 2) return false;
  const text = p.text.trimEnd();
  return text.length <= STANDALONE_HEADING_LENGTH && !/[。；！？]/u.test(text.replace(TRAILING_MARK, ''));
}

export const headingRule: DraftRule = (paragraphs) =>
  paragraphs.flatMap((p): Finding[] => {
    const mark = TRAILING_MARK.exec(p.text.trimEnd());
    if (!mark || !standsAlone(p)) return [];
    return [{ paragraph: p.index, offset: mark.index, code: 'heading-punctuation', params: { text: mark[0] }, fix: { offset: mark.index, length: mark[0].length, text: '' } }];
  });
