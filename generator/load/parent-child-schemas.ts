/**
 * The shape Java generators produce (HubSpot's CRM APIs): a parent whose `oneOf` (or
 * `anyOf`) lists its children, each child `allOf: [parent, own fields]`, with no
 * discriminator. Read literally each contains the other, and no TypeScript type can say
 * so (the emitter refuses such a cycle); a validator would loop on it. What it means is
 * "a child is the parent's fields plus its own": each such child's `allOf` is pointed at
 * a copy of the parent without its `oneOf`/`anyOf` (`<Parent>Base`, numbered when taken),
 * and the parent stays "its fields, and one of its children".
 */
import { escapeSegment, isJsonRecord as isObject, unescapeSegment, type JsonRecord as Json } from "../lib/json-pointer.js";
import type { OpenApiDocument } from "./load-spec.js";

const PREFIX = "#/components/schemas/";

/** Splits each such parent in place (see above); returns the parents' names. */
export function splitParentsFromChildren(document: OpenApiDocument): string[] {
  const components = (document as Json).components;
  const schemas = isObject(components) && isObject(components.schemas) ? components.schemas : undefined;
  if (schemas === undefined) return [];
  const split: string[] = [];
  for (const parentName of Object.keys(schemas).sort()) {
    const parent = schemas[parentName];
    if (!isObject(parent) || parent.discriminator !== undefined) continue;
    const parentRef = PREFIX + escapeSegment(parentName);
    const children = [parent.oneOf, parent.anyOf]
      .flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : []))
      .map((member) =>
        isObject(member) && typeof member.$ref === "string" && member.$ref.startsWith(PREFIX)
          ? schemas[unescapeSegment(member.$ref.slice(PREFIX.length))]
          : undefined,
      )
      .filter(
        (child): child is Json & { allOf: unknown[] } =>
          isObject(child) && Array.isArray(child.allOf) && child.allOf.some((m) => isRefTo(m, parentRef)),
      );
    if (children.length === 0) continue;
    const { oneOf: _oneOf, anyOf: _anyOf, ...base } = parent;
    const baseName = freeName(schemas, `${parentName}Base`);
    schemas[baseName] = base;
    const baseRef = PREFIX + escapeSegment(baseName);
    for (const child of new Set(children))
      child.allOf = child.allOf.map((m) => (isRefTo(m, parentRef) ? { ...(m as Json), $ref: baseRef } : m));
    split.push(parentName);
  }
  return split;
}

function isRefTo(node: unknown, ref: string): boolean {
  return isObject(node) && node.$ref === ref;
}

function freeName(taken: Json, wanted: string): string {
  if (!Object.hasOwn(taken, wanted)) return wanted;
  for (let n = 2; ; n++) if (!Object.hasOwn(taken, `${wanted}${n}`)) return `${wanted}${n}`;
}
