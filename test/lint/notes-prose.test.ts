import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proseFindings } from '../../src/lint/notes-prose.js';
import { parseSourceText } from '../../src/load/source-file.js';

function findings(yaml: string) {
  const { file } = parseSourceText('/n/notes.yaml', new TextEncoder().encode(yaml));
  return proseFindings(file!).map((f) => ({
    at: `${f.diagnostic.location!.line}:${f.diagnostic.location!.column}`,
    code: f.diagnostic.code,
    edit: f.edit ? yaml.slice(f.edit.start, f.edit.end) + '→' + f.edit.text : undefined,
  }));
}

describe('the prose rules over YAML notes', () => {
  it('places each finding at its character in plain, quoted, folded and literal scalars', () => {
    const yaml = ['a: 活动.', 'b: "代表們"', "c: '5~8次'", 'd: >-', '  第一行', '  有2023年03月05日', 'e: |', '  字面們', ''].join('\n');
    expect(findings(yaml)).toEqual([
      { at: '1:6', code: 'halfwidth-punctuation', edit: '.→。' },
      { at: '2:7', code: 'traditional-characters', edit: '們→们' },
      { at: '3:6', code: 'punctuation-form', edit: '~→～' },
      { at: '6:4', code: 'date-leading-zero', edit: '2023年03月05日→2023年3月5日' },
      { at: '8:5', code: 'traditional-characters', edit: '們→们' },
    ]);
  });

  it('locates a finding typed as an escape at its scalar, without a fix', () => {
    expect(findings('a: "代表\\u5011"\n')).toEqual([{ at: '1:4', code: 'traditional-characters', edit: undefined }]);
  });

  it('gives no fix across a line break the value does not have (a \\ at the end of a quoted line)', () => {
    expect(findings('a: "于2023年03\\\n  月05日"\n')).toEqual([{ at: '1:6', code: 'date-leading-zero', edit: undefined }]);
  });

  it('does not see {{ }} expressions, keys, ids, tags or dates', () => {
    expect(findings('text: 共{{count tag="视察调研"}}次\nid: 代表們\ntags: [代表們]\n代表們: 1\nsection: 二、工作.\n')).toEqual([]);
  });

  it('leaves out what the output prints right anyway: half-width , : ( ) next to Chinese', () => {
    expect(findings('a: 认识:共{{metric "x"}}(每名代表20张),要\n')).toEqual([]);
  });
});

describe('prose of many entries, screened together', () => {
  /** Pieces of titles, clean and not, chosen to meet at the seams where values are joined. */
  const PIECES = ['视察青奥场馆', '约', '3', '左右', '…', '...', '\uFFFD', '，', ',', 'www.example.cn', '一、', '"', '2023年03月', '--', '~', '10', '%', '臺', 'rèn', '/!', '召开会议', ' ', '（', '(', '多'];
  const title = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => `会${parts.join('')}`);
  const notes = (titles: readonly string[]) => `activities:\n${titles.map((t, i) => `  - date: 2023-03-${String(1 + (i % 28)).padStart(2, '0')}\n    title: ${JSON.stringify(t)}\n`).join('')}`;
  const found = (text: string) => proseFindings(parseSourceText('/notes/a.yaml', new TextEncoder().encode(text)).file!).map((f) => `${f.diagnostic.code} ${f.diagnostic.params.text ?? ''}`);

  it('finds in a file what it finds in each entry alone (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(title, { minLength: 1, maxLength: 40 }), (titles) => {
        const alone = titles.flatMap((t) => found(notes([t])));
        expect(found(notes(titles)).sort()).toEqual(alone.sort());
      }),
      { numRuns: 150 },
    );
  });

  it('finds the one defect among 2,000 clean titles, past the first chunk', () => {
    const titles = Array.from({ length: 2000 }, (_, i) => `视察青奥场馆（第${i + 1}次）`);
    expect(found(notes(titles))).toEqual([]);
    titles[1500] = '代表們视察青奥场馆（第1501次）';
    expect(found(notes(titles))).toEqual(['traditional-characters 們']);
  });
});
