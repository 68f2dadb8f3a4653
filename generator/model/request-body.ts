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
  return {
    contentType,
    required,
    shape: flattenable ? "fields" : "value",
    ...(schemaPointer ? { schemaPointer } : {}),
    ...(example === undefined ? {} : { example }),
  };
}
