/**
 * Type tests for the generated package, run by vitest's typecheck (vitest.config.ts):
 * nothing here runs; a type that changes, or an `@ts-expect-error` line that is no longer
 * an error, fails `vitest` itself, not only `npm run typecheck`.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  RISK_LEVELS,
  type ApiPromise,
  type Client,
  type GetBehaviorsParams,
  type GetBehaviorsResult,
  type RiskLevel,
  type UpdateBehaviorsBody,
  type UpdateBehaviorsEnvelope,
  type UpdateBehaviorsError,
  type UpdateBehaviorsParams,
  type UpdateBehaviorsPathParams,
  type UpdateBehaviorsResult,
} from "../../generated/index.js";
import type { components } from "../../generated/schema.js";
import type { Unlisted } from "../support/spec-values.js";

/** A risk level the spec does not list, whatever it lists. */
declare const unlistedLevel: Unlisted<typeof RISK_LEVELS>;

type UpdateBehavior = { enabled: boolean; risk_level: RiskLevel };

describe("generated types", () => {
  it("RiskLevel is the spec's enum, and RISK_LEVELS holds its values, in order", () => {
    // openapi-typescript's type of the spec's schema, and the tuple's values (inferred from its `as const` literal).
    expectTypeOf<RiskLevel>().toEqualTypeOf<components["schemas"]["RiskLevel"]>();
    expectTypeOf<(typeof RISK_LEVELS)[number]>().toEqualTypeOf<RiskLevel>();
    expectTypeOf(RISK_LEVELS).toExtend<readonly RiskLevel[]>();
  });

  it("updateBehaviors takes path and body fields flattened into one object", () => {
    expectTypeOf<UpdateBehaviorsPathParams>().toEqualTypeOf<{ account_id: string }>();
    expectTypeOf<UpdateBehaviorsBody>().toEqualTypeOf<{ behaviors: { [key: string]: UpdateBehavior } }>();
    expectTypeOf<UpdateBehaviorsParams>().toEqualTypeOf<{ account_id: string } & { behaviors: { [key: string]: UpdateBehavior } }>();
    expectTypeOf<GetBehaviorsParams>().toEqualTypeOf<{ account_id: string }>();
  });

  it("results are the envelope's result; GET behaviors also carry name and description", () => {
    expectTypeOf<UpdateBehaviorsResult>().toEqualTypeOf<{ behaviors: { [key: string]: UpdateBehavior } }>();
    // A Behavior as the spec has it (it may gain optional properties), with at least these required ones.
    type Read = GetBehaviorsResult["behaviors"][string];
    expectTypeOf<Read>().toEqualTypeOf<components["schemas"]["Behavior"]>();
    expectTypeOf<Pick<Read, "name" | "description" | "enabled" | "risk_level">>().toEqualTypeOf<{
      name: string;
      description: string;
      enabled: boolean;
      risk_level: RiskLevel;
    }>();
    expectTypeOf<UpdateBehaviorsEnvelope["success"]>().toEqualTypeOf<true>();
    expectTypeOf<UpdateBehaviorsError["success"]>().toEqualTypeOf<false>();
    expectTypeOf<UpdateBehaviorsError["result"]>().toEqualTypeOf<null>();
    expectTypeOf<UpdateBehaviorsError["errors"][number]>().toEqualTypeOf<{
      code: number;
      message: string;
      documentation_url?: string;
      source?: { pointer?: string };
    }>();
  });

  it("methods resolve to their result", () => {
    expectTypeOf<ReturnType<Client["updateBehaviors"]>>().toEqualTypeOf<ApiPromise<UpdateBehaviorsResult>>();
    expectTypeOf<Awaited<ReturnType<Client["getBehaviors"]>>>().toEqualTypeOf<GetBehaviorsResult>();
  });

  it("rejects wrong calls: each line below must be a type error", () => {
    const client = {} as Client;
    void client.updateBehaviors({ account_id: "abc", behaviors: { foo: { enabled: true, risk_level: "low" } } });
    // @ts-expect-error a risk level the spec does not list
    void client.updateBehaviors({ account_id: "abc", behaviors: { foo: { enabled: true, risk_level: unlistedLevel } } });
    // @ts-expect-error account_id is required
    void client.updateBehaviors({ behaviors: { foo: { enabled: true, risk_level: "low" } } });
    // @ts-expect-error enabled is required
    void client.updateBehaviors({ account_id: "abc", behaviors: { foo: { risk_level: "low" } } });
    // @ts-expect-error account_id is a string
    void client.getBehaviors({ account_id: 42 });
    // @ts-expect-error getBehaviors needs its argument
    void client.getBehaviors();
  });
});
