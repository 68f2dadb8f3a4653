// generated from spec/openapi.yaml by generator/ — do not edit; run npm run generate
import { createRuntime } from "./runtime/index.js";
import type { ApiPromise, ClientOptions, Operation, RequestOptions } from "./runtime/index.js";
import type { paths } from "./schema.js";
import type { GetBehaviorsParams, GetBehaviorsResult, UpdateBehaviorsParams, UpdateBehaviorsResult } from "./types.js";
/** Every operation of the spec as plain data; the runtime builds requests from these. */
const operations = {
  getBehaviors: { id: "getBehaviors", method: "GET", path: "/accounts/{account_id}/zt_risk_scoring/behaviors", pathParams: ["account_id"], queryParams: [], headerParams: [], body: "none", envelope: true },
  updateBehaviors: { id: "updateBehaviors", method: "PUT", path: "/accounts/{account_id}/zt_risk_scoring/behaviors", pathParams: ["account_id"], queryParams: [], headerParams: [], body: "fields", contentType: "application/json", envelope: true },
} as const satisfies Record<string, Operation>;

/** A client for the API: one method per operation, each resolving to the operation's result. */
export interface Client {
  /** The openapi-fetch client typed by `paths`, sharing this client's auth and base URL. */
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

/** Creates a client. Credentials default to the CLOUDFLARE_* environment variables; see ClientOptions. */
export function createClient(options?: ClientOptions): Client {
  const runtime = createRuntime<paths>(options);
  return {
    raw: runtime.raw,
    getBehaviors: (params, options) => runtime.call<GetBehaviorsResult>(operations.getBehaviors, params, options),
    updateBehaviors: (params, options) => runtime.call<UpdateBehaviorsResult>(operations.updateBehaviors, params, options),
  };
}
