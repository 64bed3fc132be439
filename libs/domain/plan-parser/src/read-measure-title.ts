/**
 * A measure paragraph starts with a short lead sentence that names it: "共建轨道上的长三角。加快…".
 * The lead must end with 。, be at most 40 characters and contain no clause punctuation (a real
 * sentence such as "到2025年，…" or "长三角…地处沪苏浙交界，…" is body text, not a title).
 * Returns the title, or null when the paragraph is not a measure.
 */
export function readMeasureTitle(text: string): string | null {
  const end = text.indexOf('。');
  if (end < 2 || end > 40) return null;
  const lead = text.slice(0, end);
  if (/[，；：,;:！？]/.test(lead)) return null;
  if (/^(到|至)\d{4}年/.test(lead)) return null;
  return lead;
}

/** Paragraphs such as "到2035年，…" state a section's targets; they never continue a measure. */
export function startsWithTargetYear(text: string): boolean {
  return /^(到|至)\d{4}年/.test(text);
}
