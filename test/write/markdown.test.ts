import { describe, expect, it } from 'vitest';
import { markdownFingerprintState, renderMarkdown } from '../../src/write/markdown.js';
import { shortDocument } from './docx/fixtures.js';

const state = (text: string) => markdownFingerprintState(new TextEncoder().encode(text));

describe('the Markdown fingerprint', () => {
  const built = renderMarkdown(shortDocument());

  it('calls the file as built unedited, and a changed word edited', () => {
    expect(state(built)).toBe('unedited');
    expect(state(built.replace('400张', '500张'))).toBe('edited');
    expect(state('# 手写的文件\n')).toBe('foreign');
  });

  // What editors do on save without the user meaning an edit.
  it.each([
    ['the final newline stripped', (text: string) => text.replace(/\n$/, '')],
    ['a trailing newline added', (text: string) => `${text}\n`],
    ['CRLF line endings', (text: string) => text.replace(/\n/g, '\r\n')],
    ['CRLF without the final newline', (text: string) => text.replace(/\n/g, '\r\n').replace(/\r\n$/, '')],
    ['spaces added at line ends', (text: string) => text.replace(/\n/g, '  \n')],
  ])('still calls it unedited with %s', (_name, edit) => {
    expect(state(edit(built))).toBe('unedited');
  });

  it('does not excuse a changed blank line inside the text', () => {
    expect(state(built.replace('\n\n', '\n'))).toBe('edited');
  });
});
