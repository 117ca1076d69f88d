import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../src/diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../src/diagnostics/messages.js';
import { MAX_NOTES_FILE_BYTES } from '../src/load/decode.js';
import { hasStackTrace, runCli } from './helpers/cli.js';
import { listFiles, REPO_ROOT, tempDir } from './helpers/workspace.js';

/**
 * The bad-input corpus of issue 3 (test/fixtures/bad/, one folder per mistake): for each, what
 * `plan-report check` reports (code, severity, file:line:col), its exit code, and that `build`
 * writes nothing when there are errors. Each fixture is checked in a temp copy, so that the notes
 * repo is the fixture itself (the nearest .git) and `build` can write.
 */
const CORPUS = path.join(REPO_ROOT, 'test', 'fixtures', 'bad');

interface Expected {
  code: DiagnosticCode;
  severity: Severity;
  /** file:line:col relative to the fixture, or null when the problem has no place. */
  at: string | null;
}

const error = (code: DiagnosticCode, at: string | null = null): Expected => ({ code, severity: 'error', at });
const warning = (code: DiagnosticCode, at: string | null = null): Expected => ({ code, severity: 'warning', at });

interface Case {
  /** The fixture folder; also the test's name. */
  fixture: string;
  /** What is checked, relative to the fixture (default: the report 2023-h1.yaml). */
  target?: string;
  /** Writes what is not committed (a huge file, a .git folder) into the temp copy. */
  setup?: (dir: string) => void;
  expect: Expected[];
  exit: 0 | 1;
  /**
   * `build` of the target: false when it is not a report. `stderrCodes`: what build reports when it
   * differs from check; `markdownContains`: what the built Markdown must say.
   */
  build?: false | { stderrCodes?: DiagnosticCode[]; markdownContains?: string[] };
}

const REPORT = '2023-h1.yaml';

