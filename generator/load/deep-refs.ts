/**
 * `$ref`s that point inside another object (`#/components/schemas/Tag/allOf/0`,
 * `#/components/parameters/X/schema`, `#/paths/~1items/post/requestBody/content/application~1json/schema`).
 * openapi-typescript turns each into a lookup on its own output type, which has no such
 * key (TS2339; its issues #1742 and #588). Before anything is emitted they are rewritten:
 * - a schema is hoisted into `components.schemas` under a name made from its pointer
 *   (`Tag_allOf_0`, numbered when taken), and left behind as a `$ref` to it, so that
 *   the schema is still defined once and a schema that refers into itself stays recursive;
 * - anything else (a parameter, a response…) is inlined: it cannot refer to itself.
 * A `$ref` whose target is itself a `$ref` is pointed at that ref's target.
 */
import { escapeSegment, isJsonRecord as isObject, unescapeSegment, type JsonRecord as Json } from "../lib/json-pointer.js";
import type { OpenApiDocument } from "./load-spec.js";

/** What a place in the document holds, as far as these rewrites need to know. */
type Kind = "schema" | "other";

/** Schema keywords whose value is a schema, a list of schemas, or a map of them. */
const SUBSCHEMA = new Set([
  "items",
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
  "additionalItems",
]);
const SUBSCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SUBSCHEMA_MAP = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

/** Rewrites the document's deep `$ref`s in place (see above). */
export function rewriteDeepRefs(document: OpenApiDocument): void {
  const root = document as Json;
  // A rewrite can uncover more (an inlined parameter holds a deep ref): until none is left.
  for (let round = 0; round < 100; round++) {
    const refs = deepRefs(root);
    if (refs.length === 0) return;
    const hoisted = new Map<string, string>();
    for (const ref of [...new Set(refs.map((r) => r.$ref as string))].sort()) {
      const target = resolve(root, ref);
      if (target === undefined) continue; // the linter has reported it
      if (isObject(target.node) && typeof target.node.$ref === "string") {
        hoisted.set(ref, target.node.$ref);
      } else if (kindOf(target.pointer) === "schema") {
        hoisted.set(ref, hoist(root, target));
      }
    }
    for (const holder of refs) {
      const ref = holder.$ref as string;
      const to = hoisted.get(ref);
      if (to !== undefined) {
        holder.$ref = to;
        continue;
      }
      const target = resolve(root, ref);
      if (target === undefined || !isObject(target.node)) continue;
      const { $ref: _ref, ...siblings } = holder;
      for (const key of Object.keys(holder)) delete holder[key];
      Object.assign(holder, structuredClone(target.node), siblings);
    }
  }
}

/** The objects of the document that are `$ref`s into another object (examples are data, and skipped). */
function deepRefs(root: Json): Json[] {
  const found: Json[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      stack.push(...(node as unknown[]));
      continue;
    }
    const object = node as Json;
    if (typeof object.$ref === "string" && isDeep(object.$ref)) found.push(object);
    for (const [key, value] of Object.entries(object)) if (key !== "example" && key !== "examples") stack.push(value);
  }
  return found;
}

/** A local ref to anything but a whole component (`#/components/<section>/<name>`). */
function isDeep(ref: string): boolean {
  if (!ref.startsWith("#/")) return false;
  const segments = ref.slice(2).split("/");
  return !(segments[0] === "components" && segments.length === 3);
}

interface Target {
  readonly node: unknown;
  readonly parent: Json | unknown[];
  readonly key: string;
  /** Where the target stands once every `$ref` on the way has been followed. */
  readonly pointer: readonly string[];
}

