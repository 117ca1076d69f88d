import { spawn } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPreview, type Preview } from '../../src/serve/preview.js';
import { copyExample, editFile, REPO_ROOT } from '../helpers/workspace.js';

const running: Preview[] = [];
afterEach(async () => {
  for (const preview of running.splice(0)) await preview.close();
});

async function preview(report: string): Promise<Preview> {
  const started = await startPreview(report, { describe: (diagnostics) => diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.code}`).join('\n') });
  running.push(started);
  return started;
}

async function page(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

/** Resolves with the first server-sent event of the page's reload stream after `act`. */
function nextReload(url: string, act: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(new URL('/events', url), (res) => {
      res.setEncoding('utf8');
      let received = '';
      res.on('data', (chunk: string) => {
        received += chunk;
        if (received.includes(': connected')) act();
        const event = /^data: (.*)$/m.exec(received);
        if (event) {
          req.destroy();
          resolve(event[1]!);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('preview', () => {
  it('serves the report as HTML rendered by the server, on 127.0.0.1 only', async () => {
    const dir = copyExample();
    const { url } = await preview(path.join(dir, '2023-h1.yaml'));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await page(url);
    expect(html).toContain('青溪街道人大工委2023年上半年工作总结');
    expect(html).toContain('围绕“抓中心”，扎实开展代表活动');
    expect(html).toContain('new EventSource("/events")');
    expect((await fetch(new URL('/2023-h1.yaml', url))).status).toBe(404);
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    const dir = copyExample();
    const { url } = await preview(path.join(dir, '2023-h1.yaml'));
    const status = await new Promise<number>((resolve) => {
      request(url, { headers: { host: 'evil.example:80' } }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(403);
  });

  it('rebuilds when a notes file changes on disk and tells the page to reload', async () => {
    const dir = copyExample();
    const { url } = await preview(path.join(dir, '2023-h1.yaml'));
    expect(await page(url)).not.toContain('人大代表之家建设相关事宜（已更新）');
    const event = await nextReload(url, () => editFile(path.join(dir, '2023-h1.yaml'), '人大代表之家建设相关事宜', '人大代表之家建设相关事宜（已更新）'));
    expect(event).toBe('reload');
    expect(await page(url)).toContain('人大代表之家建设相关事宜（已更新）');
  });

  it('shows a mistake in the notes, located, on the page, and the report again once it is fixed', async () => {
    const dir = copyExample();
    const metrics = path.join(dir, 'metrics', '2023-h1.yaml');
    const { url } = await preview(path.join(dir, '2023-h1.yaml'));
    editFile(metrics, 'actual:', 'actaul:');
    // An editor's save may reach the watcher as more than one burst: wait for the page, not an event.
    await vi.waitFor(async () => expect(await page(url)).toMatch(/metrics\/2023-h1\.yaml:\d+:\d+ unknown-key-suggest/), { timeout: 5000, interval: 100 });
    expect(await page(url)).not.toContain('围绕“抓中心”');
    editFile(metrics, 'actaul:', 'actual:');
    await vi.waitFor(async () => expect(await page(url)).toContain('围绕“抓中心”，扎实开展代表活动'), { timeout: 5000, interval: 100 });
  });

  it('prints its address and stops cleanly on Ctrl-C (the command line)', async () => {
    const dir = copyExample();
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'plan-report.js'), 'preview', '2023-h1.yaml', '--lang', 'en'], { cwd: dir, env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    let stdout = '';
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /Preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (found) resolve(found[1]!);
      });
    });
    expect(await page(url)).toContain('青溪街道人大工委2023年上半年工作总结');
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('Preview stopped.');
  });
});
