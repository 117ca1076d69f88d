import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDraft } from '../../../src/load/drafts/index.js';
import { withCommentFingerprint } from '../../../src/write/fingerprint.js';
import { tempDir } from '../../helpers/workspace.js';

const TEXT = '工作总结\n一、加强组织领导\n发放宣传资料多份。\n';

/** Text as Notepad saves it on Chinese Windows ("ANSI"): GBK, found by inverting the decoder. */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) codes.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
  return new Uint8Array([...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : codes.get(char)!)));
}

function saved(name: string, bytes: Uint8Array | string): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

describe('readDraft', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), []],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), []],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), []],
    ['GB18030', gbk(TEXT), ['encoding-gb18030']],
  ])('reads a .txt draft saved as %s', async (_encoding, bytes, codes) => {
    const file = saved('draft.txt', bytes);
    const { draft, diagnostics } = await readDraft(file);
    expect(diagnostics.map((d) => [d.code, d.location?.line])).toEqual(codes.map((code) => [code, 1]));
    expect(draft?.paragraphs.map((p) => p.text)).toEqual(['工作总结', '一、加强组织领导', '发放宣传资料多份。']);
    expect(draft?.paragraphs[2]!.locate(6)).toMatchObject({ file, line: 3, column: 7 });
  });

  it('refuses a binary file named .txt, and says an empty one is empty', async () => {
    expect((await readDraft(saved('draft.txt', new Uint8Array(64)))).diagnostics.map((d) => d.code)).toEqual(['draft-binary']);
    expect((await readDraft(saved('draft.md', ' \n\n'))).diagnostics.map((d) => d.code)).toEqual(['empty-file']);
  });

  it('tells a Markdown file plan-report built (edited since or not) from one a person wrote', async () => {
    const built = withCommentFingerprint('# 工作总结\n\n正文。\n');
    expect((await readDraft(saved('built.md', built))).builtByPlanReport).toBe(true);
    expect((await readDraft(saved('edited.md', built.replace('正文', '改过的正文')))).builtByPlanReport).toBe(true);
    expect((await readDraft(saved('typed.md', '# 工作总结\n\n正文。\n'))).builtByPlanReport).toBeUndefined();
  });
});
