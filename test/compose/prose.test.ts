import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderProse } from '../../src/compose/prose.js';
import { loadReport } from '../../src/load/project.js';
import { parseSourceText } from '../../src/load/source-file.js';
import { buildModel, type ReportModel } from '../../src/model/report-model.js';
import { EXAMPLE_DIR } from '../helpers/workspace.js';

let model: ReportModel;

beforeAll(async () => {
  const { loaded } = await loadReport(path.join(EXAMPLE_DIR, '2023-h1.yaml'));
  model = buildModel(loaded!).model;
});

/** Renders a string as if it were the report's intro (so locations point into 2023-h1.yaml). */
function render(text: string) {
  return renderProse({ text, file: model.source.file, path: ['intro'] }, model);
}

describe('prose expressions', () => {
  it.each([
    ['{{metric "cards"}}', '400张'],
    ['{{value "cards"}}', '400'],
    ['{{target "boilers"}}', '6台'],
    ['{{rate "boilers"}}', '83.33%'],
    ['{{metric "energy-drop"}}', '31.5%'],
    ['{{count tag="视察调研"}}', '3'],
    ['{{count tag="视察调研、参观学习"}}', '3'],
    ['{{count "会议"}}', '3'],
    ['{{sum "people" tag="述职"}}', '3'],
    ['{{year}}', '2023'],
    ['{{date "plan-meeting"}}', '3月11日'],
    ['文字 \\{{不是表达式}}', '文字 {{不是表达式}}'],
  ])('%s -> %s', (text, expected) => {
    expect(render(text)).toEqual({ text: expected, diagnostics: [] });
  });

  it('reports every problem of a string at once, each with did-you-mean', () => {
    const { text, diagnostics } = render('{{metric "cardz"}}{{count tag="述值"}}{{metrc "cards"}}{{rate "cards"}}');
    expect(text).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.params])).toEqual([
      ['unknown-metric-suggest', { id: 'cardz', suggestion: 'cards' }],
      ['unknown-tag-suggest', { tag: '述值', suggestion: '述职' }],
      ['unknown-helper-suggest', { name: 'metrc', suggestion: 'metric' }],
      ['no-target', { id: 'cards', what: 'rate' }],
    ]);
  });

  it('rejects a block expression and an unclosed one', () => {
    expect(render('{{#if x}}y{{/if}}').diagnostics.map((d) => d.code)).toEqual(['prose-syntax']);
    expect(render('累计{{metric "cards"').diagnostics.map((d) => [d.code, d.params.detail])).toEqual([['prose-syntax', '{{metric "cards"']]);
  });

  it('rejects wrong arguments with the usage', () => {
    const [diagnostic] = render('{{sum "money" tag="述职"}}').diagnostics;
    expect(diagnostic).toMatchObject({ code: 'bad-helper-args', params: { name: 'sum', usage: '{{sum "people" tag="标签"}}' } });
  });
});

/** Prose written in a YAML file of its own, as `intro:`, so that locations can be asserted. */
function renderWritten(yaml: string) {
  const { file } = parseSourceText('/notes/a.yaml', new TextEncoder().encode(yaml));
  const text = (file!.data as { intro: string }).intro;
  const { text: rendered, diagnostics } = renderProse({ text, file: file!, path: ['intro'] }, model);
  return { text: rendered, found: diagnostics.map((d) => [d.code, `${d.location?.line}:${d.location?.column}`]) };
}

describe('prose expressions: hostile input', () => {
  it('refuses a blank argument rather than reading it as "all"', () => {
    for (const text of ['{{count tag=""}}', '{{count tag=" "}}', '{{count tag="会议,,述职"}}', '{{count tag="会议、"}}', '{{count ""}}', '{{sum "people" tag=""}}', '{{metric ""}}', '{{date " "}}']) {
      expect(render(text).diagnostics.map((d) => d.code), text).toEqual(['bad-helper-args']);
    }
    // No tag at all is every activity of the period, as documented.
    expect(render('{{count}}').text).toMatch(/^\d+$/);
  });

  it('names the invisible or Unicode-form difference of an id or a tag, and never matches it', () => {
    const [zeroWidth] = render('{{metric "car\u200Bds"}}').diagnostics;
    expect(zeroWidth).toMatchObject({ code: 'id-invisible-difference', params: { id: 'car\u200Bds', known: 'cards', position: 4, typed: 'U+200B', expected: '—' } });
    const [tag] = render('{{count tag="会\uFEFF议"}}').diagnostics;
    expect(tag).toMatchObject({ code: 'id-invisible-difference', params: { known: '会议', typed: 'U+FEFF' } });
    const [fullWidth] = render('{{metric "ｃａｒｄｓ"}}').diagnostics;
    expect(fullWidth).toMatchObject({ code: 'id-invisible-difference', params: { known: 'cards', position: 1 } });
  });

  it('refuses a subexpression before Handlebars parses it, however deep', () => {
    const nested = `${'文字'.repeat(5000)}{{metric ${'('.repeat(5000)}"cards"${')'.repeat(5000)}}}`;
    const { diagnostics } = render(nested);
    expect(diagnostics.map((d) => d.code)).toEqual(['prose-subexpression']);
    expect(render('{{metric (lookup "cards")}}').diagnostics.map((d) => d.code)).toEqual(['prose-subexpression']);
    // Brackets in a quoted argument or outside {{ }} are text.
    expect(render('（{{count tag="会议"}}次）(共计)').diagnostics).toEqual([]);
  });

  it('places the caret on the expression itself, not on a copy in a comment or earlier in the text', () => {
    const comment = renderWritten('intro: 甲{{!-- {{metric "cardz"}} --}}乙{{metric "cardz"}}\n');
    expect(comment.found).toEqual([['unknown-metric-suggest', '1:39']]);
    const twice = renderWritten('intro: 甲{{metric "cards"}}乙\\{{metric "x"}}丙{{metric "x"}}\n');
    expect(twice.found).toEqual([['unknown-metric', '1:44']]);
  });

  it('blames a stray brace at its own place, not an earlier valid expression', () => {
    expect(renderWritten('intro: 甲{{metric "cards"}}乙}}丙\n').found).toEqual([['prose-syntax', '1:28']]);
    expect(renderWritten('intro: 甲{{metric "cards"}}}乙\n').found).toEqual([['prose-syntax', '1:27']]);
    expect(renderWritten('intro: 甲{{metric "cards"}}乙{{metric "cards"\n').found).toEqual([['prose-syntax', '1:28']]);
  });

  it('answers for 20 000 expressions, valid or not, each located', () => {
    expect(render('文字{{metric "cards"}}'.repeat(20000)).diagnostics).toEqual([]);
    expect(render('文字{{metric "cardz"}}'.repeat(20000)).diagnostics).toHaveLength(20000);
  });
});
