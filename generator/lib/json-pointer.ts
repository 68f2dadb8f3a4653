/** JSON pointers (RFC 6901), as `$ref` fragments write them: "#/components/schemas/a~1b". */

/** A key as one pointer segment: `~` and `/` escaped (§4). */
export function escapeSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * The value a "#" or "#/…" pointer names; undefined when there is none. Each segment is
 * URI-decoded, then unescaped (§6); the pointer is split first, as Redocly's loader
 * splits it, so an encoded "/" stays inside its key. Only own properties and array
 * indexes count: a spec's `$ref` must not reach a prototype's `constructor` or
 * `__proto__`, or an array's `length`.
 */
export function lookup(root: unknown, pointer: string): unknown {
  if (pointer !== "#" && !pointer.startsWith("#/")) return undefined;
  let node = root;
  for (const raw of pointer.split("/").slice(1)) {
    if (typeof node !== "object" || node === null) return undefined;
    const key = unescapeSegment(raw);
    if (Array.isArray(node) && !/^(0|[1-9]\d*)$/.test(key)) return undefined;
    node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** One segment of a `$ref` fragment as the key it names: URI-decoded, then unescaped (§6). */
export function unescapeSegment(raw: string): string {
  return decodeSegment(raw).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** A stray `%` is a plain character, not a broken escape. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A JSON object as the document's rewrites walk it (load/deep-refs.ts, load/parent-child-schemas.ts). */
export type JsonRecord = Record<string, unknown>;

/** Whether `value` is a JSON object (not null, not an array). */
export const isJsonRecord = (value: unknown): value is JsonRecord => typeof value === "object" && value !== null && !Array.isArray(value);
