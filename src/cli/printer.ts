import path from 'node:path';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import type { Lang } from '../diagnostics/lang.js';
import { diagnosticHint, diagnosticMessage } from '../diagnostics/messages.js';
import { escapeHtml } from '../write/html/escape.js';
import { t } from './messages.js';

/** The one diagnostics printer: text for people, json for tools, github for workflow annotations. */
export const REPORT_FORMATS = ['text', 'json', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface PrintOptions {
  lang: Lang;
  cwd: string;
  color: boolean;
}

/**
 * Colour on a terminal, never in a pipe or a CI log unless FORCE_COLOR asks for it; NO_COLOR
 * (no-color.org: any non-empty value) always wins.
 */
export function useColor(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

/** Paths as the user typed them: relative to the current folder when inside it. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Characters that a terminal obeys rather than shows: C0 controls (ESC starts a sequence that can
 * retitle or clear the terminal, CR overwrites a line), DEL, C1 controls (U+009B is a CSI by itself)
 * and the bidi controls that reorder what is shown, line and paragraph separators too. Notes, file
 * names and the lines quoted from them are the user's data, not the program's.
 */
const BEYOND_C0_CONTROLS = '\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069';
const TERMINAL_CONTROLS = new RegExp(`[\u0000-\u001f${BEYOND_C0_CONTROLS}]`, 'g');

/** Text from the notes made safe to print: each control shown as its escape, \x1b or \u202e. */
export function escapeControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** JSON.stringify escapes the C0 controls only; the others as \u escapes are still JSON, same strings. */
function escapeJsonControls(json: string): string {
  return json.replace(new RegExp(`[${BEYOND_C0_CONTROLS}]`, 'g'), (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Terminal columns of a string: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char === '\t' ? 1 : WIDE.test(char) ? 2 : 1;
  return width;
}

/** Paths inside messages are shown as the location is: relative to the current folder. */
function forDisplay(d: Diagnostic, cwd: string): Diagnostic {
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  const params = Object.fromEntries(Object.entries(d.params).map(([name, value]) => [name, typeof value === 'string' ? value.split(prefix).join('') : value]));
  return { ...d, params };
}

/** For a terminal or a CI log: every parameter (text from the notes) with its controls escaped. */
function withEscapedParams(d: Diagnostic): Diagnostic {
  const params = Object.fromEntries(Object.entries(d.params).map(([name, value]) => [name, typeof value === 'string' ? escapeControls(value) : value]));
  return { ...d, params };
}

/** The file of a location as printed: relative when inside the current folder, controls escaped. */
function shownFile(file: string, cwd: string): string {
  return escapeControls(displayPath(file, cwd));
}

/** Where a problem is, as printed: file:line:column, or in a Word file file:第 N 段 (no lines there). */
function placeLabel(location: Location, lang: Lang, cwd: string): string {
  const file = shownFile(location.file, cwd);
  return location.unit === 'paragraph' ? `${file}:${t(lang, 'paragraphLabel', { paragraph: location.line })}` : `${file}:${location.line}:${location.column}`;
}

/** How much of a long source line is quoted on each side of the caret, in characters. */
const SOURCE_CONTEXT = 60;

/**
 * The part of the source line that is quoted: all of it when it is short, else a window around the
 * column with … at the cut ends, so that a one-line file of 500 KB does not print itself once per
 * problem found in it.
 */
function sourceWindow(source: string, column: number): { before: string; after: string } {
  const at = Math.max(0, Math.min(column - 1, source.length));
  const start = Math.max(0, at - SOURCE_CONTEXT);
  const end = Math.min(source.length, at + SOURCE_CONTEXT);
  return {
    before: (start > 0 ? '…' : '') + source.slice(start, at),
    after: source.slice(at, end) + (end < source.length ? '…' : ''),
  };
}

/**
 * The SGR codes the printer uses, each an opening and a closing code, as a 16-colour terminal takes
 * them. Written here rather than loaded from a colour library: every command starts with the printer.
 */
const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39] } as const;
type Style = keyof typeof STYLES;

/** A styler: text in the given styles, the first outermost; as it is without colour, and empty stays empty. */
function styler(color: boolean): (styles: readonly Style[], text: string) => string {
  return (styles, text) => {
    if (!color || text === '') return text;
    const open = styles.map((style) => `\x1b[${STYLES[style][0]}m`).join('');
    const close = styles.map((style) => `\x1b[${STYLES[style][1]}m`).reverse().join('');
    return open + text + close;
  };
}

function textDiagnostic(d: Diagnostic, options: PrintOptions): string {
  const c = styler(options.color);
  const label = d.severity === 'error' ? c(['red', 'bold'], t(options.lang, 'errorLabel')) : c(['yellow', 'bold'], t(options.lang, 'warningLabel'));
  const where = d.location ? `${placeLabel(d.location, options.lang, options.cwd)}: ` : '';
  const lines = [`${c(['bold'], where)}${label} ${diagnosticMessage(d, options.lang)} ${c(['dim'], `[${d.code}]`)}`];
  const source = d.location?.sourceLine;
  if (d.location?.unit === 'paragraph' && source !== undefined) {
    // A snippet of the paragraph, to find it by: a caret would point into a line Word never shows.
    lines.push(c(['dim'], '  > ') + escapeControls(source.replace(/\t/g, ' ')));
  } else if (d.location && source !== undefined) {
    const gutter = String(d.location.line);
    const pad = ' '.repeat(gutter.length);
    const { before, after } = sourceWindow(source, d.location.column);
    // Escaped after the column is cut, so that the caret counts what the terminal shows.
    const shownLine = (text: string) => escapeControls(text.replace(/\t/g, ' '));
    const caretOffset = displayWidth(shownLine(before));
    lines.push(c(['dim'], ` ${gutter} | `) + shownLine(before + after), c(['dim'], ` ${pad} | `) + ' '.repeat(caretOffset) + c(['red'], '^'));
  }
  const hint = diagnosticHint(d, options.lang);
  if (hint) lines.push(`  ${c(['cyan'], `${t(options.lang, 'hintLabel')}:`)} ${hint}`);
  return lines.join('\n');
}

function summary(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return t(lang, 'summaryProblems', { errors, warnings: diagnostics.length - errors });
}

function jsonReport(diagnostics: readonly Diagnostic[], options: PrintOptions): string {
  const items = diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: diagnosticMessage(d, options.lang),
    hint: diagnosticHint(d, options.lang) ?? null,
    file: d.location ? displayPath(d.location.file, options.cwd) : null,
    ...(d.location?.unit === 'paragraph'
      ? { line: null, column: null, paragraph: d.location.line, snippet: d.location.sourceLine ?? null }
      : { line: d.location?.line ?? null, column: d.location?.column ?? null }),
    params: d.params,
  }));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return escapeJsonControls(JSON.stringify({ errors, warnings: diagnostics.length - errors, diagnostics: items }, null, 2));
}

