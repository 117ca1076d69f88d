/**
 * The HTML writer: one self-contained file that reads like the docx on a screen and prints as it
 * does on A4 (see ./html/style.ts). No script, no external resource, and a Content-Security-Policy
 * that forbids both, so a browser runs and fetches nothing even if a text escaped its escaping. Like
 * the Markdown, its last line is a comment with the fingerprint of everything above it.
 */
import type { ReportDocument } from '../document/ast.js';
import { DEFAULT_DOCX_PRESET, getPreset } from './docx/presets.js';
import { commentFingerprintState, withCommentFingerprint } from './fingerprint.js';
import { blockHtml } from './html/blocks.js';
import { escapeHtml } from './html/escape.js';
import { stylesheet } from './html/style.js';
import type { RenderOptions, Writer } from './index.js';

/** What the file may load or run: its own <style> element and nothing else. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

/** The browser tab's title: the report's, or for a report without one (a speech may have none), its org. */
function pageTitle(doc: ReportDocument): string {
  return doc.meta.title || doc.meta.org;
}

export function renderHtml(doc: ReportDocument, options: RenderOptions = {}): string {
  const preset = getPreset(options.preset ?? DEFAULT_DOCX_PRESET, options.fonts);
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(pageTitle(doc))}</title>`,
    `<style>\n${stylesheet(preset)}</style>`,
    '</head>',
    '<body>',
    '<main class="page">',
    ...doc.blocks.map((block) => blockHtml(block, preset)),
    '</main>',
    '</body>',
    '</html>',
  ];
  return withCommentFingerprint(`${lines.join('\n')}\n`);
}

export const htmlWriter: Writer = {
  render: async (doc, options) => new TextEncoder().encode(renderHtml(doc, options)),
  fingerprintState: commentFingerprintState,
};
