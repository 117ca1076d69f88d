import { describe, expect, it } from 'vitest';
import { escapeControls, formatDiagnostics, htmlDiagnostics, useColor } from '../../src/cli/printer.js';
import { error, warning } from '../../src/diagnostics/diagnostic.js';

const cwd = '/notes';
const diagnostics = [
  error('unknown-metric-suggest', { id: 'cardz', suggestion: 'cards' }, { file: '/notes/2023-h1.yaml', line: 3, column: 11, sourceLine: '  text: 发放{{metric "cardz"}}' }),
  warning('placeholder', { text: '××' }, { file: '/notes/activities/2023.yaml', line: 7, column: 5 }),
];

describe('the diagnostics printer', () => {
  it('puts the caret under the column, counting Chinese characters as two terminal columns', () => {
    const text = formatDiagnostics(diagnostics.slice(0, 1), 'text', { lang: 'zh', cwd, color: false });
    expect(text).toBe(
      [
        '2023-h1.yaml:3:11: 错误 没有编号为 “cardz” 的指标 [unknown-metric-suggest]',
        ' 3 |   text: 发放{{metric "cardz"}}',
        // `  text: 发放` is 8 narrow and 2 wide characters: 12 columns before the {{.
        '   | ' + ' '.repeat(12) + '^',
        '  提示: 是否想写 “cards”？',
        '',
        '1 个错误，0 个警告',
        '',
      ].join('\n'),
    );
  });

  it('quotes a window of a long line around the caret, not the whole line', () => {
    const line = `${'甲'.repeat(1000)}{{metric "x"}}${'乙'.repeat(1000)}`;
    const long = error('unknown-metric', { id: 'x', known: '—' }, { file: '/notes/2023-h1.yaml', line: 1, column: 1001, sourceLine: line });
    const [, quoted, caret] = formatDiagnostics([long], 'text', { lang: 'zh', cwd, color: false }).split('\n');
    expect(quoted).toBe(` 1 | …${'甲'.repeat(60)}{{metric "x"}}${'乙'.repeat(60 - '{{metric "x"}}'.length)}…`);
    // The ellipsis is one column, each 甲 two.
    expect(caret).toBe(`   | ${' '.repeat(1 + 120)}^`);
  });

  it('writes GitHub workflow annotations with escaped properties', () => {
    expect(formatDiagnostics(diagnostics, 'github', { lang: 'en', cwd, color: false }).split('\n')).toEqual([
      '::error file=2023-h1.yaml,line=3,col=11,title=unknown-metric-suggest::no metric with id "cardz"%0Adid you mean "cards"?',
      '::warning file=activities/2023.yaml,line=7,col=5,title=placeholder::a placeholder "××" is left in the text%0Afill in the real content',
      '',
    ]);
  });

  it('writes JSON for tools, with paths relative to the current folder', () => {
    const json = JSON.parse(formatDiagnostics(diagnostics, 'json', { lang: 'en', cwd, color: false })) as { errors: number; warnings: number; diagnostics: { file: string }[] };
    expect([json.errors, json.warnings, json.diagnostics.map((d) => d.file)]).toEqual([1, 1, ['2023-h1.yaml', 'activities/2023.yaml']]);
  });

  it('colours only a terminal, unless FORCE_COLOR asks; NO_COLOR always wins', () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(false, {})).toBe(false);
    expect(useColor(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
    const coloured = formatDiagnostics(diagnostics, 'text', { lang: 'en', cwd, color: true });
    expect(coloured).toContain('\u001b[');
    expect(formatDiagnostics(diagnostics, 'text', { lang: 'en', cwd, color: false })).not.toContain('\u001b[');
  });

  it('colours as a 16-colour terminal shows it: bold red errors, bold yellow warnings, dim code and gutter, cyan hint', () => {
    const esc = (code: number) => `\u001b[${code}m`;
    expect(formatDiagnostics(diagnostics, 'text', { lang: 'en', cwd, color: true }).split('\n').slice(0, 6)).toEqual([
      `${esc(1)}2023-h1.yaml:3:11: ${esc(22)}${esc(31)}${esc(1)}error${esc(22)}${esc(39)} no metric with id "cardz" ${esc(2)}[unknown-metric-suggest]${esc(22)}`,
      `${esc(2)} 3 | ${esc(22)}  text: 发放{{metric "cardz"}}`,
      `${esc(2)}   | ${esc(22)}${' '.repeat(12)}${esc(31)}^${esc(39)}`,
      `  ${esc(36)}hint:${esc(39)} did you mean "cards"?`,
      '',
      `${esc(1)}activities/2023.yaml:7:5: ${esc(22)}${esc(33)}${esc(1)}warning${esc(22)}${esc(39)} a placeholder "××" is left in the text ${esc(2)}[placeholder]${esc(22)}`,
    ]);
  });
});

