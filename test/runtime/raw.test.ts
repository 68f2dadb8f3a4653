import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, NotFoundError } from "../../generator/runtime/index.js";
import { ACCOUNT, BEHAVIORS_PATH, getBehaviors, isolateCloudflareEnv, runtimeFor, SAMPLE, TOKEN, updateBehaviors } from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, failure, resetMidBody, startLoopbackServer } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

describe("client.raw", () => {
  it("is the openapi-fetch client, typed by paths", async () => {
    const server = await startLoopbackServer(envelope({ behaviors: {} }));
    const { raw } = runtimeFor(server.origin);
    const { data, error, response } = await raw.PUT("/accounts/{account_id}/zt_risk_scoring/behaviors", {
      params: { path: { account_id: ACCOUNT } },
      body: { behaviors: { foo: { enabled: false, risk_level: "high" } } },
    });
    expect(error).toBeUndefined();
    expect(data?.result).toEqual({ behaviors: {} });
    expect(response.status).toBe(200);
    expect(server.requests[0]).toMatchObject({
      method: "PUT",
      url: BEHAVIORS_PATH,
      body: '{"behaviors":{"foo":{"enabled":false,"risk_level":"high"}}}',
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    });
  });

  it("returns errors the openapi-fetch way, without retries or typed errors", async () => {
    const server = await startLoopbackServer(failure(404, [{ code: 7003, message: "No route" }]));
    const { data, error, response } = await runtimeFor(server.origin).raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", {
      params: { path: { account_id: ACCOUNT } },
    });
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ success: false, errors: [{ code: 7003 }] });
    expect(response.status).toBe(404);
  });

  it("shares its middleware with the typed calls, which then build real Requests", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE), envelope({ behaviors: {} }), failure(404, [{ code: 1, message: "gone" }]));
    const runtime = runtimeFor(server.origin);
    const seen: { isRequest: boolean; auth: string | null; path: string }[] = [];
    runtime.raw.use({
      onRequest({ request, schemaPath }) {
        seen.push({ isRequest: request instanceof Request, auth: request.headers.get("authorization"), path: schemaPath });
        request.headers.set("x-middleware", "1");
        return request;
      },
    });
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    await expect(runtime.call(updateBehaviors, { account_id: ACCOUNT, behaviors: {} })).resolves.toEqual({ behaviors: {} });
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT }, { maxRetries: 0 })).rejects.toBeInstanceOf(NotFoundError);
    expect(seen).toEqual(Array(3).fill({ isRequest: true, auth: `Bearer ${TOKEN}`, path: getBehaviors.path }));
    expect(server.requests.map((r) => r.headers["x-middleware"])).toEqual(["1", "1", "1"]);
    expect(server.requests[1]!.body).toBe('{"behaviors":{}}');
  });

  it("keeps retrying connection failures with middleware registered", async () => {
    const server = await startLoopbackServer(resetMidBody(), envelope(SAMPLE));
    const runtime = runtimeFor(server.origin);
    runtime.raw.use({ onResponse: ({ response }) => response });
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    const broken = await startLoopbackServer(resetMidBody());
    const other = runtimeFor(broken.origin, { maxRetries: 0 });
    other.raw.use({ onRequest: ({ request }) => request });
    await expect(other.call(getBehaviors, { account_id: ACCOUNT })).rejects.toBeInstanceOf(ConnectionError);
  });
});
