/**
 * OpenAPI 3 §4.8.16 Responses Object and §4.8.17 Response Object: the success response a
 * call resolves to (and whether it is an envelope to unwrap), and the error responses.
 */
import type { ResponseModel } from "./api-model.js";
import { exampleOf } from "./examples.js";
import { isJsonMediaType } from "../runtime/media-type.js";
import { pickContentType } from "./media-types.js";
import { child, deref, isObject, resolve, type Json, type JsonObject } from "./resolve-ref.js";
import { text } from "./text.js";

export interface Responses {
  readonly success?: ResponseModel;
  /** True when the success body is an envelope: an object (possibly through allOf) with both `success` and `result`. */
  readonly envelope: boolean;
  /** 4xx, 5xx and `default`, in document order. */
  readonly errors: readonly ResponseModel[];
}

/** An operation's `responses`: the one a call resolves to (the lowest 2xx), whether it is an envelope, and the errors. */
export function collectResponses(document: JsonObject, raw: Json | undefined, at: string): Responses {
  const responses = resolve(document, raw, at);
  if (!responses) return { envelope: false, errors: [] };
  const codes = Object.keys(responses.node);
  // Exact codes before ranges, lower codes first.
  const rank = (code: string) => (/^\d+$/.test(code) ? Number(code) : 1000);
  const successCode = codes.filter((code) => /^2(\d\d|XX)$/i.test(code)).sort((a, b) => rank(a) - rank(b))[0];
  const read = (code: string) => buildResponse(document, code, responses.node[code], child(responses.pointer, code));
  const success = successCode === undefined ? undefined : read(successCode);
  return {
    ...(success ? { success: success.response } : {}),
    envelope: success !== undefined && isJsonMediaType(success.response.contentType ?? "") && isEnvelope(document, success.schema),
    errors: codes
      .filter((code) => code !== successCode && (/^[45](\d\d|XX)$/i.test(code) || code === "default"))
      .map((code) => read(code).response),
  };
}

/** An envelope: an object (possibly through allOf) with both `success` and `result`. */
function isEnvelope(document: JsonObject, schema: Json | undefined): boolean {
  const properties = propertyNames(document, schema, new Set());
  return properties.has("success") && properties.has("result");
}

function buildResponse(
  document: JsonObject,
  status: string,
  raw: Json | undefined,
  at: string | undefined,
): { response: ResponseModel; schema?: Json } {
  const response = resolve(document, raw, at);
  const described = text("description", response?.node.description);
  const content = response && isObject(response.node.content) ? response.node.content : undefined;
  const contentType = content ? pickContentType(content) : undefined;
  if (contentType === undefined) return { response: { status, ...described } };
  const media = isObject(content![contentType]) ? content![contentType] : {};
  const schemaPointer = media.schema === undefined ? undefined : child(response!.pointer, "content", contentType, "schema");
  const example = exampleOf(document, media, "response");
  return {
    response: {
      status,
      ...described,
      contentType,
      ...(schemaPointer ? { schemaPointer } : {}),
      ...(example === undefined ? {} : { example }),
    },
    ...(media.schema === undefined ? {} : { schema: media.schema }),
  };
}

/** The property names of an object schema and of its `allOf` parts, through `$ref`s. */
export function propertyNames(document: JsonObject, raw: Json | undefined, seen: Set<JsonObject>): Set<string> {
  const names = new Set<string>();
  const schema = deref(document, raw);
  if (!schema || seen.has(schema)) return names;
  seen.add(schema);
  if (isObject(schema.properties)) for (const key of Object.keys(schema.properties)) names.add(key);
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) for (const key of propertyNames(document, part, seen)) names.add(key);
  }
  return names;
}
