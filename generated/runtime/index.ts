// copied from generator/runtime/index.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * The hand-written runtime of the generated client, copied verbatim into
 * `generated/runtime/`: one module per concern, this one naming what the rest of the
 * package uses. `npm run build` bundles each entry point into one module, so the split
 * costs no import time. Written for size too (bench row 5: a consumer bundle with
 * openapi-fetch): short messages, no option tables, one code path per job, and
 * openapi-fetch's own builders (URL, query, headers) rather than copies of them.
 */
export * from "./public.js";
// The generated client's own imports: not re-exported by the package root.
export type { BaseClientOptions } from "./options.js";
export type { ApiDescription, Operation, SchemeKind, SecurityScheme } from "./operation.js";
export { apiKeyCookie, apiKeyHeader, apiKeyQuery, basic, bearer, httpScheme } from "./schemes.js";
export { createRuntime } from "./client-runtime.js";
export type { Runtime } from "./client-runtime.js";
