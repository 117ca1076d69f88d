import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../src/index.js';
import { REPO_ROOT, tempDir } from './helpers/workspace.js';

/**
 * Every notes repo under examples/: one per report kind, and the encodings of the seeds 篇(1),
 * 篇(3) and 篇(4) (../shared/seeds/simplified.md). Each builds with no problem at all (check
 * --strict passes: no warning is accepted), to md and docx, and its Markdown is a reviewed golden
 * file (regenerate with npm run test:update, then read the diff).
 *
 * A seed encoding also reproduces the seed: its Markdown, stripped of Markdown syntax and of the
 * parts the encoding adds (the title, the headings the seed lost, the signature), equals the seed
 * text paragraph by paragraph, as committed in test/fixtures/seeds/<example>.txt with the fixes
 * listed at its top. The seeds themselves live beside the repo, so the tests do not read them.
 */
interface Example {
  /** The folder under examples/. */
  dir: string;
  /** The report file in it. */
  report: string;
  /** The golden Markdown under test/golden/. */
  golden: string;
  /** For a seed encoding: the headings the seed does not have (added to hold its structure). */
  seed?: { addedHeadings: string[] };
}

const EXAMPLES: Example[] = [
  // 篇(1); its golden file belongs to test/build.test.ts and must not change.
  { dir: 'jiedao', report: '2023-h1.yaml', golden: 'jiedao-2023-h1.md', seed: { addedHeadings: ['一、围绕“抓中心”，扎实开展代表活动'] } },
  { dir: 'annual-summary', report: '2023.yaml', golden: 'annual-summary-2023.md' },
  { dir: 'work-plan', report: '2024.yaml', golden: 'work-plan-2024.md' },
  // 篇(1) under a title too long for one line: the docx breaks it (test/write/docx/presets-pdf.test.ts).
  { dir: 'long-title', report: '2023-h1.yaml', golden: 'long-title-2023-h1.md' },
  { dir: 'summary-and-plan', report: '2023-h1.yaml', golden: 'summary-and-plan-2023-h1.md' },
  {
    dir: 'seed-3',
    report: '2016.yaml',
    golden: 'seed-3-2016.md',
    seed: { addedHeadings: ['（一）开展科普宣传，提高居民科学素质', '（二）服务企业创新，推动科技成果转化', '（三）加强人才引进，集聚创新创业人才'] },
  },
  {
    dir: 'seed-4',
    report: 'speech.yaml',
    golden: 'seed-4-speech.md',
    seed: { addedHeadings: [] },
  },
];

const EXAMPLES_ROOT = path.join(REPO_ROOT, 'examples');
const reportPath = (example: Example) => path.join(EXAMPLES_ROOT, example.dir, example.report);

/** Builds md and docx into a fresh folder; returns the Markdown. */
async function buildExample(example: Example): Promise<{ markdown: string; docx: Buffer }> {
  const out = tempDir();
  const result = await build(reportPath(example), { formats: ['md', 'docx'], outDir: out });
  expect(result.diagnostics).toEqual([]);
  expect(result.ok).toBe(true);
  const stem = path.basename(example.report, '.yaml');
  return { markdown: readFileSync(path.join(out, `${stem}.md`), 'utf8'), docx: readFileSync(path.join(out, `${stem}.docx`)) };
}

/** The folders of examples/ that hold a report file (a YAML file whose first key is report:). */
function exampleFolders(): string[] {
  return readdirSync(EXAMPLES_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) =>
      readdirSync(path.join(EXAMPLES_ROOT, entry.name)).some(
        (file) => /\.ya?ml$/.test(file) && /^report:/m.test(readFileSync(path.join(EXAMPLES_ROOT, entry.name, file), 'utf8')),
      ),
    )
    .map((entry) => entry.name)
    .sort();
}

/**
 * The Markdown as the seed's reader would see it: paragraphs of plain text, without the trailer,
 * the title, the signature, the headings the encoding added, heading marks, bold marks and escapes.
 */
function seedParagraphs(markdown: string, addedHeadings: readonly string[]): string[] {
  const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
  const paragraphs = markdown
    .replace(/\n<!-- plan-report sha256:[0-9a-f]+ -->\n?$/, '')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return paragraphs
    .filter((paragraph) => !/^# /.test(paragraph))
    .filter((paragraph) => !/\\\n\d{4}年\d{1,2}月\d{1,2}日$/.test(paragraph))
    .map((paragraph) => unescape(paragraph.replace(/^#{2,6} /, '').replace(/\*\*/g, '')))
    .filter((paragraph) => !addedHeadings.includes(paragraph));
}

/** A committed seed text: paragraphs parted by blank lines, after the # lines that list the fixes. */
function seedText(name: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'seeds', `${name}.txt`), 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

describe('examples/', () => {
  it('has one entry here for each example folder, so that none goes untested', () => {
    expect(EXAMPLES.map((example) => example.dir).sort()).toEqual(exampleFolders());
  });

  it('passes check --strict: no error and no warning in any example', async () => {
    const result = await check([EXAMPLES_ROOT]);
    expect(result.diagnostics).toEqual([]);
    expect(result.files.length).toBeGreaterThanOrEqual(EXAMPLES.length);
  });
});

describe.each(EXAMPLES)('example $dir', (example) => {
  it('builds to md and docx with no diagnostic, and gives the reviewed Markdown', async () => {
    const { markdown, docx } = await buildExample(example);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    if (example.dir === 'jiedao') {
      // Owned by test/build.test.ts: compared here, never rewritten from here.
      expect(markdown).toBe(readFileSync(path.join(REPO_ROOT, 'test', 'golden', example.golden), 'utf8'));
    } else {
      await expect(markdown).toMatchFileSnapshot(`golden/${example.golden}`);
    }
  });

  if (example.seed) it('reproduces its seed text, paragraph by paragraph', async () => {
    const { markdown } = await buildExample(example);
    expect(seedParagraphs(markdown, example.seed!.addedHeadings)).toEqual(seedText(example.dir));
  });
});
