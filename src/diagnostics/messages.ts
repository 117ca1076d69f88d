import type { Diagnostic, DiagnosticParams } from './diagnostic.js';
import type { Lang } from './lang.js';

/**
 * Every diagnostic's message and hint, in Simplified Chinese and English. The code is the stable
 * id that tools and the README's table use; the texts may improve, the codes may not change.
 * `{name}` is replaced by the diagnostic's parameter of that name. A test keeps both languages
 * complete and their placeholders in step.
 */
interface Text {
  message: string;
  hint?: string;
}

interface Entry {
  zh: Text;
  en: Text;
}

const catalogue = {
  // load: files and bytes
  'file-not-found': {
    zh: { message: '找不到文件 {path}', hint: '检查文件名和所在文件夹；路径相对于当前文件夹' },
    en: { message: 'file not found: {path}', hint: 'check the name and folder; paths are relative to the current folder' },
  },
  'not-a-file': {
    zh: { message: '{path} 是文件夹，不是文件', hint: '请指定报告文件，例如 2023-h1.yaml' },
    en: { message: '{path} is a folder, not a file', hint: 'name a report file, such as 2023-h1.yaml' },
  },
  'file-too-large': {
    zh: { message: '文件过大（{size} 字节，上限 {limit} 字节）', hint: '笔记文件应为纯文本 YAML；请拆分文件或检查是否选错文件' },
    en: { message: 'file too large ({size} bytes, limit {limit})', hint: 'notes are plain-text YAML; split the file or check that it is the right one' },
  },
  'binary-file': {
    zh: { message: '这不是文本文件（含二进制内容）', hint: '请选择 .yaml 文本文件；Word 文档不能作为笔记读入' },
    en: { message: 'not a text file (binary content)', hint: 'choose a .yaml text file; a Word document cannot be read as notes' },
  },
  'empty-file': {
    zh: { message: '文件是空的', hint: '可运行 plan-report init 生成示例，或参照 README 中的格式填写' },
    en: { message: 'the file is empty', hint: 'see the input format in the README' },
  },
  'encoding-gb18030': {
    zh: { message: '文件不是 UTF-8 编码，已按 GB18030（GBK）读取', hint: '请在编辑器中“另存为”UTF-8 编码，以免他人打开时乱码' },
    en: { message: 'the file is not UTF-8; it was read as GB18030 (GBK)', hint: 'save it as UTF-8 in your editor so that others do not see garbled text' },
  },
  'encoding-invalid': {
    zh: { message: '无法识别文件编码（既不是 UTF-8，也不是 GB18030）', hint: '请在编辑器中另存为 UTF-8 编码' },
    en: { message: 'unknown text encoding (neither UTF-8 nor GB18030)', hint: 'save the file as UTF-8 in your editor' },
  },
  'read-failed': {
    zh: { message: '无法读取 {path}：{detail}', hint: '检查文件权限' },
    en: { message: 'cannot read {path}: {detail}', hint: 'check the file permissions' },
  },

  // yaml: syntax
  'yaml-syntax': {
    zh: { message: 'YAML 格式错误：{detail}', hint: '检查这一行的缩进、冒号和引号；含冒号的文字请加引号' },
    en: { message: 'YAML syntax error: {detail}', hint: 'check the indentation, colons and quotes on this line; quote text that contains a colon' },
  },
  'yaml-duplicate-key': {
    zh: { message: '键 “{key}” 重复出现', hint: '同一层级的键只能写一次；删除或合并重复的一项' },
    en: { message: 'key "{key}" appears twice', hint: 'a key may appear once per mapping; remove or merge the duplicate' },
  },
  'yaml-tab-indent': {
    zh: { message: '缩进中有制表符（Tab）', hint: 'YAML 只能用空格缩进；请把 Tab 换成空格' },
    en: { message: 'a tab is used for indentation', hint: 'YAML indents with spaces only; replace the tab with spaces' },
  },
  'prose-needs-quotes': {
    zh: { message: '以 {{ 开头的文字被 YAML 当成了键值对', hint: "给整段文字加上单引号，例如 text: '{{metric \"cards\"}}……'，或改用 >- 换行书写" },
    en: { message: 'text that starts with {{ is read by YAML as a mapping', hint: "quote the whole text in single quotes, e.g. text: '{{metric \"cards\"}}…', or write it as a >- block" },
  },
  'yaml-alias-bomb': {
    zh: { message: '别名（*引用）展开过多，已拒绝读取', hint: '减少 & 和 * 的嵌套引用' },
    en: { message: 'too many alias expansions; the file was refused', hint: 'reduce nested & and * references' },
  },
  'yaml-multiple-documents': {
    zh: { message: '一个文件中有多个 YAML 文档（---）', hint: '每个文件只写一个文档；删除多余的 --- 或拆成多个文件' },
    en: { message: 'more than one YAML document (---) in a file', hint: 'keep one document per file; remove the extra --- or split the file' },
  },

  // schema: shape of the notes
  'unknown-key': {
    zh: { message: '不认识的键 “{key}”', hint: '可用的键：{allowed}' },
    en: { message: 'unknown key "{key}"', hint: 'allowed keys: {allowed}' },
  },
  'unknown-key-suggest': {
    zh: { message: '不认识的键 “{key}”', hint: '是否想写 “{suggestion}”？' },
    en: { message: 'unknown key "{key}"', hint: 'did you mean "{suggestion}"?' },
  },
  'missing-key': {
    zh: { message: '缺少必填的键 “{key}”', hint: '在此处添加 {key}: …' },
    en: { message: 'missing required key "{key}"', hint: 'add {key}: … here' },
  },
  'wrong-type': {
    zh: { message: '这里应为{expected}，实际是{actual}', hint: '按 README 中的格式修改此值' },
    en: { message: 'expected {expected}, found {actual}', hint: 'change this value to the format shown in the README' },
  },
  'bad-enum': {
    zh: { message: '“{value}” 不是可用的取值', hint: '可用的取值：{allowed}' },
    en: { message: '"{value}" is not an allowed value', hint: 'allowed values: {allowed}' },
  },
  'bad-enum-suggest': {
    zh: { message: '“{value}” 不是可用的取值', hint: '是否想写 “{suggestion}”？' },
    en: { message: '"{value}" is not an allowed value', hint: 'did you mean "{suggestion}"?' },
  },
  'bad-date': {
    zh: { message: '“{value}” 不是有效日期', hint: '日期写成 2023-07-05（年-月-日），并确认这一天存在' },
    en: { message: '"{value}" is not a valid date', hint: 'write dates as 2023-07-05 (year-month-day) and check that the day exists' },
  },
  'bad-date-suggest': {
    zh: { message: '“{value}” 不是规范的日期写法', hint: '写成 {suggestion}' },
    en: { message: '"{value}" is not written as a date should be', hint: 'write {suggestion}' },
  },
  'number-as-text': {
    zh: { message: '数字 “{value}” 写成了文字（全角数字、空格或千分位），已按 {suggestion} 读取', hint: '改为半角数字 {suggestion}' },
    en: { message: 'the number "{value}" is written as text (full-width digits, spaces or separators); read as {suggestion}', hint: 'write {suggestion}' },
  },
  'number-needs-quotes': {
    zh: { message: '{value} 被读成了数字，这里应为文字', hint: '加上引号：{suggestion}' },
    en: { message: '{value} was read as a number; text is expected here', hint: 'quote it: {suggestion}' },
  },
  'bad-period': {
    zh: { message: '“{value}” 不是有效的报告期', hint: '写成 2023（全年）、2023-H1（上半年）或 2023-H2（下半年）' },
    en: { message: '"{value}" is not a valid period', hint: 'write 2023 (a year), 2023-H1 (first half) or 2023-H2 (second half)' },
  },
  'bad-id': {
    zh: { message: '“{value}” 不能用作编号（id）', hint: '编号只能含字母、数字、汉字、- 和 _，不能有空格' },
    en: { message: '"{value}" cannot be used as an id', hint: 'ids hold letters, digits, CJK characters, - and _ only, no spaces' },
  },
  'empty-value': {
    zh: { message: '此处不能为空', hint: '填写内容，或删除这一项' },
    en: { message: 'this value must not be empty', hint: 'fill it in or remove the entry' },
  },
  'bad-number': {
    zh: { message: '数值 {value} 不符合要求：{rule}', hint: '改为符合要求的数值' },
    en: { message: 'the number {value} is not allowed: {rule}', hint: 'change it to an allowed number' },
  },
  'not-a-report': {
    zh: { message: '这是{kind}文件，不是报告文件', hint: '请指定报告文件（以 report: 开头），例如 2023-h1.yaml' },
    en: { message: 'this is {kind} file, not a report', hint: 'name a report file (one that starts with report:), such as 2023-h1.yaml' },
  },
  'unknown-file-kind': {
    zh: { message: '无法判断这是哪类笔记文件', hint: '报告文件以 report: 开头；其他文件的顶层键应为 activities:、metrics: 或 plans:' },
    en: { message: 'cannot tell what kind of notes file this is', hint: 'a report file has report:; other files have activities:, metrics: or plans: at the top' },
  },

  // sources: files a report draws on
  'source-no-match': {
    zh: { message: 'sources 中的 “{pattern}” 没有匹配到任何文件', hint: '检查路径；路径相对于报告文件所在文件夹' },
    en: { message: 'sources pattern "{pattern}" matches no file', hint: 'check the path; it is relative to the report file' },
  },
  'source-outside-repo': {
    zh: { message: 'sources 中的 “{pattern}” 指向笔记库之外', hint: '只能引用笔记库（{root}）之内的文件' },
    en: { message: 'sources pattern "{pattern}" points outside the notes repo', hint: 'only files inside the notes repo ({root}) can be used' },
  },
  'source-wrong-kind': {
    zh: { message: '{path} 不是 {expected} 文件', hint: '该文件顶层应为 {expected}: 列表' },
    en: { message: '{path} is not a {expected} file', hint: 'the file should hold a top-level {expected}: list' },
  },

  'source-cycle': {
    zh: { message: 'sources 中的 “{pattern}” 匹配到了报告文件本身', hint: '把笔记放在子文件夹中（如 activities/*.yaml），或把通配符写得更具体' },
    en: { message: 'sources pattern "{pattern}" matches the report file itself', hint: 'keep notes in a subfolder (activities/*.yaml) or narrow the pattern' },
  },
  'no-notes-files': {
    zh: { message: '{path} 中没有 .yaml 笔记文件', hint: '指定报告文件，或包含笔记的文件夹' },
    en: { message: 'no .yaml notes files in {path}', hint: 'name a report file or a folder that holds notes' },
  },

  // references between notes and from prose
  'duplicate-id': {
    zh: { message: '编号 “{id}” 重复（第一次出现在 {first}）', hint: '每个编号只能用一次；请改名' },
    en: { message: 'id "{id}" is used twice (first at {first})', hint: 'each id may be used once; rename one' },
  },
  'unknown-metric': {
    zh: { message: '没有编号为 “{id}” 的指标', hint: '已有的指标：{known}' },
    en: { message: 'no metric with id "{id}"', hint: 'known metrics: {known}' },
  },
  'unknown-metric-suggest': {
    zh: { message: '没有编号为 “{id}” 的指标', hint: '是否想写 “{suggestion}”？' },
    en: { message: 'no metric with id "{id}"', hint: 'did you mean "{suggestion}"?' },
  },
  'unknown-tag': {
    zh: { message: '没有任何活动带有标签 “{tag}”', hint: '已有的标签：{known}' },
    en: { message: 'no activity has the tag "{tag}"', hint: 'known tags: {known}' },
  },
  'unknown-tag-suggest': {
    zh: { message: '没有任何活动带有标签 “{tag}”', hint: '是否想写 “{suggestion}”？' },
    en: { message: 'no activity has the tag "{tag}"', hint: 'did you mean "{suggestion}"?' },
  },
  'unknown-activity': {
    zh: { message: '没有编号为 “{id}” 的活动', hint: '已有的活动编号：{known}' },
    en: { message: 'no activity with id "{id}"', hint: 'known activity ids: {known}' },
  },
  'unknown-helper': {
    zh: { message: '文字中的 {{{name}}} 无法识别', hint: '可用的写法：{known}' },
    en: { message: 'unknown expression {{{name}}} in the text', hint: 'available: {known}' },
  },
  'unknown-helper-suggest': {
    zh: { message: '文字中的 {{{name}}} 无法识别', hint: '是否想写 {{{suggestion}}}？' },
    en: { message: 'unknown expression {{{name}}} in the text', hint: 'did you mean {{{suggestion}}}?' },
  },
  'bad-helper-args': {
    zh: { message: '{{{name}}} 的写法不对', hint: '应写成 {usage}' },
    en: { message: 'wrong arguments to {{{name}}}', hint: 'write it as {usage}' },
  },
  'prose-syntax': {
    zh: { message: '文字中的 {{ }} 表达式有误：{detail}', hint: '检查花括号是否成对；要写花括号本身请用 \\{{' },
    en: { message: 'bad {{ }} expression in the text: {detail}', hint: 'check that the braces pair up; write \\{{ for a literal brace' },
  },
  'no-target': {
    zh: { message: '指标 “{id}” 没有目标值（target），无法计算{what}', hint: '在指标中补上 target: …' },
    en: { message: 'metric "{id}" has no target, so {what} cannot be computed', hint: 'add target: … to the metric' },
  },
  'zero-target': {
    zh: { message: '指标 “{id}” 的目标值为 {target}，无法计算完成率', hint: '目标值应大于 0' },
    en: { message: 'metric "{id}" has target {target}; its completion rate cannot be computed', hint: 'the target must be greater than 0' },
  },

  'unknown-section': {
    zh: { message: '计划指向的章节 “{section}” 在报告中不存在', hint: '报告中的章节：{known}' },
    en: { message: 'the plan\'s section "{section}" is not in the report', hint: 'sections of the report: {known}' },
  },

  // report kinds, periods and templates
  'kind-period-mismatch': {
    zh: { message: '{kindName}的报告期应为{expected}，这里是 “{period}”', hint: '改正 period，或改正 kind' },
    en: { message: 'a {kindName} needs a period of {expected}, found "{period}"', hint: 'correct period or kind' },
  },
  'template-missing': {
    zh: { message: '找不到模板 “{name}”', hint: '检查模板文件夹 {dirs}' },
    en: { message: 'template "{name}" not found', hint: 'check the template folders {dirs}' },
  },
  'template-error': {
    zh: { message: '模板 “{name}” 出错：{detail}', hint: '检查模板中的 {{ }} 写法' },
    en: { message: 'template "{name}" failed: {detail}', hint: 'check the {{ }} expressions in the template' },
  },
  'unknown-preset': {
    zh: { message: '没有名为 “{name}” 的版式预设', hint: '可用的预设：{known}' },
    en: { message: 'no style preset named "{name}"', hint: 'available presets: {known}' },
  },

  // lint: what a reviewer would send back
  'activity-outside-period': {
    zh: { message: '活动日期 {date} 不在报告期 {period}（{start} 至 {end}）内，不会计入本报告', hint: '检查日期是否写错，或把它移到对应报告期的笔记中' },
    en: { message: 'the activity date {date} lies outside the period {period} ({start} to {end}); it is not counted', hint: 'check the date, or move the entry to the notes of its period' },
  },
  'metric-outside-period': {
    zh: { message: '指标 “{id}” 属于报告期 {metricPeriod}，而本报告是 {period}', hint: '引用本报告期的指标文件，或改正指标的 period' },
    en: { message: 'metric "{id}" is for {metricPeriod}, but this report is for {period}', hint: 'use the metrics of this period, or correct the metric\'s period' },
  },
  'empty-section': {
    zh: { message: '章节 “{title}” 没有内容', hint: '补上 summary、points 或 paragraphs，或删除这一章节' },
    en: { message: 'section "{title}" is empty', hint: 'add a summary, points or paragraphs, or remove the section' },
  },
  'metric-target-not-positive': {
    zh: { message: '指标 “{id}” 的目标值为 {target}', hint: '目标值应大于 0；没有目标就删除 target' },
    en: { message: 'metric "{id}" has target {target}', hint: 'a target must be greater than 0; remove target if there is none' },
  },
  'metric-bad-unit': {
    zh: { message: '“{unit}” 不像是计量单位', hint: '单位写成 张、台、个、件、人次、% 等；数值写在 actual 中' },
    en: { message: '"{unit}" does not look like a unit', hint: 'units are 张, 台, 个, 件, 人次, % …; the number goes in actual' },
  },
  'leading-zero-number': {
    zh: { message: '{value} 以 0 开头，已按 {read} 读取', hint: '去掉开头的 0；如果是编号，请加引号' },
    en: { message: '{value} starts with 0 and was read as {read}', hint: 'drop the leading 0; if it is an id, quote it' },
  },
  placeholder: {
    zh: { message: '正文中留有占位符 “{text}”', hint: '填入实际内容' },
    en: { message: 'a placeholder "{text}" is left in the text', hint: 'fill in the real content' },
  },
  'missing-number': {
    zh: { message: '“{text}” 缺少具体数字', hint: '写明数量，例如 “2000多份”，或用 {{metric "编号"}} 引用指标' },
    en: { message: '"{text}" lacks a number', hint: 'give the figure, e.g. 2000多份, or reference a metric with {{metric "id"}}' },
  },
  'duplicate-text': {
    zh: { message: '这段文字与 {first} 处重复', hint: '检查是否误复制；删去或改写重复的一段' },
    en: { message: 'this text repeats the text at {first}', hint: 'check for a copy-paste; remove or rewrite one of them' },
  },

  // write: outputs
  'output-edited': {
    zh: { message: '{path} 已被手工修改过，没有覆盖', hint: '另存修改后的文件，或加 --force 覆盖它' },
    en: { message: '{path} was edited by hand and was not overwritten', hint: 'save your edits under another name, or pass --force to overwrite it' },
  },
  'output-foreign': {
    zh: { message: '{path} 已存在且不是本工具生成的，没有覆盖', hint: '换一个输出文件夹（--out），或加 --force 覆盖它' },
    en: { message: '{path} exists and was not written by plan-report; it was not overwritten', hint: 'choose another folder with --out, or pass --force to overwrite it' },
  },
  'output-write-failed': {
    zh: { message: '无法写入 {path}：{detail}', hint: '检查文件夹权限；如果文件正在 Word/WPS 中打开，请先关闭' },
    en: { message: 'cannot write {path}: {detail}', hint: 'check the folder permissions; close the file if Word or WPS has it open' },
  },
} satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof catalogue;

