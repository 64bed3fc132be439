/** At most this many words per search; each at most MAX_TERM_LENGTH characters. */
const MAX_TERMS = 5;
const MAX_TERM_LENGTH = 50;

/** A search box's text as words (split on spaces): every word must match (AND). */
export function parseSearchTerms(q: string | undefined | null): string[] {
  if (!q) return [];
  const words = q
    .split(/[\s\u3000]+/)
    .map((w) => w.slice(0, MAX_TERM_LENGTH))
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** '%term%' for LIKE/ILIKE with %, _ and \ in the term matched literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A measure code as the list shows it: 2, 2.1, 2.1.2, 2.1.2-1. */
export function isCodeTerm(term: string): boolean {
  return /^\d{1,9}(\.\d{1,9}){0,5}(-\d{1,4})?$/.test(term);
}
