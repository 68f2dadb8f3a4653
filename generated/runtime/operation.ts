// copied from generator/runtime/operation.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * The contract between generated code and the hand-written runtime, as plain data: the
 * generated client.ts holds one ApiDescription (credentials, server, request id) and one
 * Operation per operation, and hands them to `createRuntime`, which builds requests from them.
 * A leaf: it imports nothing, so every other module of the runtime can depend on it.
 */

// The kinds of things a spec names that the model (generator/model/api-model.ts), the
// client's runtime and the test kit all read: one definition each, here.
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

/** Security alternatives (OpenAPI `security`): each lists the scheme keys it needs together; `[]` is `{}`. */
export type Security = readonly (readonly string[])[];

/** One operation of the spec. */
export interface Operation {
  /** The operationId as written in the spec (validators are keyed by it). */
  readonly id: string;
  /** The client's method for it, which error messages name; absent when it is `id` itself. */
  readonly name?: string;
  /** Upper-case HTTP method. */
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS" | "TRACE";
  /** OpenAPI path template, e.g. "/accounts/{account_id}/zt_risk_scoring/behaviors". */
  readonly path: string;
  /** Names of the path parameters, in template order. All are required. */
  readonly pathParams: readonly string[];
  /** Names of the query parameters. */
  readonly queryParams: readonly string[];
  /** Names of the header parameters, as written in the spec. */
  readonly headerParams: readonly string[];
  /**
   * Where the request body comes from:
   * - "none": the operation takes no body;
   * - "fields": the body is every key of the params object that is not a path, query or
   *   header parameter (the body's properties are flattened into params, as Stainless-generated SDKs do);
   * - "value": the body is `params.body` (bodies that are not plain objects, or whose
   *   properties collide with parameter names).
   */
  readonly body: "none" | "fields" | "value";
  /** The body is not required: a "fields" body none of whose fields is given is not sent at all. */
  readonly optionalBody?: boolean;
  /**
   * True when parameter names collide (a query and a path parameter of the same name, or
   * a `body` parameter beside a non-object body): the params object is then grouped as
   * `{ path?, query?, header?, body? }`, like openapi-fetch's, instead of flat.
   */
  readonly grouped?: boolean;
  /** Media type of the request body when there is one. */
  readonly contentType?: string;
  /**
   * True when the success response is an envelope (`{ success, errors, messages, result }`):
   * the call resolves to `result`, and `success: false` is an error even with a 2xx status.
   */
  readonly envelope: boolean;
  /** Its security alternatives in spec order; absent: the API's default (`ApiDescription.security`). */
  readonly security?: Security;
  /** Its own (or its path item's) server URL, which replaces the base URL; a relative one is resolved against it. */
  readonly server?: string;
  /** `x-zt-idempotent: true`: a POST or PATCH that may be retried like a PUT. */
  readonly idempotent?: boolean;
  /**
   * How a success body that is not JSON is read (absent: JSON): as text, or as a Blob for a
   * binary media type, whose bytes text() would corrupt (generator/emit/success-body.ts).
   */
  readonly parseAs?: "text" | "blob";
}

/** The name error messages give an operation: the method the caller called (`getNote`, not the operationId `get-note`). */
export const callName = (op: Operation): string => op.name ?? op.id;

/** How one security scheme's credential is held and sent (OpenAPI `components.securitySchemes`). */
export interface SecurityScheme {
  /** The `createClient` option that holds it. */
  readonly option: string;
  /** How its credential is checked and where it goes: one of the kinds in schemes.ts (bearer, basic, apiKeyHeader, …). */
  readonly kind: SchemeKind;
  /** The header, query parameter or cookie it goes in; `Authorization` when absent. */
  readonly name?: string;
  /** For httpScheme: the scheme's name (`Authorization: <scheme> …`). */
  readonly scheme?: string;
  /** The environment variable that supplies the credential when the option is not given (`x-zt-env`). */
  readonly env?: string;
}

/** What the spec says about the API as a whole. */
export interface ApiDescription {
  /** The security schemes the client can send, by their key in the spec. */
  readonly schemes: { readonly [key: string]: SecurityScheme };
  /** The security of every operation that has no `security` of its own. */
  readonly security: Security;
  /** The document's first server: the default base URL, and the environment variable that replaces it. */
  readonly server?: { readonly url: string; readonly env?: string };
  /** The response header `ApiError.requestId` reads. Default: x-request-id. */
  readonly requestIdHeader?: string;
}

/** What one operation sends as its credentials (each kind puts its own): spread over the call's own headers and query. */
export interface Sent {
  readonly headers: Record<string, string>;
  /** Absent when it has none (most operations), so that calls need not merge it. */
  readonly query?: Record<string, string | undefined>;
}

/** How one kind of security scheme checks its credential and where it sends it (the kinds are in schemes.ts). */
export interface SchemeKind {
  /** Where the credential goes, under the scheme's `name` (`Authorization` when it has none). */
  readonly in: KeyLocation;
  /** The credential as sent, from its option's (or environment variable's) value; throws ConfigurationError. */
  readonly encode: (value: unknown, scheme: SecurityScheme) => string;
  /** Adds the credential, as `encode` made it, to what a call sends. */
  readonly put: (sent: Required<Sent>, name: string, value: string) => void;
}
