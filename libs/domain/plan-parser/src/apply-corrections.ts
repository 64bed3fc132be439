import type { AppliedCorrection, CorrectionEntry } from './plan-types';

interface CompiledEntry {
  entry: CorrectionEntry;
  /** Start offsets where the context allows this entry; undefined = allowed everywhere. */
  allowedAt?: Set<number>;
}

/**
 * Applies a correction dictionary in one left-to-right pass: at each position the longest
 * matching `wrong` wins (contextual rows before plain ones of the same length), and replaced
 * text is never rescanned, so rows cannot feed each other (e.g. 处所→地方 and 党地方→党中央).
 * Contexts are evaluated once on the input, which keeps the pass linear in the text length.
 * `rejected` holds AppliedCorrection ids (`line:column:wrong`) the office turned down: the word
 * stays as written there.
 */
export function applyCorrections(
  text: string,
  entries: readonly CorrectionEntry[],
  rejected: ReadonlySet<string> | readonly string[] = [],
): { text: string; corrections: AppliedCorrection[] } {
  const rejectedIds = rejected instanceof Set ? rejected : new Set(rejected as readonly string[]);
  const byFirstChar = new Map<string, CompiledEntry[]>();
  for (const entry of entries) {
    if (!entry.wrong) continue;
    const compiled: CompiledEntry = { entry };
    if (entry.context) compiled.allowedAt = findContextOffsets(text, entry.wrong, entry.context);
    const bucket = byFirstChar.get(entry.wrong[0]) ?? [];
    bucket.push(compiled);
    byFirstChar.set(entry.wrong[0], bucket);
  }
  for (const bucket of byFirstChar.values()) {
    bucket.sort(
      (a, b) =>
        b.entry.wrong.length - a.entry.wrong.length ||
        Number(b.allowedAt !== undefined) - Number(a.allowedAt !== undefined),
    );
  }

  const out: string[] = [];
  const corrections: AppliedCorrection[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const candidates = byFirstChar.get(ch);
    let applied: CompiledEntry | undefined;
    if (candidates) {
      for (const candidate of candidates) {
        const { wrong } = candidate.entry;
        if (!text.startsWith(wrong, i)) continue;
        if (candidate.allowedAt && !candidate.allowedAt.has(i)) continue;
        applied = candidate;
        break;
      }
    }
    if (applied) {
      const { wrong, right } = applied.entry;
      const column = i - lineStart + 1;
      const id = `${line}:${column}:${wrong}`;
      if (!rejectedIds.has(id)) {
        corrections.push({ id, wrong, right, line, column });
        out.push(right);
        i += wrong.length;
        continue;
      }
      // A rejected correction keeps the original word; the pass goes on after it.
      out.push(wrong);
      i += wrong.length;
      continue;
    }
    out.push(ch);
    i += 1;
    if (ch === '\n') {
      line += 1;
      lineStart = i;
    }
  }
  return { text: out.join(''), corrections };
}

function findContextOffsets(text: string, wrong: string, context: string): Set<number> {
  const allowed = new Set<number>();
  const pattern = new RegExp(context, 'gmu');
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    let at = match[0].indexOf(wrong);
    while (at !== -1) {
      allowed.add(start + at);
      at = match[0].indexOf(wrong, at + 1);
    }
  }
  return allowed;
}
