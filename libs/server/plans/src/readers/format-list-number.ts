/**
 * Formats a list counter the way Word displays it for a w:numFmt value (ECMA-376 ST_NumberFormat).
 * Only the formats Chinese government documents use are spelled out; anything else falls back to
 * decimal so a number is never lost.
 */
const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CHINESE_LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (counting style, below 10,000). */
export function toChineseCounting(value: number, digits = CHINESE_DIGITS, units = ['', '十', '百', '千']): string {
  if (value <= 0 || value >= 10000) return String(value);
  const parts = String(value).split('').map(Number);
  let out = '';
  let pendingZero = false;
  parts.forEach((digit, i) => {
    const unit = units[parts.length - 1 - i];
    if (digit === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) out += digits[0] === '〇' ? '零' : digits[0];
    pendingZero = false;
    // 十一 rather than 一十一 for 10–19 (the counting style Word uses).
    out += value >= 10 && value < 20 && unit === '十' && digits === CHINESE_DIGITS ? unit : digits[digit] + unit;
  });
  return out;
}

function toRoman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

function toLetters(value: number): string {
  if (value <= 0) return String(value);
  // Word repeats the letter: 27 → aa, 28 → bb.
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

export function formatListNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case 'decimal':
      return String(value);
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? CIRCLED[value - 1] : String(value);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return toChineseCounting(value);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(value).split('').map((d) => CHINESE_DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return toChineseCounting(value, CHINESE_LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(value - 1) % HEAVENLY_STEMS.length] ?? String(value);
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(value - 1) % EARTHLY_BRANCHES.length] ?? String(value);
    case 'lowerLetter':
      return toLetters(value);
    case 'upperLetter':
      return toLetters(value).toUpperCase();
    case 'lowerRoman':
      return toRoman(value).toLowerCase();
    case 'upperRoman':
      return toRoman(value);
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(value);
  }
}
