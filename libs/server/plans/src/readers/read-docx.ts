import { strFromU8 } from 'fflate';
import { PlanException } from '../plan.exception';
import { DocxNumbering, type NumberingReference } from './docx-numbering';
import { readZipParts } from './read-zip-parts';
import { attr, child, children, elements, parseXml, XmlSyntaxError, type XmlElement } from './xml';

/**
 * .docx → the importer's text: paragraphs separated by blank lines, Word's automatic numbering
 * written into the paragraph (一、 （一） 1.), tables as one line per row with TAB-separated cells.
 * Headers, footers, footnotes, comments, deleted revisions and drawings are left out.
 */

/** Run content that is not body text. */
const SKIPPED = new Set([
  'pPr', 'rPr', 'del', 'delText', 'instrText', 'moveFrom', 'footnoteReference', 'endnoteReference',
  'commentReference', 'annotationRef', 'drawing', 'pict', 'object', 'AlternateContent', 'fldChar', 'sym',
  'lastRenderedPageBreak', 'proofErr', 'bookmarkStart', 'bookmarkEnd', 'tblPr', 'trPr', 'tcPr', 'tblGrid',
]);

function inlineText(node: XmlElement): string {
  let out = '';
  for (const e of elements(node)) {
    const name = e.localName;
    if (SKIPPED.has(name)) continue;
    if (name === 't') out += e.textContent ?? '';
    else if (name === 'tab' || name === 'ptab') out += ' ';
    else if (name === 'br' || name === 'cr') out += attr(e, 'type') === 'page' || attr(e, 'type') === 'column' ? '' : '\n';
    else if (name === 'noBreakHyphen') out += '-';
    else if (name === 'softHyphen') continue;
    else out += inlineText(e);
  }
  return out;
}

class DocxTextWriter {
  private readonly styles = new Map<string, XmlElement>();

  readonly numbering: DocxNumbering;

  constructor(stylesRoot: XmlElement | undefined, numberingRoot: XmlElement | undefined) {
    for (const style of children(stylesRoot, 'style')) {
      const id = attr(style, 'styleId');
      if (id) this.styles.set(id, style);
    }
    this.numbering = new DocxNumbering(numberingRoot, (styleId) => this.styleNumbering(styleId));
  }

  /** numPr of a paragraph style, following w:basedOn. */
  styleNumbering(styleId: string, depth = 0): NumberingReference | undefined {
    const style = this.styles.get(styleId);
    if (!style || depth > 10) return undefined;
    const numPr = child(child(style, 'pPr'), 'numPr');
    const numId = attr(child(numPr, 'numId'), 'val');
    if (numId !== undefined) return { numId, ilvl: Number(attr(child(numPr, 'ilvl'), 'val') ?? 0) };
    const basedOn = attr(child(style, 'basedOn'), 'val');
    return basedOn ? this.styleNumbering(basedOn, depth + 1) : undefined;
  }

  private paragraphNumbering(p: XmlElement): NumberingReference | undefined {
    const pPr = child(p, 'pPr');
    const styleId = attr(child(pPr, 'pStyle'), 'val');
    const fromStyle = styleId ? this.styleNumbering(styleId) : undefined;
    const numPr = child(pPr, 'numPr');
    const numId = attr(child(numPr, 'numId'), 'val') ?? fromStyle?.numId;
    const ilvl = attr(child(numPr, 'ilvl'), 'val');
    if (numId === undefined || numId === '0') return undefined;
    return { numId, ilvl: ilvl !== undefined ? Number(ilvl) : (fromStyle?.ilvl ?? 0) };
  }

  paragraph(p: XmlElement): string {
    const ref = this.paragraphNumbering(p);
    const label = ref ? this.numbering.next(ref) : '';
    const text = inlineText(p).replace(/[ \u00a0]+\n/g, '\n').trim();
    return text ? label + text : '';
  }

  /** Paragraphs and tables of a container (body, cell, content control), in order. */
  blocks(container: XmlElement): string[] {
    const out: string[] = [];
    for (const e of elements(container)) {
      if (e.localName === 'p') {
        const text = this.paragraph(e);
        if (text) out.push(text);
      } else if (e.localName === 'tbl') {
        const rows = this.table(e);
        if (rows.length) out.push(rows.join('\n'));
      } else if (e.localName === 'sdt') {
        out.push(...this.blocks(child(e, 'sdtContent') ?? e));
      } else if (e.localName === 'customXml' || e.localName === 'ins' || e.localName === 'smartTag') {
        out.push(...this.blocks(e));
      }
    }
    return out;
  }

  /** One line per row; cells TAB-separated; a vertically merged cell repeats the text it continues. */
  table(tbl: XmlElement): string[] {
    const rows: string[] = [];
    const mergedAbove: string[] = [];
    for (const tr of children(tbl, 'tr')) {
      const cells: string[] = [];
      let column = 0;
      const gridBefore = Number(attr(child(child(tr, 'trPr'), 'gridBefore'), 'val') ?? 0);
      for (let i = 0; i < gridBefore; i++) cells.push('');
      column += gridBefore;
      const tcs = elements(tr).flatMap((e) => (e.localName === 'tc' ? [e] : e.localName === 'sdt' ? children(child(e, 'sdtContent'), 'tc') : []));
      for (const tc of tcs) {
        const tcPr = child(tc, 'tcPr');
        const span = Number(attr(child(tcPr, 'gridSpan'), 'val') ?? 1);
        const vMerge = child(tcPr, 'vMerge');
        let text = this.blocks(tc).join(' ').replace(/\s+/g, ' ').trim();
        if (vMerge && (attr(vMerge, 'val') ?? 'continue') === 'continue') text = mergedAbove[column] ?? '';
        else if (vMerge) mergedAbove[column] = text;
        cells.push(text);
        for (let i = 1; i < span; i++) cells.push('');
        column += span;
      }
      if (cells.some((c) => c)) rows.push(cells.join('\t'));
    }
    return rows;
  }
}

function mainDocumentPath(parts: Map<string, Uint8Array>): string {
  const rels = parts.get('_rels/.rels');
  if (rels) {
    for (const rel of children(parseXml(strFromU8(rels)), 'Relationship')) {
      if ((attr(rel, 'Type') ?? '').endsWith('/officeDocument')) return (attr(rel, 'Target') ?? '').replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

export function readDocx(buffer: Buffer): string {
  const parts = readZipParts(buffer, (name) => name.endsWith('.xml') || name.endsWith('.rels'));
  try {
    const documentPath = mainDocumentPath(parts);
    const documentXml = parts.get(documentPath);
    if (!documentXml) throw PlanException.docxInvalid(`缺少 ${documentPath} / missing ${documentPath}`);
    const folder = documentPath.includes('/') ? documentPath.slice(0, documentPath.lastIndexOf('/') + 1) : '';
    const optional = (name: string) => {
      const part = parts.get(folder + name);
      return part ? parseXml(strFromU8(part)) : undefined;
    };
    const writer = new DocxTextWriter(optional('styles.xml'), optional('numbering.xml'));
    const body = child(parseXml(strFromU8(documentXml)), 'body');
    if (!body) throw PlanException.docxInvalid('文档没有正文 / the document has no body');
    return writer.blocks(body).join('\n\n');
  } catch (error) {
    if (error instanceof PlanException) throw error;
    if (error instanceof XmlSyntaxError) throw PlanException.docxInvalid(`XML 损坏 / broken XML: ${error.message.slice(0, 120)}`);
    throw error;
  }
}
