/** "落实 · 任务督办" → name 落实, tagline 任务督办 (a title without "·" is all name). */
export function splitAppTitle(title: string): { name: string; tagline: string } {
  const at = title.indexOf('·');
  if (at < 0) return { name: title.trim(), tagline: '' };
  return { name: title.slice(0, at).trim(), tagline: title.slice(at + 1).trim() };
}