export const diagnosticCodes = Object.keys(catalogue) as DiagnosticCode[];

export function catalogueEntry(code: DiagnosticCode): Entry {
  return catalogue[code];
}

/** Words that parameters carry language-neutrally (type names from validation). */
const vocabulary: Record<string, Record<Lang, string>> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'true/false' },
  array: { zh: '列表（- 开头的各项）', en: 'a list (- items)' },
  object: { zh: '键值对（键: 值）', en: 'a mapping (key: value)' },
  null: { zh: '空值', en: 'nothing' },
  undefined: { zh: '空值', en: 'nothing' },
  'half-year-summary': { zh: '半年工作总结', en: 'half-year summary' },
  target: { zh: '目标值', en: 'the target' },
  activities: { zh: '活动记录', en: 'an activities' },
  metrics: { zh: '指标', en: 'a metrics' },
  plans: { zh: '计划', en: 'a plans' },
  rate: { zh: '完成率', en: 'the completion rate' },
};

const LOCALISED_PARAMS = new Set(['expected', 'actual', 'kindName', 'what', 'kind']);

function interpolate(template: string, params: DiagnosticParams, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = String(params[name]);
    return LOCALISED_PARAMS.has(name) ? (vocabulary[value]?.[lang] ?? value) : value;
  });
}

export function diagnosticMessage(diagnostic: Diagnostic, lang: Lang): string {
  return interpolate(catalogue[diagnostic.code][lang].message, diagnostic.params, lang);
}

export function diagnosticHint(diagnostic: Diagnostic, lang: Lang): string | undefined {
  const hint: string | undefined = catalogue[diagnostic.code][lang].hint;
  return hint === undefined ? undefined : interpolate(hint, diagnostic.params, lang);
}
