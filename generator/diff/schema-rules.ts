/**
 * JSON Schema rules, direction-aware. A schema in a request is something the caller
 * writes: narrowing it (a type, enum value or property taken away, a new requirement or
 * a tighter constraint) breaks code or requests that worked, widening it only adds. A
 * schema in a response is something the caller reads: widening it breaks (a new enum
 * value an exhaustive `switch` misses, a property that may now be missing or null),
 * narrowing it only adds guarantees. A schema reached both ways is judged both ways.
 * `$ref`s are followed on both sides, so where a schema lives (inline or in
 * `components`) never matters; what its name exports is package-rules.ts's concern.
 */
import { escapeSegment } from "../lib/json-pointer.js";
import { isObject, resolve, type Json, type JsonObject } from "../model/resolve-ref.js";
import type { ChangeCollector } from "./collector.js";

export type Direction = "request" | "response";

export interface SchemaSide {
  readonly document: JsonObject;
  readonly value: Json | undefined;
  readonly pointer: string;
}

export interface SchemaContext {
  readonly out: ChangeCollector;
  readonly direction: Direction;
  readonly operation: string | null;
  /** Where the schema starts, for messages: "the request body of `createDog`", "query parameter `q`"… */
  readonly what: string;
  /** The path below it ("behaviors[key].risk_level"); absent at the top. */
  readonly field?: string;
  /** Pairs (old pointer, new pointer, direction) already compared: shared and recursive schemas are compared once. */
  readonly compared: Set<string>;
  /** Component schemas the same in both documents, with everything they reference (unchanged.ts). */
  readonly unchanged?: ReadonlySet<string>;
}

/** The key that says an operation reached the schema at `pointer` (in OLD). */
export function reachedKey(pointer: string): string {
  return `reached\u0000${pointer}`;
}

/** By direction: [the bump when the value set narrows, when it widens]. */
const NARROW_WIDEN: Record<Direction, readonly ["major" | "minor", "major" | "minor"]> = {
  request: ["major", "minor"],
  response: ["minor", "major"],
};

const ANNOTATIONS = ["title", "description", "example", "examples", "deprecated", "externalDocs", "xml", "$comment"] as const;

/**
 * What a value stands for through its `$ref`s. OpenAPI 3.1 lets a `$ref` have siblings
 * (`description`, even `maxLength`): they apply over the target, so they are laid over
 * it, and the pointer stays the reference's own (the siblings live there).
 */
export function view(
  document: JsonObject,
  value: Json | undefined,
  pointer: string,
): { node: JsonObject; pointer: string | undefined; target?: string } | undefined {
  const target = resolve(document, value, pointer);
  if (target === undefined || !isObject(value) || typeof value.$ref !== "string" || Object.keys(value).length === 1) return target;
  const { $ref: _ref, ...siblings } = value;
  return { node: { ...target.node, ...siblings }, pointer, ...(target.pointer === undefined ? {} : { target: target.pointer }) };
}

