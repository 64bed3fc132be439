// Makes the corpus's .doc and .pdf copies from the published texts (see corpus/README.md):
//   node tools/plan-score/make-corpus-files.mjs
// Each text becomes a Word document laid out like a government document (first-line indent, justified,
// the PDF with a page-number footer “— N —”); LibreOffice then saves it as Word 97 (.doc) or PDF.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Footer, LevelFormat, Packer, PageNumber, Paragraph, TextRun } from 'docx';

const corpus = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
const work = mkdtempSync(join(tmpdir(), 'plan-corpus-'));

async function toDocx(textFile, { pageNumbers }) {
  const lines = readFileSync(join(corpus, textFile), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const font = 'Noto Serif CJK SC';
  const paragraphs = lines.map((line, i) =>
    i === 0
      ? new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: line, font, size: 36, bold: true })] })
      : new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text: line, font, size: 32 })] }),
  );
  const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })] });
  const doc = new Document({ sections: [{ footers: pageNumbers ? { default: footer } : undefined, children: paragraphs }] });
  const path = join(work, textFile.replace(/\.txt$/, '.docx'));
  writeFileSync(path, await Packer.toBuffer(doc));
  return path;
}

function soffice(args) {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, ...args], { cwd: work, stdio: 'ignore' });
}

const pdfSource = await toDocx('sh-lingang-2016.txt', { pageNumbers: true });
soffice(['--convert-to', 'pdf', pdfSource]);
copyFileSync(join(work, 'sh-lingang-2016.pdf'), join(corpus, 'sh-lingang-2016.pdf'));

// word-extractor 1.0.4 cannot read some LibreOffice .doc files that have a footer; the .doc has none.
const docSource = await toDocx('gz-talent-2012.txt', { pageNumbers: false });
soffice(['--convert-to', 'doc:MS Word 97', docSource]);
copyFileSync(join(work, 'gz-talent-2012.doc'), join(corpus, 'gz-talent-2012.doc'));

// A .docx whose numbers are Word automatic numbering: the typed 一、（一）1. are taken off the text and
// given back by numbering.xml (parts and sections one list on two levels, the items one list of their own).
async function numberedDocx(textFile) {
  const lines = readFileSync(join(corpus, textFile), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const font = 'Noto Serif CJK SC';
  const run = (text) => [new TextRun({ text, font, size: 32 })];
  const paragraphs = lines.map((line, i) => {
    if (i === 0) return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, font, size: 36, bold: true })] });
    let m;
    if ((m = /^[一二三四五六七八九十]+、(.*)$/.exec(line))) return new Paragraph({ children: run(m[1]), numbering: { reference: 'headings', level: 0 } });
    if ((m = /^（[一二三四五六七八九十]+）(.*)$/.exec(line))) return new Paragraph({ children: run(m[1]), numbering: { reference: 'headings', level: 1 } });
    if ((m = /^\d+\.(.*)$/.exec(line))) return new Paragraph({ children: run(m[1]), numbering: { reference: 'items', level: 0 } });
    return new Paragraph({ indent: { firstLine: 640 }, children: run(line) });
  });
  const level = (lvl, format, text) => ({ level: lvl, format, text, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { firstLine: 640 } } } });
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'headings', levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '（%2）')] },
        { reference: 'items', levels: [level(0, LevelFormat.DECIMAL, '%1.')] },
      ],
    },
    sections: [{ children: paragraphs }],
  });
  writeFileSync(join(corpus, textFile.replace(/\.txt$/, '.docx')), await Packer.toBuffer(doc));
}
await numberedDocx('gz-talent-2012.txt');

rmSync(work, { recursive: true, force: true });
console.log('wrote corpus/sh-lingang-2016.pdf, corpus/gz-talent-2012.doc and corpus/gz-talent-2012.docx');
