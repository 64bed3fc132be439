/**
 * Compares codes part by part: numeric parts as numbers (2.10 after 2.9), others as text, and a code
 * before the longer codes it begins. `separators` cut a code into its parts: dots for plan nodes
 * (the default); the task grid adds hyphens, so a split task (2.3.1-2) sorts after its measure.
 */
export function compareCodes(a: string, b: string, separators: RegExp = /\./): number {
  const pa = a.split(separators);
  const pb = b.split(separators);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const diff = Number(x) - Number(y);
    if (!Number.isNaN(diff) && diff !== 0) return diff;
    if (Number.isNaN(diff) && x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
