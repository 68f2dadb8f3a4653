/** OpenAPI 3 §4.8.14 Media Type Object: which of a `content` map's media types the client uses. */
import { isJsonMediaType } from "../runtime/media-type.js";
import type { JsonObject } from "./resolve-ref.js";

/** Prefers `application/json`, then any JSON media type (runtime/media-type.ts), then the first one listed. */
export function pickContentType(content: JsonObject): string | undefined {
  const types = Object.keys(content);
  return types.find((t) => t === "application/json") ?? types.find(isJsonMediaType) ?? types[0];
}
