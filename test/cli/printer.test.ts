import { describe, expect, it } from 'vitest';
import { formatDiagnostics, useColor } from '../../src/cli/printer.js';
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
});
