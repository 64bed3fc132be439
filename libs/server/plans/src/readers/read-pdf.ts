import { inflateSync } from 'node:zlib';
import { PlanException } from '../plan.exception';
import { countTextCharacters, layoutPdf } from './pdf-layout';
import { extractPdfText, PdfWorkerFailure } from './pdf-worker';
import { PDF_PAGE_LIMIT, PDF_READ_TIMEOUT_MS, PDF_WORKER_MEMORY_MB, UNCOMPRESSED_LIMIT_BYTES } from './reader-limits';

/** Fewer non-blank characters than this per page means there is no text layer (a scan). */
const MIN_CHARACTERS_PER_PAGE = 20;

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');

/**
 * Sums the inflated size of the PDF's compressed streams, stopping as soon as the running total passes
 * the limit (zlib's maxOutputLength): a PDF bomb is refused before pdfjs inflates anything.
 * Streams that are not zlib data (images, encrypted streams) count with their stored length.
 */
export function inflatedPdfSize(buffer: Buffer, limitBytes = UNCOMPRESSED_LIMIT_BYTES): number {
  let total = 0;
  let from = 0;
  for (;;) {
    const keyword = buffer.indexOf(STREAM, from);
    if (keyword < 0) break;
    let start = keyword + STREAM.length;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] === 0x0a) start++;
    const end = buffer.indexOf(END_STREAM, start);
    if (end < 0) break;
    from = end + END_STREAM.length;
    // `endstream` itself contains `stream`: skip the keyword when it is part of `endstream`.
    if (keyword >= 3 && buffer.subarray(keyword - 3, keyword).toString('latin1') === 'end') continue;
    const data = buffer.subarray(start, end);
    const remaining = limitBytes - total;
    try {
      total += inflateSync(data, { maxOutputLength: Math.max(1, remaining + 1), finishFlush: 2 /* Z_SYNC_FLUSH */ }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return limitBytes + 1;
      total += data.length;
    }
    if (total > limitBytes) return total;
  }
  return total;
}

export async function readPdf(buffer: Buffer): Promise<string> {
  if (buffer.subarray(0, 1024).indexOf('%PDF-') < 0) throw PlanException.pdfInvalid('缺少 %PDF 文件头 / no %PDF header');
  if (inflatedPdfSize(buffer) > UNCOMPRESSED_LIMIT_BYTES) throw PlanException.uncompressedTooLarge(UNCOMPRESSED_LIMIT_BYTES);
  let result;
  try {
    result = await extractPdfText(new Uint8Array(buffer), {
      pageLimit: PDF_PAGE_LIMIT,
      memoryMb: PDF_WORKER_MEMORY_MB,
      timeoutMs: PDF_READ_TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof PdfWorkerFailure && error.kind === 'memory') throw PlanException.uncompressedTooLarge(UNCOMPRESSED_LIMIT_BYTES);
    if (error instanceof PdfWorkerFailure && error.kind === 'timeout') throw PlanException.pdfInvalid('读取超时，文件过于复杂 / reading timed out, the file is too complex');
    throw PlanException.pdfInvalid((error as Error).message.slice(0, 160));
  }
  if (!result.ok) {
    if (result.reason === 'encrypted') throw PlanException.pdfEncrypted();
    if (result.reason === 'too_many_pages') throw PlanException.pdfTooManyPages(result.pageCount ?? 0, PDF_PAGE_LIMIT);
    throw PlanException.pdfInvalid(result.message.slice(0, 160));
  }
  if (result.pageCount === 0 || countTextCharacters(result.pages) < result.pageCount * MIN_CHARACTERS_PER_PAGE) {
    throw PlanException.pdfNoText(result.pageCount);
  }
  return layoutPdf(result.pages);
}
