/**
 * OpenAPI 3 §4.8.13 Request Body Object: the body's media type, whether it is required,
 * and how the client method takes it: its fields flattened into the one argument (as
 * Cloudflare's SDK does), or whole as `body`.
 */
import type { BodyModel } from "./api-model.js";
import { exampleOf } from "./examples.js";
import { pickContentType, isJsonType } from "./media-types.js";
import { child, deref, isObject, resolve, type Json, type JsonObject } from "./resolve-ref.js";

export function buildRequestBody(document: JsonObject, raw: Json | undefined, at: string, paramNames: readonly string[]): BodyModel | undefined {
  const requestBody = resolve(document, raw, at);
  const content = requestBody && isObject(requestBody.node.content) ? requestBody.node.content : undefined;
  const contentType = content ? pickContentType(content) : undefined;
  if (!requestBody || !content || contentType === undefined) return undefined;
  const required = requestBody.node.required === true;
  const media = isObject(content[contentType]) ? content[contentType] : {};
  const schema = deref(document, media.schema);
  const flattenable =
    required &&
    isJsonType(contentType) &&
    schema !== undefined &&
    isObject(schema.properties) &&
    !("oneOf" in schema || "anyOf" in schema || "allOf" in schema) &&
    (schema.type === undefined || schema.type === "object") &&
    !Object.keys(schema.properties).some((key) => paramNames.includes(key));
  const example = exampleOf(document, media);
  const schemaPointer = schema ? child(requestBody.pointer, "content", contentType, "schema") : undefined;
  const requiredFields = isJsonType(contentType) ? requiredProperties(document, schema, new Set()) : undefined;
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
