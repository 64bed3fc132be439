// Regenerates the reader test fixtures: `node libs/server/plans/src/readers/testing/make-fixtures.mjs`.
// Needs LibreOffice (soffice) and fonts-noto-cjk. The .docx is built with the docx package, then
// LibreOffice prints it to PDF (plain and password-protected) and saves it as Word 97 (.doc).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import {
  AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'plan-fixtures-'));

const body = (text) => new Paragraph({ children: [new TextRun({ text, font: 'Noto Serif CJK SC', size: 28 })], indent: { firstLine: 560 }, alignment: AlignmentType.JUSTIFIED });
const heading = (text) => new Paragraph({ children: [new TextRun({ text, font: 'Noto Sans CJK SC', size: 28, bold: true })], indent: { firstLine: 560 } });
const cell = (text, width) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, font: 'Noto Serif CJK SC', size: 21 })] })] });

const filler = '坚持问题导向和目标导向，统筹推进体制机制创新、政策集成和服务优化，形成一批可复制可推广的经验做法，切实增强人民群众的获得感和满意度。';
const measures = [
  ['（一）深化“放管服”改革。', '全面推行证明事项告知承诺制，到2025年，政务服务事项网上可办率达到95%以上，企业开办时间压缩至1个工作日以内。', '（省政务服务办牵头，省市场监管局、省公安厅配合）'],
  ['（二）优化营商环境。', '健全营商环境评价机制，开展常态化监测评估，2024年底前建成全省统一的涉企政策服务平台。', '（省发展改革委牵头，各设区市政府负责）'],
  ['（三）加强人才支撑。', '实施高层次人才引进计划，“十四五”期间累计引进高层次人才5000名，新建博士后工作站120个。', '（省委组织部、省人力社保厅牵头，省教育厅、省科技厅配合）'],
  ['（四）强化要素保障。', '统筹用地、用能、资金等要素向重大项目倾斜，每年安排省级专项资金20亿元。', '（省财政厅、省自然资源厅按职责分工负责）'],
];
const paragraphs = [
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '测试省优化营商环境三年行动方案', font: 'Noto Sans CJK SC', size: 40, bold: true })] }),
  body('为深入贯彻党中央、国务院决策部署，持续优化营商环境，结合我省实际，制定本方案。' + filler),
  heading('一、总体要求'),
  body(filler + filler),
  heading('二、重点任务'),
  ...measures.flatMap(([title, text, duty]) => [body(title + text + filler + filler + duty)]),
  heading('三、保障措施'),
  body('（一）加强组织领导。' + filler + filler + filler),
  body('（二）强化督促落实。' + filler + filler + filler + '（省政府督查室牵头，有关部门配合）'),
  new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: '附件', font: 'Noto Sans CJK SC', size: 28 })] }),
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '重点任务分工表', font: 'Noto Sans CJK SC', size: 32 })] }),
  new Table({
    rows: [
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '全面推行证明事项告知承诺制，建设一网通办平台', '省政务服务办', '省市场监管局、省公安厅', '2025年底前'],
      ['2', '建成全省统一的涉企政策服务平台', '省发展改革委', '各设区市政府', '2024年底前'],
      ['3', '实施高层次人才引进计划', '省委组织部、省人力社保厅', '省教育厅、省科技厅', '长期坚持'],
    ].map((row) => new TableRow({ children: row.map((text, i) => cell(text, [700, 3300, 1900, 2200, 1300][i])) })),
  }),
];
const makeDoc = (withHeaderAndFooter) => new Document({
  sections: [
    {
      headers: withHeaderAndFooter ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '测试省人民政府办公厅文件', font: 'Noto Serif CJK SC', size: 18 })] })] }) } : undefined,
      footers: withHeaderAndFooter ? { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 24 })] })] }) } : undefined,
      children: paragraphs,
    },
  ],
});
const docxPath = join(work, 'plan-with-header-footer.docx');
writeFileSync(docxPath, await Packer.toBuffer(makeDoc(true)));
// word-extractor 1.0.4 fails (RangeError in processSprms) on LibreOffice's .doc of this document WITH
// its header and footer; the .doc fixture is therefore saved from the same document without them.
const plainDocxPath = join(work, 'plan.docx');
writeFileSync(plainDocxPath, await Packer.toBuffer(makeDoc(false)));

const soffice = (args) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, ...args], { cwd: work, stdio: 'ignore' });
soffice(['--convert-to', 'pdf', docxPath]);
copyFileSync(join(work, 'plan-with-header-footer.pdf'), join(here, 'plan-with-header-footer.pdf'));
soffice(['--convert-to', 'doc:MS Word 97', plainDocxPath]);
copyFileSync(join(work, 'plan.doc'), join(here, 'plan.doc'));
const encrypt = JSON.stringify({ EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: 'secret' } });
execFileSync('cp', [docxPath, join(work, 'encrypted.docx')]);
soffice(['--convert-to', `pdf:writer_pdf_Export:${encrypt}`, join(work, 'encrypted.docx')]);
copyFileSync(join(work, 'encrypted.pdf'), join(here, 'encrypted.pdf'));

// A "scan": one page that is only an image (a grey PNG), no text layer.
const crc32 = (buf) => {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const [w, h] = [400, 560];
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(w, 0);
ihdr.writeUInt32BE(h, 4);
ihdr[8] = 8;
ihdr[9] = 0;
const raw = Buffer.alloc((w + 1) * h, 0xc8);
for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(join(work, 'scan.png'), png);
writeFileSync(join(work, 'scan.html'), '<html><body><img src="scan.png" width="400" height="560"></body></html>');
soffice(['--convert-to', 'pdf:writer_web_pdf_Export', join(work, 'scan.html')]);
copyFileSync(join(work, 'scan.pdf'), join(here, 'scan-without-text.pdf'));

console.log(`fixtures written to ${here}: ${['plan-with-header-footer.pdf', 'plan.doc', 'encrypted.pdf', 'scan-without-text.pdf'].map((f) => `${f} ${readFileSync(join(here, f)).length} B`).join(', ')}`);
rmSync(work, { recursive: true, force: true });
