import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlainProse, scanProse, type ProsePiece } from '../../src/compose/prose-calls.js';
import { parseWithHandlebars, type HandlebarsPiece } from '../../src/compose/prose-handlebars.js';

/**
 * The plain reader answers for most prose without loading Handlebars. Where it answers, it must
 * read what Handlebars reads: each text here is read both ways and compared.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Text pieces joined and empty ones dropped: how Handlebars splits content does not matter to the output. */
function normalized(pieces: readonly HandlebarsPiece[]): HandlebarsPiece[] {
  const out: HandlebarsPiece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (piece.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + piece.text };
    else if (piece.kind !== 'text' || piece.text !== '') out.push(piece);
  }
  return out;
}

/** Reads the text both ways; returns the plain reader's pieces, if it answered. */
function readBothWays(text: string): ProsePiece[] | undefined {
  const scanned = scanProse(text);
  if ('problem' in scanned) return undefined;
  const plain = parsePlainProse(text, scanned.expressions);
  if (plain) expect(normalized(plain), JSON.stringify(text)).toStrictEqual(normalized(parseWithHandlebars(text) ?? []));
  return plain;
}

/** Every string value of the shipped examples and the test fixtures that holds an expression. */
function corpusProse(): string[] {
  const files = ['examples', 'test/fixtures', 'starter'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name)),
  );
  const texts = files.flatMap((file) => readFileSync(file, 'utf8').split(/\n(?=\S)/));
  return texts.filter((text) => text.includes('{{'));
}

describe('the plain prose reader', () => {
  it('reads the calls of the notes as Handlebars does', () => {
    expect(readBothWays('累计办理{{metric "cards"}}张，开展活动{{count tag="会议,述职"}}次')).toEqual([
      { kind: 'text', text: '累计办理' },
      { kind: 'call', start: 4, end: 22, name: 'metric', params: ['cards'], pairs: [] },
      { kind: 'text', text: '张，开展活动' },
      { kind: 'call', start: 28, end: 49, name: 'count', params: [], pairs: [['tag', '会议,述职']] },
      { kind: 'text', text: '次' },
    ]);
    expect(readBothWays("{{ sum 'people'  tag = 会议 }}{{percent -1.5 1}}\n{{count}}")).toEqual([
      { kind: 'call', start: 0, end: 28, name: 'sum', params: ['people'], pairs: [['tag', '会议']] },
      { kind: 'call', start: 28, end: 46, name: 'percent', params: [-1.5, 1], pairs: [] },
      { kind: 'text', text: '\n' },
      { kind: 'call', start: 47, end: 56, name: 'count', params: [], pairs: [] },
    ]);
  });

  it('leaves to Handlebars every form it does not read itself', () => {
    const others = ['{{#if x}}y{{/if}}', '{{!-- a --}}{{count}}', '\\{{count}}', '{{{count}}}', '{{~count}}', '{{count~}}', '{{> part}}', '{{else}}', '{{count true}}',
      '{{a.b}}', '{{@index}}', '{{count tag="a" 1}}', '{{count "a"b}}', '{{count 1a}}', '{{count -x}}', '{{"metric"}}', '{{count "a\\"b"}}', '{{count x=}}', '{{=x}}', '{{}}'];
    for (const text of others) expect(readBothWays(text), text).toBeUndefined();
  });

  it('agrees with Handlebars on every expression of the examples and fixtures', () => {
    const corpus = corpusProse();
    expect(corpus.length).toBeGreaterThan(20);
    const read = corpus.filter((text) => readBothWays(text) !== undefined);
    // The agreement must not be bought by leaving everything to Handlebars.
    expect(read.length).toBeGreaterThan(corpus.length / 2);
  });

  it('agrees with Handlebars on generated expressions (fast-check)', () => {
    const token = fc.constantFrom('{{', '}}', 'metric', 'count', 'tag', ' ', '  ', '\u3000', '\n', '"', "'", '=', '1', '-', '.', '0.5', '~', '#', '!', '&', '@', '/', '\\', '会议', '，', 'true', 'else', 'x', '"cards"', "'述职'", '[', ']', '|', '^', '>');
    let answered = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
        if (readBothWays(tokens.join('')) !== undefined) answered++;
      }),
      { numRuns: 4000 },
    );
    expect(answered).toBeGreaterThan(400);
  });
});
