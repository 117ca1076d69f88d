/** The paragraphs a reader sees in the Markdown: blocks without their # marks, escapes undone,
 * the signature's two lines apart. */
export function markdownParagraphs(markdown: string): string[] {
  const body = markdown.slice(0, markdown.lastIndexOf('\n<!-- plan-report'));
  return body
    .split(/\n\n+/)
    .flatMap((block) => block.split('\\\n'))
    .map((block) => block.replace(/^#+ /, '').replace(/\\(.)/g, '$1').trim())
    .filter(Boolean);
}