/** GitHub workflow commands: properties escape , and : too; messages escape % and line breaks. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function githubDiagnostic(d: Diagnostic, options: PrintOptions): string {
  const inParagraph = d.location?.unit === 'paragraph';
  const lineAndColumn = d.location && !inParagraph ? [`line=${d.location.line}`, `col=${d.location.column}`] : [];
  const properties = [...(d.location ? [`file=${escapeProperty(shownFile(d.location.file, options.cwd))}`, ...lineAndColumn] : []), `title=${escapeProperty(d.code)}`];
  const hint = diagnosticHint(d, options.lang);
  // GitHub shows a Word file by no line: the paragraph and its snippet go into the message.
  const place = inParagraph ? `${t(options.lang, 'paragraphLabel', { paragraph: d.location!.line })} > ${escapeControls(d.location!.sourceLine ?? '')}\n` : '';
  const message = place + diagnosticMessage(d, options.lang) + (hint ? `\n${hint}` : '');
  return `::${d.severity} ${properties.join(',')}::${escapeData(message)}`;
}

/** The printed report of a run's diagnostics; empty when there are none. */
/**
 * For a web page (the preview): each problem as a list item, its place, message and hint, and the
 * source line with the column marked by an element rather than a caret, which a proportional or
 * CJK font would misplace. Everything is escaped.
 */
export function htmlDiagnostics(diagnostics: readonly Diagnostic[], options: Omit<PrintOptions, 'color'>): string {
  const items = diagnostics.map((raw) => {
    const d = forDisplay(raw, options.cwd);
    const label = t(options.lang, d.severity === 'error' ? 'errorLabel' : 'warningLabel');
    const where = d.location ? placeLabel(d.location, options.lang, options.cwd) : '';
    const head = `<p><code>${escapeHtml(where)}</code> <strong class="${d.severity}">${escapeHtml(label)}</strong> ${escapeHtml(diagnosticMessage(d, options.lang))} <code>[${escapeHtml(d.code)}]</code></p>`;
    const source = d.location?.sourceLine;
    const window = d.location && source !== undefined && d.location.unit !== 'paragraph' ? sourceWindow(source, d.location.column) : undefined;
    const snippet = d.location?.unit === 'paragraph' && source !== undefined ? `<pre>${escapeHtml(source)}</pre>` : '';
    const line = window ? `<pre>${escapeHtml(window.before)}<mark>${escapeHtml([...window.after][0] ?? ' ')}</mark>${escapeHtml([...window.after].slice(1).join(''))}</pre>` : snippet;
    const hint = diagnosticHint(d, options.lang);
    return `<li>${head}${line}${hint === undefined ? '' : `<p>${escapeHtml(t(options.lang, 'hintLabel'))}: ${escapeHtml(hint)}</p>`}</li>`;
  });
  return `<ol class="problems">${items.join('')}</ol><p>${escapeHtml(summary(diagnostics, options.lang))}</p>`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: ReportFormat, options: PrintOptions): string {
  diagnostics = diagnostics.map((d) => forDisplay(d, options.cwd));
  if (format === 'json') return `${jsonReport(diagnostics, options)}\n`;
  if (diagnostics.length === 0) return '';
  diagnostics = diagnostics.map(withEscapedParams);
  if (format === 'github') return `${diagnostics.map((d) => githubDiagnostic(d, options)).join('\n')}\n`;
  return `${diagnostics.map((d) => textDiagnostic(d, options)).join('\n\n')}\n\n${summary(diagnostics, options.lang)}\n`;
}
