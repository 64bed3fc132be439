import type { Block } from './classify-lines';
import type { ParseWarning } from './plan-types';

export interface DocumentParts {
  title: string;
  /** A 印发通知 cover letter (and anything before the plan's own title): not part of the plan. */
  frontMatter: Block[];
  body: Block[];
  /** 附件 (annexes, e.g. a 分工表), the signature/date block, 抄送 and 印发 lines. */
  endMatter: Block[];
  /** 注： footnote paragraphs taken out of the body. */
  notes: Block[];
}

const NOTICE = /印发.{2,80}的通知/;
/** The cover letter's own sentence, also when the notice's title line is missing from the copy. */
const HANDED_OVER = /现将《[^《》]{4,80}》印发给你们/;
const QUOTED_NAME = /《([^《》]{4,80})》/;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const ANNEX = /^(附件|附表)(\s*\d*\s*([：:].{0,60})?|\s*\d*\s+[^。，；]{1,40}|\s*\d+[^。，；\d]{1,40})$/;
const CLOSING = /^(抄送|主送|主题词|公开属性|联系人)[：:]|印发$|^（此件.{0,12}）$/;
const NOTE = /^(注|备注|说明)\s*\d*[：:]/;

/**
 * Splits a document into front matter, title, body and end matter.
 * - Title: a leading markdown H1, or a first line that is neither a heading nor a sentence. When
 *   the text opens with a 印发通知 (…关于印发《X》的通知 … 现将《X》印发给你们 … signer, date), the
 *   cover letter is front matter and the title is the plan's own title line (X), not the notice's.
 * - End matter starts at an 附件/附表 line, a 抄送/印发 line or a date-only line after the body
 *   (with the signer's line before it); 注： paragraphs are notes, never a measure's body.
 */
export function splitDocument(blocks: Block[], warnings: ParseWarning[]): DocumentParts {
  const cover = findCoverLetterEnd(blocks);
  const frontMatter = blocks.slice(0, cover);
  if (cover > 0) {
    warnings.push({ line: frontMatter[0].line, code: 'COVER_LETTER_SKIPPED', message: `第${frontMatter[0].line}行起的印发通知不属于方案正文，已跳过` });
  }
  const { title, rest } = takeTitle(blocks.slice(cover));
  const body: Block[] = [];
  const notes: Block[] = [];
  let end = rest.length;
  let headings = 0;
  for (let i = 0; i < rest.length; i++) {
    const block = rest[i];
    const text = textOf(block);
    if (block.type === 'heading') headings++;
    // Only after the plan has begun: a 附件 line inside a cover letter we did not recognise is not the end.
    if (headings > 0 && (ANNEX.test(text) || CLOSING.test(text))) {
      end = i;
      break;
    }
    if (headings > 0 && block.type === 'paragraph' && DATE_LINE.test(text) && rest.slice(i + 1).every((b) => b.type !== 'heading')) {
      end = i;
      const signer = body[body.length - 1];
      if (signer?.type === 'paragraph' && signer.text.length <= 24 && !/[。，；：]/.test(signer.text)) {
        body.pop();
        end = i - 1;
      }
      break;
    }
    if (block.type === 'paragraph' && NOTE.test(block.text)) notes.push(block);
    else body.push(block);
  }
  return { title, frontMatter, body, endMatter: rest.slice(end), notes };
}

function textOf(block: Block): string {
  if (block.type === 'paragraph') return block.text;
  if (block.type === 'heading') return block.style === 'markdown' && !block.label ? block.title : '';
  return '';
}

/** Index of the plan's own title line after a leading 印发通知, or 0 when there is no cover letter. */
function findCoverLetterEnd(blocks: Block[]): number {
  const head = blocks.slice(0, 4).map(textOf).join('');
  if (!NOTICE.test(head) && !HANDED_OVER.test(head)) return 0;
  let name: string | null = null;
  for (let i = 0; i < Math.min(blocks.length, 80); i++) {
    const text = textOf(blocks[i]);
    const quoted = QUOTED_NAME.exec(text);
    if (!name && quoted && /印发|现将/.test(text)) name = quoted[1];
    if (name && i > 0 && startsTitle(blocks, i, name)) return i;
  }
  // No quoted name to find: the plan starts after the notice's date line.
  for (let i = 1; i < Math.min(blocks.length - 1, 16); i++) {
    if (DATE_LINE.test(textOf(blocks[i]))) {
      const at = /^（此件.{0,12}）$/.test(textOf(blocks[i + 1])) ? i + 2 : i + 1;
      const next = blocks[at];
      if (next?.type === 'paragraph' && !next.text.includes('。') && next.text.length <= 80) return at;
    }
  }
  return 0;
}

/** Whether the plan's name X starts at block i, possibly wrapped over up to three lines. */
function startsTitle(blocks: Block[], i: number, name: string): boolean {
  const wanted = compact(name);
  let text = '';
  for (let j = i; j < Math.min(blocks.length, i + 3); j++) {
    text += compact(textOf(blocks[j]));
    if (text === wanted) return true;
    if (!wanted.startsWith(text)) return false;
  }
  return false;
}

const compact = (s: string) => s.replace(/^#+\s*/, '').replace(/[\s（）()]/g, '');

const DOCUMENT_KIND = /(方案|计划|意见|规划|要点|办法|细则|纲要|通知|规定|措施|举措|清单)$/;
const PERIOD_LINE = /^（\d{4}\s*[-—–~～至到]+\s*\d{4}年?）$/;

/** A title wrapped over several short lines: 静安区全力打响“上海服务”品牌 ⏎ 加快建设…行动计划 ⏎ （2018—2020年）. */
function continuesTitle(title: string, block: Block | undefined): block is Block & { type: 'paragraph' } {
  if (!block || block.type !== 'paragraph' || block.text.length > 40 || /[。，；：]/.test(block.text)) return false;
  if (PERIOD_LINE.test(block.text)) return true;
  return !DOCUMENT_KIND.test(title) && !PERIOD_LINE.test(title.slice(-14));
}

/**
 * The title is a leading markdown H1, or a first line that is neither a heading nor a sentence
 * (no 。, at most 80 characters), e.g. 浙江省推进长江三角洲区域一体化发展行动方案, with the lines
 * it wraps onto (continuesTitle).
 */
function takeTitle(blocks: Block[]): { title: string; rest: Block[] } {
  const first = blocks[0];
  if (!first) return { title: '', rest: blocks };
  if (first.type === 'heading' && first.style === 'markdown' && first.mdLevel === 1) {
    const otherH1 = blocks.slice(1).some((b) => b.type === 'heading' && b.style === 'markdown' && b.mdLevel === 1);
    if (!otherH1) return { title: first.label ? `${first.label}${first.title}` : first.title, rest: blocks.slice(1) };
  }
  if (first.type === 'paragraph' && !first.text.includes('。') && first.text.length <= 80 && !/[，；]/.test(first.text)) {
    let title = first.text;
    let next = 1;
    while (next < 4 && continuesTitle(title, blocks[next])) title += (blocks[next++] as { text: string }).text;
    return { title, rest: blocks.slice(next) };
  }
  return { title: '', rest: blocks };
}
