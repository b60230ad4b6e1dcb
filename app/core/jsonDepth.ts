/**
 * Deepest nesting accepted in JSON from a caller (the `data` payload, a JSON body). Methods take flat
 * parameters or a list of small objects; 32 leaves room for any of them.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text opens more than `maxDepth` arrays or objects inside each other, found by one linear
 * scan without parsing. It runs before the signature is known, so a deeply nested payload (500k levels
 * cost ~100 ms of JSON.parse) is refused for the price of reading it. Brackets inside strings do not count.
 */
export function nestsDeeperThan(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  if (text.length <= maxDepth) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string: to the next quote that no backslash escapes.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}
