import { afterEach, describe, expect, it } from "vitest";
import { ApiError, ValidationError, ClientError, type Operation, type ValidateFunction } from "../../generator/runtime/index.js";
import { ACCOUNT, getBehaviors, isolateCloudflareEnv, runtimeFor, SAMPLE, updateBehaviors } from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, failure, startLoopbackServer } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

/** A hand-written stand-in for an Ajv standalone validator. */
function validator(check: (data: unknown) => string | undefined): ValidateFunction & { seen: unknown[] } {
  const seen: unknown[] = [];
  const fn = Object.assign(
    (data: unknown) => {
      seen.push(data);
      const problem = check(data);
      fn.errors = problem ? [{ instancePath: "/behaviors/foo/risk_level", message: problem }] : null;
      return !problem;
    },
    { errors: null as ValidateFunction["errors"], seen },
  );
  return fn;
}

const riskLevels = validator((data) =>
  JSON.stringify(data).includes('"extreme"') ? "must be equal to one of the allowed values" : undefined,
);
const hasResult = validator((data) => ((data as { result?: unknown }).result ? undefined : "must have required property 'result'"));

describe("request validation", () => {
  it("rejects an invalid body with ValidationError and sends nothing", async () => {
    const server = await startLoopbackServer(envelope({ behaviors: {} }));
    const runtime = runtimeFor(server.origin, { validate: { updateBehaviors: { request: riskLevels } } });
    const error = await runtime
      .call(updateBehaviors, { account_id: ACCOUNT, behaviors: { foo: { enabled: true, risk_level: "extreme" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({
      operationId: "updateBehaviors",
      direction: "request",
      errors: [{ instancePath: "/behaviors/foo/risk_level", message: "must be equal to one of the allowed values" }],
      message: "updateBehaviors: invalid request body: /behaviors/foo/risk_level must be equal to one of the allowed values",
    });
    expect(server.requests).toHaveLength(0);
  });

  it("checks the body only (no path parameters) and sends it when valid", async () => {
    const server = await startLoopbackServer(envelope({ behaviors: {} }));
    const check = validator(() => undefined);
    const runtime = runtimeFor(server.origin, { validate: { updateBehaviors: { request: check } } });
    await runtime.call(updateBehaviors, { account_id: ACCOUNT, behaviors: { foo: { enabled: true, risk_level: "low" } } });
    expect(check.seen).toEqual([{ behaviors: { foo: { enabled: true, risk_level: "low" } } }]);
    expect(server.requests).toHaveLength(1);
  });

  it("copies the validator's errors (Ajv reuses the array on the next call)", async () => {
    const runtime = runtimeFor("http://127.0.0.1:9", { validate: { updateBehaviors: { request: riskLevels } } });
    const error = (await runtime
      .call(updateBehaviors, { account_id: ACCOUNT, behaviors: { x: { risk_level: "extreme" } } })
      .catch((e: unknown) => e)) as ValidationError;
    riskLevels({ fine: true });
    expect(error.errors).toHaveLength(1);
  });

  it("wraps a validator that throws", async () => {
    const boom = new Error("validator bug");
    const runtime = runtimeFor("http://127.0.0.1:9", {
      validate: {
        updateBehaviors: {
          request: () => {
            throw boom;
          },
        },
      },
    });
    const error = await runtime.call(updateBehaviors, { account_id: ACCOUNT, behaviors: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ cause: boom, errors: [] });
  });

  it("does not call a request validator for an operation without a body", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const check = validator(() => "never valid");
    await runtimeFor(server.origin, { validate: { getBehaviors: { request: check } } }).call(getBehaviors, { account_id: ACCOUNT });
    expect(check.seen).toEqual([]);
  });
});

describe("response validation", () => {
  it("checks the whole parsed success body and resolves to the result", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const check = validator(() => undefined);
    const runtime = runtimeFor(server.origin, { validate: { getBehaviors: { response: check } } });
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    expect(check.seen).toEqual([{ success: true, errors: [], messages: [], result: SAMPLE }]);
  });

  it("rejects an invalid success body with ValidationError, without retrying", async () => {
    const server = await startLoopbackServer(envelope(null));
    const runtime = runtimeFor(server.origin, { validate: { getBehaviors: { response: hasResult } } });
    const error = await runtime.call(getBehaviors, { account_id: ACCOUNT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ direction: "response", operationId: "getBehaviors" });
    expect(server.requests).toHaveLength(1);
  });

  it("reports success: false as an ApiError, not a validation failure", async () => {
    const server = await startLoopbackServer(failure(200, [{ code: 1, message: "no" }]));
    const runtime = runtimeFor(server.origin, { validate: { getBehaviors: { response: hasResult } } });
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT })).rejects.toBeInstanceOf(ApiError);
  });
});

describe("validator lookup", () => {
  it("only uses the validators of the operation being called, never inherited ones", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const other = validator(() => "never valid");
    const runtime = runtimeFor(server.origin, { validate: { updateBehaviors: { request: other, response: other } } });
    await runtime.call(getBehaviors, { account_id: ACCOUNT });
    for (const id of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const op = { ...getBehaviors, id } satisfies Operation;
      await expect(runtimeFor(server.origin, { validate: {} }).call(op, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    }
    expect(other.seen).toEqual([]);
  });
});
