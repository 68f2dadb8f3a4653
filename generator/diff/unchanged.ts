/**
 * The component schemas a comparison can skip: written the same in both documents, and
 * referencing only schemas that are themselves unchanged. On a large document with a few
 * edits (Cloudflare's: 4 MB, thousands of schemas) this is most of them.
 */
import { escapeSegment } from "../lib/json-pointer.js";
import { isObject, type Json, type JsonObject } from "../model/resolve-ref.js";
import { sameJson } from "./schema-rules.js";

export function unchangedSchemas(old: JsonObject, now: JsonObject): Set<string> {
  const schemasOf = (document: JsonObject): JsonObject => {
    const components = isObject(document.components) ? document.components : {};
    return isObject(components.schemas) ? components.schemas : {};
  };
  const before = schemasOf(old);
  const after = schemasOf(now);
  const pointer = (name: string) => `#/components/schemas/${escapeSegment(name)}`;
  const refs = new Map<string, string[]>();
  for (const name of Object.keys(before)) {
    if (name in after && sameJson(before[name], after[name])) refs.set(pointer(name), refsIn(before[name]!));
  }
  // Drop, until nothing changes, every candidate that references a schema that is not one.
  let dropped = true;
  while (dropped) {
    dropped = false;
    for (const [at, targets] of refs) {
      if (targets.every((target) => refs.has(target))) continue;
      refs.delete(at);
      dropped = true;
    }
  }
  return new Set(refs.keys());
}

function refsIn(node: Json, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}
