// copied from generator/runtime/spec-kinds.ts by generator/ — do not edit; run npm run generate
/**
 * The kinds of things a spec names that the model, the client's runtime and the test kit
 * all read: one definition each, imported by generator/model/api-model.ts,
 * schemes.ts and testing-request.ts alike. A leaf: it imports nothing.
 */

/** A parameter schema's `type` (the first one that is not "null" in a 3.1 list). */
export type ParamType = "string" | "integer" | "number" | "boolean" | "array" | "object";

/**
 * How a security scheme's credential is sent (OpenAPI 3 §4.8.27, as the client sends it):
 * - "bearer": `Authorization: Bearer …` (http bearer, oauth2, openIdConnect);
 * - "basic": `Authorization: Basic …`;
 * - "http": another http scheme, `Authorization: <scheme> …`;
 * - "apiKey": the header, query parameter or cookie the scheme names;
 * - "unsupported": no credential the client can hold (mutualTLS): alternatives that need it are never met.
 */
export type SchemeType = "bearer" | "basic" | "http" | "apiKey" | "unsupported";

/** Where an apiKey scheme's credential goes. */
export type KeyLocation = "header" | "query" | "cookie";
