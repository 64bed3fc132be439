const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parses heading numerals such as 三, 十二, 二十一, 一百零五 or 12; NaN when it is not one. */
export function parseChineseNumeral(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in DIGITS) {
      current = DIGITS[ch];
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else {
      return Number.NaN;
    }
  }
  return total + current;
}

const SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 21 → 二十一 (used for labels of inferred headings and synthetic plans). */
export function formatChineseNumeral(value: number): string {
  if (value <= 0 || !Number.isInteger(value) || value >= 100) return String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  if (tens === 0) return SMALL[ones];
  return `${tens === 1 ? '' : SMALL[tens]}十${SMALL[ones]}`;
}
