import { escapeSegment, lookup } from "../lib/json-pointer.js";

/** The bundled document: every `$ref` is a local JSON pointer ("#/components/…"). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Follows `$ref`s until it reaches an object that is not a reference. Returns undefined
 * for a dangling or circular chain (the linter has already reported real breakage).
 */
export function deref(document: JsonObject, value: Json | undefined): JsonObject | undefined {
  const seen = new Set<string>();
  let current = value;
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref) || !ref.startsWith("#")) return undefined;
    seen.add(ref);
    current = pointer(document, ref);
  }
  return isObject(current) ? current : undefined;
}

/**
 * Where a value really lives: follows `$ref`s from `pointer` and returns the pointer of
 * the object reached ("#/components/requestBodies/X"), so a validator can be aimed at it.
 */
export function locate(document: JsonObject, start: string): string | undefined {
  const seen = new Set<string>();
  let at = start;
  for (let node = pointer(document, at); isObject(node) && typeof node.$ref === "string"; node = pointer(document, at)) {
    if (seen.has(node.$ref) || !node.$ref.startsWith("#")) return undefined;
    seen.add(node.$ref);
    at = node.$ref;
  }
  return pointer(document, at) === undefined ? undefined : at;
}

/** A key as one JSON pointer segment, URI-encoded for use in a fragment (RFC 6901 §6). */
export function pointerSegment(key: string): string {
  return encodeURIComponent(escapeSegment(key));
}

function pointer(document: JsonObject, ref: string): Json | undefined {
  return lookup(document, ref) as Json | undefined;
}