/** Compares two schemas found at the same place in OLD and NEW. */
export function compareSchemas(old: SchemaSide, now: SchemaSide, ctx: SchemaContext): void {
  const a = view(old.document, old.value, old.pointer);
  const b = view(now.document, now.value, now.pointer);
  if (a === undefined || b === undefined) {
    if (a === undefined && b === undefined) return;
    // No schema means any value: gaining one narrows, losing one widens.
    const [narrow, widen] = NARROW_WIDEN[ctx.direction];
    if (b === undefined) {
      ctx.out.add(widen, `${label(ctx)} no longer has a schema: any value${reason(ctx.direction, "widen")}`, ctx.operation, now.pointer);
    } else {
      ctx.out.add(
        narrow,
        `${label(ctx)} now has a schema where any value was allowed${reason(ctx.direction, "narrow")}`,
        ctx.operation,
        now.pointer,
      );
    }
    return;
  }
  // A `$ref` with siblings: the merged view is compared below, and the target on its own too
  // (its exported type changes with it, in this direction).
  if (a.target !== undefined && b.target !== undefined) {
    compareSchemas(
      { document: old.document, value: { $ref: a.target }, pointer: a.target },
      { document: now.document, value: { $ref: b.target }, pointer: b.target },
      ctx,
    );
  }
  const oldPointer = a.pointer ?? old.pointer;
  const newPointer = b.pointer ?? now.pointer;
  const key = `${oldPointer}\u0000${newPointer}\u0000${ctx.direction}`;
  if (ctx.compared.has(key)) return;
  ctx.compared.add(key);
  ctx.compared.add(reachedKey(oldPointer));
  // The same component on both sides, and everything it reaches the same: nothing to find below.
  if (oldPointer === newPointer && ctx.unchanged?.has(oldPointer) === true && (a.target === undefined || sameJson(old.value, now.value)))
    return;
  const o = a.node;
  const n = b.node;
  const at = (p: string, ...keys: string[]) => [p, ...keys.map(escapeSegment)].join("/");
  const side = { old: { document: old.document, pointer: oldPointer }, now: { document: now.document, pointer: newPointer } };

  compareAnnotations(o, n, ctx, newPointer);
  compareTypes(o, n, ctx, newPointer);
  compareEnums(o, n, ctx, newPointer);
  compareConstraints(o, n, ctx, newPointer);
  compareProperties(o, n, ctx, side);
  compareAdditional(o, n, ctx, side);
  if (o.items !== undefined || n.items !== undefined) {
    compareSchemas(
      { document: old.document, value: o.items, pointer: at(oldPointer, "items") },
      { document: now.document, value: n.items, pointer: at(newPointer, "items") },
      below(ctx, "[]"),
    );
  }
  for (const keyword of ["oneOf", "anyOf", "allOf"] as const) compareCombiner(keyword, o, n, ctx, side);
  compareDiscriminator(o, n, ctx, newPointer);
}

/** "`behaviors[key].risk_level` in the request body of `updateBehaviors`", or the top's own name. */
function label(ctx: SchemaContext): string {
  return ctx.field === undefined ? ctx.what : `\`${ctx.field}\` in ${ctx.what}`;
}

function below(ctx: SchemaContext, step: string): SchemaContext {
  const field = ctx.field === undefined ? step.replace(/^\./, "") : `${ctx.field}${step}`;
  return { ...ctx, field };
}

function reason(direction: Direction, change: "narrow" | "widen"): string {
  if (direction === "request") {
    return change === "narrow"
      ? " (callers that sent what was allowed before may no longer compile or be accepted)"
      : " (callers may send more)";
  }
  return change === "widen" ? " (code that reads it may not handle what it can now be)" : " (callers get a narrower value)";
}

function compareAnnotations(o: JsonObject, n: JsonObject, ctx: SchemaContext, pointer: string): void {
  for (const keyword of ANNOTATIONS) {
    if (!sameJson(withoutDefault(keyword, o[keyword]), withoutDefault(keyword, n[keyword]))) {
      ctx.out.add("patch", `${label(ctx)}: \`${keyword}\` ${changed(o[keyword], n[keyword])} (documentation only)`, ctx.operation, pointer);
    }
  }
  for (const keyword of ["readOnly", "writeOnly", "default"] as const) {
    if (!sameJson(withoutDefault(keyword, o[keyword]), withoutDefault(keyword, n[keyword]))) {
      // openapi-typescript emits neither readOnly/writeOnly nor default into the types.
      ctx.out.add(
        "patch",
        `${label(ctx)}: \`${keyword}\` ${changed(o[keyword], n[keyword])} (the generated types do not change)`,
        ctx.operation,
        pointer,
      );
    }
  }
}

/** JSON Schema's defaults (`deprecated: false`, `minItems: 0`…) written out are the same as left out. */
const KEYWORD_DEFAULTS: Record<string, Json> = {
  deprecated: false,
  readOnly: false,
  writeOnly: false,
  uniqueItems: false,
  exclusiveMaximum: false,
  exclusiveMinimum: false,
  minItems: 0,
  minLength: 0,
  minProperties: 0,
  nullable: false,
};

