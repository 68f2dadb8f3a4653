// copied from generator/runtime/validation.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * ESM versions of the two helpers Ajv's standalone validators call (its own are
 * CommonJS): only generated/validators.ts imports this file.
 */

/** Structural equality of JSON values, for `uniqueItems`. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]));
  }
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** String length in code points, as JSON Schema counts `minLength` and `maxLength`. */
export function ucs2length(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
