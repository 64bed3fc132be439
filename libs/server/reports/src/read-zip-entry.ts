import { inflateRawSync } from 'node:zlib';
import { zipEntries } from '@luoshi/server/platform';

/**
 * Reads one small entry of a ZIP archive (the [Content_Types].xml of an Office file) straight from
 * its central directory: stored or deflated, at most `maxBytes` uncompressed. Returns null when the
 * archive is malformed or has no such entry. Enough to tell .docx from .xlsx from any other ZIP.
 */
export function readZipEntry(zip: Buffer, name: string, maxBytes = 1024 * 1024): Buffer | null {
  try {
    const entries = zipEntries(zip);
    if (typeof entries === 'string') return null;
    const entry = entries.find((e) => e.name === name);
    if (!entry || entry.size > maxBytes) return null;
    if (entry.method === 0) return Buffer.from(entry.data);
    if (entry.method === 8) return inflateRawSync(entry.data, { maxOutputLength: maxBytes });
    return null;
  } catch {
    // Out-of-range reads and corrupt deflate streams alike: not a ZIP we can read.
    return null;
  }
}
