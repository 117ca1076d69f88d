/**
 * Text from the notes as HTML and CSS: whatever it contains, it stays text. Nothing here trusts its
 * input; a stray `<`, quote or `</style>` is the secretary's text, never markup.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Valid in HTML, but editors show them as line breaks: kept out of the file's lines.
  '\u2028': '&#x2028;',
  '\u2029': '&#x2029;',
};

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\u2028\u2029]/g, (char) => HTML_ESCAPES[char]!);
}

/** What a CSS string may hold as it is; every other character becomes a hex escape. */
const CSS_PLAIN = /[\p{L}\p{N} _-]/u;

/**
 * A quoted CSS string (a font name an office chose in plan-report.yaml): quotes, backslashes, `<`,
 * `;` and `}` are hex escapes, so no name can end the string, the rule or the <style> element.
 */
export function cssString(text: string): string {
  const escaped = [...text].map((char) => (CSS_PLAIN.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `));
  return `"${escaped.join('')}"`;
}