export function withoutDefault(keyword: string, value: Json | undefined): Json | undefined {
  return keyword in KEYWORD_DEFAULTS && sameJson(value, KEYWORD_DEFAULTS[keyword]) ? undefined : value;
}

function changed(before: Json | undefined, after: Json | undefined): string {
  return before === undefined ? "added" : after === undefined ? "removed" : "changed";
}

/** The types a schema allows, `integer` counted as `number` (TypeScript has one number type), "null" included; undefined for any. */
function typesOf(schema: JsonObject): Set<string> | undefined {
  const raw = schema.type;
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : undefined;
  if (list === undefined) return undefined;
  const types = new Set(list.map((t) => (t === "integer" ? "number" : typeof t === "string" ? t : JSON.stringify(t))));
  if (schema.nullable === true) types.add("null");
  return types;
}

function compareTypes(o: JsonObject, n: JsonObject, ctx: SchemaContext, pointer: string): void {
  const [narrow, widen] = NARROW_WIDEN[ctx.direction];
  const before = typesOf(o);
  const after = typesOf(n);
  if (before === undefined && after === undefined) return;
  if (before === undefined || after === undefined) {
    if (after === undefined) {
      ctx.out.add(widen, `${label(ctx)} no longer has a type${reason(ctx.direction, "widen")}`, ctx.operation, pointer);
    } else {
      ctx.out.add(narrow, `${label(ctx)} now has type ${[...after].join(" | ")}${reason(ctx.direction, "narrow")}`, ctx.operation, pointer);
    }
    return;
  }
  const removed = [...before].filter((t) => !after.has(t));
  const added = [...after].filter((t) => !before.has(t));
  if (removed.length > 0 && added.length > 0) {
    ctx.out.add(
      "major",
      `${label(ctx)} changes type from ${[...before].join(" | ")} to ${[...after].join(" | ")} (code written for the old type no longer compiles)`,
      ctx.operation,
      pointer,
    );
  } else if (removed.length > 0) {
    ctx.out.add(narrow, `${label(ctx)} can no longer be ${removed.join(" or ")}${reason(ctx.direction, "narrow")}`, ctx.operation, pointer);
  } else if (added.length > 0) {
    ctx.out.add(widen, `${label(ctx)} can now be ${added.join(" or ")}${reason(ctx.direction, "widen")}`, ctx.operation, pointer);
  } else if (integerness(o) !== integerness(n)) {
    // Both are `number` to TypeScript: only the wire tells them apart.
    const toInteger = integerness(n);
    const bump = ctx.direction === "request" && toInteger ? "major" : "minor";
    ctx.out.add(
      bump,
      `${label(ctx)} changes from ${toInteger ? "number to integer" : "integer to number"}${toInteger ? reason(ctx.direction, "narrow") : reason(ctx.direction, "widen")}`,
      ctx.operation,
      pointer,
    );
  }
}

function integerness(schema: JsonObject): boolean {
  return schema.type === "integer" || (Array.isArray(schema.type) && schema.type.includes("integer"));
}

/** A schema's allowed values (`enum`, or `const` as one), each as JSON text; undefined when any value of its type is. */
function valuesOf(schema: JsonObject): Set<string> | undefined {
  if (Array.isArray(schema.enum)) return new Set(schema.enum.map((v) => JSON.stringify(v)));
  if (schema.const !== undefined) return new Set([JSON.stringify(schema.const)]);
  return undefined;
}

