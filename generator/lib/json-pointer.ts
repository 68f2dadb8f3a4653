/** JSON pointers (RFC 6901), as `$ref` fragments write them: "#/components/schemas/a~1b". */

/** A key as one pointer segment: `~` and `/` escaped (§4). */
export function escapeSegment(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The value a "#/…" pointer names, own properties only; segments may also be URI-encoded (§6). */
export function lookup(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.slice(1).split("/").slice(1)) {
    if (typeof node !== "object" || node === null) return undefined;
    const key = decodeSegment(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** A stray `%` is a plain character, not a broken escape. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
