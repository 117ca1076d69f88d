import { handlebars } from './handlebars.js';
import type { Literal, ProsePiece } from './prose-calls.js';

/** A statement that prose does not allow (a block, a partial): refused at its place. */
export type HandlebarsPiece = ProsePiece | { kind: 'unsupported'; start: number; end: number };

/** The prose read by Handlebars' parser, or undefined when it does not parse. */
export function parseWithHandlebars(text: string): HandlebarsPiece[] | undefined {
  let program: hbs.AST.Program;
  try {
    program = handlebars().parse(text);
  } catch {
    return undefined;
  }
  const lineStarts = lineStartsOf(text);
  const offsetOf = (position: hbs.AST.Position) => lineStarts[position.line - 1]! + position.column;
  return program.body.flatMap((node): HandlebarsPiece[] => {
    if (node.type === 'ContentStatement') return [{ kind: 'text', text: (node as hbs.AST.ContentStatement).value }];
    if (node.type === 'CommentStatement') return [];
    const start = offsetOf(node.loc.start);
    const end = offsetOf(node.loc.end);
    if (node.type !== 'MustacheStatement') return [{ kind: 'unsupported', start, end }];
    const mustache = node as hbs.AST.MustacheStatement;
    const name = mustache.path.type === 'PathExpression' ? (mustache.path as hbs.AST.PathExpression).original : text.slice(start, end);
    const params = mustache.params.map(literalValue);
    const pairs = (mustache.hash?.pairs ?? []).map((pair): [string, Literal] => [pair.key, literalValue(pair.value)]);
    return [{ kind: 'call', start, end, name, params, pairs }];
  });
}

/** String and number literals; a bare word is taken as the string it spells (quotes forgotten). */
function literalValue(node: hbs.AST.Expression): Literal {
  switch (node.type) {
    case 'StringLiteral':
      return (node as hbs.AST.StringLiteral).value;
    case 'NumberLiteral':
      return (node as hbs.AST.NumberLiteral).value;
    case 'PathExpression':
      return (node as hbs.AST.PathExpression).original;
    default:
      return undefined;
  }
}

/** Where each line starts: Handlebars gives positions as 1-based lines and 0-based columns. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
