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
    zh: { message: '无法读取 {path}：{detail}', hint: '{detail} 是系统给出的错误代码；请确认文件所在的磁盘或网络位置可以访问，然后重试' },
    en: { message: 'cannot read {path}: {detail}', hint: '{detail} is the error code the system gave; check that the disk or network location of the file is reachable, then try again' },
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
    zh: { message: '这里应为{expectedName}，实际是{actualName}', hint: '按 README 中的格式修改此值' },
    en: { message: 'expected {expectedName}, found {actualName}', hint: 'change this value to the format shown in the README' },
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
    zh: { message: '{path} 的顶层没有 {expected}: 列表', hint: 'sources 的 {expected}: 只能引用顶层为 {expected}: 列表的文件；检查路径或通配符' },
    en: { message: '{path} has no top-level {expected}: list', hint: 'sources {expected}: names files that hold a top-level {expected}: list; check the path or pattern' },
  },

  'source-cycle': {
    zh: { message: 'sources 中的 “{pattern}” 匹配到了报告文件本身', hint: '把笔记放在子文件夹中（如 activities/*.yaml），或把通配符写得更具体' },
    en: { message: 'sources pattern "{pattern}" matches the report file itself', hint: 'keep notes in a subfolder (activities/*.yaml) or narrow the pattern' },
  },
  'no-notes-files': {
    zh: { message: '{path} 中没有可检查的文件：.yaml 笔记，或 .md、.txt、.docx 文稿', hint: '指定报告文件、文稿，或包含它们的文件夹' },
    en: { message: 'nothing to check in {path}: no .yaml notes and no .md, .txt or .docx drafts', hint: 'name a report file or a draft, or a folder that holds them' },
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
    zh: { message: '{kindName}的报告期应为{expected}，这里是 “{period}”', hint: '改正 period；或改用接受 {period} 的文种（kind）：{fits}' },
    en: { message: 'a {kindName} needs a period of {expected}, found "{period}"', hint: 'correct period; or use a kind that takes {period}: {fits}' },
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
    zh: { message: '无法写入 {path}：{detail}，本报告的输出文件都没有改动', hint: '检查文件夹权限；如果文件正在 Word/WPS 中打开，请先关闭' },
    en: { message: 'cannot write {path}: {detail}; none of this report\'s outputs was changed', hint: 'check the folder permissions; close the file if Word or WPS has it open' },
  },

  // hostile input: file types, sizes, YAML features (load)
  'not-a-regular-file': {
    zh: { message: '{path} 不是普通文件（而是管道、设备或套接字）', hint: '请指定保存在磁盘上的文本文件' },
    en: { message: '{path} is not a regular file (a pipe, device or socket)', hint: 'name a text file saved on disk' },
  },
  'template-not-a-file': {
    zh: { message: '{path} 是文件夹，不是模板文件', hint: '模板是 .hbs 文本文件；请给这个文件夹改名，或把它移出模板文件夹' },
    en: { message: '{path} is a folder, not a template file', hint: 'templates are .hbs text files; rename the folder or move it out of the templates folder' },
  },
  'symlink-loop': {
    zh: { message: '{path} 是循环的符号链接（链接最终又指回自己）', hint: '删除这个链接，或让它指向实际的文件' },
    en: { message: '{path} is a symbolic link loop (the link leads back to itself)', hint: 'remove the link or point it at the real file' },
  },
  'broken-symlink': {
    zh: { message: '{path} 是符号链接，但它指向的文件不存在', hint: '让链接指向实际的文件，或删除这个链接' },
    en: { message: '{path} is a symbolic link to a file that does not exist', hint: 'point the link at the real file, or remove it' },
  },
  'permission-denied': {
    zh: { message: '没有读取 {path} 的权限', hint: '检查文件权限，或请文件的所有者开放读取权限' },
    en: { message: 'no permission to read {path}', hint: 'check the file permissions, or ask its owner to allow reading' },
  },
  'encoding-utf16-no-bom': {
    zh: { message: '文件是不带字节顺序标记（BOM）的 UTF-16 编码，已按 {encoding} 读取', hint: '请在编辑器中“另存为”UTF-8 编码，其他工具才能正确读取' },
    en: { message: 'the file is UTF-16 without a byte-order mark; it was read as {encoding}', hint: 'save it as UTF-8 in your editor so that other tools can read it' },
  },
  'control-character': {
    zh: { message: '文字中有不可见的控制字符 {codePoint}', hint: '删除这个字符（常由其他程序复制粘贴带入）；如需换行请直接换行' },
    en: { message: 'an invisible control character {codePoint} is in the text', hint: 'delete the character (it usually comes from copying out of another program); to break a line, start a new line' },
  },
  'yaml-version-unsupported': {
    zh: { message: '不支持 YAML {version}（%YAML 指令）', hint: '删除 %YAML 这一行：笔记按 YAML 1.2 读取' },
    en: { message: 'YAML {version} is not supported (the %YAML directive)', hint: 'delete the %YAML line: notes are read as YAML 1.2' },
  },
  'yaml-tag-unsupported': {
    zh: { message: '不支持 YAML 标签 {tag}', hint: '删除这个标签，直接写出值；文字可加引号' },
    en: { message: 'the YAML tag {tag} is not supported', hint: 'remove the tag and write the value itself; quote it if it is text' },
  },
  'yaml-merge-key': {
    zh: { message: '不支持合并键（<<）', hint: '把要合并的键逐一写出来' },
    en: { message: 'merge keys (<<) are not supported', hint: 'write the keys out one by one' },
  },
  'too-many-problems': {
    zh: { message: '这个文件的问题太多，只列出了前 {shown} 个', hint: '先改正列出的问题，再重新检查；也请确认选对了文件' },
    en: { message: 'too many problems in this file; only the first {shown} are listed', hint: 'fix those and check again; also make sure this is the right file' },
  },
  'templates-dir-not-found': {
    zh: { message: '找不到模板文件夹 {path}', hint: '检查 --templates 指定的路径；路径相对于当前文件夹' },
    en: { message: 'templates folder not found: {path}', hint: 'check the path given to --templates; it is relative to the current folder' },
  },
  'templates-not-a-folder': {
    zh: { message: '{path} 不是文件夹，无法从中读取模板', hint: '--templates 应指定一个文件夹，其中放 <报告类型>.hbs 和 partials/ 子文件夹' },
    en: { message: '{path} is not a folder, so no templates can be read from it', hint: '--templates names a folder holding <kind>.hbs files and a partials/ subfolder' },
  },

  // hostile input: text, figures and numbering (compose, document)
  'text-multiline': {
    zh: { message: '这一项只能写在一行内，不能换行', hint: '把换行删去，写成一行；用 > 或 | 书写时，内容须只有一行' },
    en: { message: 'this value must be on one line', hint: 'remove the line break; a > or | block must hold a single line here' },
  },
  'number-out-of-range': {
    zh: { message: '数值 {value} 超出可用范围', hint: '数值的绝对值须小于 10 的 15 次方（1000000000000000）；检查是否多写了位数' },
    en: { message: 'the number {value} is out of range', hint: 'numbers must be smaller than 10^15 (1000000000000000) in size; check for extra digits' },
  },
  'computed-out-of-range': {
    zh: { message: '{{{name}}} 算出的结果 {value} 超出可用范围，无法印出', hint: '结果的绝对值须小于 10 的 15 次方；检查它用到的数值（目标值是否过小、数量是否多写了位数）' },
    en: { message: 'the result of {{{name}}}, {value}, is out of range and cannot be printed', hint: 'a result must be smaller than 10^15 in size; check the figures it uses (a tiny target, extra digits)' },
  },
  'too-many-items': {
    zh: { message: '这个列表超过了 {max} 项', hint: '章节和要点最多 {max} 项（编号到“九十九”）；请合并或删去多余的项' },
    en: { message: 'this list has more than {max} items', hint: 'sections and points go up to {max} (numbered to 九十九); merge or remove the rest' },
  },
  'prose-subexpression': {
    zh: { message: '{{ }} 表达式中不能再套括号表达式：{detail}', hint: '参数只能是带引号的文字或数字，例如 {{metric "cards"}}；要写括号本身，请放在 {{ }} 之外' },
    en: { message: 'a {{ }} expression cannot hold a nested (…) expression: {detail}', hint: 'arguments are quoted text or numbers only, e.g. {{metric "cards"}}; write brackets outside the {{ }}' },
  },
  'id-invisible-difference': {
    zh: { message: '“{id}” 与已有的 “{known}” 看起来一样，但字符不同：从第 {position} 个字符起，这里是 {typed}，那里是 {expected}', hint: '其中有不可见字符或不同的 Unicode 写法（常见于从网页、聊天中复制）；请在两处重新输入，使其完全一致' },
    en: { message: '"{id}" looks like the known "{known}" but its characters differ: from character {position}, {typed} here, {expected} there', hint: 'one holds invisible characters or another Unicode form (common in text copied from a web page or chat); retype both so that they are identical' },
  },

  // hostile input: runs, outputs and messages (cli, write)
  'number-not-finite': {
    zh: { message: '{value} 不是有限的数', hint: 'YAML 把 .inf、.nan 和超出范围的数（如 1e400）读成无穷大或非数；请写出实际数值' },
    en: { message: '{value} is not a finite number', hint: 'YAML reads .inf, .nan and numbers out of range (such as 1e400) as infinity or not-a-number; write the actual figure' },
  },
  'output-collision': {
    zh: { message: '{report} 和 {other} 都会写入 {path}，两个都没有生成', hint: '分两次生成并用 --out 指定不同的输出文件夹，或给其中一个报告文件改名' },
    en: { message: '{report} and {other} would both write {path}; neither was built', hint: 'build them one at a time with different --out folders, or rename one of the report files' },
  },
  'output-busy': {
    zh: { message: '无法替换 {path}：{detail}，本报告的输出文件都没有改动', hint: '文件可能正在 Word 或 WPS 中打开：请关闭后重新生成；否则检查文件夹权限' },
    en: { message: 'cannot replace {path}: {detail}; none of this report\'s outputs was changed', hint: 'the file may be open in Word or WPS: close it and build again; else check the folder permissions' },
  },
  'output-restore-failed': {
    zh: { message: '替换 {path} 失败后，无法恢复 {restored} 的原内容：{detail}', hint: '原内容保存在 {backup}；把它改名为 {restored} 即可恢复' },
    en: { message: 'after {path} could not be replaced, the previous {restored} could not be restored: {detail}', hint: 'its previous content is kept in {backup}; rename that file to {restored}' },
  },

  // issue 7: figures (7b)
  'no-previous': {
    zh: { message: '指标 “{id}” 没有上年同期值，无法计算 {{{name}}}', hint: '在指标中补上 previous: …，或在 sources 中用 previous-metrics: 指定上一期的指标文件（同一编号）' },
    en: { message: 'metric "{id}" has no value for the same period last year, so {{{name}}} cannot be computed', hint: 'add previous: … to the metric, or name the previous period\'s metrics file (same ids) under sources: previous-metrics:' },
  },
  'previous-not-positive': {
    zh: { message: '指标 “{id}” 的上年同期值为 {previous}，无法计算增长率 {{{name}}}', hint: '增长率以上年同期值为基数，基数须大于 0；基数为 0 或负数时请用文字说明变化' },
    en: { message: 'metric "{id}" was {previous} in the same period last year; the growth {{{name}}} cannot be computed', hint: 'growth is relative to last year\'s value, which must be greater than 0; describe the change in words instead' },
  },
  'previous-unit-mismatch': {
    zh: { message: '指标 “{id}” 的单位是 “{unit}”，上一期同名指标（{at}）的单位却是 “{previousUnit}”', hint: '同比须用同一单位的数值：把上一期的数值换算成 “{unit}”' },
    en: { message: 'metric "{id}" is in "{unit}", but the previous period\'s metric of that id ({at}) is in "{previousUnit}"', hint: 'a year-on-year change needs both figures in one unit: convert the previous value to "{unit}"' },
  },
  'pp-needs-percent': {
    zh: { message: '{{{name}}} 计算的是百分点，但指标 “{id}” 的单位是 “{unit}”，不是 %', hint: '百分点只用于比率（单位 %）的变化；其他指标的变化请用 {{yoy "{id}"}}' },
    en: { message: '{{{name}}} computes percentage points, but metric "{id}" is in "{unit}", not %', hint: 'percentage points are for changes of a rate (unit %); for other metrics use {{yoy "{id}"}}' },
  },
  'scale-percent': {
    zh: { message: '指标 “{id}” 的单位是 %，不能用 scale 换算为万或亿（{{{name}}}）', hint: '删去 scale=…' },
    en: { message: 'metric "{id}" is a percentage; {{{name}}} cannot scale it', hint: 'remove scale=… (万 or 亿 are for amounts)' },
  },
  'share-unit-mismatch': {
    zh: { message: '指标 “{id}”（{unit}）与总量 “{total}”（{totalUnit}）单位不同，无法计算占比', hint: '占比须用同一单位的两个数值：检查 of= 指的是不是对应的总量指标' },
    en: { message: 'metric "{id}" ({unit}) and the total "{total}" ({totalUnit}) are in different units; the share cannot be computed', hint: 'a share needs both figures in one unit: check that of= names the matching total' },
  },
  'total-not-positive': {
    zh: { message: '总量指标 “{total}” 的值为 {value}，无法计算占比', hint: '总量须大于 0' },
    en: { message: 'the total "{total}" is {value}; a share of it cannot be computed', hint: 'a total must be greater than 0' },
  },
  'share-out-of-range': {
    zh: { message: '指标 “{id}” 的值 {value} 不在总量 “{total}”（{totalValue}）的 0 到 100% 之间', hint: '部分不能是负数，也不能大于总量：检查两个数值和 of= 指的指标' },
    en: { message: 'metric "{id}", {value}, is not between 0 and 100% of the total "{total}" ({totalValue})', hint: 'a part can be neither negative nor larger than its total: check both figures and the metric of=' },
  },
  'no-activities': {
    zh: { message: '{period}没有带标签 “{tags}” 的活动，无法列出', hint: '检查标签和活动日期；* 表示全部活动' },
    en: { message: 'no activity of {period} has the tag "{tags}", so there is nothing to list', hint: 'check the tag and the activities\' dates; * means every activity' },
  },
  'table-no-metrics': {
    zh: { message: '主要指标完成情况表没有可列的指标', hint: '在 sources 中用 metrics: 指定指标文件，或在报告中写 metrics:；否则删去 table:' },
    en: { message: 'the metrics table has no metric to list', hint: 'name metrics files under sources: metrics:, or write metrics: in the report; else remove table:' },
  },

  // issue 7: kinds and plans (7c)
  'kind-part-unexpected': {
    zh: { message: '{kindName}没有 {part} 这一部分，它不会印出', hint: '只有 summary-and-plan（工作总结和计划）有计划部分（plan、report.plan-period）；删去它，或把 kind 改为 summary-and-plan' },
    en: { message: 'a {kindName} has no {part}; it would not be printed', hint: 'only summary-and-plan has a plan part (plan, report.plan-period); remove it, or change the kind to summary-and-plan' },
  },
  'plan-part-missing': {
    zh: { message: '{kindName}缺少计划部分（plan:）', hint: '加上 plan:，写出 sections（可用 plans: items 列出计划文件中的各项）；只写总结请用 half-year-summary 或 annual-summary' },
    en: { message: 'a {kindName} needs its plan part (plan:)', hint: 'add plan: with its sections (plans: items lists the plans files\' items); for a summary alone use half-year-summary or annual-summary' },
  },
  'plan-period-not-after': {
    zh: { message: '计划部分的时期 “{planPeriod}” 不在报告期 “{period}” 之后', hint: '计划写的是下一阶段，例如 {next}；不写 plan-period 时默认就是 {next}' },
    en: { message: 'the plan period "{planPeriod}" does not come after the report period "{period}"', hint: 'a plan is about what comes next, such as {next}; without plan-period it is {next}' },
  },
  'plan-unplaced': {
    zh: { message: '计划 “{id}”（{goal}）没有归入任何列出计划的章节，不会印出', hint: '给它写 section: 指向一个写有 plans: items 的章节（章节的 id 或标题）' },
    en: { message: 'the plan "{id}" ({goal}) is in no section that lists plans; it will not be printed', hint: 'give it section: naming a section with plans: items (the section\'s id or title)' },
  },
  'plan-no-progress': {
    zh: { message: '计划 “{id}” 应在 {due} 前完成，但本报告期没有记录与它相关的活动或指标', hint: '在落实它的活动中写 plan: {id}，或给计划写 metric: 指向衡量它的指标' },
    en: { message: 'the plan "{id}" is due by {due}, but nothing in this period records work on it', hint: 'write plan: {id} in the activities that serve it, or give the plan a metric: that measures it' },
  },
  'unknown-plan': {
    zh: { message: '没有编号为 “{id}” 的计划', hint: '已有的计划：{known}' },
    en: { message: 'no plan with id "{id}"', hint: 'known plans: {known}' },
  },
  'unknown-plan-suggest': {
    zh: { message: '没有编号为 “{id}” 的计划', hint: '是否想写 “{suggestion}”？' },
    en: { message: 'no plan with id "{id}"', hint: 'did you mean "{suggestion}"?' },
  },
  'section-plans-empty': {
    zh: { message: '章节 “{title}” 要列出计划（plans: {mode}），但没有计划归入这一节', hint: '在计划文件中给相应计划写 section: {name}，或删去 plans:' },
    en: { message: 'the section "{title}" lists plans (plans: {mode}), but no plan is placed in it', hint: 'give the plans section: {name} in the plans file, or remove plans:' },
  },
  'new-file-exists': {
    zh: { message: '{path} 已存在，没有覆盖', hint: '用 --out 另选文件名，或先把原文件改名' },
    en: { message: '{path} already exists; it was not overwritten', hint: 'choose another name with --out, or rename the existing file first' },
  },
  'eject-file-exists': {
    zh: { message: '{path} 已存在，没有覆盖', hint: '用 --out 另选文件夹，或只导出一个模板：plan-report templates eject 名称' },
    en: { message: '{path} already exists; it was not overwritten', hint: 'choose another folder with --out, or eject one template: plan-report templates eject NAME' },
  },
  'eject-unknown-template': {
    zh: { message: '没有名为 “{name}” 的内置模板', hint: '可用：{known}' },
    en: { message: 'no built-in template named "{name}"', hint: 'available: {known}' },
  },

  // issue 7: structure (7a)
  'section-title-and-lead': {
    zh: { message: '这个章节同时写了 title 和 lead：标题只能单独成行或接排在段首，二选一', hint: '标题单独成行写 title；标题后接句号和正文（“（一）强化代表履职。……”）写 lead；删去其中一个' },
    en: { message: 'this section has both title and lead: a heading is either on its own line or run into its paragraph', hint: 'title: a heading on its own line; lead: a heading followed by 。 and the text on the same line ("（一）强化代表履职。……"); remove one of them' },
  },
  'section-no-heading': {
    zh: { message: '这个章节既没有标题也没有正文：请写 title、lead 或 text', hint: 'title：标题单独成行；lead：标题接排在段首，后接句号和正文；只有 text：编号后直接接正文（如“2.开展……”）' },
    en: { message: 'this section has neither a heading nor text: give it a title, a lead or text', hint: 'title: a heading on its own line; lead: a heading run into its paragraph, followed by 。 and the text; text alone: the number followed by the text ("2.开展……")' },
  },
  'section-text-and-summary': {
    zh: { message: 'text 和 summary 是同一项（段首文字），只能写一个', hint: '保留 text，把 summary 的内容并入其中' },
    en: { message: 'text and summary are the same thing (the opening text): give only one', hint: 'keep text and move what summary says into it' },
  },
  'section-too-deep': {
    zh: { message: '标题最多四级（一、（一）1.（1））：这一级已是第四级，其下不能再分 sections', hint: '把下一级的内容写成本节的 points 或 runs（一是……、第一，……）；report.numbering 从较低一级开始时，可分的层级相应减少' },
    en: { message: 'headings go four levels deep: this is the fourth level, it cannot hold sections', hint: 'the levels are 一、（一）1.（1）; write the next level as this section\'s points or runs (一是…, 第一，…); when report.numbering starts at a lower level, fewer levels remain' },
  },
  'point-bold-without-lead': {
    zh: { message: 'bold 只加粗要点的小标题（lead），这个要点没有 lead', hint: '给要点加上 lead: 小标题，或删去 bold' },
    en: { message: 'bold sets a point\'s lead in bold, and this point has no lead', hint: 'give the point a lead, or remove bold' },
  },
  // issue 8: config file and batches
  'config-misnamed': {
    zh: { message: '{path} 不会被读取：配置文件的名称应为 {expected}', hint: '把文件改名为 {expected}' },
    en: { message: '{path} is not read: the config file is named {expected}', hint: 'rename the file to {expected}' },
  },
  'missing-org': {
    zh: { message: '没有单位名称：报告和 plan-report.yaml 都没有写 org', hint: '在 report: 下写 org: 单位名称，或在笔记库的 plan-report.yaml 中写 org: 单位名称' },
    en: { message: 'no organisation: neither the report nor plan-report.yaml gives org', hint: 'write org: under report:, or org: in the notes repo\'s plan-report.yaml' },
  },
  'pattern-no-match': {
    zh: { message: '没有文件与 {pattern} 相符', hint: '检查通配符和文件夹；路径相对于当前文件夹' },
    en: { message: 'no file matches {pattern}', hint: 'check the pattern and the folder; paths are relative to the current folder' },
  },
  'no-reports': {
    zh: { message: '{path} 下没有报告文件', hint: '报告文件是以 report: 开头的 .yaml 文件；可用 plan-report new 新建' },
    en: { message: 'no report file below {path}', hint: 'a report file is a .yaml file that starts with report:; plan-report new starts one' },
  },
  // issue 8: init
  'init-file-kept': {
    zh: { message: '{path} 已存在，保留原样，没有写入示例', hint: '如需这个示例文件，先把已有的文件改名，再运行一次 plan-report init' },
    en: { message: '{path} already exists; it was kept as it was', hint: 'to get this starter file, rename the existing one and run plan-report init again' },
  },
  'init-write-failed': {
    zh: { message: '无法写入 {path}：{detail}', hint: '{detail} 是系统给出的错误代码；请确认这个位置是文件夹并且可以写入' },
    en: { message: 'cannot write {path}: {detail}', hint: '{detail} is the error code the system gave; check that the place is a folder you can write to' },
  },
  // issue 8: outputs (backup, recovery)
  'output-not-a-file': {
    zh: { message: '{path} 是管道、设备或套接字，不是普通文件，没有覆盖', hint: '把它移走，或用 --out 换一个输出文件夹；加 --force 也不会覆盖它' },
    en: { message: '{path} is a pipe, device or socket, not a regular file; it was not overwritten', hint: 'move it away, or choose another folder with --out; --force does not overwrite it either' },
  },
  'output-recovered': {
    zh: { message: '上次生成在替换 {path} 等输出文件时中断，现已处理完毕，这些文件都来自同一次生成', hint: '进程被强制结束或断电时会出现这种情况；此后手工修改过的文件保持原样' },
    en: { message: 'an earlier build was interrupted while replacing {path} and the other outputs of its report; it has been finished, so that they all come from one build', hint: 'this happens when the process is killed or the power fails; a file edited by hand since then was kept as it is' },
  },
  'output-recovery-failed': {
    zh: { message: '上次生成在替换 {path} 时中断，原内容无法恢复：{detail}', hint: '原内容保存在 {backup}；如果文件正在 Word 或 WPS 中打开，请关闭后重新生成，或把 {backup} 改名为 {path}' },
    en: { message: 'an earlier build was interrupted while replacing {path}, and its previous content could not be put back: {detail}', hint: 'the previous content is kept in {backup}; close the file if Word or WPS has it open and build again, or rename {backup} to {path}' },
  },
  // issue 9: 版头 and 版记 (report.formal)
  'formal-number-brackets': {
    zh: { message: '发文字号 “{value}” 中的年份应当用六角括号〔〕括入', hint: '写成 {suggestion}' },
    en: { message: 'the year in the document number "{value}" belongs in tortoise-shell brackets 〔〕 (GB/T 9704)', hint: 'write {suggestion}' },
  },
  'formal-printed-before-date': {
    zh: { message: '印发日期 {printed} 早于成文日期 {date}', hint: '公文在成文之后印发：检查 printed 或 report.date' },
    en: { message: 'the date printed, {printed}, is before the report date {date}', hint: 'a document is printed after it is dated: check printed or report.date' },
  },
  // issue 9: pdf through LibreOffice
  'pdf-no-soffice': {
    zh: { message: '没有找到 LibreOffice（soffice），无法生成 PDF；查找过：{searched}', hint: '安装 LibreOffice：Windows 和 macOS 从 https://www.libreoffice.org/download/ 下载安装，Debian/Ubuntu 运行 sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk；已装在别处的，用环境变量 PLAN_REPORT_SOFFICE 指明 soffice 程序的位置' },
    en: { message: 'LibreOffice (soffice) was not found, so no PDF was made; looked in: {searched}', hint: 'install LibreOffice: on Windows and macOS from https://www.libreoffice.org/download/, on Debian or Ubuntu with sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk; if it is installed elsewhere, set PLAN_REPORT_SOFFICE to its soffice program' },
  },
  'pdf-convert-failed': {
    zh: { message: 'LibreOffice 未能生成 {path}：{detail}', hint: '再生成一次；如果仍然失败，检查 LibreOffice 能否正常启动（soffice --version），必要时重新安装' },
    en: { message: 'LibreOffice could not make {path}: {detail}', hint: 'build again; if it fails again, check that LibreOffice starts (soffice --version) and reinstall it if needed' },
  },
  'pdf-convert-timeout': {
    zh: { message: 'LibreOffice 在 {seconds} 秒内没有生成 {path}，已被中止', hint: '机器繁忙时，减少同时生成的报告数（--jobs 1）后再生成一次；如果仍然超时，检查 LibreOffice 能否正常启动（soffice --version）' },
    en: { message: 'LibreOffice did not make {path} within {seconds} s and was stopped', hint: 'on a busy machine, build fewer reports at once (--jobs 1) and try again; if it times out again, check that LibreOffice starts (soffice --version)' },
  },
  // issue 9: reference doc (--reference-doc, reference-doc: in plan-report.yaml)
  'reference-doc-not-found': {
    zh: { message: '找不到参考文档 {path}', hint: '检查文件名和所在文件夹；命令行中的路径相对于当前文件夹，plan-report.yaml 中的路径相对于该文件所在的文件夹' },
    en: { message: 'reference doc not found: {path}', hint: 'check the name and folder; a path on the command line is relative to the current folder, one in plan-report.yaml to the folder of that file' },
  },
  'reference-doc-folder': {
    zh: { message: '参考文档 {path} 是文件夹，不是文件', hint: '请指定单位的 Word 文件，例如 模板.docx' },
    en: { message: 'the reference doc {path} is a folder, not a file', hint: 'name the organisation\'s Word file, such as template.docx' },
  },
  'reference-doc-not-regular-file': {
    zh: { message: '参考文档 {path} 不是普通文件（而是管道、设备或套接字）', hint: '请指定保存在磁盘上的 .docx 文件' },
    en: { message: 'the reference doc {path} is not a regular file (a pipe, device or socket)', hint: 'name a .docx file saved on disk' },
  },
  'reference-doc-too-large': {
    zh: { message: '参考文档 {path} 过大（{size} MB，上限 {limit} MB）', hint: '只用到它的样式、页面设置和页眉页脚：删去正文和图片后另存一份' },
    en: { message: 'the reference doc {path} is too large ({size} MB, limit {limit} MB)', hint: 'only its styles, page setup, header and footer are used: save a copy without the body text and pictures' },
  },
  'reference-doc-legacy-doc': {
    zh: { message: '参考文档 {path} 是 Word 97-2003 格式（.doc），不是 .docx', hint: '在 Word 或 WPS 中打开它，“另存为”Word 文档（*.docx），再使用新文件' },
    en: { message: 'the reference doc {path} is a Word 97-2003 document (.doc), not a .docx', hint: 'open it in Word or WPS, save it as a Word Document (*.docx) and use the new file' },
  },
  'reference-doc-encrypted': {
    zh: { message: '参考文档 {path} 设有密码保护，无法读取', hint: '在 Word 或 WPS 中打开它，取消密码（文件 > 信息 > 保护文档 > 用密码进行加密，清空密码），另存一份不加密的 .docx' },
    en: { message: 'the reference doc {path} is protected by a password and cannot be read', hint: 'open it in Word or WPS, remove the password (File > Info > Protect Document > Encrypt with Password, clear it) and save an unprotected copy as .docx' },
  },
  'reference-doc-not-docx': {
    zh: { message: '参考文档 {path} 不是 Word 文档（.docx）', hint: '请指定用 Word、WPS 或 LibreOffice 保存的 .docx 文件；PDF、RTF 等其他格式需先另存为 .docx' },
    en: { message: 'the reference doc {path} is not a Word document (.docx)', hint: 'name a .docx saved by Word, WPS or LibreOffice; save a PDF, RTF or other file as .docx first' },
  },
  'reference-doc-damaged': {
    zh: { message: '参考文档 {path} 已损坏（压缩包结构无法读取）', hint: '在 Word 或 WPS 中打开它（必要时用“打开并修复”），另存一份 .docx 再使用' },
    en: { message: 'the reference doc {path} is damaged (its zip structure cannot be read)', hint: 'open it in Word or WPS (with Open and Repair if needed), save a copy as .docx and use that' },
  },
  'reference-doc-zip-bomb': {
    zh: { message: '参考文档 {path} 解压后会超出上限（{maxParts} 个部件、共 {maxSize} MB）或压缩比异常，疑似“压缩炸弹”，没有解压', hint: '正常的 Word 文档不会这样；请使用 Word 或 WPS 保存的 .docx，并确认文件来源可靠' },
    en: { message: 'the reference doc {path} would unpack beyond the limits ({maxParts} parts, {maxSize} MB in all) or is packed unusually tightly: refused as a possible zip bomb, nothing unpacked', hint: 'a Word document is never like this; use a .docx saved by Word or WPS, and check where the file came from' },
  },
  'reference-doc-no-styles': {
    zh: { message: '参考文档 {path} 中没有样式（word/styles.xml），不是 Word 文档', hint: '.odt、.xlsx 等其他压缩格式不能作参考文档；请在 Word、WPS 或 LibreOffice 中另存为 .docx' },
    en: { message: 'the reference doc {path} has no styles (word/styles.xml): it is not a Word document', hint: 'an .odt, .xlsx or other zip cannot serve; save it as .docx in Word, WPS or LibreOffice' },
  },
  'reference-doc-bad-xml': {
    zh: { message: '参考文档 {path} 中的 {part} 不是可读的 XML', hint: '文件可能已损坏或由其他程序生成；在 Word 或 WPS 中打开它，另存一份 .docx 再使用' },
    en: { message: 'the reference doc {path} has a part {part} that is not readable XML', hint: 'the file may be damaged or made by another program; open it in Word or WPS and save a copy as .docx' },
  },
  'reference-doc-strict': {
    zh: { message: '参考文档 {path} 是“Strict Open XML 文档”格式，不受支持', hint: '在 Word 中“另存为”“Word 文档（*.docx）”，而不是“Strict Open XML 文档”' },
    en: { message: 'the reference doc {path} is a Strict Open XML Document, which is not supported', hint: 'in Word, Save As "Word Document (*.docx)", not "Strict Open XML Document"' },
  },
  'reference-style-missing': {
    zh: { message: '参考文档 {path} 中没有样式“{style}”（Word 中文界面称“{label}”），这部分使用 plan-report 自带的样式', hint: '在 Word 中打开参考文档，把“{label}”（{style}）样式设成单位要求的格式并应用于任一段落（Word 只保存用过或改过的样式），保存后重新生成' },
    en: { message: 'the reference doc {path} has no style "{style}" (“{label}” in Chinese Word); plan-report\'s own is used for it', hint: 'open the reference doc in Word, set up the style "{style}" (“{label}”) as your organisation wants it and apply it to any paragraph (Word saves only the styles used or changed), save it and build again' },
  },
  // issue 9: title lines (GB/T 9704 7.3.1)
  'title-line-too-long': {
    zh: { message: '标题第 {index} 行“{line}”超过一行所能容纳的 {max} 个字，已在词间再次回行', hint: '缩短这一行，或在 report.title 的列表中把它分成两行' },
    en: { message: 'line {index} of the title, "{line}", is longer than the {max} characters a line holds; it was broken again between words', hint: 'shorten that line, or split it in two in the list of report.title' },
  },
  'title-word-broken': {
    zh: { message: '标题中的“{word}”比一行（{max} 个字）还长，只能从词中间断开回行', hint: '缩短标题，或在 report.title 中把标题写成各行的列表，如 [青溪街道人大工委, 2023年上半年工作总结]' },
    en: { message: 'the title holds "{word}", longer than a line ({max} characters), so it was broken inside that word', hint: 'shorten the title, or give its lines as a list in report.title, such as [青溪街道人大工委, 2023年上半年工作总结]' },
  },
  // issue 10: import
  'import-no-title': {
    zh: { message: '没有找到标题（第一段应是单独一行、末尾不带标点的标题），读不出单位、报告期和文种', hint: 'report.period 暂写为 “{placeholder}”，改好之前 check 会报错；文种按 {kind} 导入，单位取自 plan-report.yaml 的 org。也可在原文开头加上标题（如“某某街道人大工委2023年上半年工作总结”）再导入' },
    en: { message: 'no title was found (the first paragraph should be a title on its own line, without a final mark), so org, period and kind cannot be read', hint: 'report.period is written as "{placeholder}", which check refuses until you fill it in; the kind is {kind} and the org is taken from org of plan-report.yaml. Or add a title (such as 某某街道人大工委2023年上半年工作总结) at the top and import again' },
  },
  'import-no-period': {
    zh: { message: '标题 “{title}” 中没有报告期（如 2023年上半年、2023年度）', hint: 'report.period 暂写为 “{placeholder}”：改为 2023-H1、2023-H2 或 2023；改好之前 check 会报错' },
    en: { message: 'the title "{title}" names no period (a year, or the first or second half of one)', hint: 'report.period is written as "{placeholder}": change it to 2023-H1, 2023-H2 or 2023; check refuses it until then' },
  },
  'import-unknown-kind': {
    zh: { message: '从标题 “{title}” 看不出文种（工作总结、工作计划、工作要点、讲话……），按 {kind} 导入', hint: '如不对，改 report.kind：half-year-summary、annual-summary、work-plan、summary-and-plan 或 speech' },
    en: { message: 'the title "{title}" names no known kind of report (a summary, a plan, key points, a speech); imported as {kind}', hint: 'if that is wrong, change report.kind: half-year-summary, annual-summary, work-plan, summary-and-plan or speech' },
  },
  'import-no-org': {
    zh: { message: '标题 “{title}” 中没有单位名称', hint: '单位取自 plan-report.yaml 的 org：请在那里填写，或在 report: 下写 org:' },
    en: { message: 'the title "{title}" names no organisation', hint: 'the org is taken from org of plan-report.yaml: fill it in there, or write org: under report:' },
  },
  'import-no-date': {
    zh: { message: '原文末尾没有成文日期，report.date 暂写为 {date}（报告期的最后一天）', hint: '改为实际的成文日期，如 2023-07-05' },
    en: { message: 'the document ends without a date; report.date is written as {date}, the last day of the period', hint: 'change it to the date of the report, such as 2023-07-05' },
  },
  'import-no-structure': {
    zh: { message: '没有找到 一、二、三 这样的标题：全文作为一个部分的段落导入', hint: '这一部分的标题暂写为 “{title}”，请改写；原文有标题的，检查其编号是否写成 一、（一）1.（1）' },
    en: { message: 'no numbered top-level headings were found: the whole text is imported as the paragraphs of one section', hint: 'the section\'s title is written as "{title}": replace it; if the document has headings, check that they are numbered 一、 （一） 1. （1）' },
  },
  'import-numbers-kept': {
    zh: { message: '这段中的 一是、二是 无法编入结构，保留为原文', hint: '开头段，以及某一部分普通段落之后的段落，只能是文字，序号不会自动生成；要自动编号，把这些要点移到该部分的 points: 中' },
    en: { message: 'the numbered points of this paragraph cannot be placed in the structure and are kept as text', hint: 'the opening paragraph, and a paragraph after a plain paragraph of a section, can only be text, not numbered points; to have them numbered, move them to the section\'s points:' },
  },
  'import-target-exists': {
    zh: { message: '{path} 已存在；为了不覆盖它，没有写入任何文件', hint: '用 --out 换一个文件夹，或先把已有的文件改名' },
    en: { message: '{path} already exists; so as not to overwrite it, no file was written', hint: 'choose another folder with --out, or rename the existing file first' },
  },
  'import-write-failed': {
    zh: { message: '无法写入 {path}：{detail}；已写入的文件都已撤回', hint: '{detail} 是系统给出的错误代码；请确认 --out 指向可以写入的文件夹' },
    en: { message: 'cannot write {path}: {detail}; the files already written were taken back', hint: '{detail} is the error code the system gave; check that --out names a folder you can write to' },
  },
  'import-unsupported-format': {
    zh: { message: '{path} 不能导入：只能导入 .docx、.md 和 .txt 文稿', hint: 'PDF、.wps 等文件请先在 Word 或 WPS 中另存为 .docx 再导入' },
    en: { message: '{path} cannot be imported: only .docx, .md and .txt documents can', hint: 'save a PDF, a .wps or another file as .docx in Word or WPS first, then import that' },
  },
  // issue 10: draft rules
  'halfwidth-punctuation': {
    zh: { message: '中文里用了半角标点 “{text}”，应为 “{replacement}”', hint: '中文正文使用全角标点（GB/T 15834）；网址、时间、小数和版本号中的半角符号不受影响' },
    en: { message: 'half-width "{text}" in Chinese text; use "{replacement}"', hint: 'Chinese text takes full-width punctuation (GB/T 15834); URLs, times, decimals and version numbers keep theirs' },
  },
  'punctuation-form': {
    zh: { message: '“{text}” 应写作 “{replacement}”', hint: '省略号写作……，破折号写作——，数值范围用～连接（GB/T 15834）' },
    en: { message: '"{text}" should be written "{replacement}"', hint: 'GB/T 15834: the ellipsis is ……, the dash ——, and a range of figures takes ～' },
  },
  'ordinal-form': {
    zh: { message: '序次语 “{text}” 应写作 “{replacement}”', hint: '公文结构层次序数依次为 一、（一）1.（1）（GB/T 9704）' },
    en: { message: 'the ordinal "{text}" should be written "{replacement}"', hint: 'GB/T 9704 numbers the levels 一、 （一） 1. （1）' },
  },
  'ordinal-sequence': {
    zh: { message: '序次语 “{text}” 不连续，此处应为第 {expected} 项', hint: '检查是否漏了、重复了或误删了一项，或是否缺少上一级标题' },
    en: { message: 'the ordinal "{text}" breaks the sequence; item {expected} was expected here', hint: 'look for a missing, repeated or deleted item, or a missing heading above' },
  },
  'ordinal-mixed': {
    zh: { message: '以 “{first}” 开始的列举中出现了 “{text}”', hint: '同一组列举使用同一套序次语：首先……其次，第一……第二，一是……二是' },
    en: { message: '"{text}" in an enumeration that began with "{first}"', hint: 'one enumeration, one family: 首先……其次, 第一……第二 or 一是……二是' },
  },
  'date-leading-zero': {
    zh: { message: '日期 “{text}” 中的月、日不加 0，应为 “{replacement}”', hint: '按 GB/T 15835，年月日中的月、日写作 3月5日' },
    en: { message: 'the date "{text}" pads month or day with 0; write "{replacement}"', hint: 'GB/T 15835 writes months and days without a leading zero: 3月5日' },
  },
  'year-abbreviated': {
    zh: { message: '年份 “{text}” 写成了简写', hint: '年份写全，例如 2023年（GB/T 15835）' },
    en: { message: 'the year "{text}" is abbreviated', hint: 'write the year in full, such as 2023年 (GB/T 15835)' },
  },
  'date-mixed-numerals': {
    zh: { message: '日期 “{text}” 混用了汉字数字和阿拉伯数字', hint: '同一日期统一用阿拉伯数字，例如 2023年3月' },
    en: { message: 'the date "{text}" mixes Chinese and Arabic numerals', hint: 'write one date in Arabic numerals throughout, such as 2023年3月' },
  },
  'range-percent': {
    zh: { message: '百分数范围 “{text}” 应为 “{replacement}”', hint: '范围两端的百分号都不能省（GB/T 15835）' },
    en: { message: 'the range of percentages "{text}" should be "{replacement}"', hint: 'GB/T 15835 puts the sign on both ends of the range' },
  },
  'double-approximation': {
    zh: { message: '“{text}” 重复表示约数', hint: '“约”与“左右”“多”“余”不并用，保留其一' },
    en: { message: '"{text}" says "about" twice', hint: 'use 约 or 左右/多/余, not both' },
  },
  'heading-punctuation': {
    zh: { message: '单独成行的标题末尾不加 “{text}”', hint: '删去标题末尾的标点（GB/T 9704）' },
    en: { message: 'a heading on a line of its own does not end with "{text}"', hint: 'remove the mark at the end of the heading (GB/T 9704)' },
  },
  'unfinished-paragraph': {
    zh: { message: '段落在 “{text}” 处中断，句子没有写完', hint: '补全这一段，或删去残留的半句；粘贴、删改时常把段尾截掉' },
    en: { message: 'the paragraph breaks off at "{text}", mid-sentence', hint: 'finish the paragraph or delete the half sentence left over; pasting and deleting often cut a paragraph short' },
  },
  'garbled-text': {
    zh: { message: '疑似乱码 “{text}”', hint: '从网页或其他编码的文件复制时文字损坏；请对照原文改正' },
    en: { message: 'garbled text "{text}"', hint: 'the text was damaged when copied from a web page or a file in another encoding; correct it from the original' },
  },
  'traditional-characters': {
    zh: { message: '简体中文里出现繁体字 “{text}”，应为 “{replacement}”', hint: '统一使用规范简化字' },
    en: { message: 'the Traditional character "{text}" in Simplified Chinese text; use "{replacement}"', hint: 'write Simplified characters throughout' },
  },
  // issue 10: drafts written by hand (readers: .md, .txt, .docx)
  'draft-legacy-doc': {
    zh: { message: '{path} 是 Word 97-2003 格式（.doc），无法读取', hint: '在 Word 或 WPS 中打开它，“另存为”Word 文档（*.docx），再用新文件' },
    en: { message: '{path} is a Word 97-2003 document (.doc) and cannot be read', hint: 'open it in Word or WPS, save it as a Word Document (*.docx) and use the new file' },
  },
  'draft-encrypted': {
    zh: { message: '{path} 设有密码保护，无法读取', hint: '在 Word 或 WPS 中打开它，取消密码（文件 > 信息 > 保护文档 > 用密码进行加密，清空密码），另存一份不加密的 .docx 再用' },
    en: { message: '{path} is protected by a password and cannot be read', hint: 'open it in Word or WPS, remove the password (File > Info > Protect Document > Encrypt with Password, clear it) and use an unprotected copy saved as .docx' },
  },
  'draft-not-docx': {
    zh: { message: '{path} 不是 Word 文档（.docx）', hint: '文件扩展名与内容不符；用 Word、WPS 或 LibreOffice 把它另存为 .docx，或改用与内容相符的扩展名（.txt、.md）' },
    en: { message: '{path} is not a Word document (.docx)', hint: 'its name does not match its content; save it as .docx in Word, WPS or LibreOffice, or give it the extension of its content (.txt, .md)' },
  },
  'draft-damaged': {
    zh: { message: '{path} 已损坏，无法读取其中的文字', hint: '在 Word 或 WPS 中打开它（必要时用“打开并修复”），另存一份 .docx 再用' },
    en: { message: '{path} is damaged: its text cannot be read', hint: 'open it in Word or WPS (with Open and Repair if needed), save a copy as .docx and use that' },
  },
  'draft-zip-bomb': {
    zh: { message: '{path} 解压后会超出上限（{maxParts} 个部件、共 {maxSize} MB）或压缩比异常，疑似“压缩炸弹”，没有解压', hint: '正常的 Word 文档不会这样；请检查用 Word 或 WPS 保存的 .docx，并确认文件来源可靠' },
    en: { message: '{path} would unpack beyond the limits ({maxParts} parts, {maxSize} MB in all) or is packed unusually tightly: refused as a possible zip bomb, nothing unpacked', hint: 'a Word document is never like this; check a .docx saved by Word or WPS, and check where the file came from' },
  },
  'draft-strict': {
    zh: { message: '{path} 是“Strict Open XML 文档”格式，不受支持', hint: '在 Word 中“另存为”“Word 文档（*.docx）”，而不是“Strict Open XML 文档”，再用新文件' },
    en: { message: '{path} is a Strict Open XML Document, which is not supported', hint: 'in Word, Save As "Word Document (*.docx)", not "Strict Open XML Document", and use the new file' },
  },
  'draft-too-large': {
    zh: { message: '{path} 过大（{size} MB，上限 {limit} MB），没有读取', hint: '确认是不是选错了文件；Word 文档中的大量图片可先删去，另存一份再用' },
    en: { message: '{path} is too large ({size} MB, limit {limit} MB) and was not read', hint: 'check that it is the right file; save a copy without its many pictures and use that' },
  },
  'draft-binary': {
    zh: { message: '{path} 不是文本文件（含二进制内容），无法作为 .txt 或 .md 文稿读取', hint: 'Word 文档请保存为 .docx 再用；文本文稿请在编辑器中另存为 UTF-8 文本' },
    en: { message: '{path} is not a text file (binary content), so it cannot be read as a .txt or .md draft', hint: 'save a Word document as .docx and use that; save a text draft as UTF-8 text in your editor' },
  },
  // issue 10: --fix
  'fix-encoding-unsupported': {
    zh: { message: '{path} 是 GB18030（GBK）编码，其中 {count} 处修正没有写入', hint: '本程序不能以 GB18030 写回文件，也不会擅自改变它的编码；请在编辑器中把它另存为 UTF-8，再运行 check --fix' },
    en: { message: '{path} is encoded in GB18030 (GBK): its {count} fix(es) were not written', hint: 'plan-report cannot write GB18030 back and does not change a file\'s encoding on its own; save it as UTF-8 in your editor and run check --fix again' },
  },
  'fix-file-changed': {
    zh: { message: '{path} 在检查之后被改动过，没有写入修正', hint: '可能有人刚保存了它；再运行一次 check --fix' },
    en: { message: '{path} changed after it was checked; its fixes were not written', hint: 'someone may just have saved it; run check --fix again' },
  },
  'fix-unsafe': {
    zh: { message: '{path} 修正后读出的内容与预期不符，没有写入', hint: '这是 plan-report 的缺陷，请报告给维护者；上面列出的问题请手工修改' },
    en: { message: 'the fixed {path} would not read as intended, so it was not written', hint: 'this is a bug in plan-report, please report it; fix the problems listed by hand' },
  },
  'fix-write-failed': {
    zh: { message: '无法写入 {path}（{detail}）', hint: '检查文件是否被其他程序占用、是否有写入权限；原文件没有改动' },
    en: { message: 'could not write {path} ({detail})', hint: 'check that no other program holds the file and that you may write it; the file was not changed' },
  },
  'fix-copy-exists': {
    zh: { message: '{path} 已存在，没有另存修正后的副本', hint: '先删除或改名这个文件，再运行 check --fix-copy' },
    en: { message: '{path} exists, so the fixed copy was not written', hint: 'delete or rename that file first, then run check --fix-copy again' },
  },
  'fix-not-placed': {
    zh: { message: '“{text}” → “{replacement}” 跨越了格式不同的几段文字，没有写入副本', hint: '在 Word 中手工修改此处' },
    en: { message: '"{text}" → "{replacement}" spans runs of different formatting, so it was not written to the copy', hint: 'make this change by hand in Word' },
  },
} satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof catalogue;