function compareEnums(o: JsonObject, n: JsonObject, ctx: SchemaContext, pointer: string): void {
  const [narrow, widen] = NARROW_WIDEN[ctx.direction];
  const before = valuesOf(o);
  const after = valuesOf(n);
  if (before === undefined && after === undefined) return;
  if (before === undefined)
    return ctx.out.add(narrow, `${label(ctx)} is now limited to ${list(after!)}${reason(ctx.direction, "narrow")}`, ctx.operation, pointer);
  if (after === undefined)
    return ctx.out.add(
      widen,
      `${label(ctx)} is no longer limited to ${list(before)}${reason(ctx.direction, "widen")}`,
      ctx.operation,
      pointer,
    );
  const removed = [...before].filter((v) => !after.has(v));
  const added = [...after].filter((v) => !before.has(v));
  if (removed.length > 0) {
    ctx.out.add(
      narrow,
      `${label(ctx)} loses the value${removed.length > 1 ? "s" : ""} ${removed.join(", ")}${reason(ctx.direction, "narrow")}`,
      ctx.operation,
      pointer,
    );
  }
  if (added.length > 0) {
    const why =
      ctx.direction === "response" ? " (an exhaustive `switch` on it no longer covers every case)" : reason(ctx.direction, "widen");
    ctx.out.add(widen, `${label(ctx)} gains the value${added.length > 1 ? "s" : ""} ${added.join(", ")}${why}`, ctx.operation, pointer);
  }
}

function list(values: Set<string>): string {
  return [...values].join(", ");
}

/** Constraints the types do not show but validators and servers enforce: [keyword, which way is tighter]. */
const CONSTRAINTS: readonly (readonly [string, "lower" | "higher" | "any"])[] = [
  ["maxLength", "lower"],
  ["maximum", "lower"],
  ["maxItems", "lower"],
  ["maxProperties", "lower"],
  ["minLength", "higher"],
  ["minimum", "higher"],
  ["minItems", "higher"],
  ["minProperties", "higher"],
  ["exclusiveMaximum", "any"],
  ["exclusiveMinimum", "any"],
  ["pattern", "any"],
  ["format", "any"],
  ["multipleOf", "any"],
  ["uniqueItems", "any"],
];

function compareConstraints(o: JsonObject, n: JsonObject, ctx: SchemaContext, pointer: string): void {
  for (const [keyword, tighter] of CONSTRAINTS) {
    const before = withoutDefault(keyword, o[keyword]);
    const after = withoutDefault(keyword, n[keyword]);
    if (sameJson(before, after)) continue;
    const narrows = tightens(keyword, tighter, before, after);
    // The types do not change, but the values do: a request may now be refused (by the
    // validators or the server); a response may now hold values it could not (a widened output).
    const bump = ctx.direction === "request" ? (narrows ? "major" : "minor") : narrows ? "minor" : "major";
    const how =
      before === undefined
        ? `added (${JSON.stringify(after)})`
        : after === undefined
          ? `removed (was ${JSON.stringify(before)})`
          : `changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`;
    const why =
      ctx.direction === "request"
        ? narrows
          ? "values accepted before may now be refused"
          : "more values are accepted"
        : narrows
          ? "callers get a narrower value"
          : "callers may now get values they could not before (the validators accept them too)";
    ctx.out.add(bump, `${label(ctx)}: \`${keyword}\` ${how} (${why})`, ctx.operation, pointer);
  }
}

/** True when the change lets fewer values through (or may: a changed pattern or format counts as tighter). */
function tightens(keyword: string, tighter: "lower" | "higher" | "any", before: Json | undefined, after: Json | undefined): boolean {
  if (after === undefined) return false;
  if (before === undefined) return !(keyword === "uniqueItems" && after === false) && !(keyword.startsWith("exclusive") && after === false);
  if (typeof before === "number" && typeof after === "number") {
    if (tighter === "lower") return after < before;
    if (tighter === "higher") return after > before;
    if (keyword === "exclusiveMaximum") return after < before;
    if (keyword === "exclusiveMinimum") return after > before;
    if (keyword === "multipleOf") return after % before !== 0;
  }
  if (typeof before === "boolean" && typeof after === "boolean") return after; // uniqueItems, 3.0's exclusive*
  return true;
}

interface Sides {
  readonly old: { readonly document: JsonObject; readonly pointer: string };
  readonly now: { readonly document: JsonObject; readonly pointer: string };
}

