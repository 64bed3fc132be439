/** Deepest nesting of arrays and objects a JSON body may have; our DTOs need fewer than ten levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * body-parser `verify` hook: scans the raw bytes (linear, no allocation) and refuses a body nested
 * deeper than MAX_JSON_DEPTH before JSON.parse and the validators walk it recursively.
 */
export function verifyJsonDepth(_req: unknown, _res: unknown, buffer: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep' });
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}
