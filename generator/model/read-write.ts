/**
 * Whether a document marks any schema `readOnly: true` or `writeOnly: true` (OpenAPI 3
 * §4.8.24.1: sent only in responses, or only in requests). Then schema.ts carries
 * openapi-typescript's read/write markers (`$Read<T>`, `$Write<T>`, which openapi-fetch
 * reads), and types.ts takes requests through `Writable<>` and responses through
 * `Readable<>`: a request type has no readOnly property, a response type no writeOnly one.
 * Documents without them are typed as before. Examples, defaults and enums are values, not schemas.
 */
export function usesReadWrite(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(usesReadWrite);
  if (node === null || typeof node !== "object") return false;
  const object = node as Record<string, unknown>;
  if (object.readOnly === true || object.writeOnly === true) return true;
  return Object.entries(object).some(([key, value]) => !VALUES.has(key) && usesReadWrite(value));
}

const VALUES = new Set(["example", "examples", "default", "enum", "const"]);
