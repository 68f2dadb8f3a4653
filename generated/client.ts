// generated from spec/openapi.yaml by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
import { apiKeyHeader, bearer, createRuntime } from "./runtime/index.js";
import type { ApiDescription, ApiPromise, BaseClientOptions, Operation, RequestOptions } from "./runtime/index.js";
import type { paths } from "./schema.js";
import type { GetBehaviorsParams, GetBehaviorsResult, UpdateBehaviorsParams, UpdateBehaviorsResult } from "./types.js";
/** What the spec says about the whole API: its security schemes, default security, server and request id header. */
export const api = {
  schemes: {
    api_token: { option: "apiToken", kind: bearer, env: "CLOUDFLARE_API_TOKEN" },
    api_email: { option: "apiEmail", kind: apiKeyHeader, name: "X-Auth-Email", env: "CLOUDFLARE_EMAIL" },
    api_key: { option: "apiKey", kind: apiKeyHeader, name: "X-Auth-Key", env: "CLOUDFLARE_API_KEY" },
  },
  security: [["api_token"], ["api_email", "api_key"]],
  server: { url: "https://api.cloudflare.com/client/v4", env: "CLOUDFLARE_BASE_URL" },
  requestIdHeader: "cf-ray",
} as const satisfies ApiDescription;

/** Every operation of the spec as plain data; the runtime builds requests from these. */
export const operations = {
  getBehaviors: { id: "getBehaviors", method: "GET", path: "/accounts/{account_id}/zt_risk_scoring/behaviors", pathParams: ["account_id"], queryParams: [], headerParams: [], body: "none", envelope: true },
  updateBehaviors: { id: "updateBehaviors", method: "PUT", path: "/accounts/{account_id}/zt_risk_scoring/behaviors", pathParams: ["account_id"], queryParams: [], headerParams: [], body: "fields", contentType: "application/json", envelope: true },
} as const satisfies Record<string, Operation>;

/** Options of `createClient`: one credential per security scheme of the spec, and the options every client takes. */
export interface ClientOptions extends BaseClientOptions {
  /**
   * The preferred authorization scheme for interacting with the Cloudflare API. Example: `Authorization: Bearer Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY`.
   *
   * Sent as `Authorization: Bearer …`. Default: the environment variable CLOUDFLARE_API_TOKEN.
   */
  apiToken?: string;
  /**
   * The previous authorization scheme for interacting with the Cloudflare API, used in conjunction with a Global API key. Example: `X-Auth-Email: user@example.com`.
   *
   * Sent as the `X-Auth-Email` header. Default: the environment variable CLOUDFLARE_EMAIL.
   */
  apiEmail?: string;
  /**
   * The previous authorization scheme for interacting with the Cloudflare API. When possible, use API tokens instead of Global API keys. Example: `X-Auth-Key: 144c9defac04969c7bfad8efaa8ea194`.
   *
   * Sent as the `X-Auth-Key` header. Default: the environment variable CLOUDFLARE_API_KEY.
   */
  apiKey?: string;
}

/** A client for the API: one method per operation, each resolving to the operation's result. */
export interface Client {
  /** The openapi-fetch client typed by `paths`, sending each operation's credentials to its server as the methods do. */
  readonly raw: ReturnType<typeof createRuntime<paths>>["raw"];
  /**
   * Get all behaviors and associated configuration
   *
   * Retrieves configured risk score behaviors that define how user actions affect their overall risk score.
   *
   * `GET /accounts/{account_id}/zt_risk_scoring/behaviors`
   */
  getBehaviors(params: GetBehaviorsParams, options?: RequestOptions): ApiPromise<GetBehaviorsResult>;
  /**
   * Update configuration for risk behaviors
   *
   * Updates risk score behavior configurations, defining weights and thresholds for risk calculation.
   *
   * `PUT /accounts/{account_id}/zt_risk_scoring/behaviors`
   */
  updateBehaviors(params: UpdateBehaviorsParams, options?: RequestOptions): ApiPromise<UpdateBehaviorsResult>;
}

/**
 * Creates a client. Each call sends the credentials its operation's security asks for, from the options in ClientOptions, else from the environment variables CLOUDFLARE_API_TOKEN, CLOUDFLARE_EMAIL, CLOUDFLARE_API_KEY.
 *
 * Requests go to https://api.cloudflare.com/client/v4, unless `baseUrl` or the environment variable CLOUDFLARE_BASE_URL says otherwise.
 *
 * Throws ConfigurationError at once when no operation could be called with what it is given.
 */
export function createClient(options?: ClientOptions): Client {
  const runtime = createRuntime<paths>(api, operations, options);
  return {
    raw: runtime.raw,
    getBehaviors: (params, options) => runtime.call<GetBehaviorsResult>(operations.getBehaviors, params, options),
    updateBehaviors: (params, options) => runtime.call<UpdateBehaviorsResult>(operations.updateBehaviors, params, options),
  };
}
