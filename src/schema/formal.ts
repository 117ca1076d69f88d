import { z } from 'zod';
import { isoDate, nonEmptyLine } from './common.js';

/**
 * A report sent as a formal document (文件): the 版头 (GB/T 9704 §7.2) above the title and the 版记
 * (§7.4) at the end. The report's `formal:` turns both on; plan-report.yaml's `formal:` gives the
 * office's defaults for the fields that do not change from one document to the next.
 */

const issuer = nonEmptyLine.meta({ description: '发文机关标志，如“青溪街道人大工委文件”（默认：单位名称加“文件”）/ the issuer mark (default: org + 文件)' });
const signer = nonEmptyLine.meta({ description: '签发人姓名（上行文）：发文字号居左，签发人居右 / the signer (上行文): the number then goes left, the signer right' });
const copyTo = z
  .union([nonEmptyLine, z.array(nonEmptyLine).min(1)])
  .meta({ description: '抄送机关，一个或一组，印为“抄送：甲，乙。” / the bodies copied, one or a list, printed 抄送：甲，乙。' });
const printer = nonEmptyLine.meta({ description: '印发机关（默认：单位名称）/ the body that prints and sends it (default: org)' });

/** The office's defaults: what stays the same from one document to the next. */
export const formalDefaults = z
  .strictObject({ issuer: issuer.optional(), signer: signer.optional(), 'copy-to': copyTo.optional(), printer: printer.optional() })
  .meta({ description: '作为正式文件印发的报告（报告中写了 formal:）的默认版头、版记 / defaults of the 版头 and 版记 of the reports that have formal:' });

/** The report's own: every default, and the number and the date of this document. */
export const formal = z
  .strictObject({
    issuer: issuer.optional(),
    number: nonEmptyLine.optional().meta({ description: '发文字号，如“某人大〔2023〕5号”，年份用六角括号〔〕 / the document number, the year in 〔〕' }),
    signer: signer.optional(),
    'copy-to': copyTo.optional(),
    printer: printer.optional(),
    printed: isoDate.optional().meta({ description: '印发日期，写成 2023-07-06（默认：成文日期）/ the date printed, 2023-07-06 (default: the report date)' }),
  })
  .meta({ description: '作为正式文件印发：版头（发文机关标志、发文字号、签发人、红色分隔线）和版记（抄送、印发）/ send as a formal document: the 版头 and the 版记' });

export type FormalDefaults = z.output<typeof formalDefaults>;
export type Formal = z.output<typeof formal>;