function compareProperties(o: JsonObject, n: JsonObject, ctx: SchemaContext, side: Sides): void {
  const before = isObject(o.properties) ? o.properties : {};
  const after = isObject(n.properties) ? n.properties : {};
  const requiredBefore = new Set(Array.isArray(o.required) ? o.required.map(String) : []);
  const requiredAfter = new Set(Array.isArray(n.required) ? n.required.map(String) : []);
  const path = (p: string, name: string) => `${p}/properties/${escapeSegment(name)}`;
  const fieldLabel = (name: string) => label(below(ctx, `.${name}`));
  for (const name of Object.keys(before)) {
    if (!(name in after)) {
      const why = ctx.direction === "request" ? "callers that set it no longer compile" : "code that reads it no longer compiles";
      ctx.out.add(
        "major",
        `${fieldLabel(name)} is removed (${why})`,
        ctx.operation,
        path(side.old.pointer, name),
        "old",
        `stop using \`${name}\``,
      );
    }
  }
  for (const name of Object.keys(after)) {
    if (name in before) continue;
    if (ctx.direction === "request" && requiredAfter.has(name)) {
      ctx.out.add(
        "major",
        `${fieldLabel(name)} is added as required (callers that leave it out no longer compile)`,
        ctx.operation,
        path(side.now.pointer, name),
        "new",
        `set \`${name}\``,
      );
    } else {
      ctx.out.add(
        "minor",
        `${fieldLabel(name)} is added${requiredAfter.has(name) ? " (required)" : " (optional)"}`,
        ctx.operation,
        path(side.now.pointer, name),
      );
    }
  }
  for (const name of Object.keys(before)) {
    if (!(name in after)) continue;
    const was = requiredBefore.has(name);
    const is = requiredAfter.has(name);
    if (was !== is) {
      const breaks = ctx.direction === "request" ? is : was;
      const why =
        ctx.direction === "request"
          ? is
            ? "callers that leave it out no longer compile"
            : "callers may leave it out"
          : is
            ? "it is always there now"
            : "it may be missing now: code that reads it as always there no longer compiles";
      ctx.out.add(
        breaks ? "major" : "minor",
        `${fieldLabel(name)} becomes ${is ? "required" : "optional"} (${why})`,
        ctx.operation,
        `${side.now.pointer}/required`,
        "new",
        breaks ? (is ? `set \`${name}\`` : `handle a missing \`${name}\``) : undefined,
      );
    }
    compareSchemas(
      { document: side.old.document, value: before[name], pointer: path(side.old.pointer, name) },
      { document: side.now.document, value: after[name], pointer: path(side.now.pointer, name) },
      below(ctx, `.${name}`),
    );
  }
}

/** `additionalProperties`: absent or false emits no index signature; true or a schema emits one. */
function compareAdditional(o: JsonObject, n: JsonObject, ctx: SchemaContext, side: Sides): void {
  const before = o.additionalProperties;
  const after = n.additionalProperties;
  if (before === undefined && after === undefined) return;
  const [narrow, widen] = NARROW_WIDEN[ctx.direction];
  const allowed = (v: Json | undefined) => v === true || isObject(v);
  if (!allowed(before) && !allowed(after)) return;
  if (allowed(before) && allowed(after)) {
    compareSchemas(
      { document: side.old.document, value: before === true ? {} : before, pointer: `${side.old.pointer}/additionalProperties` },
      { document: side.now.document, value: after === true ? {} : after, pointer: `${side.now.pointer}/additionalProperties` },
      below(ctx, "[key]"),
    );
  } else if (allowed(after)) {
    ctx.out.add(widen, `${label(ctx)} now allows other fields${reason(ctx.direction, "widen")}`, ctx.operation, `${side.now.pointer}`);
  } else if (allowed(before)) {
    ctx.out.add(
      narrow,
      `${label(ctx)} no longer allows other fields${reason(ctx.direction, "narrow")}`,
      ctx.operation,
      `${side.now.pointer}`,
    );
  }
}

/**
 * `oneOf`/`anyOf` are unions: an option added widens, one removed narrows. `allOf` is an
 * intersection: a member added narrows; one removed takes its properties out of the
 * emitted type, which breaks callers either way. Options are matched by their
 * `$ref` when they have one, else by position.
 */
