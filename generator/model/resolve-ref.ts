import { escapeSegment, lookup } from "../lib/json-pointer.js";

/** JSON data, as the bundled document holds it (every `$ref` in it a local pointer, "#/components/…"). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object reached through any `$ref`s, and the JSON pointer of where it really lives. */
export interface Resolved {
  readonly node: JsonObject;
  /** Undefined when the walk started from a value whose place is unknown and met no `$ref`. */
  readonly pointer: string | undefined;
}

/**
 * Follows `$ref`s from `value`, which sits at pointer `at` when that is known, until it
 * reaches an object that is not a reference. Returns the object and its pointer (the last
 * `$ref` followed, else `at`), so that a validator can be aimed at it; undefined for a
 * dangling or circular chain, a `$ref` out of the document, or a value that is not an
 * object (the linter has already reported real breakage).
 */
export function resolve(document: JsonObject, value: Json | undefined, at?: string): Resolved | undefined {
  const seen = new Set<string>();
  let current = value;
  let pointer = at;
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref) || !ref.startsWith("#")) return undefined;
    seen.add(ref);
    pointer = ref;
    current = lookup(document, ref) as Json | undefined;
  }
  return isObject(current) ? { node: current, pointer } : undefined;
}

/** The object `value` stands for, through any `$ref`s. */
export function deref(document: JsonObject, value: Json | undefined): JsonObject | undefined {
  return resolve(document, value)?.node;
}

/**
 * A key as one JSON pointer segment, URI-encoded for use in a fragment (RFC 6901 §6).
 * A lone surrogate (JSON allows one in a key) has no URI encoding, and encodeURIComponent
 * would throw on it: it is kept as it is, which lookup() reads back.
 */
export function pointerSegment(key: string): string {
  return escapeSegment(key).replace(/(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])+/g, (wellFormed) =>
    encodeURIComponent(wellFormed),
  );
}

/** `pointer` extended by `keys`, each as one segment; undefined stays undefined. */
export function child(pointer: string | undefined, ...keys: readonly string[]): string | undefined {
  return pointer === undefined ? undefined : [pointer, ...keys.map(pointerSegment)].join("/");
}
