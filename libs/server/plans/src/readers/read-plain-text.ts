import { PlanException } from '../plan.exception';

/** .txt / .md as written: UTF-8, falling back to GB18030 (common for Chinese government documents). */
export function readPlainText(buffer: Buffer): string {
  if (buffer.includes(0)) throw PlanException.binary();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    const text = new TextDecoder('gb18030').decode(buffer);
    if (text.includes('\uFFFD')) throw PlanException.binary();
    return text;
  }
}
