import { Document, HeadingLevel, Packer, Paragraph } from 'docx';

/** A paragraph of a Word document: plain text, or the document's title or a first-level heading in Word's styles. */
export type DocxParagraph = string | { title: string } | { heading: string };

/** A .docx of these paragraphs, as a department writes a plan or a report in Word. */
export async function docxOf(paragraphs: DocxParagraph[]): Promise<Buffer> {
  const children = paragraphs.map((p) =>
    typeof p === 'string'
      ? new Paragraph(p)
      : 'title' in p
        ? new Paragraph({ text: p.title, heading: HeadingLevel.TITLE })
        : new Paragraph({ text: p.heading, heading: HeadingLevel.HEADING_1 }),
  );
  return Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
