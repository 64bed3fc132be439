import { PlanParseError } from './plan-parse-error';

/**
 * Rejects input that cannot be a plan before any work is done: empty or whitespace-only text
 * (EMPTY), and text that is really a binary file — any NUL, more than 2% control characters, or
 * more than 10% U+FFFD replacement characters from a failed decode (BINARY), and text of more than
 * MAX_PLAN_LINES non-empty lines (TOO_LONG): the longest real plans have a few thousand paragraphs,
 * so more is a generated file whose parse would only cost the server time and memory.
 */
export const MAX_PLAN_LINES = 20_000;

export function assertPlanText(raw: string): void {
  if (raw.replace(/[\s\u200b-\u200d\u2060\ufeff\u3000]/g, '') === '') {
    throw new PlanParseError('EMPTY', '文件内容为空，请上传方案正文');
  }
  if (raw.includes('\u0000')) throw new PlanParseError('BINARY', '文件包含二进制内容（NUL 字符），请上传纯文本或 Markdown 格式的方案');
  let lines = 0;
  for (const line of raw.split('\n')) if (line.trim() !== '') lines++;
  if (lines > MAX_PLAN_LINES) {
    throw new PlanParseError('TOO_LONG', `文件有 ${lines} 行正文，超过 ${MAX_PLAN_LINES} 行上限，不像一份方案`);
  }
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) control++;
    else if (code === 0xfffd) replacement++;
  }
  if (control > raw.length * 0.02 || replacement > raw.length * 0.1) {
    throw new PlanParseError('BINARY', '文件看起来不是文本（控制字符或乱码过多），请上传纯文本或 Markdown 格式的方案');
  }
}
