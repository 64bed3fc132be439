import { inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65535. */
const EOCD_SEARCH = 22 + 0xffff;

/**
 * Reads one small entry of a ZIP archive (the [Content_Types].xml of an Office file) straight from
 * its central directory: stored or deflated, at most `maxBytes` uncompressed. Returns null when the
 * archive is malformed or has no such entry. Enough to tell .docx from .xlsx from any other ZIP.
 */
export function readZipEntry(zip: Buffer, name: string, maxBytes = 1024 * 1024): Buffer | null {
  try {
    let eocd = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - EOCD_SEARCH); i--) {
      if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const entries = zip.readUInt16LE(eocd + 10);
    let at = zip.readUInt32LE(eocd + 16);
    for (let n = 0; n < entries; n++) {
      if (zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
      const method = zip.readUInt16LE(at + 10);
      const compressed = zip.readUInt32LE(at + 20);
      const size = zip.readUInt32LE(at + 24);
      const nameLength = zip.readUInt16LE(at + 28);
      const extraLength = zip.readUInt16LE(at + 30);
      const commentLength = zip.readUInt16LE(at + 32);
      const localOffset = zip.readUInt32LE(at + 42);
      const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      if (entryName !== name) continue;
      if (size > maxBytes || zip.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) return null;
      const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
      const data = zip.subarray(start, start + compressed);
      if (data.length !== compressed) return null;
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
      return null;
    }
    return null;
  } catch {
    // Out-of-range reads and corrupt deflate streams alike: not a ZIP we can read.
    return null;
  }
}
