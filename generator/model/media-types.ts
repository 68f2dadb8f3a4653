/** OpenAPI 3 §4.8.14 Media Type Object: which of a `content` map's media types the client uses. */
import type { JsonObject } from "./resolve-ref.js";

/** Prefers `application/json`, then any JSON media type, then the first one listed. */
export function pickContentType(content: JsonObject): string | undefined {
  const types = Object.keys(content);
  return types.find((t) => t === "application/json") ?? types.find(isJsonType) ?? types[0];
}

/** `application/json`, `application/problem+json`, `application/json; charset=utf-8`… */
export function isJsonType(contentType: string): boolean {
  return /^application\/([\w.-]+\+)?json\b/i.test(contentType);
}
