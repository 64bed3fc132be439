import WordExtractor from 'word-extractor';
import { PlanException } from '../plan.exception';
import { readDocx } from './read-docx';
import { isZip } from './read-zip-parts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Word 97–2003 text as word-extractor gives it: one paragraph a line; a table row is one line whose
 * cells each end with a TAB (word-extractor writes Word's cell mark, \x07, as TAB).
 * Rows become one line of TAB-separated cells; paragraphs are separated by blank lines.
 */
export function layoutDocText(body: string): string {
  const blocks: string[] = [];
  let table: string[] = [];
  const flush = () => {
    if (table.length) blocks.push(table.join('\n'));
    table = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[ \u3000]+$/, '');
    if (!line.includes('\t')) {
      flush();
      if (line.trim()) blocks.push(line.trim());
      continue;
    }
    // A table row: each cell ends with a TAB (Word's cell mark); empty cells stay as empty fields.
    const cells = line.replace(/\t$/, '').split('\t').map((c) => c.trim());
    if (cells.some((c) => c)) table.push(cells.join('\t'));
  }
  flush();
  return blocks.join('\n\n');
}

export async function readDoc(buffer: Buffer): Promise<string> {
  // Offices often save a .docx under a .doc name; read it as what it is.
  if (isZip(buffer)) return readDocx(buffer);
  if (!OLE_MAGIC.every((byte, i) => buffer[i] === byte)) throw PlanException.docInvalid('不是 Word 97-2003 文档 / not a Word 97-2003 document');
  try {
    const document = await new WordExtractor().extract(buffer);
    return layoutDocText(document.getBody());
  } catch (error) {
    throw PlanException.docInvalid((error as Error).message.slice(0, 160));
  }
}