describe('the printer and text from the notes that a terminal would obey', () => {
  // ESC ]0; retitles the terminal, ESC [2J clears it, U+009B is a CSI by itself, U+202E reverses
  // what follows, CR returns to the line start to print over it, BEL rings.
  const hostile = 'x\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202efdp.exe\rfake\u007f\u2066';
  const file = '/notes/evil\u001b[2J.yaml';
  const bad = error('bad-enum', { value: hostile, allowed: 'half-year-summary' }, { file, line: 2, column: 9, sourceLine: `  kind: ${hostile}` });
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('escapes every control, as \\x1b or \\u202e, keeping Chinese as it is', () => {
    expect(escapeControls('标题\u001b[2J\u202e')).toBe('标题\\x1b[2J\\u202e');
    expect(escapeControls('\u009b\u007f\r\n\t')).toBe('\\x9b\\x7f\\x0d\\x0a\\x09');
  });

  it('text: message, path and quoted line are escaped, and the caret stays under the value', () => {
    const text = formatDiagnostics([bad], 'text', { lang: 'en', cwd: '/notes', color: false });
    expect(text).not.toMatch(RAW);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`evil\\x1b[2J.yaml:2:9: error "${escapeControls(hostile)}" is not an allowed value [bad-enum]`);
    expect(lines[1]).toBe(` 2 |   kind: ${escapeControls(hostile)}`);
    expect(lines[2]).toBe(`   | ${' '.repeat(8)}^`);
  });

  it('counts escaped controls before the column for the caret', () => {
    const d = error('bad-enum', { value: 'y', allowed: 'a' }, { file: '/notes/a.yaml', line: 1, column: 6, sourceLine: '\u202e\u001bk: y' });
    const caretLine = formatDiagnostics([d], 'text', { lang: 'en', cwd: '/notes', color: false }).split('\n')[2]!;
    // \u202e (6 columns) \x1b (4) k : space: the caret under y.
    expect(caretLine).toBe(`   | ${' '.repeat(6 + 4 + 3)}^`);
  });

  it('github and json: no raw control either, and json still parses back to the same text', () => {
    expect(formatDiagnostics([bad], 'github', { lang: 'en', cwd: '/notes', color: false })).not.toMatch(RAW);
    const json = formatDiagnostics([bad], 'json', { lang: 'en', cwd: '/notes', color: false });
    expect(json).not.toMatch(RAW);
    const parsed = JSON.parse(json) as { diagnostics: { params: { value: string }; file: string }[] };
    expect(parsed.diagnostics[0]!.params.value).toBe(hostile);
    expect(parsed.diagnostics[0]!.file).toBe('evil\u001b[2J.yaml');
  });
});

describe('htmlDiagnostics (the preview page)', () => {
  it('marks the column with an element, escapes the notes\' text, and says where and what', () => {
    const d = error('unknown-metric-suggest', { id: '<b>x</b>', suggestion: 'boilers' }, { file: '/repo/2023-h1.yaml', line: 47, column: 5, sourceLine: '关闭<b>{{target "x"}}' });
    const html = htmlDiagnostics([d], { lang: 'zh', cwd: '/repo' });
    expect(html).toContain('<code>2023-h1.yaml:47:5</code> <strong class="error">错误</strong> 没有编号为 “&lt;b&gt;x&lt;/b&gt;” 的指标 <code>[unknown-metric-suggest]</code>');
    expect(html).toContain('<pre>关闭&lt;b<mark>&gt;</mark>{{target &quot;x&quot;}}</pre>');
    expect(html).toContain('<p>提示: 是否想写 “boilers”？</p>');
    expect(html).not.toMatch(/<b>/);
  });
});