const CASES: Case[] = [
  // schema: keys, values, types
  { fixture: 'unknown-key-suggest', exit: 1, expect: [error('unknown-key-suggest', '2023-h1.yaml:12:5')] },
  { fixture: 'unknown-key', exit: 1, expect: [error('unknown-key', '2023-h1.yaml:8:1')] },
  { fixture: 'bad-enum-suggest', exit: 1, expect: [error('bad-enum-suggest', '2023-h1.yaml:4:9')] },
  { fixture: 'bad-enum', exit: 1, expect: [error('bad-enum', '2023-h1.yaml:4:9')] },
  { fixture: 'missing-key', exit: 1, expect: [error('missing-key', '2023-h1.yaml:2:1')] },
  { fixture: 'wrong-type', exit: 1, expect: [error('wrong-type', '2023-h1.yaml:8:11')] },
  { fixture: 'bad-id', exit: 1, expect: [error('bad-id', '2023-h1.yaml:9:11')] },
  { fixture: 'empty-value', exit: 1, expect: [error('empty-value', '2023-h1.yaml:9:12')] },
  { fixture: 'bad-number', exit: 1, expect: [error('bad-number', '2023-h1.yaml:12:13')] },
  { fixture: 'bad-period', exit: 1, expect: [error('bad-period', '2023-h1.yaml:5:11')] },
  { fixture: 'kind-period-mismatch', exit: 1, expect: [error('kind-period-mismatch', '2023-h1.yaml:5:11')] },
  { fixture: 'period-year-unquoted', exit: 1, expect: [error('kind-period-mismatch', '2023-h1.yaml:5:11')] },
  { fixture: 'notes-file-errors', target: 'activities/2023.yaml', exit: 1, build: false, expect: [
    error('unknown-key-suggest', 'activities/2023.yaml:5:5'),
    error('bad-date', 'activities/2023.yaml:6:11'),
    error('wrong-type', 'activities/2023.yaml:10:13'),
  ] },
  // The prose is checked although a metrics file failed: its ids are not reported as unknown.
  { fixture: 'errors-across-stages', exit: 1, expect: [
    error('unknown-tag-suggest', '2023-h1.yaml:14:48'),
    error('unknown-helper-suggest', '2023-h1.yaml:14:68'),
    error('unknown-key-suggest', 'metrics/2023-h1.yaml:2:42'),
  ] },
  { fixture: 'many-errors', exit: 1, expect: [
    error('bad-date-suggest', '2023-h1.yaml:6:9'),
    error('wrong-type', 'activities/2023.yaml:4:11'),
    error('missing-key', 'metrics/2023-h1.yaml:2:5'),
  ] },

  // dates
  { fixture: 'date-does-not-exist', exit: 1, expect: [error('bad-date', 'activities/2023.yaml:5:11')] },
  { fixture: 'date-slashes', exit: 1, expect: [error('bad-date-suggest', '2023-h1.yaml:6:9')] },
  { fixture: 'date-chinese', exit: 1, expect: [error('bad-date-suggest', '2023-h1.yaml:10:11')] },
  { fixture: 'activity-outside-period', exit: 0, expect: [warning('activity-outside-period', '2023-h1.yaml:13:11')] },

  // references inside prose {{ }}
  { fixture: 'unknown-metric-suggest', exit: 1, expect: [error('unknown-metric-suggest', '2023-h1.yaml:30:45')] },
  { fixture: 'unknown-metric', exit: 1, expect: [error('unknown-metric', '2023-h1.yaml:30:19')] },
  { fixture: 'unknown-tag-suggest', exit: 1, expect: [error('unknown-tag-suggest', '2023-h1.yaml:30:17')] },
  { fixture: 'unknown-tag', exit: 1, expect: [error('unknown-tag', '2023-h1.yaml:30:21')] },
  { fixture: 'unknown-activity', exit: 1, expect: [error('unknown-activity', '2023-h1.yaml:30:10')] },
  { fixture: 'unknown-helper-suggest', exit: 1, expect: [error('unknown-helper-suggest', '2023-h1.yaml:30:17')] },
  { fixture: 'unknown-helper', exit: 1, expect: [error('unknown-helper', '2023-h1.yaml:30:18')] },
  { fixture: 'prose-builtin-name', exit: 1, expect: [error('unknown-helper', '2023-h1.yaml:30:18')] },
  { fixture: 'bad-helper-args', exit: 1, expect: [error('bad-helper-args', '2023-h1.yaml:30:19')] },
  { fixture: 'bad-sum-field', exit: 1, expect: [error('bad-helper-args', '2023-h1.yaml:30:12')] },
  { fixture: 'prose-unclosed', exit: 1, expect: [error('prose-syntax', '2023-h1.yaml:30:18')] },
  { fixture: 'prose-block', exit: 1, expect: [error('prose-syntax', '2023-h1.yaml:30:12')] },
  { fixture: 'prose-starts-with-braces', exit: 1, expect: [error('prose-needs-quotes', '2023-h1.yaml:30:9')] },
  { fixture: 'rate-no-target', exit: 1, expect: [error('no-target', '2023-h1.yaml:30:19')] },
  { fixture: 'rate-zero-target', exit: 1, expect: [error('zero-target', '2023-h1.yaml:31:18')] },

  // across notes files
  { fixture: 'duplicate-metric-id', exit: 1, expect: [error('duplicate-id', 'metrics/2023-h1.yaml:2:11')] },
  { fixture: 'duplicate-activity-id', exit: 1, expect: [error('duplicate-id', 'activities/2023.yaml:2:9')] },
  { fixture: 'plan-unknown-metric', exit: 1, expect: [error('unknown-metric-suggest', 'plans/2023.yaml:3:61')] },
  { fixture: 'plan-unknown-section', exit: 0, expect: [warning('unknown-section', '2023-h1.yaml:11:14')] },

  // what a reviewer would send back
  { fixture: 'metric-outside-period', exit: 0, expect: [warning('metric-outside-period', '2023-h1.yaml:9:63')] },
  { fixture: 'empty-section', exit: 0, expect: [warning('empty-section', '2023-h1.yaml:11:12')] },
  { fixture: 'metric-target-zero', exit: 0, expect: [warning('metric-target-not-positive', '2023-h1.yaml:9:71')] },
  { fixture: 'metric-bad-unit', exit: 0, expect: [warning('metric-bad-unit', '2023-h1.yaml:11:11')] },
  { fixture: 'placeholder-crosses', exit: 0, expect: [warning('placeholder', '2023-h1.yaml:12:20')] },
  { fixture: 'placeholder-underscores', exit: 0, expect: [warning('placeholder', '2023-h1.yaml:14:24')] },
  { fixture: 'missing-number', exit: 0, expect: [warning('missing-number', '2023-h1.yaml:11:37')] },
  { fixture: 'duplicate-paragraph', exit: 0, expect: [warning('duplicate-text', '2023-h1.yaml:14:9')] },

  // numbers and YAML habits
  { fixture: 'full-width-digits', exit: 0, expect: [warning('number-as-text', '2023-h1.yaml:9:50')], build: { markdownContains: ['选民连心卡400张'] } },
  { fixture: 'thousands-separator', exit: 0, expect: [warning('number-as-text', '2023-h1.yaml:12:13')], build: { markdownContains: ['来信来访1200人次'] } },
  { fixture: 'leading-zero', exit: 0, expect: [warning('leading-zero-number', '2023-h1.yaml:9:56')], build: { markdownContains: ['代表之家10个'] } },
  { fixture: 'id-needs-quotes', exit: 1, expect: [error('number-needs-quotes', '2023-h1.yaml:9:11')] },
  { fixture: 'tab-indent', exit: 1, expect: [error('yaml-tab-indent', '2023-h1.yaml:10:1')] },
  { fixture: 'tab-after-spaces', exit: 1, expect: [error('yaml-tab-indent', '2023-h1.yaml:10:3')] },
  { fixture: 'duplicate-key', exit: 1, expect: [error('yaml-duplicate-key', '2023-h1.yaml:11:5')] },
  { fixture: 'yaml-syntax', exit: 1, expect: [error('yaml-syntax', '2023-h1.yaml:9:12')] },
  // One unclosed quote: the parser reports dozens of errors after it; the user gets the first.
  { fixture: 'yaml-syntax-flood', exit: 1, expect: [error('yaml-syntax', '2023-h1.yaml:47:31')] },
  { fixture: 'multiple-documents', exit: 1, expect: [error('yaml-multiple-documents', '2023-h1.yaml:12:1')] },
  { fixture: 'alias-bomb', exit: 1, expect: [error('yaml-alias-bomb', '2023-h1.yaml:9:8')] },

  // bytes and encodings (made by make-encoded.mjs)
  { fixture: 'utf8-bom', exit: 0, expect: [], build: { markdownContains: ['围绕“抓三双”，全面推进代表联系选民'] } },
  { fixture: 'utf8-bom-error', exit: 1, expect: [error('unknown-key', '2023-h1.yaml:1:1')] },
  { fixture: 'utf16le-bom', exit: 0, expect: [], build: { markdownContains: ['围绕“抓三双”，全面推进代表联系选民'] } },
  { fixture: 'utf16be-bom', exit: 0, expect: [], build: { markdownContains: ['围绕“抓三双”，全面推进代表联系选民'] } },
  { fixture: 'utf16le-error', exit: 1, expect: [error('unknown-metric-suggest', '2023-h1.yaml:26:50')] },
  { fixture: 'gb18030', exit: 0, expect: [warning('encoding-gb18030', '2023-h1.yaml:1:1')], build: { markdownContains: ['围绕“抓三双”，全面推进代表联系选民', '选民连心卡400张'] } },
  { fixture: 'gb18030-notes', exit: 0, expect: [warning('encoding-gb18030', 'activities/2023.yaml:1:1')], build: { markdownContains: ['视察调研活动2次'] } },
  { fixture: 'invalid-bytes', exit: 1, expect: [error('encoding-invalid', '2023-h1.yaml:1:1')] },
  { fixture: 'crlf', exit: 0, expect: [], build: { markdownContains: ['视察调研活动2次，累计发放选民连心卡400张'] } },
  { fixture: 'crlf-positions', exit: 1, expect: [error('unknown-metric-suggest', '2023-h1.yaml:15:16')] },
  { fixture: 'crlf-notes', exit: 1, expect: [error('bad-date', 'activities/2023.yaml:5:11')] },
  { fixture: 'binary-file', exit: 1, expect: [error('binary-file', '2023-h1.yaml:1:1')] },
  { fixture: 'empty-file', exit: 1, expect: [error('empty-file', '2023-h1.yaml:1:1')] },
  { fixture: 'comments-only', exit: 1, expect: [error('empty-file', '2023-h1.yaml:1:1')] },
  {
    fixture: 'huge-file',
    // Generated, not committed: a real report padded past the size limit with a long intro.
    setup: (dir) => {
      const report = readFileSync(path.join(CORPUS, 'unknown-key', REPORT), 'utf8').replace('author: 张三\n', '');
      writeFileSync(path.join(dir, REPORT), `${report}intro: ${'街道人大工委紧紧围绕街道中心工作。'.repeat(MAX_NOTES_FILE_BYTES / 40)}\n`);
    },
    exit: 1,
    expect: [error('file-too-large', '2023-h1.yaml:1:1')],
  },
  { fixture: 'directory', target: '2023-h1', exit: 1, expect: [error('no-notes-files')], build: { stderrCodes: ['no-reports'] } },
  // No folder: the report named does not exist.
  { fixture: 'file-not-found', target: '2023-h2.yaml', exit: 1, expect: [error('file-not-found')] },

  // sources: the files a report draws on
  { fixture: 'source-cycle', exit: 1, expect: [error('source-cycle', '2023-h1.yaml:9:15')] },
  { fixture: 'source-no-match', exit: 1, expect: [error('source-no-match', '2023-h1.yaml:9:12')] },
  {
    fixture: 'source-outside-repo',
    target: 'repo/2023-h1.yaml',
    setup: (dir) => mkdirSync(path.join(dir, 'repo', '.git')),
    exit: 1,
    expect: [error('source-outside-repo', 'repo/2023-h1.yaml:9:12')],
  },
  {
    fixture: 'source-glob-escapes',
    target: 'repo/2023-h1.yaml',
    setup: (dir) => mkdirSync(path.join(dir, 'repo', '.git')),
    exit: 1,
    expect: [error('source-outside-repo', 'repo/2023-h1.yaml:9:12')],
  },
  { fixture: 'source-wrong-kind', exit: 1, expect: [error('source-wrong-kind', 'activities/2023.yaml:1:1')] },
  { fixture: 'source-two-kinds', exit: 1, expect: [error('source-wrong-kind', 'activities/2023.yaml:1:1')] },
  // Found in a folder, a file of no known kind is a warning; named on the command line, an error.
  { fixture: 'unknown-file-kind', target: '.', exit: 0, build: false, expect: [warning('unknown-file-kind', 'notes/2023.yaml:2:1')] },
  { fixture: 'unknown-file-kind', target: 'notes/2023.yaml', exit: 1, build: false, expect: [error('unknown-file-kind', 'notes/2023.yaml:2:1')] },

  // hostile input: file types, sizes, YAML features (load)
  // What is not a regular file is refused before it is opened: a FIFO would block, /dev/zero never end.
  { fixture: 'fifo-report', target: 'pipe.yaml', setup: (dir) => spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]), exit: 1, expect: [error('not-a-regular-file')] },
  { fixture: 'device-file', target: '/dev/zero', exit: 1, expect: [error('not-a-regular-file')] },
  // Refused by its size, before a byte is read (a sparse file: 3 GB that take no disk).
  { fixture: 'huge-sparse-file', setup: (dir) => spawnSync('truncate', ['-s', '3G', path.join(dir, REPORT)]), exit: 1, expect: [error('file-too-large', '2023-h1.yaml:1:1')] },
  // A link inside the repo is followed; links that lead nowhere and a FIFO are reported at the sources line.
  {
    fixture: 'source-symlink',
    setup: (dir) => {
      mkdirSync(path.join(dir, 'metrics'));
      spawnSync('ln', ['-s', '../shared/metrics.yaml', path.join(dir, 'metrics', '2023-h1.yaml')]);
    },
    exit: 0, expect: [], build: { markdownContains: ['累计发放选民连心卡400张'] } },
  {
    fixture: 'source-unreadable',
    setup: (dir) => {
      const metrics = path.join(dir, 'metrics');
      spawnSync('ln', ['-s', 'missing.yaml', path.join(metrics, 'dangling.yaml')]);
      spawnSync('ln', ['-s', 'loop-b.yaml', path.join(metrics, 'loop-a.yaml')]);
      spawnSync('ln', ['-s', 'loop-a.yaml', path.join(metrics, 'loop-b.yaml')]);
      spawnSync('mkfifo', [path.join(metrics, 'pipe.yaml')]);
    },
    exit: 1,
    expect: [
      error('broken-symlink', '2023-h1.yaml:9:12'),
      error('symlink-loop', '2023-h1.yaml:9:12'),
      error('symlink-loop', '2023-h1.yaml:9:12'),
      error('not-a-regular-file', '2023-h1.yaml:9:12'),
    ],
  },
  // check . skips hidden folders and node_modules only, as the README says.
  {
    fixture: 'dist-folder',
    // Made here: the project's .gitignore keeps every dist/ out of the repo.
    setup: (dir) => {
      mkdirSync(path.join(dir, 'dist'));
      writeFileSync(path.join(dir, 'dist', '2023.yaml'), readFileSync(path.join(CORPUS, 'unknown-file-kind', 'notes', '2023.yaml')));
    },
    target: '.',
    exit: 0,
    build: false,
    expect: [warning('unknown-file-kind', 'dist/2023.yaml:2:1')],
  },
  { fixture: 'utf16le-no-bom', exit: 0, expect: [warning('encoding-utf16-no-bom', '2023-h1.yaml:1:1')], build: { markdownContains: ['围绕“抓三双”，全面推进代表联系选民'] } },
  { fixture: 'utf16be-no-bom', exit: 0, expect: [warning('encoding-utf16-no-bom', '2023-h1.yaml:1:1')], build: { markdownContains: ['围绕“抓三双”，全面推进代表联系选民'] } },
  // YAML beyond what notes use: said at the directive, the tag, the << key.
  { fixture: 'yaml-version-1-1', exit: 1, expect: [error('yaml-version-unsupported', '2023-h1.yaml:1:1')] },
  { fixture: 'yaml-tag-binary', exit: 1, expect: [error('yaml-tag-unsupported', '2023-h1.yaml:3:8')] },
  { fixture: 'yaml-merge-key', exit: 1, expect: [error('yaml-merge-key', '2023-h1.yaml:10:7')] },
  // Control characters: typed raw, at the character; made by an escape, at the string.
  { fixture: 'control-raw', exit: 1, expect: [error('control-character', '2023-h1.yaml:2:12'), error('control-character', '2023-h1.yaml:13:16')] },
  { fixture: 'control-escape', exit: 1, expect: [error('control-character', '2023-h1.yaml:3:8')] },
  {
    fixture: 'alias-amplified',
    // 60 aliases of 5,000 paragraphs: 300,000 paragraphs from 60 KB, far below yaml's alias count limit.
    setup: (dir) => {
      const paragraphs = Array.from({ length: 5000 }, (_, i) => `段落${i}`).join(', ');
      const aliases = Array.from({ length: 59 }, (_, i) => `  - title: 第${i + 2}节\n    paragraphs: *p\n`).join('');
      writeFileSync(path.join(dir, REPORT), `report:\n  org: 青溪街道人大工委\n  kind: half-year-summary\n  period: 2023-H1\n  date: 2023-07-05\nsections:\n  - title: 第1节\n    paragraphs: &p [${paragraphs}]\n${aliases}`);
    },
    exit: 1,
    expect: [error('yaml-alias-bomb', '2023-h1.yaml:10:17')],
  },

  // hostile input: text, figures and numbering (compose, document)
  // A one-line field: a literal block's line break is refused; a folded block's final newline is trimmed.
  { fixture: 'org-two-lines', exit: 1, expect: [error('text-multiline', '2023-h1.yaml:3:8')] },
  { fixture: 'org-folded-block', exit: 0, expect: [], build: { markdownContains: ['青溪街道人大工委\\\n2023年7月5日'] } },
  // Text that starts with markup syntax prints as typed (the Markdown writer escapes only for Markdown).
  { fixture: 'text-starts-with-syntax', exit: 0, expect: [], build: { markdownContains: ['## 一、#文明城市#主题活动', '一是+1 分二是\\\\反斜杠开头三是::: 一。'] } },
  // {{ }} is evaluated and checked wherever text is printed, the title included.
  { fixture: 'title-expression', exit: 1, expect: [error('unknown-helper-suggest', '2023-h1.yaml:7:18')] },
  // Figures: a sane range at validation, computed values checked before printing, decimals kept.
  { fixture: 'number-out-of-range', exit: 1, expect: [error('number-out-of-range', '2023-h1.yaml:9:50')] },
  { fixture: 'rate-out-of-range', exit: 1, expect: [error('computed-out-of-range', '2023-h1.yaml:29:46')] },
  { fixture: 'small-decimal', exit: 0, expect: [], build: { markdownContains: ['累计发放选民连心卡0.004吨'] } },
  { fixture: 'count-empty-tag', exit: 1, expect: [error('bad-helper-args', '2023-h1.yaml:29:46')] },
  {
    fixture: 'too-many-points',
    // Generated: a section of 100 points, one more than the genre numbers (一是 … 九十九是).
    setup: (dir) => {
      const report = readFileSync(path.join(CORPUS, 'org-folded-block', REPORT), 'utf8');
      const points = Array.from({ length: 100 }, (_, i) => `      - 第${i + 1}点。\n`).join('');
      writeFileSync(path.join(dir, REPORT), report.replace('    points:\n', `    points:\n${points}`));
    },
    exit: 1,
    expect: [error('too-many-items', '2023-h1.yaml:129:9')],
  },
  // Prose syntax: refused before Handlebars parses it, and blamed where the problem is.
  { fixture: 'prose-subexpression', exit: 1, expect: [error('prose-subexpression', '2023-h1.yaml:29:34')] },
  { fixture: 'prose-comment-caret', exit: 1, expect: [error('unknown-metric-suggest', '2023-h1.yaml:29:53')] },
  { fixture: 'prose-stray-braces', exit: 1, expect: [error('prose-syntax', '2023-h1.yaml:29:43')] },
  { fixture: 'id-invisible-difference', exit: 1, expect: [error('id-invisible-difference', '2023-h1.yaml:29:46')] },

  // hostile input: runs, outputs and messages (cli, write)
  // A key that is absent is a missing key, said at the mapping's key, whatever the schema wanted there.
  { fixture: 'missing-kind', exit: 1, expect: [error('missing-key', '2023-h1.yaml:2:1')] },
  { fixture: 'missing-period', exit: 1, expect: [error('missing-key', '2023-h1.yaml:2:1')] },
  // ｒｅｐｏｒｔ: typed with a Chinese IME is a report with a misspelt key, not a file of no kind.
  { fixture: 'full-width-report-key', exit: 1, expect: [error('unknown-key-suggest', '2023-h1.yaml:2:1')] },
  { fixture: 'number-not-finite', exit: 1, expect: [error('number-not-finite', '2023-h1.yaml:12:13')] },
  { fixture: 'number-nan', exit: 1, expect: [error('number-not-finite', '2023-h1.yaml:12:13')] },

  // issue 7: figures (7b)
  // 同比 needs a previous value above zero, in the same unit: said at the expression, never NaN.
  { fixture: 'yoy-no-previous', exit: 1, expect: [error('no-previous', '2023-h1.yaml:30:12')] },
  { fixture: 'yoy-zero-previous', exit: 1, expect: [error('previous-not-positive', '2023-h1.yaml:30:12')] },
  { fixture: 'previous-unit-mismatch', exit: 1, expect: [error('previous-unit-mismatch', '2023-h1.yaml:31:12')] },
  { fixture: 'no-activities', exit: 1, expect: [error('no-activities', '2023-h1.yaml:31:12')] },
  { fixture: 'table-unknown-metric', exit: 1, expect: [error('unknown-metric-suggest', '2023-h1.yaml:31:24')] },

  // issue 7: kinds and plans (7c)
  { fixture: 'kind-part-unexpected', exit: 1, expect: [error('kind-part-unexpected', '2023-h1.yaml:11:3')] },
  { fixture: 'plan-part-missing', exit: 1, expect: [error('plan-part-missing', '2023-h1.yaml:4:9')] },
  { fixture: 'plan-period-not-after', exit: 1, expect: [error('plan-period-not-after', '2023-h1.yaml:7:16')] },
  { fixture: 'unknown-plan-suggest', exit: 1, expect: [error('unknown-plan-suggest', '2023-h1.yaml:10:56')] },
  { fixture: 'plan-no-progress', exit: 0, expect: [warning('plan-no-progress', '2023-h1.yaml:8:40')] },
  { fixture: 'section-plans-empty', exit: 0, expect: [warning('section-plans-empty', '2023-h1.yaml:10:12')] },
  { fixture: 'plan-unplaced', exit: 0, expect: [warning('plan-unplaced', '2023-h1.yaml:9:11')], build: { markdownContains: ['一是组织代表视察。完成时限：2023年12月31日前。'] } },

  // issue 7: structure (7a)
  { fixture: 'section-title-and-lead', exit: 1, expect: [error('section-title-and-lead', '2023-h1.yaml:27:11')] },
  { fixture: 'section-no-heading', exit: 1, expect: [error('section-no-heading', '2023-h1.yaml:29:9')] },
  { fixture: 'section-text-and-summary', exit: 1, expect: [error('section-text-and-summary', '2023-h1.yaml:28:14')] },
  { fixture: 'section-too-deep', exit: 1, expect: [error('section-too-deep', '2023-h1.yaml:35:19')] },
  // A report that starts at 1. has two levels left: the third is found by compose, not the schema.
  { fixture: 'section-too-deep-numbering', exit: 1, expect: [error('section-too-deep', '2023-h1.yaml:31:11')] },
  { fixture: 'bad-sequence', exit: 1, expect: [error('bad-enum-suggest', '2023-h1.yaml:27:15')] },
  { fixture: 'bad-layout', exit: 1, expect: [error('bad-enum-suggest', '2023-h1.yaml:28:17')] },
  { fixture: 'bad-numbering', exit: 1, expect: [error('bad-enum-suggest', '2023-h1.yaml:7:14')] },
  { fixture: 'run-without-points', exit: 1, expect: [error('missing-key', '2023-h1.yaml:28:9')] },
  { fixture: 'point-bold-without-lead', exit: 1, expect: [error('point-bold-without-lead', '2023-h1.yaml:28:42')] },
  { fixture: 'run-in-heading-expression', exit: 1, expect: [error('unknown-helper-suggest', '2023-h1.yaml:28:19')] },
];