export const diagnosticCodes = Object.keys(catalogue) as DiagnosticCode[];

export function catalogueEntry(code: DiagnosticCode): Entry {
  return catalogue[code];
}

/**
 * Words that parameters carry language-neutrally (type names from validation, kinds of file). A
 * kind of notes file is named with its English article, which differs by word (an activities file).
 */
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
  'annual-summary': { zh: '年度工作总结', en: 'annual summary' },
  'work-plan': { zh: '工作计划', en: 'work plan' },
  'summary-and-plan': { zh: '工作总结和计划', en: 'summary and plan' },
  speech: { zh: '讲话稿', en: 'speech' },
  target: { zh: '目标值', en: 'the target' },
  activities: { zh: '活动记录', en: 'an activities' },
  metrics: { zh: '指标', en: 'a metrics' },
  plans: { zh: '计划', en: 'a plans' },
  rate: { zh: '完成率', en: 'the completion rate' },
};

/**
 * Parameters that carry a word to translate (a type name, a kind of file): those named ...Name, and
 * `what` and `kind`, which are nothing else. Every other parameter (a YAML key such as `plans`, a
 * value typed in the notes) is shown as given, never translated.
 */
function isTranslated(name: string): boolean {
  return name.endsWith('Name') || name === 'what' || name === 'kind';
}

function placeholderText(name: string, params: DiagnosticParams, lang: Lang): string | undefined {
  if (!(name in params)) return undefined;
  const value = String(params[name]);
  return isTranslated(name) ? (vocabulary[value]?.[lang] ?? value) : value;
}

function interpolate(template: string, params: DiagnosticParams, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => placeholderText(name, params, lang) ?? whole);
}

export function diagnosticMessage(diagnostic: Diagnostic, lang: Lang): string {
  return interpolate(catalogue[diagnostic.code][lang].message, diagnostic.params, lang);
}

export function diagnosticHint(diagnostic: Diagnostic, lang: Lang): string | undefined {
  const hint: string | undefined = catalogue[diagnostic.code][lang].hint;
  return hint === undefined ? undefined : interpolate(hint, diagnostic.params, lang);
}
