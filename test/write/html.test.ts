import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraphText, type Block, type ReportDocument } from '../../src/document/ast.js';
import { build } from '../../src/index.js';
import { htmlWriter, renderHtml } from '../../src/write/html.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE_DIR, listFiles, REPO_ROOT, tempDir } from '../helpers/workspace.js';
import { ORG, shortDocument, TITLE } from './docx/fixtures.js';

const ANNUAL_SUMMARY = path.join(REPO_ROOT, 'examples', 'annual-summary', '2023.yaml');
const JIEDAO = path.join(EXAMPLE_DIR, '2023-h1.yaml');

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x2028': '\u2028', '#x2029': '\u2029' };

/** The text a browser shows for a piece of our HTML: tags dropped, entities decoded. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|#x2028|#x2029);/g, (_, name: string) => ENTITIES[name]!);
}

/** The inner HTML of each element with that tag (and, if given, that class), in document order. */
function innerHtmlOf(html: string, tag: string, className?: string): string[] {
  const attributes = className === undefined ? '(?: [^>]*)?' : ` class="${className}"`;
  return [...html.matchAll(new RegExp(`<${tag}${attributes}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
}

const textsOf = (html: string, tag: string, className?: string) => innerHtmlOf(html, tag, className).map(textOf);

/** The <main> element: the document, without the head's title and style. */
const mainOf = (html: string) => innerHtmlOf(html, 'main')[0]!;

/** The paragraphs of the body, without the signature's two lines. */
const bodyParagraphs = (html: string) => textsOf(mainOf(html).replace(/<div class="signature">.*<\/div>/, ''), 'p');

interface BuiltHtml {
  html: string;
  file: string;
  document: ReportDocument;
  out: string;
}

async function buildHtml(report: string): Promise<BuiltHtml> {
  const out = tempDir();
  const result = await build(report, { formats: ['html'], outDir: out });
  expect(result.diagnostics).toEqual([]);
  const file = path.join(out, `${path.basename(report, '.yaml')}.html`);
  expect(result.outputs).toEqual([{ format: 'html', path: file, status: 'written' }]);
  return { html: readFileSync(file, 'utf8'), file, document: result.document!, out };
}

/** `plan-report build <the example> --format html --out <out>` in time zone `tz`: the HTML file it wrote. */
function buildWithCli(out: string, tz: string): string {
  const run = runCli(['build', JIEDAO, '--format', 'html', '--out', out], { env: { TZ: tz } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const written = listFiles(out);
  expect(written).toHaveLength(1);
  expect(written[0]).toMatch(/2023-h1\.html$/);
  return path.join(out, written[0]!);
}

const state = (text: string) => htmlWriter.fingerprintState(new TextEncoder().encode(text));

describe('build --format html: the example (seed 篇(1))', () => {
  let html = '';
  let document: ReportDocument;
  let out = '';
  beforeAll(async () => {
    ({ html, document, out } = await buildHtml(JIEDAO));
  });

  it('writes one HTML file and nothing else', () => {
    expect(listFiles(out)).toEqual(['2023-h1.html']);
  });

  it('is an HTML5 page in Chinese, in UTF-8, sized for phones, titled with the report title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(textsOf(html, 'title')).toEqual(['青溪街道人大工委2023年上半年工作总结']);
  });

  it('needs nothing else to show: inline CSS, no script, no link, no image, no url()', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
    expect(innerHtmlOf(html, 'style')).toHaveLength(1);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  it('has the title, then the 一、二、三、 headings with their numbers', () => {
    expect(textsOf(html, 'h1')).toEqual(['青溪街道人大工委2023年上半年工作总结']);
    expect(textsOf(html, 'h2')).toEqual(['一、围绕“抓中心”，扎实开展代表活动', '二、围绕“抓三双”，全面推进代表联系选民', '三、围绕“促稳定”，着力做好接待工作']);
  });

  it('prints every paragraph of the report, in order, with the seed figures', () => {
    const paragraphs = bodyParagraphs(html);
    expect(paragraphs).toEqual(document.blocks.flatMap((block) => (block.type === 'paragraph' ? [paragraphText(block)] : [])));
    expect(paragraphs[0]).toBe('半年来，街道人大工委紧紧围绕街道中心工作，积极开展多种形式的代表活动，推动各项工作落实。');
    expect(paragraphs[1]).toMatch(/^一是制定全年工作计划。于3月11日召开.*二是抓好代表学习培训。.*三是积极开展代表活动。.*四是突出重点工作督办。/);
    expect(paragraphs.at(-1)).toMatch(/^下半年，我们将着重围绕/);
  });

  it('ends with the signature: org, then the date on its own line', () => {
    expect(mainOf(html)).toMatch(/<div class="signature"><p>青溪街道人大工委<\/p><p class="date">2023年7月5日<\/p><\/div>\n$/);
  });

  it('prints on A4 with the GB/T 9704 margins, body 三号 (16 pt) on 28 pt lines, 2 characters indented', () => {
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toContain(':root { color-scheme: light; font-size: 16pt; }');
    expect(html).toMatch(/\np, h1, h2, h3, h4, h5 \{ margin: 0; font-size: 1rem; line-height: 1\.75rem; text-indent: 2em; \}/);
    expect(html).toContain('content: "\\2014  " counter(page) " \\2014 "');
  });

  it('sets each role in its typeface, with fallbacks for Windows, macOS and Linux', () => {
    expect(html).toContain('.page { box-sizing: border-box; max-width: 210mm;');
    expect(html).toContain('font-family: "仿宋", "FangSong", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", serif;');
    expect(html).toContain('h1 { container-type: inline-size; font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", serif; font-size: 1.375rem;');
    expect(html).toContain('h2, .level-1 { font-family: "黑体", "SimHei", "Heiti SC", "STHeiti", "PingFang SC", "Noto Sans CJK SC", sans-serif; font-weight: normal; }');
    expect(html).toContain('h3, .level-2 { font-family: "楷体", "KaiTi", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "Kaiti SC", "Noto Serif CJK SC", serif; font-weight: normal; }');
  });

  it('ends with the fingerprint comment, and calls the file as built unedited', () => {
    expect(html).toMatch(/<\/html>\n\n<!-- plan-report sha256:[0-9a-f]{64} -->\n$/);
    expect(state(html)).toBe('unedited');
  });
});

describe('build --format html: the annual summary', () => {
  let html = '';
  beforeAll(async () => {
    ({ html } = await buildHtml(ANNUAL_SUMMARY));
  });

  it('has the metrics table under its caption, header and rows as in the notes', () => {
    const [table] = innerHtmlOf(html, 'table');
    expect(textsOf(table!, 'caption')).toEqual(['主要指标完成情况表']);
    expect(textsOf(table!, 'th')).toEqual(['指标', '单位', '目标', '完成', '完成率', '同比']);
    const rows = innerHtmlOf(innerHtmlOf(table!, 'tbody')[0]!, 'tr').map((row) => textsOf(row, 'td'));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual(['新增就业岗位', '个', '380', '412', '108.42%', '增长15.73%']);
    expect(rows[5]).toEqual(['矛盾纠纷调处成功率', '%', '—', '97.6', '—', '提高2.5个百分点']);
  });

  it('sets a heading run into its paragraph in its level’s font, the text after it as body', () => {
    expect(html).toContain('<p><span class="level-2">（一）就业服务更加精准。</span>举办社区招聘会2场，');
    expect(textsOf(html, 'h3')).toEqual(['（一）年初确定的重点工作完成情况', '（二）主要指标完成情况']);
  });
});

describe('renderHtml: every block', () => {
  const withFormalParts = (doc: ReportDocument): ReportDocument => ({
    ...doc,
    blocks: [
      { type: 'masthead', issuer: '青溪街道人大工委文件', number: '某人大〔2023〕5号', signer: '张三' },
      ...doc.blocks,
      { type: 'table', caption: '主要指标完成情况表', header: ['指标', '单位', '目标'], rows: [['新增就业岗位', '个', '380']] },
      { type: 'colophon', copyTo: ['区人大常委会办公室', '区委办公室'], printer: '青溪街道人大工委办公室', printed: '2023年7月6日印发' },
    ],
  });
  const main = mainOf(renderHtml(withFormalParts(shortDocument())));

  it('prints the four heading levels as h2 to h5, numbered', () => {
    expect(textsOf(main, 'h2')).toEqual(['一、围绕“抓三双”，全面推进代表联系选民']);
    expect(textsOf(main, 'h3')).toEqual(['（一）强化代表履职']);
    expect(textsOf(main, 'h4')).toEqual(['1.代表之家建设']);
    expect(textsOf(main, 'h5')).toEqual(['（1）阵地建设']);
  });

  it('puts the 版头 first: the red issuer in the size that keeps it on one line, then the number left and 签发人 right', () => {
    expect(main.startsWith(
      '\n<header class="masthead">\n<p class="issuer" style="--issuer-size: 2.625rem; --issuer-chars: 10">青溪街道人大工委文件</p>\n' +
        '<p class="number signed"><span>某人大〔2023〕5号</span><span>签发人：<span class="signer">张三</span></span></p>\n</header>\n<h1 style="--title-chars: ',
    )).toBe(true);
  });

  it('sets a longer issuer smaller, as the docx does: 初号 for 10 characters, 一号 for 13, 二号 for 30', () => {
    const issuerStyle = (issuer: string) => /<p class="issuer" style="([^"]*)">/.exec(renderHtml({ ...shortDocument(), blocks: [{ type: 'masthead', issuer }] }))![1];
    expect(issuerStyle('青溪街道人大工作委员会文件')).toBe('--issuer-size: 1.625rem; --issuer-chars: 13');
    expect(issuerStyle('某'.repeat(30))).toBe('--issuer-size: 1.375rem; --issuer-chars: 30');
  });

  it('centres a number without a signer, and keeps the number line empty without one, for the red line it carries', () => {
    const masthead = (block: Extract<Block, { type: 'masthead' }>) => mainOf(renderHtml({ ...shortDocument(), blocks: [block] }));
    expect(masthead({ type: 'masthead', issuer: '青溪文件', number: '某〔2023〕5号' })).toContain('</p>\n<p class="number">某〔2023〕5号</p>\n</header>');
    expect(masthead({ type: 'masthead', issuer: '青溪文件' })).toContain('</p>\n<p class="number"></p>\n</header>');
  });

  it('sets the red line 4 mm under the number and the 版记 rules 0.35 and 0.25 mm, as GB/T 9704 7.2.7 and 7.4.1 say', () => {
    const html = renderHtml(shortDocument());
    expect(html).toContain('.number { min-height: 1.75em; line-height: 1.75em; padding-bottom: calc(4mm - 0.375em); border-bottom: 2.25pt solid #FF0000; }');
    expect(html).toContain('.colophon { margin-top: 1.75rem; border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; }');
    expect(html).toContain('.colophon p { font-size: 0.875rem; text-indent: 0; line-height: 1.75rem; padding: 0 1em; }');
    expect(html).toContain('.colophon .copy-to { border-bottom: 0.25mm solid #000; padding-left: 4em; text-indent: -3em; }');
  });

  it('ends with the 版记 after the signature: 抄送 with its closing 。, then the printer and the date', () => {
    expect(main).toMatch(
      /<\/div>\n<footer class="colophon">\n<p class="copy-to">抄送：区人大常委会办公室，区委办公室。<\/p>\n<p class="printed"><span>青溪街道人大工委办公室<\/span><span>2023年7月6日印发<\/span><\/p>\n<\/footer>\n$/,
    );
  });

  it('prints a 版记 without 抄送机关 without a 抄送 line', () => {
    const main = mainOf(renderHtml({ ...shortDocument(), blocks: [{ type: 'colophon', copyTo: [], printer: '某办公室', printed: '2023年7月6日印发' }] }));
    expect(main).not.toContain('抄送');
  });

  it('sets a bold lead in bold and the rest of the point as body', () => {
    const main = mainOf(renderHtml({ ...shortDocument(), blocks: [{ type: 'paragraph', content: [{ type: 'item', style: '一是', marker: '一是', lead: '抓学习。', bold: true, text: '正文。' }, { type: 'item', style: '一是', marker: '二是', lead: '抓调研。', text: '正文。' }] }] }));
    expect(main).toBe('\n<p><strong>一是抓学习。</strong>正文。二是抓调研。正文。</p>\n');
  });

  it('breaks the title where the title-lines transform chose, and nowhere else', () => {
    const main = mainOf(renderHtml({ ...shortDocument(), blocks: [{ type: 'title', text: TITLE, lines: ['青溪街道人大工委', '2023年上半年工作总结'] }] }));
    expect(main).toBe('\n<h1 style="--title-chars: 10"><span class="line">青溪街道人大工委</span><span class="line">2023年上半年工作总结</span></h1>\n');
  });

  it('titles the page with the org when the report has no title (a speech may have none)', () => {
    expect(textsOf(renderHtml({ meta: { title: '', org: ORG, date: '2023-07-05' }, blocks: [] }), 'title')).toEqual([ORG]);
  });
});

describe('renderHtml: text from the notes is text, whatever it holds', () => {
  const HOSTILE = `<script>alert(1)</script></style><script>alert(2)</script>"><img src=x onerror=alert(3)>'&amp;<!-- -->\u2028\u2029x`;
  const hostileDocument: ReportDocument = {
    meta: { title: HOSTILE, org: HOSTILE, date: '2023-07-05' },
    blocks: [
      { type: 'masthead', issuer: HOSTILE, number: HOSTILE, signer: HOSTILE },
      { type: 'title', text: HOSTILE },
      { type: 'heading', level: 1, marker: '一、', text: HOSTILE },
      {
        type: 'paragraph',
        content: [
          { type: 'heading', level: 2, marker: '（一）', text: HOSTILE },
          { type: 'text', text: HOSTILE },
          { type: 'item', style: '一是', marker: '一是', lead: HOSTILE, bold: true, text: HOSTILE },
        ],
      },
      { type: 'table', caption: HOSTILE, header: [HOSTILE, HOSTILE], rows: [[HOSTILE, HOSTILE]] },
      { type: 'signature', org: HOSTILE, date: HOSTILE },
      { type: 'colophon', copyTo: [HOSTILE], printer: HOSTILE, printed: HOSTILE },
    ],
  };
  const html = renderHtml(hostileDocument, { fonts: { body: `x"; } body { display: none } </style><script>alert(4)</script>` } });

  it('adds no element, attribute or script: the tags are exactly ours', () => {
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['body', 'caption', 'div', 'footer', 'h1', 'h2', 'head', 'header', 'html', 'main', 'meta', 'p', 'span', 'strong', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr']);
    const attributes = new Set([...html.matchAll(/<[a-z][a-z0-9]*((?:\s[^>]*)?)>/g)].flatMap((m) => [...m[1]!.matchAll(/\s([a-z-]+)="/g)].map((a) => a[1]!)));
    expect([...attributes].sort()).toEqual(['charset', 'class', 'content', 'http-equiv', 'lang', 'name', 'scope', 'style']);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('shows every text exactly as written', () => {
    expect(textsOf(html, 'title')).toEqual([HOSTILE]);
    expect(textsOf(html, 'h1')).toEqual([HOSTILE]);
    expect(textsOf(html, 'h2')).toEqual([`一、${HOSTILE}`]);
    expect(textsOf(html, 'caption')).toEqual([HOSTILE]);
    expect(textsOf(html, 'td')).toEqual([HOSTILE, HOSTILE]);
    expect(textsOf(html, 'p', 'copy-to')).toEqual([`抄送：${HOSTILE}。`]);
    expect(textsOf(mainOf(html), 'p')[2]).toBe(`（一）${HOSTILE}${HOSTILE}一是${HOSTILE}${HOSTILE}`);
  });

  it('keeps line and paragraph separators out of the file’s lines', () => {
    expect(html).not.toMatch(/[\u2028\u2029]/);
  });

  it('keeps an office’s font name inside its CSS string', () => {
    expect(html).toContain('font-family: "x\\22 \\3b  \\7d  body \\7b  display\\3a  none \\7d  \\3c \\2f style\\3e \\3c script\\3e alert\\28 4\\29 \\3c \\2f script\\3e ", "FangSong", "仿宋"');
  });

  it('still recognises its own file', () => {
    expect(state(html)).toBe('unedited');
  });
});

describe('renderHtml: determinism', () => {
  it('gives the same bytes for the same document', () => {
    expect(renderHtml(shortDocument())).toBe(renderHtml(shortDocument()));
  });

  it('gives the same file in any time zone, and an identical rebuild changes nothing', () => {
    const out = tempDir();
    const kiritimati = readFileSync(buildWithCli(out, 'Pacific/Kiritimati'));
    expect(readFileSync(buildWithCli(tempDir(), 'America/Los_Angeles')).equals(kiritimati)).toBe(true);
    const again = runCli(['build', JIEDAO, '--format', 'html', '--out', out]);
    expect(again.stdout).toMatch(/^未变化 .*2023-h1\.html$/m);
  });
});

describe('the HTML fingerprint', () => {
  const built = renderHtml(shortDocument());

  it('calls a changed word edited and a page plan-report did not write foreign', () => {
    expect(state(built.replace('400张', '500张'))).toBe('edited');
    expect(state(built.replace('<h1 style="', '<h1 style="color: red; '))).toBe('edited');
    expect(state('<!DOCTYPE html>\n<html><body>手写的页面</body></html>\n')).toBe('foreign');
  });

  it.each([
    ['CRLF line endings', (text: string) => text.replace(/\n/g, '\r\n')],
    ['the final newline stripped', (text: string) => text.replace(/\n$/, '')],
    ['spaces added at line ends', (text: string) => text.replace(/\n/g, '  \n')],
  ])('still calls it unedited with %s', (_name, edit) => {
    expect(state(edit(built))).toBe('unedited');
  });

  it('makes build refuse to overwrite an edited page, and --force keep it beside the new one', async () => {
    const { file, out } = await buildHtml(JIEDAO);
    const edited = readFileSync(file, 'utf8').replace('半年来', '这半年');
    writeFileSync(file, edited);
    const refused = await build(JIEDAO, { formats: ['html'], outDir: out });
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics).toEqual([{ code: 'output-edited', severity: 'error', params: { path: file } }]);
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const forced = await build(JIEDAO, { formats: ['html'], outDir: out, force: true });
    expect(forced.ok).toBe(true);
    const backup = forced.outputs[0]!.backup!;
    expect(path.basename(backup)).toMatch(/^2023-h1\.edited-\d{8}-\d{6}\.html$/);
    expect(readFileSync(backup, 'utf8')).toBe(edited);
    expect(readFileSync(file, 'utf8')).toContain('<p>半年来，');
  });

  it('makes the command exit 1 and name the file', () => {
    const out = tempDir();
    const file = buildWithCli(out, 'UTC');
    writeFileSync(file, readFileSync(file, 'utf8').replace('半年来', '这半年'));
    const run = runCli(['build', JIEDAO, '--format', 'html', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[output-edited]');
    expect(run.stderr).toContain('2023-h1.html 已被手工修改过，没有覆盖');
  });
});

describe('renderHtml: the office’s choices', () => {
  it('puts a font named in plan-report.yaml first, before the fallbacks of the role’s typeface', () => {
    const html = renderHtml(shortDocument(), { fonts: { body: '方正仿宋_GBK', heading1: '方正黑体_GBK' } });
    expect(html).toContain('font-family: "方正仿宋_GBK", "FangSong", "仿宋",');
    expect(html).toContain('h2, .level-1 { font-family: "方正黑体_GBK", "SimHei", "黑体",');
  });

  it('uses the _GB2312 names first with the gb2312 font set', () => {
    expect(renderHtml(shortDocument(), { fonts: 'gb2312' })).toContain('font-family: "仿宋_GB2312", "FangSong", "仿宋", "FangSong_GB2312", "STFangsong"');
  });

  it('takes the plain preset’s page, sizes and centred page numbers', () => {
    const html = renderHtml(shortDocument(), { preset: 'plain' });
    expect(html).toContain('@page { size: A4; margin: 25.4mm 31.7mm 25.4mm 31.7mm; }');
    expect(html).toContain(':root { color-scheme: light; font-size: 12pt; }');
    expect(html).toMatch(/\n@page \{ @bottom-center \{ content: "" counter\(page\) "";/);
    expect(html).not.toContain('@page :left');
  });
});
