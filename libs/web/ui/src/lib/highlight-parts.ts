export interface HighlightPart {
  text: string;
  match: boolean;
}

/** Splits `text` around every occurrence of `term` (case-insensitive), for <mark>ing search hits. */
export function highlightParts(text: string, term: string | null | undefined): HighlightPart[] {
  const needle = term?.trim().toLowerCase();
  if (!needle || !text) return text ? [{ text, match: false }] : [];
  const haystack = text.toLowerCase();
  const parts: HighlightPart[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
