import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/document/ast.js';
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

describe('Markdown of the structure (issue 7)', () => {
  const body = (blocks: ReportDocument['blocks']) => renderMarkdown({ meta: { title: '', org: '', date: '2023-07-05' }, blocks }).split('\n\n<!--')[0]!.trim();

  it('prints a run-in heading and bold leads in bold, with the closing marks just outside so CommonMark closes them', () => {
    const markdown = body([
      {
        type: 'paragraph',
        content: [
          { type: 'heading', level: 3, marker: '1.', text: '组织开展“科普周”活动。' },
          { type: 'text', text: '开展*宣传*。' },
          { type: 'item', style: '一是', marker: '一是', lead: '抓学习。', bold: true, text: '正文。' },
          { type: 'item', style: '一是', marker: '二是', lead: '抓调研。', text: '正文。' },
        ],
      },
    ]);
    expect(markdown).toBe('**1.组织开展“科普周”活动**。开展\\*宣传\\*。**一是抓学习**。正文。二是抓调研。正文。');
  });

  it('escapes a paragraph that starts like a list only where it would be one, and not after a heading\'s #s', () => {
    expect(body([{ type: 'paragraph', content: [{ type: 'item', style: 'none', marker: '', lead: '1.开头', bold: false, text: '正文' }] }])).toBe('1\\.开头正文');
    expect(body([{ type: 'heading', level: 3, marker: '1.', text: '组织开展活动' }])).toBe('#### 1.组织开展活动');
  });
});
