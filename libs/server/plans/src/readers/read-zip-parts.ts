import { unzipSync } from 'fflate';
import { PlanException } from '../plan.exception';
import { UNCOMPRESSED_LIMIT_BYTES } from './reader-limits';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(buffer: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, i) => buffer[i] === byte);
}

/**
 * Reads the parts of an OOXML package. The uncompressed sizes are summed from the zip's central
 * directory BEFORE anything is inflated; past the limit the file is refused. Each part is then
 * inflated into a buffer of its declared size, so a part that lies about its size cannot grow.
 */
export function readZipParts(
  buffer: Uint8Array,
  wanted: (name: string) => boolean,
  limitBytes = UNCOMPRESSED_LIMIT_BYTES,
): Map<string, Uint8Array> {
  if (!isZip(buffer)) throw PlanException.docxInvalid('不是 ZIP 压缩包 / not a ZIP archive');
  let total = 0;
  try {
    unzipSync(buffer, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw PlanException.docxInvalid(`ZIP 目录损坏 / broken ZIP directory: ${(error as Error).message.slice(0, 120)}`);
  }
  if (total > limitBytes) throw PlanException.uncompressedTooLarge(limitBytes);
  try {
    const parts = unzipSync(buffer, { filter: (file) => wanted(file.name) });
    return new Map(Object.entries(parts));
  } catch (error) {
    throw PlanException.docxInvalid(`ZIP 内容损坏 / broken ZIP content: ${(error as Error).message.slice(0, 120)}`);
  }
}
