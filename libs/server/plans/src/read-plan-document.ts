import type { PlanFileFormat } from '@luoshi/contracts';
import { PlanException } from './plan.exception';
import { readDoc } from './readers/read-doc';
import { readDocx } from './readers/read-docx';
import { readPdf } from './readers/read-pdf';
import { readPlainText } from './readers/read-plain-text';
import { PLAN_FILE_LIMIT_BYTES } from './readers/reader-limits';

export { PLAN_FILE_LIMIT_BYTES } from './readers/reader-limits';

/** What the upload accepts (file input `accept`, error messages). */
export const PLAN_FILE_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx', '.doc', '.pdf'] as const;

export function detectPlanFormat(fileName: string): PlanFileFormat {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'txt' || extension === 'text') return 'txt';
  if (extension === 'md' || extension === 'markdown') return 'md';
  if (extension === 'docx') return 'docx';
  if (extension === 'doc') return 'doc';
  if (extension === 'pdf') return 'pdf';
  throw PlanException.fileType(fileName);
}

/**
 * Turns an uploaded .txt, .md, .docx, .doc or .pdf into the text the parser reads (see
 * /work/coord/import-contract.md: paragraphs separated by blank lines, table rows as TAB-separated
 * cells, Word numbering written out, PDF wraps joined), refusing what is not a readable document.
 */
export async function readPlanDocument(fileName: string, buffer: Buffer): Promise<{ format: PlanFileFormat; text: string }> {
  const format = detectPlanFormat(fileName);
  if (buffer.length === 0) throw PlanException.fileEmpty();
  if (buffer.length > PLAN_FILE_LIMIT_BYTES) throw PlanException.fileTooLarge(PLAN_FILE_LIMIT_BYTES);
  const text = await readByFormat(format, buffer);
  if (!text.trim()) throw PlanException.fileEmpty();
  return { format, text };
}

async function readByFormat(format: PlanFileFormat, buffer: Buffer): Promise<string> {
  switch (format) {
    case 'txt':
    case 'md':
      return readPlainText(buffer);
    case 'docx':
      return readDocx(buffer);
    case 'doc':
      return readDoc(buffer);
    case 'pdf':
      return readPdf(buffer);
  }
}
