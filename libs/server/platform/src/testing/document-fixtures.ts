import { deflateRawSync } from 'node:zlib';

/**
 * A minimal ZIP writer for tests: deflated (or stored) entries without CRCs (the readers under test
 * do not check them), whose declared sizes may lie.
 */
export function zip(entries: { name: string; data: Buffer; declaredSize?: number }[], options: { deflate?: boolean } = {}): Buffer {
  const deflate = options.deflate ?? true;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const compressed = deflate ? deflateRawSync(e.data) : e.data;
    const fields = { method: deflate ? 8 : 0, compressedSize: compressed.length, size: e.declaredSize ?? e.data.length, nameLength: name.length };
    const local = zipHeader(30, 0x04034b50, 0, fields);
    const central = zipHeader(46, 0x02014b50, 2, fields);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A local (shift 0) or central-directory (shift 2) entry header: the central one repeats the local
 * one's fields two bytes later, after its "version made by".
 */
function zipHeader(length: number, signature: number, shift: number, f: { method: number; compressedSize: number; size: number; nameLength: number }): Buffer {
  const header = Buffer.alloc(length);
  header.writeUInt32LE(signature, 0);
  header.writeUInt16LE(f.method, shift + 8);
  header.writeUInt32LE(f.compressedSize, shift + 18);
  header.writeUInt32LE(f.size, shift + 22);
  header.writeUInt16LE(f.nameLength, shift + 26);
  return header;
}

/**
 * A minimal PDF for tests: one page per text (Helvetica, one line each, `mediaBox` in points),
 * optionally one more Flate stream that nothing references (a bomb pdfjs would still inflate).
 */
export function minimalPdf(pages: string[], options: { extraFlateStream?: Buffer; mediaBox?: string } = {}): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  pages.forEach((text, i) => {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox ${options.mediaBox ?? '[0 0 595 842]'} /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    const content = text ? `BT /F1 12 Tf 20 260 Td (${text}) Tj ET` : '';
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  const extra = options.extraFlateStream;
  if (extra) add(Buffer.concat([Buffer.from(`<< /Length ${extra.length} /Filter /FlateDecode >>\nstream\n`), extra, Buffer.from('\nendstream')]));
  let out = Buffer.from('%PDF-1.4\n', 'latin1');
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out = Buffer.concat([out, Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
  });
  const xref = out.length;
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  return Buffer.concat([out, Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)]);
}
