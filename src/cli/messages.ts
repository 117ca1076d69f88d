import type { Lang } from '../diagnostics/lang.js';

/** Every line the CLI itself prints (diagnostics have their own catalogue), in both languages. */
const messages = {
  programDescription: {
    zh: '把 YAML 工作笔记生成为半年、年度工作总结（符合 GB/T 9704 的 docx 以及 Markdown）',
    en: 'Turn YAML work notes into half-year and annual work reports (GB/T 9704 docx and Markdown)',
  },
  buildDescription: { zh: '生成报告', en: 'build reports' },
  buildFilesArgument: { zh: '报告文件、文件夹或通配符，如 2023-h1.yaml、reports/、"**/*.yaml"（默认当前文件夹）', en: 'report files, folders or globs, such as 2023-h1.yaml, reports/, "**/*.yaml" (default: the current folder)' },
  formatOption: { zh: '输出格式，逗号分隔：docx、md、html、pdf（默认：plan-report.yaml 的 formats，否则 docx,md）', en: 'output formats, comma-separated: docx, md, html, pdf (default: formats of plan-report.yaml, else docx,md)' },
  outOption: { zh: '输出文件夹，其下保持报告的文件夹结构（默认：plan-report.yaml 的 out，或与报告同一文件夹）', en: 'output folder; the reports\' folders are kept below it (default: out of plan-report.yaml, or next to each report)' },
  forceOption: { zh: '覆盖已被手工修改的输出文件（先把它备份在旁边）', en: 'overwrite outputs that were edited by hand (a backup is kept beside them)' },
  jobsOption: { zh: '同时生成的报告数（工作线程，默认为 CPU 核数）', en: 'reports built at once (worker threads; default: the number of cores)' },
  shardOption: { zh: '只生成第 i 份（共 n 份），供 CI 矩阵分片，如 2/4', en: 'build only part i of n, for a CI matrix, such as 2/4' },
  quietOption: { zh: '只输出错误；全部成功时不输出任何内容', en: 'print errors only; nothing when every report is built' },
  badJobs: { zh: '--jobs 应为 1 到 {max} 之间的整数，而不是 “{value}”', en: '--jobs takes a whole number from 1 to {max}, not "{value}"' },
  badShard: { zh: '--shard 应写成 i/n（1 ≤ i ≤ n），如 2/4，而不是 “{value}”', en: '--shard takes i/n with 1 ≤ i ≤ n, such as 2/4, not "{value}"' },
  progress: { zh: '[{done}/{total}] 已完成 {report}', en: '[{done}/{total}] done {report}' },
  backedUp: { zh: '已把手工修改过的 {path} 备份为 {backup}', en: 'kept the edited {path} as {backup}' },
  reportCrashed: { zh: '{report} 生成时 plan-report 内部出错（这是程序的缺陷，不是您的笔记有误），请把以下内容报告给维护者：', en: 'plan-report failed inside while building {report} (a bug, not a mistake in your notes). Please report this:' },
  runInterrupted: { zh: '已中断：{skipped} 个报告没有开始生成；已写入的文件都是完整的。', en: 'Interrupted: {skipped} report(s) were not started; every file written is whole.' },
  templatesOption: { zh: '自定义模板文件夹（优先于内置模板）', en: 'folder of templates that override the built-ins' },
  presetOption: { zh: 'docx 版式预设', en: 'docx style preset' },
  langOption: { zh: '消息语言：zh 或 en', en: 'message language: zh or en' },
  helpOption: { zh: '显示帮助', en: 'show help' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'show help for a command' },
  versionOption: { zh: '显示版本号', en: 'show the version' },
  checkDescription: { zh: '检查笔记，列出所有问题及其位置', en: 'check notes and list every problem with its place' },
  checkPathsArgument: { zh: '笔记文件、文稿（.md、.txt、.docx）或文件夹（默认当前文件夹）', en: 'notes files, drafts (.md, .txt, .docx) or folders (default: the current folder)' },
  reportFormatOption: { zh: '输出格式：text（给人看）、json（给程序）、github（工作流注释）', en: 'output: text (people), json (tools), github (workflow annotations)' },
  strictOption: { zh: '有警告也算失败（退出码 1）', en: 'fail (exit 1) on warnings too' },
  checkClean: { zh: '没有发现问题（检查了 {count} 个文件）。', en: 'No problems found ({count} files checked).' },
  schemaDescription: { zh: '输出笔记文件的 JSON Schema（供编辑器补全和校验）', en: 'print the JSON Schema of a notes file (for editor completion and checks)' },
  schemaKindArgument: { zh: '文件类型：report、activities、metrics、plans，或 config（plan-report.yaml）', en: 'file kind: report, activities, metrics, plans, or config (plan-report.yaml)' },
  wrote: { zh: '已写入 {path}', en: 'wrote {path}' },
  unchanged: { zh: '未变化 {path}', en: 'unchanged {path}' },
  summaryProblems: { zh: '{errors} 个错误，{warnings} 个警告', en: '{errors} error(s), {warnings} warning(s)' },
  nothingWritten: { zh: '没有写入任何文件。', en: 'No file was written.' },
  reportNotBuilt: { zh: '{report} 没有生成，它的输出文件都没有改动。', en: '{report} was not built; none of its outputs was changed.' },
  runSummary: { zh: '共 {total} 个报告：{built} 个已生成，{unchanged} 个未变化，{failed} 个失败（用时 {seconds} 秒）。', en: 'Reports: {total}; built {built}, unchanged {unchanged}, failed {failed} ({seconds} s).' },
  noFormat: { zh: '--format 没有给出任何输出格式，可用：{known}', en: '--format names no output format; available: {known}' },
  badSourceDateEpoch: {
    zh: '环境变量 SOURCE_DATE_EPOCH 的值 “{value}” 无效：应为 {min} 到 {max} 之间的整数（自 1970-01-01 UTC 起的秒数）',
    en: 'the environment variable SOURCE_DATE_EPOCH is "{value}"; it must be a whole number of seconds since 1970-01-01 UTC, from {min} to {max}',
  },
  errorLabel: { zh: '错误', en: 'error' },
  warningLabel: { zh: '警告', en: 'warning' },
  hintLabel: { zh: '提示', en: 'hint' },
  usageError: { zh: '命令用法有误：{detail}', en: 'usage error: {detail}' },
  usageHint: { zh: '运行 plan-report --help 查看用法。', en: 'Run plan-report --help for usage.' },
  badFormat: { zh: '不支持的输出格式 “{value}”，可用：{known}', en: 'unknown output format "{value}"; available: {known}' },
  badLang: { zh: '不支持的语言 “{value}”，可用：zh、en', en: 'unknown language "{value}"; available: zh, en' },
  explainDescription: { zh: '列出报告中每个计算出的数字：表达式、结果及其所依据的笔记（文件:行）', en: 'list every computed figure of a report: its expression, its value and the notes (file:line) it came from' },
  explainReportArgument: { zh: '报告文件，如 2023-h1.yaml', en: 'the report file, such as 2023-h1.yaml' },
  explainFormatOption: { zh: '输出格式：text（给人看）或 json（给程序）', en: 'output: text (people) or json (tools)' },
  explainNone: { zh: '这份报告中没有计算出的数字。', en: 'This report prints no computed figure.' },
  explainFrom: { zh: '依据', en: 'from' },
  newDescription: { zh: '新建一份报告文件（可从上一期报告接续）', en: 'start a new report file (from the previous one if given)' },
  newKindArgument: { zh: '文种：half-year-summary、annual-summary、work-plan、summary-and-plan 或 speech', en: 'kind: half-year-summary, annual-summary, work-plan, summary-and-plan or speech' },
  newPeriodOption: { zh: '报告期，如 2023-H2 或 2024', en: 'the period, such as 2023-H2 or 2024' },
  newFromOption: { zh: '上一期报告文件：沿用其单位、笔记来源、指标编号和计划部分', en: 'the previous report: its org, sources, metric ids and plan part are carried over' },
  newOutOption: { zh: '新文件的路径（默认：报告期.yaml，如 2023-h2.yaml）', en: 'the new file (default: the period, such as 2023-h2.yaml)' },
  newBadPeriod: { zh: '--period “{value}” 不适用于 {kind}，应为 {expected}', en: '--period "{value}" does not fit {kind}; it takes {expected}' },
  templatesDescription: { zh: '管理报告模板', en: 'manage the report templates' },
  ejectDescription: { zh: '把内置模板复制出来以便修改（不覆盖已有文件），再用 --templates 使用', en: 'copy the built-in templates out for editing (never overwriting), to use with --templates' },
  ejectNameArgument: { zh: '只复制一个文种（如 work-plan）或一个局部模板（如 section）；默认全部', en: 'one kind (such as work-plan) or one partial (such as section); default: all' },
  ejectOutOption: { zh: '目标文件夹', en: 'the folder to copy into' },
  // init
  initDescription: { zh: '新建笔记库：配置、示例笔记、第一份半年总结、说明和 CI 文件（不覆盖已有文件）', en: 'start a notes repo: config, example notes, a first half-year report, a README and CI files (never overwriting)' },
  initDirArgument: { zh: '笔记库的文件夹（默认当前文件夹，不存在时新建）', en: 'the folder of the notes repo (default: the current folder; created if missing)' },
  initOrgOption: { zh: '单位名称，写入 plan-report.yaml', en: 'the organisation, written to plan-report.yaml' },
  initPeriodOption: { zh: '第一份报告的报告期，如 2026-H2（默认当前半年）', en: 'the first report\'s period, such as 2026-H2 (default: the current half year)' },
  initBadOrg: { zh: '--org 应为一行单位名称，不能为空或换行', en: '--org must be the organisation\'s name on one line, not empty' },
  initSetOrg: { zh: '请在 {path} 中把 org: 改为本单位名称。', en: 'Set org: in {path} to your organisation\'s name.' },
  internalError: {
    zh: 'plan-report 内部错误（这是程序的缺陷，不是您的笔记有误）。请把以下内容报告给维护者：',
    en: 'internal error in plan-report (a bug, not a mistake in your notes). Please report this:',
  },
  // preview and --watch
  previewDescription: { zh: '在浏览器中预览报告，保存笔记后自动刷新', en: 'preview the report in a browser, reloaded on every save' },
  previewReportArgument: { zh: '报告文件，如 2023-h1.yaml', en: 'the report file, such as 2023-h1.yaml' },
  portOption: { zh: '端口（默认：自动选择空闲端口）', en: 'port (default: a free one)' },
  previewListening: { zh: '预览地址：{url}（保存笔记后页面自动刷新，按 Ctrl-C 停止）', en: 'Preview at {url} (reloads on every save; Ctrl-C stops)' },
  previewStopped: { zh: '预览已停止。', en: 'Preview stopped.' },
  previewPortBusy: { zh: '端口 {port} 已被占用：换一个端口，或不写 --port 让程序自动选择', en: 'port {port} is in use: choose another, or leave out --port for a free one' },
  badPort: { zh: '--port 应为 1 到 65535 之间的整数，而不是 “{value}”', en: '--port takes a whole number from 1 to 65535, not "{value}"' },
  watchOption: { zh: '生成后继续监视笔记、模板和配置，有改动就重新生成', en: 'after building, watch the notes, templates and config and rebuild on every change' },
  watching: { zh: '正在监视笔记的改动（按 Ctrl-C 停止）……', en: 'Watching for changes (Ctrl-C stops)…' },
  // presets and font sets
  fontsOption: {
    zh: 'docx 字体：default（仿宋、楷体）或 gb2312（仿宋_GB2312、楷体_GB2312），优先于 plan-report.yaml 的 fonts',
    en: 'docx fonts: default (FangSong, KaiTi) or gb2312 (their _GB2312 names), over the fonts of plan-report.yaml',
  },
  // reference doc
  referenceDocOption: {
    zh: '参考文档：单位的 Word 文件（.docx），docx 采用其中的样式、页面设置和页眉页脚（默认：plan-report.yaml 的 reference-doc）',
    en: 'the organisation\'s Word file (.docx) whose styles, page setup, header and footer the docx takes (default: reference-doc of plan-report.yaml)',
  },
  // issue 10: import
  importDescription: { zh: '把已有的报告（.docx、.md、.txt）导入为笔记：报告文件和指标文件，生成后与原文相同（不覆盖已有文件）', en: 'turn an existing report (.docx, .md, .txt) into notes, a report file and a metrics file that build back to the same text (never overwriting)' },
  importDocumentArgument: { zh: '要导入的报告，如 2023年上半年工作总结.docx', en: 'the report to import, such as report-2023-h1.docx' },
  importOutOption: { zh: '写入笔记的文件夹（默认当前文件夹，不存在时新建）', en: 'the folder the notes are written to (default: the current folder; created if missing)' },
  importNext: { zh: '下一步：检查文中的数字和标注的警告，然后运行 plan-report build {report}', en: 'Next: review the figures and the warnings above, then run plan-report build {report}' },
  // issue 10: drafts (a place in a Word file, which has paragraphs, not lines)
  paragraphLabel: { zh: '第 {paragraph} 段', en: 'paragraph {paragraph}' },
  // issue 10: check --fix
  fixOption: { zh: '改正可以安全自动修正的问题：YAML 笔记、.md 和 .txt 文稿原地修改，Word 文档只列出修改建议', en: 'apply the fixes that are safe: YAML notes, .md and .txt drafts in place; a Word file only gets proposals' },
  fixCopyOption: { zh: '同 --fix，并把 Word 文档的修正另存为旁边的 NAME.fixed.docx（不改动原文件）', en: 'as --fix, and write a Word file\'s fixes to NAME.fixed.docx beside it (the file itself is not changed)' },
  fixApplied: { zh: '{place}  ‘{before}’ 改为 ‘{after}’（{code}）', en: '{place}  "{before}" → "{after}" ({code})' },
  fixProposed: { zh: '{path} 第 {paragraph} 段：‘{before}’ 改为 ‘{after}’（{code}）', en: '{path} paragraph {paragraph}: "{before}" → "{after}" ({code})' },
  fixCopyWritten: { zh: '已另存修正后的副本 {path}（{fixes} 处修正）', en: 'wrote the fixed copy {path} ({fixes} fix(es))' },
  fixProposals: { zh: 'Word 文档没有改动：以上 {count} 处修改建议请在 Word 中修改，或加 --fix-copy 另存修正后的副本。', en: 'Word files are never changed: make the {count} change(s) above in Word, or add --fix-copy to write fixed copies.' },
  fixSummary: { zh: '已修正 {fixes} 处，涉及 {files} 个文件。', en: 'Fixed {fixes} problem(s) in {files} file(s).' },
  fixNothing: { zh: '没有可以自动修正的问题。', en: 'Nothing to fix.' },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export const messageKeys = Object.keys(messages) as MessageKey[];

export function messageTemplate(lang: Lang, key: MessageKey): string {
  return messages[key][lang];
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messageTemplate(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
