import { createHash } from 'node:crypto';

/**
 * Whether an existing output may be replaced: 'unedited' when it is exactly what plan-report wrote
 * (its stored fingerprint matches its content), 'edited' when a person changed it since, 'foreign'
 * when plan-report did not write it. The fingerprint travels inside the file, so the check survives
 * a copy to another folder or machine.
 */
export type FingerprintState = 'unedited' | 'edited' | 'foreign';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The fingerprint of a text output (Markdown, HTML): a last line `<!-- plan-report sha256:… -->`, a
 * comment invisible when rendered, with the sha256 of everything above it. Editors change line endings
 * and whitespace at line ends on save without the user meaning an edit, so the fingerprint is of the
 * text with those normalised, and the trailer may be followed by any whitespace (a final newline
 * stripped or added).
 */
const COMMENT_TRAILER = /\n<!-- plan-report sha256:([0-9a-f]{64}) -->\s*$/;

/** LF line ends, no spaces or tabs before them: what an editor's save may change, undone. */
function normalisedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '');
}

/** `body` (ending in a newline) followed by its fingerprint comment. */
export function withCommentFingerprint(body: string): string {
  return `${body}\n<!-- plan-report sha256:${sha256Hex(normalisedText(body))} -->\n`;
}

export function commentFingerprintState(bytes: Uint8Array): FingerprintState {
  const text = normalisedText(new TextDecoder().decode(bytes));
  const match = COMMENT_TRAILER.exec(text);
  if (!match) return 'foreign';
  // The text is normalised before hashing, so files hashed as written (older versions, whose lines
  // had no trailing spaces) match too.
  return sha256Hex(text.slice(0, match.index)) === match[1] ? 'unedited' : 'edited';
}
