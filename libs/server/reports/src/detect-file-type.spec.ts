import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { zip as zipEntries } from '@luoshi/server/platform/testing';
import { detectFileType, typeOfExtension } from './detect-file-type';
import { readZipEntry } from './read-zip-entry';

/** A ZIP of text entries, deflated or stored. */
const zip = (entries: Record<string, string>, deflate = true): Buffer =>
  zipEntries(Object.entries(entries).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })), { deflate });

describe(detectFileType.name, () => {
  it('recognises PDF, PNG and JPEG by their signatures', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatchObject({ type: 'pdf', contentType: 'application/pdf' });
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))?.type).toBe('png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]))?.type).toBe('jpg');
  });

  it('tells a Word document from an Excel workbook by [Content_Types].xml', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('交通一体化发展专项行动计划')] }] }));
    expect(detectFileType(Buffer.from(docx))?.type).toBe('docx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('进展').addRow(['任务', '进度']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(detectFileType(xlsx)?.type).toBe('xlsx');
  });

  it('refuses any other ZIP, a renamed executable and random bytes', () => {
    expect(detectFileType(zip({ 'readme.txt': 'hello' }))).toBeNull();
    expect(detectFileType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0]))).toBeNull();
    expect(detectFileType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });

  it('accepts UTF-8 text only when asked to, and never binary or GBK bytes', () => {
    const text = Buffer.from('# 专项行动计划\n一、总体要求', 'utf8');
    expect(detectFileType(text)).toBeNull();
    expect(detectFileType(text, 'md')).toMatchObject({ type: 'md', contentType: 'text/markdown; charset=utf-8' });
    expect(detectFileType(Buffer.from([0x41, 0x00, 0x42]), 'txt')).toBeNull();
    expect(detectFileType(Buffer.from([0xd7, 0xa8, 0xcf, 0xee]), 'txt')).toBeNull();
  });
});

describe(readZipEntry.name, () => {
  it('reads stored and deflated entries by name', () => {
    expect(readZipEntry(zip({ a: 'x', '[Content_Types].xml': '<Types/>' }), '[Content_Types].xml')?.toString()).toBe('<Types/>');
    expect(readZipEntry(zip({ '[Content_Types].xml': '<Types/>' }, false), '[Content_Types].xml')?.toString()).toBe('<Types/>');
    expect(readZipEntry(zip({ a: 'x' }), 'b')).toBeNull();
  });

  it('refuses an entry larger than the limit and a truncated archive', () => {
    const big = zip({ '[Content_Types].xml': 'x'.repeat(5000) });
    expect(readZipEntry(big, '[Content_Types].xml', 1000)).toBeNull();
    expect(readZipEntry(big.subarray(0, big.length - 30), '[Content_Types].xml')).toBeNull();
  });
});

describe(typeOfExtension.name, () => {
  it('reads the claimed type from the extension, case-insensitively', () => {
    expect(typeOfExtension('进展.PDF')).toBe('pdf');
    expect(typeOfExtension('现场.jpeg')).toBe('jpg');
    expect(typeOfExtension('计划.md')).toBe('md');
    expect(typeOfExtension('setup.exe')).toBeNull();
    expect(typeOfExtension('README')).toBeNull();
  });
});