/** The node a pointer names, following `$ref`s on the way (`#/components/parameters/X/schema` where X is a `$ref`). */
function resolve(root: Json, ref: string): Target | undefined {
  let pointer: string[] = [];
  let node: unknown = root;
  let parent: Json | unknown[] = root;
  let key = "";
  const segments = ref.slice(2).split("/").map(unescapeSegment);
  for (let hops = 0, i = 0; i < segments.length; i++) {
    // A ref on the way: go on from its target.
    while (isObject(node) && typeof node.$ref === "string" && node.$ref.startsWith("#/") && hops++ < 100) {
      const through = resolve(root, node.$ref);
      if (through === undefined) return undefined;
      // parent and key are set below, from this node.
      node = through.node;
      pointer = [...through.pointer];
    }
    const segment = segments[i]!;
    if (Array.isArray(node) && /^\d+$/.test(segment) && Number(segment) < node.length) {
      parent = node;
    } else if (isObject(node) && Object.hasOwn(node, segment)) {
      parent = node;
    } else {
      return undefined;
    }
    key = segment;
    node = (parent as Record<string, unknown>)[segment];
    pointer.push(segment);
  }
  return { node, parent, key, pointer };
}

/** Whether the place a pointer names holds a schema, by OpenAPI's grammar. */
export function kindOf(pointer: readonly string[]): Kind {
  let state = "root";
  for (const segment of pointer) state = step(state, segment);
  return state === "schema" ? "schema" : "other";
}

/** A step of kindOf's walk: what the member `segment` of a node in `state` holds. */
function step(state: string, segment: string): string {
  switch (state) {
    case "root":
      return segment === "components" ? "components" : ["paths", "webhooks", "x-webhooks"].includes(segment) ? "pathItems" : "other";
    case "components":
      return `section:${segment}`;
    case "section:schemas":
      return "schema";
    case "section:parameters":
    case "section:headers":
    case "headers":
      return "parameter";
    case "section:requestBodies":
      return "body";
    case "section:responses":
    case "responses":
      return "response";
    case "section:pathItems":
    case "pathItems":
      return "pathItem";
    case "section:callbacks":
    case "callbacks":
      return "pathItems"; // a callback: expressions to path items
    case "pathItem":
      return segment === "parameters" ? "parameters" : "operation";
    case "operation":
      return { parameters: "parameters", requestBody: "body", responses: "responses", callbacks: "callbacks" }[segment] ?? "other";
    case "parameters":
      return "parameter";
    case "parameter":
      return segment === "schema" ? "schema" : segment === "content" ? "content" : "other";
    case "body":
      return segment === "content" ? "content" : "other";
    case "response":
      return segment === "content" ? "content" : segment === "headers" ? "headers" : "other";
    case "content":
      return "mediaType";
    case "mediaType":
      return segment === "schema" ? "schema" : "other";
    case "schema":
      return SUBSCHEMA.has(segment) ? "schema" : SUBSCHEMA_LIST.has(segment) || SUBSCHEMA_MAP.has(segment) ? "schemas" : "other";
    case "schemas":
      return "schema";
    default:
      return "other";
  }
}

/** Moves the target schema into components.schemas, leaving a `$ref` to it; returns that ref. */
function hoist(root: Json, target: Target): string {
  const components = isObject(root.components) ? root.components : (root.components = {});
  const schemas = isObject(components.schemas) ? components.schemas : (components.schemas = {});
  const name = freeName(schemas, hoistedName(target.pointer));
  schemas[name] = target.node;
  const ref = `#/components/schemas/${escapeSegment(name)}`;
  (target.parent as Record<string, unknown>)[target.key] = { $ref: ref };
  return ref;
}

/** `components/schemas/Tag/allOf/0` → `Tag_allOf_0`; `paths//api/1/items/post/…` → `paths_api_1_items_post_…`. */
function hoistedName(pointer: readonly string[]): string {
  const segments =
    pointer[0] === "components" && pointer[1] === "schemas" ? pointer.slice(2) : pointer[0] === "components" ? pointer.slice(1) : pointer;
  const words = segments.map((s) => s.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "")).filter((s) => s !== "");
  return words.join("_") || "Schema";
}

function freeName(taken: Json, wanted: string): string {
  if (!Object.hasOwn(taken, wanted)) return wanted;
  for (let n = 2; ; n++) if (!Object.hasOwn(taken, `${wanted}_${n}`)) return `${wanted}_${n}`;
}
