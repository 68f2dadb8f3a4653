/**
 * OpenAPI 3 §4.8.13 Request Body Object: the body's media type, whether it is required,
 * and how the client method takes it: its fields flattened into the one argument (as
 * Cloudflare's SDK does), or whole as `body`.
 */
import type { BodyModel } from "./api-model.js";
import { exampleOf } from "./examples.js";
import { isJsonMediaType } from "../runtime/media-type.js";
import { pickContentType } from "./media-types.js";
import { child, deref, isObject, resolve, type Json, type JsonObject } from "./resolve-ref.js";

/** The operation's request body as the client sends it, or undefined when it takes none. */
export function buildRequestBody(
  document: JsonObject,
  raw: Json | undefined,
  at: string,
  paramNames: readonly string[],
): BodyModel | undefined {
  const requestBody = resolve(document, raw, at);
  const content = requestBody && isObject(requestBody.node.content) ? requestBody.node.content : undefined;
  const contentType = content ? pickContentType(content) : undefined;
  if (!requestBody || !content || contentType === undefined) return undefined;
  const required = requestBody.node.required === true;
  const media = isObject(content[contentType]) ? content[contentType] : {};
  const schema = deref(document, media.schema);
  const fields = isJsonMediaType(contentType) ? knownProperties(document, media.schema, []) : undefined;
  // An optional body that may also be null has three states: whole, as `body`, it keeps them.
  const flattenable =
    fields !== undefined && fields.length > 0 && !fields.some((key) => paramNames.includes(key)) && (required || !isNullable(schema));
  const example = exampleOf(document, media);
  const schemaPointer = schema ? child(requestBody.pointer, "content", contentType, "schema") : undefined;
  const requiredFields = isJsonMediaType(contentType) ? requiredProperties(document, schema, new Set()) : undefined;
  return {
    contentType,
    required,
    shape: flattenable ? "fields" : "value",
    ...(schemaPointer ? { schemaPointer } : {}),
    ...(example === undefined ? {} : { example }),
    ...(requiredFields ? { requiredFields } : {}),
  };
}

/** An object schema's `required` names and those of its `allOf` parts; undefined when it is not an object schema. */
function requiredProperties(document: JsonObject, raw: Json | undefined, seen: Set<JsonObject>): string[] | undefined {
  const schema = deref(document, raw);
  if (!schema || seen.has(schema)) return undefined;
  seen.add(schema);
  const parts = Array.isArray(schema.allOf) ? schema.allOf.map((part) => requiredProperties(document, part, seen)) : [];
  const object = schema.type === "object" || isObject(schema.properties) || parts.some((part) => part !== undefined);
  if (!object) return undefined;
  const own = Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === "string") : [];
  return [...new Set([...own, ...parts.flatMap((part) => part ?? [])])];
}

/**
 * The names of an object schema's properties when every property it may have is known,
 * through `$ref`s and `allOf` parts (refactoring a schema into `allOf` parts changes no
 * type, so it must not change how the method is called); undefined when the body may be
 * something else: a union (`oneOf`, `anyOf`), another type, or an object with more
 * properties than it names (`additionalProperties`, `patternProperties`), whose index
 * signature would clash with the parameters beside it. `within` holds the schemas being
 * walked: a cycle of `allOf`s has no known properties.
 */
function knownProperties(document: JsonObject, raw: Json | undefined, within: readonly JsonObject[]): string[] | undefined {
  const schema = deref(document, raw);
  if (schema === undefined || within.includes(schema)) return undefined;
  if ("oneOf" in schema || "anyOf" in schema || "patternProperties" in schema) return undefined;
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== "null") : [schema.type ?? "object"];
  if (types.length !== 1 || types[0] !== "object") return undefined;
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return undefined;
  if (schema.properties !== undefined && !isObject(schema.properties)) return undefined;
  if (schema.allOf !== undefined && !Array.isArray(schema.allOf)) return undefined;
  const names = new Set(Object.keys(schema.properties ?? {}));
  for (const part of schema.allOf ?? []) {
    const inherited = knownProperties(document, part, [...within, schema]);
    if (inherited === undefined) return undefined;
    for (const name of inherited) names.add(name);
  }
  return [...names];
}

/** 3.0's `nullable: true`, or `null` in 3.1's type list. */
function isNullable(schema: JsonObject | undefined): boolean {
  return schema?.nullable === true || (Array.isArray(schema?.type) && schema.type.includes("null"));
}
