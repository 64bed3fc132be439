// Title matching shared by the scorers (plan-score, suggest-score): keys hold a title's first words.

/** Comparable form of a title or name: no spaces, half-width punctuation, no quotes, no leading number. */
export const norm = (s) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”"‘’'「」《》]/g, '')
    .replace(/^[（(]?[一二三四五六七八九十百〇0-9]+[)）.、．]\s*/, '');

/** Whether a found title is the one a key names by its first words (or a found title cut short). */
export const prefixMatch = (found, keyPrefix) => {
  const f = norm(found);
  const k = norm(keyPrefix);
  return !!k && (f.startsWith(k) || (f.length >= 4 && k.startsWith(f)));
};