function compareCombiner(keyword: "oneOf" | "anyOf" | "allOf", o: JsonObject, n: JsonObject, ctx: SchemaContext, side: Sides): void {
  const before = Array.isArray(o[keyword]) ? o[keyword] : [];
  const after = Array.isArray(n[keyword]) ? n[keyword] : [];
  if (before.length === 0 && after.length === 0) return;
  const [narrow, widen] = NARROW_WIDEN[ctx.direction];
  // An allOf member removed takes its properties out of the emitted type: code that reads
  // them (a response) or writes them in an object literal (a request) no longer compiles.
  const [onAdd, onRemove] = keyword === "allOf" ? [narrow, "major" as const] : [widen, narrow];
  const keyOf = (item: Json, index: number) => (isObject(item) && typeof item.$ref === "string" ? item.$ref : `#${index}`);
  const afterKeys = after.map(keyOf);
  const beforeKeys = before.map(keyOf);
  const word = keyword === "allOf" ? "member" : "option";
  before.forEach((item, i) => {
    const j = afterKeys.indexOf(beforeKeys[i]!);
    if (j < 0) {
      const how =
        keyword === "allOf"
          ? " (its properties leave the emitted type: code that reads or writes them no longer compiles)"
          : reason(ctx.direction, "narrow");
      ctx.out.add(
        onRemove,
        `${label(ctx)} loses ${keyword} ${word} ${describe(item, i)}${how}`,
        ctx.operation,
        `${side.old.pointer}/${keyword}/${i}`,
        "old",
      );
    } else {
      compareSchemas(
        { document: side.old.document, value: item, pointer: `${side.old.pointer}/${keyword}/${i}` },
        { document: side.now.document, value: after[j], pointer: `${side.now.pointer}/${keyword}/${j}` },
        ctx,
      );
    }
  });
  after.forEach((item, j) => {
    if (beforeKeys.includes(afterKeys[j]!)) return;
    const how = keyword === "allOf" ? reason(ctx.direction, "narrow") : reason(ctx.direction, "widen");
    ctx.out.add(
      onAdd,
      `${label(ctx)} gains ${keyword} ${word} ${describe(item, j)}${how}`,
      ctx.operation,
      `${side.now.pointer}/${keyword}/${j}`,
    );
  });
}

function describe(item: Json, index: number): string {
  return isObject(item) && typeof item.$ref === "string" ? `\`${item.$ref.split("/").at(-1)}\`` : `#${index + 1}`;
}

function compareDiscriminator(o: JsonObject, n: JsonObject, ctx: SchemaContext, pointer: string): void {
  const before = isObject(o.discriminator) ? o.discriminator : undefined;
  const after = isObject(n.discriminator) ? n.discriminator : undefined;
  if (sameJson(before, after)) return;
  if (before?.propertyName !== after?.propertyName) {
    // openapi-typescript writes the discriminator's value into each option's type.
    ctx.out.add(
      "major",
      `${label(ctx)}: the discriminator ${changed(before?.propertyName, after?.propertyName)} (the emitted union's discriminant changes)`,
      ctx.operation,
      pointer,
    );
    return;
  }
  const mapBefore = isObject(before?.mapping) ? before.mapping : {};
  const mapAfter = isObject(after?.mapping) ? after.mapping : {};
  const [narrow, widen] = NARROW_WIDEN[ctx.direction];
  for (const [value, ref] of Object.entries(mapBefore)) {
    if (!(value in mapAfter)) {
      ctx.out.add(
        narrow,
        `${label(ctx)}: discriminator value "${value}" is removed${reason(ctx.direction, "narrow")}`,
        ctx.operation,
        pointer,
      );
    } else if (mapAfter[value] !== ref) {
      ctx.out.add("major", `${label(ctx)}: discriminator value "${value}" now maps to another schema`, ctx.operation, pointer);
    }
  }
  for (const value of Object.keys(mapAfter)) {
    if (!(value in mapBefore)) {
      ctx.out.add(widen, `${label(ctx)}: discriminator value "${value}" is added${reason(ctx.direction, "widen")}`, ctx.operation, pointer);
    }
  }
}

/** Deep equality of JSON values, key order ignored. */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && sameJson(ao[k], bo[k]));
}