interface JsonDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file: string | null;
  line: number | null;
  column: number | null;
}

/** A temp copy of a fixture (an empty folder for a generated one). */
function copyFixture(fixture: string): string {
  const dir = path.join(tempDir(), fixture);
  const source = path.join(CORPUS, fixture);
  if (existsSync(source)) cpSync(source, dir, { recursive: true });
  else mkdirSync(dir);
  return dir;
}

function workspace(c: Case): string {
  const dir = copyFixture(c.fixture);
  c.setup?.(dir);
  return dir;
}

function located(d: JsonDiagnostic): Expected {
  const at = d.file === null ? null : `${d.file.split(path.sep).join('/')}:${d.line}:${d.column}`;
  return { code: d.code, severity: d.severity, at };
}

function checkJson(dir: string, target: string, extra: string[] = []) {
  const run = runCli(['check', target, '--format', 'json', ...extra], { cwd: dir });
  expect(hasStackTrace(run.stdout + run.stderr), run.stderr).toBe(false);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { errors: number; warnings: number; diagnostics: JsonDiagnostic[] };
  return { status: run.status, report };
}

describe('the bad-input corpus', () => {
  it('has at least 45 fixtures, and every one is in the table', () => {
    const folders = readdirSync(CORPUS).filter((name) => statSync(path.join(CORPUS, name)).isDirectory());
    const tested = new Set(CASES.map((c) => c.fixture));
    expect(folders.filter((name) => !tested.has(name))).toEqual([]);
    expect(folders.length).toBeGreaterThanOrEqual(45);
  });

  it('holds exactly the bytes make-encoded.mjs makes', () => {
    const run = spawnSync(process.execPath, [path.join(CORPUS, 'make-encoded.mjs'), '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

const NAMED = CASES.map((c) => [c.target ? `${c.fixture} (${c.target})` : c.fixture, c] as const);

describe.each(NAMED)('%s', (_name, c) => {
  const target = c.target ?? REPORT;

  it(`reports ${c.expect.map((e) => e.code).join(', ') || 'nothing'} and exits ${c.exit}`, () => {
    const dir = workspace(c);
    const { status, report } = checkJson(dir, target);
    expect(report.diagnostics.map(located)).toEqual(c.expect);
    expect(status).toBe(c.exit);
    expect(report.errors).toBe(c.expect.filter((e) => e.severity === 'error').length);
    // Warnings pass, unless --strict.
    if (c.exit === 0 && c.expect.length > 0) expect(checkJson(dir, target, ['--strict']).status).toBe(1);
  });

  if (c.build === false) return;
  const build = c.build ?? {};
  const hasError = c.expect.some((e) => e.severity === 'error') || build.stderrCodes !== undefined;

  it(hasError ? 'build writes nothing and exits 1' : 'build writes the report, in the right characters', () => {
    const dir = workspace(c);
    const before = listFiles(dir);
    const run = runCli(['build', target], { cwd: dir });
    expect(hasStackTrace(run.stdout + run.stderr), run.stderr).toBe(false);
    // build runs the same checks and prints what they found.
    for (const code of build.stderrCodes ?? c.expect.map((e) => e.code)) expect(run.stderr).toContain(`[${code}]`);
    if (hasError) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('没有写入任何文件。');
      expect(listFiles(dir)).toEqual(before);
      return;
    }
    expect(run.status, run.stderr).toBe(0);
    if (c.expect.length === 0) expect(run.stderr).toBe('');
    const base = target.replace(/\.yaml$/, '');
    expect(listFiles(dir)).toEqual([...before, `${base}.docx`, `${base}.md`].sort());
    const markdown = readFileSync(path.join(dir, `${base}.md`), 'utf8');
    // Every fixture is the same organisation's report: mojibake would lose this title.
    expect(markdown).toContain('# 青溪街道人大工委2023年上半年工作总结');
    for (const text of build.markdownContains ?? []) expect(markdown).toContain(text);
  });
});

describe('check output formats', () => {
  const dir = () => copyFixture('unknown-metric-suggest');

  it('text: file:line:col, the line, a caret under the expression, the hint (Chinese by default)', () => {
    const run = runCli(['check', REPORT], { cwd: dir() });
    expect(run.status).toBe(1);
    // The caret sits under {{ in terminal columns: 8 spaces and ASCII, 16 CJK characters two wide each.
    expect(run.stdout).toContain(
      [
        '2023-h1.yaml:30:45: 错误 没有编号为 “boiler” 的指标 [unknown-metric-suggest]',
        ' 30 |       - 关闭整改燃煤锅炉{{target "boilers"}}任务，已关闭改造{{metric "boiler"}}。',
        `    | ${' '.repeat(8 + 20 + 16 * 2)}^`,
        '  提示: 是否想写 “boilers”？',
      ].join('\n'),
    );
    expect(run.stdout).toContain('1 个错误，0 个警告');
  });

  it('github: one workflow annotation per problem', () => {
    const run = runCli(['check', REPORT, '--format', 'github'], { cwd: dir() });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('::error file=2023-h1.yaml,line=30,col=45,title=unknown-metric-suggest::没有编号为 “boiler” 的指标%0A是否想写 “boilers”？\n');
  });

  it('github: warnings are ::warning lines, and pass without --strict', () => {
    const run = runCli(['check', REPORT, '--format', 'github'], { cwd: copyFixture('gb18030') });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^::warning file=2023-h1\.yaml,line=1,col=1,title=encoding-gb18030::/);
  });

  it('--lang en: messages and hints in English', () => {
    const run = runCli(['check', REPORT, '--lang', 'en'], { cwd: dir() });
    expect(run.stdout).toContain('2023-h1.yaml:30:45: error no metric with id "boiler" [unknown-metric-suggest]');
    expect(run.stdout).toContain('hint: did you mean "boilers"?');
    expect(run.stdout).toContain('1 error(s), 0 warning(s)');
  });
});
