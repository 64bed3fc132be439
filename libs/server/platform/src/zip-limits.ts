import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Sum of every entry's decompressed size. */
  maxTotalBytes: number;
  maxEntries: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** One entry of a ZIP's central directory and its bytes as stored (compressed unless `method` is 0). */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; any other is unsupported by the readers here. */
  method: number;
  /** The uncompressed size the directory claims (a claim: inflate with a cap, never trust it). */
  size: number;
  data: Buffer;
}

/**
 * The entries of a ZIP container as its central directory lists them, or why it cannot be read
 * (not a ZIP, ZIP64, more than `maxEntries` entries — by default any count short of ZIP64 —,
 * truncated or malformed). Nothing is inflated: each caller decides how much it inflates.
 */
export function zipEntries(buffer: Buffer, maxEntries = 0xfffe): ZipEntry[] | string {
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) return 'not a ZIP container';
  const count = buffer.readUInt16LE(eocd + 10);
  const cdSize = buffer.readUInt32LE(eocd + 12);
  const cdOffset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return 'ZIP64 containers are not accepted';
  if (count > maxEntries) return `more than ${maxEntries} entries`;
  if (cdOffset + cdSize > buffer.length) return 'truncated central directory';
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) return 'malformed central directory';
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL) return 'malformed entry header';
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buffer.length) return 'truncated entry';
    entries.push({ name, method, size, data: buffer.subarray(dataStart, dataStart + compressedSize) });
  }
  return entries;
}

/**
 * Why a ZIP container (.xlsx, .docx) is refused before any reader opens it, or null when it is
 * within limits. Every entry is really inflated — with zlib's maxOutputLength set to what is left
 * of the budget — so a lying size field or a decompression bomb stops at the limit, never in
 * memory. Only stored and deflated entries, no ZIP64 (office documents this small never need it).
 */
export function checkZipLimits(buffer: Buffer, limits: ZipLimits): string | null {
  const entries = zipEntries(buffer, limits.maxEntries);
  if (typeof entries === 'string') return entries;
  let remaining = limits.maxTotalBytes;
  for (const { method, data } of entries) {
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: remaining + 1 }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge(limits);
        return 'corrupt compressed entry';
      }
    } else return `unsupported compression method ${method}`;
    remaining -= size;
    if (remaining < 0) return tooLarge(limits);
  }
  return null;
}

function tooLarge(limits: ZipLimits): string {
  return `decompresses to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`;
}

/** The end-of-central-directory record: 22 bytes plus a comment of at most 65535, at the end. */
function findEndOfCentralDirectory(buffer: Buffer): number {
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}
