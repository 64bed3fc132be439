import { extractRawText } from 'mammoth';
import type { PlanFileFormat } from '@luoshi/contracts';
import { PlanException } from './plan.exception';

export const PLAN_FILE_LIMIT_BYTES = 5 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function detectPlanFormat(fileName: string): PlanFileFormat {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'txt' || extension === 'text') return 'txt';
  if (extension === 'md' || extension === 'markdown') return 'md';
  if (extension === 'docx') return 'docx';
  throw PlanException.fileType(fileName);
}

/** Decodes text as UTF-8, falling back to GB18030 (common for Chinese government documents). */
function decodeText(buffer: Buffer): string {
  if (buffer.includes(0)) throw PlanException.binary();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    const text = new TextDecoder('gb18030').decode(buffer);
    if (text.includes('\uFFFD')) throw PlanException.binary();
    return text;
  }
}

/** Turns an uploaded .txt, .md or .docx into plain text, refusing what is not a document. */
export async function readPlanDocument(fileName: string, buffer: Buffer): Promise<{ format: PlanFileFormat; text: string }> {
  const format = detectPlanFormat(fileName);
  if (buffer.length === 0) throw PlanException.fileEmpty();
  if (buffer.length > PLAN_FILE_LIMIT_BYTES) throw PlanException.fileTooLarge(PLAN_FILE_LIMIT_BYTES);
  if (format !== 'docx') {
    const text = decodeText(buffer);
    if (!text.trim()) throw PlanException.fileEmpty();
    return { format, text };
  }
  if (!ZIP_MAGIC.every((byte, i) => buffer[i] === byte)) throw PlanException.docxInvalid('不是 ZIP 压缩包 / not a ZIP archive');
  try {
    // Paragraphs come out separated by blank lines, which the parser reads as paragraph breaks.
    const { value } = await extractRawText({ buffer });
    if (!value.trim()) throw PlanException.fileEmpty();
    return { format, text: value };
  } catch (error) {
    if (error instanceof PlanException) throw error;
    throw PlanException.docxInvalid((error as Error).message.slice(0, 200));
  }
}
