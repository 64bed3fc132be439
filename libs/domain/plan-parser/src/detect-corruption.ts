import type { CorrectionMode, CorruptionVerdict } from './plan-types';

/*
 * Is this text machine-spun? A synonym spinner leaves words that no correctly written Chinese
 * government text contains: character swaps that are not words at all (沉点 for 重点, 严沉 for
 * 重大, 笨能 for 智能, 平易近 for 民, 收撑 for 支持 …). Ordinary words that a spinner also produces
 * (配合, 主要, 使用, 成长, 程度, 成立, 法律 …) are deliberately NOT evidence: clean documents are
 * full of them, and counting them is exactly what made the dictionary rewrite clean plans.
 *
 * The list was derived from the seed dictionary (seeds/corrections/zhejiang-yrd.tsv) and the spun
 * seed: its rows ranked by how often their wrong form occurs in the spun copy, keeping only wrong
 * forms that are not standard words (checked absent from the clean case texts and the restored
 * seed, and not able to arise across a word boundary of ordinary text: 合做 in 配合做好, 工做 in 施工做好,
 * 从体 in 从体制上, 能流 in 智能流水线 … were dropped). The score is their occurrences per 1,000 non-space characters; a text is corrupted when
 * the score reaches THRESHOLD and at least MIN_HITS occurrences of MIN_TERMS different words are
 * found (so one odd word in a short text is not enough). Measured: the spun seed scores ≈ 26,
 * every clean case text 0 (see the spec and the README of the lib).
 */
export const SPINNER_ONLY_WORDS: readonly string[] = [
  '打制', '平易近', '严沉', '沉点', '收撑', '旅逛', '鼎新', '笨能', '笨制', '贸难', '运做', '自正在', '博项',
  '博业', '博窗', '博利', '体系体例', '共乱', '联乱', '法乱', '防乱', '自乱', '政乱', '电女', '量女', '参取',
  '劣量', '劣良', '劣先', '具无', '竞让', '当急', '零合', '删加', '新删', '删量', '删值', '集拆箱', '省曲',
  '外小企业', '分体要求', '沉视', '注沉', '现范区', '满脚', '群寡', '比沉', '现形冠军', '标的目的', '长儿园',
  '促朝上进步', '学问产权', '掉信', '捕好', '日害', '电坐', '协做', '缺杭', '停业执照',
];

export const CORRUPTION_THRESHOLD = 2;
const MIN_HITS = 3;
const MIN_TERMS = 2;
const MAX_EVIDENCE = 20;

export interface CorruptionEvidence {
  corrupted: boolean;
  score: number;
  threshold: number;
  evidence: { term: string; count: number }[];
}

/** Counts spinner-only words (longest first, non-overlapping) and judges the text. */
export function detectCorruption(text: string): CorruptionEvidence {
  const words = [...SPINNER_ONLY_WORDS].sort((a, b) => b.length - a.length);
  const counts = new Map<string, number>();
  const taken = new Uint8Array(text.length);
  for (const word of words) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      if (taken.subarray(at, at + word.length).some((x) => x === 1)) continue;
      taken.fill(1, at, at + word.length);
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const evidence = [...counts.entries()]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
  const hits = evidence.reduce((sum, e) => sum + e.count, 0);
  const characters = text.replace(/\s/g, '').length;
  const score = characters === 0 ? 0 : Math.round((hits / characters) * 1000 * 100) / 100;
  const corrupted = score >= CORRUPTION_THRESHOLD && hits >= MIN_HITS && evidence.length >= MIN_TERMS;
  return { corrupted, score, threshold: CORRUPTION_THRESHOLD, evidence: evidence.slice(0, MAX_EVIDENCE) };
}

/** auto: apply when corrupted; on/off: as the office says. */
export function shouldApplyCorrections(mode: CorrectionMode, corrupted: boolean): boolean {
  return mode === 'on' || (mode === 'auto' && corrupted);
}

export function corruptionVerdict(
  evidence: CorruptionEvidence,
  mode: CorrectionMode,
  applied: boolean,
  candidates: number,
): CorruptionVerdict {
  return { ...evidence, mode, applied, candidates };
}
