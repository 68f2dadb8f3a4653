/**
 * OpenAPI 3 §4.8.12 `example`/`examples` (parameters), §4.8.14 (media types) and §4.8.19
 * Example Object: the value the docs' code samples and the test kit's default answers
 * use. The spec's own example when it gives one; else one made from the schema, the
 * same way every time, so that generated output stays deterministic.
 */
import { patternExample } from "./pattern-example.js";
import { deref, isObject, type Json, type JsonObject } from "./resolve-ref.js";

/** Deeper than this, a schema (a recursive one, say) gives no example. */
const MAX_DEPTH = 8;

/**
 * The example of a Parameter or Media Type object: `example`, else the first of
 * `examples` that has an inline `value`, else one made from its `schema`.
 * `direction` leaves out readOnly properties from requests and writeOnly ones from responses.
 */
export function exampleOf(document: JsonObject, holder: JsonObject, direction: "request" | "response" = "request"): Json | undefined {
  if (holder.example !== undefined) return holder.example;
  if (isObject(holder.examples)) {
    for (const raw of Object.values(holder.examples)) {
      const example = deref(document, raw);
      if (example?.value !== undefined) return example.value;
    }
  }
  return exampleFromSchema(document, holder.schema, direction);
}

/** A value that the schema accepts in the common cases (required properties, first alternative, bounds), or undefined. */
export function exampleFromSchema(
  document: JsonObject,
  raw: Json | undefined,
  direction: "request" | "response",
  depth = 0,
): Json | undefined {
  const schema = deref(document, raw);
  if (!schema || depth > MAX_DEPTH) return undefined;
  const given = explicitValue(schema);
  if (given !== undefined) return given;
  const next = (part: Json | undefined) => exampleFromSchema(document, part, direction, depth + 1);

  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const parts = schema.allOf.map(next);
    const own = schema.properties || schema.required ? exampleObject(document, { ...schema, allOf: null }, direction, depth) : undefined;
    const objects = [...parts, own].filter((p): p is JsonObject => isObject(p));
    if (objects.length === 0) return parts.find((p) => p !== undefined);
    const merged: JsonObject = {};
    for (const part of objects) for (const [name, value] of Object.entries(part)) setOwn(merged, name, value);
    return merged;
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      const first = options.map(next).find((value) => value !== undefined && value !== null);
      if (first !== undefined) return first;
    }
  }

  switch (typeOf(schema)) {
    case "object":
      return exampleObject(document, schema, direction, depth);
    case "array":
      return exampleArray(schema, next);
    case "string":
      return exampleString(schema);
    case "integer":
    case "number":
      return exampleNumber(schema);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return undefined;
  }
}

/** `const`, then `example`, then 3.1's `examples[0]`, then `default`, then the first non-null `enum` value. */
function explicitValue(schema: JsonObject): Json | undefined {
  if (schema.const !== undefined) return schema.const;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum.find((value) => value !== null);
  return undefined;
}

/** The schema's type: the first non-null one of a 3.1 type list; "object" when it only lists properties. */
function typeOf(schema: JsonObject): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (typeof type === "string") return type;
  if (isObject(schema.properties) || isObject(schema.additionalProperties)) return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

/** Its required properties (those that would travel in this direction), each with an example. */
function exampleObject(document: JsonObject, schema: JsonObject, direction: "request" | "response", depth: number): JsonObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === "string") : [];
  const skip = direction === "request" ? "readOnly" : "writeOnly";
  const result: JsonObject = {};
  for (const name of required) {
    const property = Object.hasOwn(properties, name) ? deref(document, properties[name]) : undefined;
    if (property?.[skip] === true) continue;
    const value = exampleFromSchema(document, property ?? {}, direction, depth + 1);
    if (value !== undefined) setOwn(result, name, value);
  }
  return result;
}

/** Sets an own property: one named "__proto__" stays a key instead of replacing the object's prototype (as `=` and Object.assign would). */
function setOwn(target: JsonObject, name: string, value: Json): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** One item (3.1's `prefixItems`: one of each). */
function exampleArray(schema: JsonObject, next: (part: Json | undefined) => Json | undefined): Json[] {
  if (Array.isArray(schema.prefixItems)) return schema.prefixItems.map(next).filter((v): v is Json => v !== undefined);
  const item = next(schema.items);
  return item === undefined ? [] : [item];
}

/** Typical values by `format`, else "string", fitted to minLength and maxLength. */
const STRING_FORMATS: Readonly<Record<string, string>> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  email: "user@example.com",
  uuid: "00000000-0000-0000-0000-000000000000",
  uri: "https://example.com",
  url: "https://example.com",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
};

function exampleString(schema: JsonObject): string {
  const format =
    typeof schema.format === "string" && Object.hasOwn(STRING_FORMATS, schema.format) ? STRING_FORMATS[schema.format]! : "string";
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  const padded = format.length < min ? format.padEnd(Math.min(min, 10_000), "x") : format;
  const sized = padded.length > max ? padded.slice(0, Math.max(0, max)) : padded;
  // A `pattern` the value does not match would make the example one the spec's own validators reject.
  return typeof schema.pattern === "string" ? (patternExample(schema.pattern, sized) ?? sized) : sized;
}

/** 0, moved inside `minimum`/`maximum` (and 3.1's numeric exclusive bounds), a multiple of `multipleOf` when it is one. */
function exampleNumber(schema: JsonObject): number {
  const num = (value: Json | undefined) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
  const step = schema.type === "integer" ? 1 : 0;
  const low = num(schema.minimum) ?? (num(schema.exclusiveMinimum) !== undefined ? num(schema.exclusiveMinimum)! + (step || 1) : undefined);
  const high =
    num(schema.maximum) ?? (num(schema.exclusiveMaximum) !== undefined ? num(schema.exclusiveMaximum)! - (step || 1) : undefined);
  let value = 0;
  if (low !== undefined && value < low) value = low;
  if (high !== undefined && value > high) value = high;
  if (step) value = Math.ceil(value);
  const multiple = num(schema.multipleOf);
  if (multiple !== undefined && multiple > 0 && value % multiple !== 0) value = Math.ceil(value / multiple) * multiple;
  return value;
}
