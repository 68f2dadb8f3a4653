// Type tests of the test kit generated from spec/ (vitest typecheck): resolvers take the
// client method's `<Op>Params` and must return its `<Op>Result`; there is no mock for an
// operation the spec does not have.
import type { HttpHandler } from "msw";
import { describe, expectTypeOf, it } from "vitest";
import type {
  GetBehaviorsParams,
  GetBehaviorsResult,
  RISK_LEVELS,
  UpdateBehaviorsParams,
  UpdateBehaviorsResult,
} from "../../generated/index.js";
import { apiError, handlers, mock, testKit, type MockInfo } from "../../generated/testing.js";
import type { Unlisted } from "../support/spec-values.js";

/** A risk level the spec does not list, whatever it lists. */
declare const unlistedLevel: Unlisted<typeof RISK_LEVELS>;

describe("mock.<operation>", () => {
  it("hands resolvers the method's params and the request", () => {
    mock.updateBehaviors((params, info) => {
      expectTypeOf(params).toEqualTypeOf<UpdateBehaviorsParams>();
      expectTypeOf(info).toEqualTypeOf<MockInfo>();
      return { behaviors: params.behaviors };
    });
    mock.getBehaviors((params) => {
      expectTypeOf(params).toEqualTypeOf<GetBehaviorsParams>();
      expectTypeOf(params.account_id).toEqualTypeOf<string>();
      return { behaviors: {} };
    });
  });

  /* eslint-disable @typescript-eslint/require-await -- async resolvers (with nothing to await) are what these type tests accept and reject */
  it("takes results, sync or async, apiError answers and Responses, and makes msw handlers", () => {
    expectTypeOf(mock.getBehaviors({ behaviors: {} })).toEqualTypeOf<HttpHandler>();
    expectTypeOf(mock.getBehaviors(async () => ({ behaviors: {} }) satisfies GetBehaviorsResult)).toEqualTypeOf<HttpHandler>();
    mock.getBehaviors(() => apiError(429, { headers: { "retry-after": "1" } }));
    mock.getBehaviors(async () => apiError(404));
    mock.getBehaviors(new Response(null, { status: 502 }));
    mock.updateBehaviors(() => ({ behaviors: {} }) satisfies UpdateBehaviorsResult, { once: true });
    expectTypeOf(handlers).toEqualTypeOf<HttpHandler[]>();
    expectTypeOf(testKit({ baseUrl: "https://proxy.test/cf" }).mock).toEqualTypeOf(mock);
  });

  it("rejects a result of the wrong shape", () => {
    // The same resolvers with a right result compile:
    mock.updateBehaviors(() => ({ behaviors: { foo: { enabled: true, risk_level: "high" } } }));
    mock.getBehaviors(async () => ({ behaviors: { foo: { name: "n", description: "d", enabled: true, risk_level: "low" } } }));
    // @ts-expect-error a risk level the spec does not list is not a RiskLevel
    mock.updateBehaviors(() => ({ behaviors: { foo: { enabled: true, risk_level: unlistedLevel } } }));
    // @ts-expect-error a Behavior needs its name and description
    mock.getBehaviors(async () => ({ behaviors: { foo: { enabled: true, risk_level: "low" } } }));
    // @ts-expect-error a fixed result must be the result too
    mock.getBehaviors({ behavior: {} });
    // @ts-expect-error params have no such field
    mock.getBehaviors((params) => ({ behaviors: params.behaviors }));
  });
  /* eslint-enable @typescript-eslint/require-await */

  it("has no mock for an operation the spec does not have", () => {
    // @ts-expect-error no such operation
    mock.noSuchOperation(() => ({}));
    // @ts-expect-error apiError takes options, not a message
    apiError(404, "not found");
  });
});
