import type { Lang } from '../diagnostics/lang.js';

/** Every line the CLI itself prints (diagnostics have their own catalogue), in both languages. */
const messages = {
  programDescription: {
    zh: '把 YAML 工作笔记生成为半年、年度工作总结（符合 GB/T 9704 的 docx 以及 Markdown）',
    en: 'Turn YAML work notes into half-year and annual work reports (GB/T 9704 docx and Markdown)',
  },
  buildDescription: { zh: '生成报告', en: 'build reports' },
  buildFilesArgument: { zh: '报告文件，如 2023-h1.yaml', en: 'report files, such as 2023-h1.yaml' },
  formatOption: { zh: '输出格式，逗号分隔：docx,md', en: 'output formats, comma-separated: docx,md' },
  outOption: { zh: '输出文件夹（默认与报告文件同一文件夹）', en: 'output folder (default: next to the report)' },
  forceOption: { zh: '覆盖已被手工修改的输出文件', en: 'overwrite outputs that were edited by hand' },
  templatesOption: { zh: '自定义模板文件夹（优先于内置模板）', en: 'folder of templates that override the built-ins' },
  presetOption: { zh: 'docx 版式预设', en: 'docx style preset' },
  langOption: { zh: '消息语言：zh 或 en', en: 'message language: zh or en' },
  helpOption: { zh: '显示帮助', en: 'show help' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'show help for a command' },
  versionOption: { zh: '显示版本号', en: 'show the version' },
  checkDescription: { zh: '检查笔记，列出所有问题及其位置', en: 'check notes and list every problem with its place' },
  checkPathsArgument: { zh: '笔记文件或文件夹（默认当前文件夹）', en: 'notes files or folders (default: the current folder)' },
  reportFormatOption: { zh: '输出格式：text（给人看）、json（给程序）、github（工作流注释）', en: 'output: text (people), json (tools), github (workflow annotations)' },
  strictOption: { zh: '有警告也算失败（退出码 1）', en: 'fail (exit 1) on warnings too' },
  checkClean: { zh: '没有发现问题（检查了 {count} 个文件）。', en: 'No problems found ({count} files checked).' },
  schemaDescription: { zh: '输出笔记文件的 JSON Schema（供编辑器补全和校验）', en: 'print the JSON Schema of a notes file (for editor completion and checks)' },
  schemaKindArgument: { zh: '文件类型：report、activities、metrics 或 plans', en: 'file kind: report, activities, metrics or plans' },
  wrote: { zh: '已写入 {path}', en: 'wrote {path}' },
  unchanged: { zh: '未变化 {path}', en: 'unchanged {path}' },
  summaryProblems: { zh: '{errors} 个错误，{warnings} 个警告', en: '{errors} error(s), {warnings} warning(s)' },
  nothingWritten: { zh: '没有写入任何文件。', en: 'No file was written.' },
  reportNotBuilt: { zh: '{report} 没有生成，它的输出文件都没有改动。', en: '{report} was not built; none of its outputs was changed.' },
  runSummary: { zh: '共 {total} 个报告：{built} 个已生成，{failed} 个失败。', en: '{total} reports: {built} built, {failed} failed.' },
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
  internalError: {
    zh: 'plan-report 内部错误（这是程序的缺陷，不是您的笔记有误）。请把以下内容报告给维护者：',
    en: 'internal error in plan-report (a bug, not a mistake in your notes). Please report this:',
  },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export const messageKeys = Object.keys(messages) as MessageKey[];

export function messageTemplate(lang: Lang, key: MessageKey): string {
  return messages[key][lang];
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messageTemplate(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
