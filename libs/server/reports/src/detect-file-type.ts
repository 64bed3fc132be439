import type { EvidenceFileType } from '@luoshi/contracts';
import { readZipEntry } from './read-zip-entry';

export interface DetectedFileType {
  type: EvidenceFileType;
  contentType: string;
}

export const CONTENT_TYPES: Record<EvidenceFileType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** Human names of the types, for messages. */
export const TYPE_LABELS: Record<EvidenceFileType, string> = {
  pdf: 'PDF 文档',
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 表格（.xlsx）',
  jpg: 'JPEG 图片',
  png: 'PNG 图片',
  txt: '文本文件',
  md: 'Markdown 文本',
};

const startsWith = (buffer: Buffer, bytes: number[]) => buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Valid UTF-8 without NUL bytes (a byte-order mark is allowed). */
function isUtf8Text(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a file is, from its bytes alone (never its name): PDF, PNG and JPEG by their signatures; an
 * Office file is a ZIP whose [Content_Types].xml declares the Word or Excel main part; text is
 * valid UTF-8 without NUL bytes (`textAs` says whether to call it .txt or .md). null = unknown.
 */
export function detectFileType(buffer: Buffer, textAs: 'txt' | 'md' | null = null): DetectedFileType | null {
  const found = (type: EvidenceFileType): DetectedFileType => ({ type, contentType: CONTENT_TYPES[type] });
  if (startsWith(buffer, PDF)) return found('pdf');
  if (startsWith(buffer, PNG)) return found('png');
  if (startsWith(buffer, JPEG)) return found('jpg');
  if (startsWith(buffer, ZIP)) {
    const types = readZipEntry(buffer, '[Content_Types].xml')?.toString('utf8') ?? '';
    if (types.includes(WORD_MAIN)) return found('docx');
    if (types.includes(SHEET_MAIN)) return found('xlsx');
    return null;
  }
  if (textAs && buffer.length > 0 && isUtf8Text(buffer)) return found(textAs);
  return null;
}

/** The type a file name claims by its extension (.jpeg counts as jpg), or null. */
export function typeOfExtension(fileName: string): EvidenceFileType | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  if (ext === 'jpeg') return 'jpg';
  if (ext === 'markdown') return 'md';
  return ext in CONTENT_TYPES ? (ext as EvidenceFileType) : null;
}
