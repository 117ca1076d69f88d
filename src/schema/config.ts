import { z } from 'zod';
import { RULE_CODES, RULES, type RuleCode } from '../diagnostics/rules.js';
import { nonEmptyLine, sourcePatterns } from './common.js';
import { formalDefaults } from './formal.js';
import { DOCX_PRESETS, FONT_ROLES, FONT_SETS, OUTPUT_FORMATS } from './kinds.js';

const format = z.enum(OUTPUT_FORMATS);

/** A check about figures may become an error but never `off` (see RULES). */
function ruleLevel(code: RuleCode) {
  const levels = RULES[code].silenceable ? (['error', 'warning', 'off'] as const) : (['error', 'warning'] as const);
  return z.enum(levels).optional();
}

/**
 * plan-report.yaml: an office's defaults for every report below it. Paths are relative to this
 * file; a report's own fields and the command line's options win over it.
 */
export const configFile = z
  .strictObject({
    org: nonEmptyLine.optional().meta({ description: '单位名称，报告未写 report.org 时使用 / the organisation, for reports that give no report.org' }),
    signature: nonEmptyLine.optional().meta({ description: '发文机关署名（默认同单位名称），如全称 / the signature, when it differs from org (the full name, say)' }),
    formal: formalDefaults.optional(),
    out: z.string().trim().min(1).optional().meta({ description: '输出文件夹（相对于本文件），其下保持报告的文件夹结构 / output folder, relative to this file; the reports\' folders are kept below it' }),
    formats: z.array(format).min(1).optional().meta({ description: '输出格式，如 [docx, md] / output formats' }),
    preset: z.enum(DOCX_PRESETS).optional().meta({ description: 'docx 版式预设 / docx style preset' }),
    // The mapping first: a mapping with a typo is then told about its key, not that it is no set name.
    fonts: z
      .union([z.partialRecord(z.enum(FONT_ROLES), nonEmptyLine), z.enum(FONT_SETS)])
      .optional()
      .meta({ description: '字体：default（仿宋、楷体）、gb2312（仿宋_GB2312、楷体_GB2312），或各部分字体名称，如 body: 仿宋_GB2312 / fonts: default (仿宋, 楷体), gb2312 (仿宋_GB2312, 楷体_GB2312), or font names by role, e.g. body: 仿宋_GB2312' }),
    templates: sourcePatterns.optional().meta({ description: '自定义模板文件夹（相对于本文件）/ template folders, relative to this file' }),
    'reference-doc': z.string().trim().min(1).optional().meta({ description: '参考文档：单位的 Word 文件（.docx，相对于本文件），docx 采用其中的样式、页面设置和页眉页脚 / the organisation\'s Word file (.docx, relative to this file) whose styles, page setup, header and footer the docx takes' }),
    lang: z.enum(['zh', 'en']).optional().meta({ description: '命令行消息的语言 / language of the command-line messages' }),
    rules: z
      .strictObject(Object.fromEntries(RULE_CODES.map((code) => [code, ruleLevel(code)])) as Record<RuleCode, ReturnType<typeof ruleLevel>>)
      .optional()
      .meta({ description: '检查规则的级别：error、warning 或 off / the level of each check: error, warning or off' }),
  })
  .meta({ title: 'plan-report.yaml' });

export type ConfigFile = z.output<typeof configFile>;
