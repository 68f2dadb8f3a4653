// copied from generator/runtime/operation.ts by generator/ — do not edit; run npm run generate
/**
 * One operation of the spec as plain data. The generated client holds one of these per
 * operation and hands it to the runtime, which builds the request from it; this is the
 * whole contract between generated code and the hand-written runtime.
 */
export interface Operation {
  /** The operationId as written in the spec (for error messages). */
  readonly id: string;
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
   *   header parameter (the body's properties are flattened into params, as Cloudflare's SDK does);
   * - "value": the body is `params.body` (bodies that are not plain objects, or whose
   *   properties collide with parameter names).
   */
  readonly body: "none" | "fields" | "value";
  /**
   * True when parameter names collide (a query and a path parameter of the same name, or
   * a `body` parameter beside a non-object body): the params object is then grouped as
   * `{ path?, query?, header?, body? }`, like openapi-fetch's, instead of flat.
   */
  readonly grouped?: boolean;
  /** Media type of the request body when there is one. */
  readonly contentType?: string;
  /**
   * True when the success response is a Cloudflare envelope
   * (`{ success, errors, messages, result }`): the call resolves to `result`, and
   * `success: false` is an error even with a 2xx status.
   */
  readonly envelope: boolean;
}
