import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { prepareReport, type PrepareOptions } from '../build.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadWriter, type RenderOptions } from '../write/index.js';
import { watchPaths } from './watcher.js';

export interface PreviewOptions extends PrepareOptions, RenderOptions {
  /** 0 (the default): a free port, chosen by the system. */
  port?: number;
  /** Called after each build of the page with its problems (the terminal prints them). */
  onBuild?: (diagnostics: readonly Diagnostic[]) => void;
  /** The problems of a build that failed as HTML for the page (the CLI's own printer), escaped. */
  describe: (diagnostics: readonly Diagnostic[]) => string;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

/** The only address the preview listens on: the report is not published to the network. */
const HOST = '127.0.0.1';

/** The page asks for this stream and reloads when it says so; without script the page is still whole. */
const RELOAD_CODE = 'new EventSource("/events").onmessage = () => location.reload();';
const RELOAD_SCRIPT = `<script>${RELOAD_CODE}</script>`;

/**
 * The report's page allows no script at all (its Content-Security-Policy); the preview allows this one
 * script, by its hash, and its connection back to the server: nothing from the notes can run even here.
 */
const PREVIEW_POLICY = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash('sha256').update(RELOAD_CODE).digest('base64')}'; connect-src 'self'`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The page of a build that failed: its problems where the report would be, in the same words as the terminal. */
function problemsPage(report: string, problems: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="${PREVIEW_POLICY}"><title>${escapeHtml(path.basename(report))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.5}.problems{padding-left:1.5rem}.problems li{margin-bottom:1rem;border-left:4px solid #c00;padding-left:0.75rem}.warning{color:#a60}.error{color:#c00}pre{white-space:pre-wrap;word-break:break-word;background:#f6f6f6;padding:0.5rem}mark{background:#fc6;outline:1px solid #c00}</style></head>
<body>${problems}${RELOAD_SCRIPT}</body></html>`;
}

/** The report's HTML with the reload script before </body>, and a policy that lets only it run. */
function withReload(html: string): string {
  const allowed = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, `$1${PREVIEW_POLICY}$2`);
  const at = allowed.lastIndexOf('</body>');
  return at < 0 ? allowed + RELOAD_SCRIPT : allowed.slice(0, at) + RELOAD_SCRIPT + allowed.slice(at);
}

/**
 * Serves the report as HTML on 127.0.0.1, rebuilt by the server whenever the report, a notes file
 * it draws on, its config or a template of the user's changes, and tells the open pages to reload.
 * A build that fails shows its located problems on the page; the server keeps running.
 */
export async function startPreview(report: string, options: PreviewOptions): Promise<Preview> {
  const reportPath = path.resolve(report);
  let page = '';
  const listeners = new Set<ServerResponse>();
  // Builds one at a time, in the order of the changes: the page shown is always the latest build.
  let queue = Promise.resolve();
  const rebuild = (): Promise<void> => (queue = queue.then(build));
  const watcher = watchPaths(() => void rebuild().then(() => listeners.forEach((res) => res.write('data: reload\n\n'))));
  const build = async (): Promise<void> => {
    const prepared = await prepareReport(reportPath, options);
    watcher.follow(prepared.files);
    options.onBuild?.(prepared.diagnostics);
    if (!prepared.document || hasErrors(prepared.diagnostics)) {
      page = problemsPage(reportPath, options.describe(prepared.diagnostics));
      return;
    }
    const html = await (await loadWriter('html')).render(prepared.document, options);
    page = withReload(Buffer.from(html).toString('utf8'));
  };
  await rebuild();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A page of another site that points a name at 127.0.0.1 (DNS rebinding) must not read the report.
    const port = (server.address() as AddressInfo).port;
    if (req.headers.host !== `${HOST}:${port}` && req.headers.host !== `localhost:${port}`) {
      res.writeHead(403).end();
      return;
    }
    if (req.method === 'GET' && req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (req.method === 'GET' && (req.url === '/' || req.url === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${HOST}:${port}/`,
    close: async () => {
      watcher.close();
      for (const res of listeners) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
