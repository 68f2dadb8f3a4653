// generated from spec/openapi.yaml by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
import type { HttpHandler } from "msw";
import { createTestKit } from "./runtime/testing.js";
import type { MockOptions, Mocked, MockSpec, TestKitOptions } from "./runtime/testing.js";
import type * as types from "./types.js";
import { validators } from "./validators.js";
export { apiError, ApiErrorAnswer } from "./runtime/testing.js";
export type { ApiErrorOptions, MockAnswer, MockInfo, MockOptions, MockResolver, Mocked, TestKitOptions } from "./runtime/testing.js";
/** The spec as the test kit reads it: how to match, check and answer each operation. */
const spec = {
  operations: {
    getBehaviors: { id: "getBehaviors", method: "GET", path: "/accounts/{account_id}/zt_risk_scoring/behaviors", pathParams: [{ name: "account_id", required: true, type: "string" }], queryParams: [], headerParams: [], body: "none", security: [["api_token"], ["api_email", "api_key"]], envelope: true, status: 200, responseType: "application/json", example: "{\"errors\":[],\"messages\":[],\"success\":true,\"result\":{\"behaviors\":{\"foo\":{\"name\":\"Foo\",\"description\":\"An example behavior.\",\"enabled\":true,\"risk_level\":\"low\"}}}}", failures: [{ status: "4XX", example: 0 }] },
    updateBehaviors: { id: "updateBehaviors", method: "PUT", path: "/accounts/{account_id}/zt_risk_scoring/behaviors", pathParams: [{ name: "account_id", required: true, type: "string" }], queryParams: [], headerParams: [], body: "fields", contentType: "application/json", bodyRequired: true, requiredFields: ["behaviors"], security: [["api_token"], ["api_email", "api_key"]], envelope: true, status: 200, responseType: "application/json", example: "{\"errors\":[{\"code\":1000,\"message\":\"message\",\"documentation_url\":\"documentation_url\",\"source\":{\"pointer\":\"pointer\"}}],\"messages\":[{\"code\":1000,\"message\":\"message\",\"documentation_url\":\"documentation_url\",\"source\":{\"pointer\":\"pointer\"}}],\"success\":true,\"result\":{\"behaviors\":{\"foo\":{\"enabled\":true,\"risk_level\":\"low\"}}}}", failures: [{ status: "4XX", example: 0 }] },
  },
  schemes: {
    api_token: { kind: "bearer" },
    api_email: { kind: "apiKey", in: "header", name: "X-Auth-Email" },
    api_key: { kind: "apiKey", in: "header", name: "X-Auth-Key" },
  },
  server: "https://api.cloudflare.com/client/v4",
  serverEnv: "CLOUDFLARE_BASE_URL",
  validators,
  errorExamples: [
    "{\"errors\":[{\"code\":7003,\"message\":\"No route for the URI\"}],\"messages\":[],\"result\":null,\"success\":false}",
  ],
} as const satisfies MockSpec;

/** One msw handler maker per operation: pass a resolver (the method's params in, its result out, sync or async), a fixed result, or `apiError(…)`. */
export interface Mock {
  /**
   * An msw handler for `getBehaviors` that answers with what `answer` gives.
   *
   * Get all behaviors and associated configuration
   *
   * Retrieves configured risk score behaviors that define how user actions affect their overall risk score.
   *
   * `GET /accounts/{account_id}/zt_risk_scoring/behaviors`
   */
  getBehaviors(answer: Mocked<types.GetBehaviorsParams, types.GetBehaviorsResult>, options?: MockOptions): HttpHandler;
  /**
   * An msw handler for `updateBehaviors` that answers with what `answer` gives.
   *
   * Update configuration for risk behaviors
   *
   * Updates risk score behavior configurations, defining weights and thresholds for risk calculation.
   *
   * `PUT /accounts/{account_id}/zt_risk_scoring/behaviors`
   */
  updateBehaviors(answer: Mocked<types.UpdateBehaviorsParams, types.UpdateBehaviorsResult>, options?: MockOptions): HttpHandler;
}

/** The handlers and mocks for one base URL. */
export interface TestKit {
  /** One handler per operation, answering the spec's example. */
  readonly handlers: HttpHandler[];
  readonly mock: Mock;
}

/** The kit for a client created with another `baseUrl`; `handlers` and `mock` are `testKit()`. */
export function testKit(options?: TestKitOptions): TestKit {
  return createTestKit<Mock>(spec, options);
}

const defaults = testKit();
/** One msw handler per operation at the client's default base URL, each answering the spec's example: `setupServer(...handlers)`. */
export const handlers: HttpHandler[] = defaults.handlers;
/** Handlers with your own answers at the client's default base URL: `server.use(mock.<operation>(…))`. */
export const mock: Mock = defaults.mock;
