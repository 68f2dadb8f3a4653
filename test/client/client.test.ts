/**
 * End-to-end through the generated client (generated/index.ts), against a loopback
 * server: the runtime's own rules are tested in test/runtime/; this checks the wiring.
 */
import { inspect } from "node:util";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import {
  ApiError,
  ConfigurationError,
  createClient,
  InternalServerError,
  NotFoundError,
  ZtRiskScoringError,
  type Behaviors,
  type UpdateBehaviors,
} from "../../generated/index.js";
import { api, operations } from "../../generated/client.js";
import * as generatedRuntime from "../../generated/runtime/index.js";
import * as runtime from "../../generator/runtime/index.js";
import { ACCOUNT, BEHAVIORS_API, BEHAVIORS_PATH, isolateCloudflareEnv, OPERATIONS, SAMPLE, TOKEN } from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, failure, startLoopbackServer, text } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

/** `description` with each scheme's kind replaced by the name `runtime` exports it under (each copy of the runtime has its own kinds). */
const kindsNamed = (description: runtime.ApiDescription, exports: object) => ({
  ...description,
  schemes: Object.fromEntries(
    Object.entries(description.schemes).map(([key, scheme]) => [
      key,
      { ...scheme, kind: Object.entries(exports).find(([, value]) => value === scheme.kind)?.[0] },
    ]),
  ),
});

const UPDATE: UpdateBehaviors = { behaviors: { foo: { enabled: false, risk_level: "high" } } };

describe("generated createClient", () => {
  it("holds the API description and operations the runtime tests use (test/support/behaviors-api.ts)", () => {
    expect(kindsNamed(api, generatedRuntime)).toEqual(kindsNamed(BEHAVIORS_API, runtime));
    // The stand-ins' operations as generated (the spec may have more).
    expect(Object.fromEntries(Object.keys(OPERATIONS).map((name) => [name, operations[name as keyof typeof operations]]))).toEqual(
      OPERATIONS,
    );
  });

  it("gets and updates behaviors", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE), envelope(UPDATE));
    const client = createClient({ apiToken: TOKEN, baseUrl: `${server.origin}/client/v4` });
    const got = await client.getBehaviors({ account_id: ACCOUNT });
    expectTypeOf(got).toEqualTypeOf<Behaviors>();
    expect(got).toEqual(SAMPLE);
    await expect(client.updateBehaviors({ account_id: ACCOUNT, ...UPDATE })).resolves.toEqual(UPDATE);
    expect(server.requests.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: "GET", url: BEHAVIORS_PATH, body: "" },
      { method: "PUT", url: BEHAVIORS_PATH, body: JSON.stringify(UPDATE) },
    ]);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("rejects with the runtime's typed errors, exported from the package", async () => {
    const server = await startLoopbackServer(failure(404, [{ code: 7003, message: "No route for the URI" }], { "cf-ray": "ray-1" }));
    const client = createClient({ apiToken: TOKEN, baseUrl: server.origin });
    const error = await client.getBehaviors({ account_id: ACCOUNT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ZtRiskScoringError);
    expect(error).toMatchObject({ status: 404, requestId: "ray-1", errors: [{ code: 7003 }] });
  });

  it("retries, and gives withResponse()", async () => {
    const server = await startLoopbackServer(text(503, "", { "retry-after": "0" }), envelope(SAMPLE, { "cf-ray": "ray-2" }));
    const client = createClient({ apiToken: TOKEN, baseUrl: server.origin });
    const { data, response } = await client.getBehaviors({ account_id: ACCOUNT }).withResponse();
    expect(data).toEqual(SAMPLE);
    expect(response.headers.get("cf-ray")).toBe("ray-2");
    expect(server.requests).toHaveLength(2);
    server.reply(text(502, "<html>bad gateway</html>"));
    await expect(client.getBehaviors({ account_id: ACCOUNT }, { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
  });

  it("shares auth and base URL with raw", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const client = createClient({ apiEmail: "user@example.com", apiKey: "key-123", baseUrl: `${server.origin}/client/v4/` });
    const { data } = await client.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", {
      params: { path: { account_id: ACCOUNT } },
    });
    expect(data?.result).toEqual(SAMPLE);
    expect(server.requests[0]).toMatchObject({
      url: BEHAVIORS_PATH,
      headers: { "x-auth-email": "user@example.com", "x-auth-key": "key-123" },
    });
  });

  it("exports the base error class under the spec's x-zt-generator.errorClass, and as ClientError, the name its docs use", async () => {
    const exported = Object.keys(await import("../../generated/index.js"));
    expect(exported).toContain("ZtRiskScoringError");
    expect(exported).toContain("ClientError");
    expect(new ConfigurationError("x")).toBeInstanceOf(ZtRiskScoringError);
  });

  it("fails at creation without credentials", () => {
    expect(() => createClient({ baseUrl: "http://127.0.0.1:9" })).toThrow(ConfigurationError);
  });

  it("is neither thenable nor leaking its credentials", async () => {
    const client = createClient({ apiToken: TOKEN });
    expect(await Promise.resolve(client)).toBe(client);
    expect(JSON.stringify(client)).not.toContain(TOKEN);
    expect(inspect(client, { depth: Infinity, showHidden: true })).not.toContain(TOKEN);
  });
});
