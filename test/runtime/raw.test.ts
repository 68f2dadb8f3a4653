import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, InvalidArgumentError, NotFoundError, type Operation } from "../../generator/runtime/index.js";
import {
  ACCOUNT,
  BEHAVIORS_PATH,
  getBehaviors,
  isolateCloudflareEnv,
  runtimeFor,
  SAMPLE,
  TOKEN,
  updateBehaviors,
} from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, failure, json, resetMidBody, startLoopbackServer } from "../support/loopback-server.js";

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

  // Without middleware a call skips openapi-fetch's request() (bench row 4); with it, the
  // call goes through request() so the middleware sees it. The wire must not tell them apart.
  it("puts the same request on the wire with and without middleware", async () => {
    const things = {
      id: "putThing",
      method: "PUT",
      path: "/zones/{zone_id}/things/{thing_id}",
      pathParams: ["zone_id", "thing_id"],
      queryParams: ["tag", "filter"],
      headerParams: ["If-Match"],
      body: "fields",
      contentType: "application/merge-patch+json",
      envelope: false,
    } as const satisfies Operation;
    const params = { zone_id: "z 1", thing_id: "../t", tag: ["a b", "c"], filter: { kind: "x" }, "If-Match": '"e"', name: "n", size: 2 };
    const options = { headers: { "X-Trace": "1", "content-type": "application/merge-patch+json; charset=utf-8" } };
    const server = await startLoopbackServer(json(200, { ok: true }));
    const plain = runtimeFor(server.origin, { headers: { "X-Client": "c" } });
    const withMiddleware = runtimeFor(server.origin, { headers: { "X-Client": "c" } });
    withMiddleware.raw.use({ onRequest: ({ request }) => request });
    await expect(plain.call(things, params, options)).resolves.toEqual({ ok: true });
    await expect(withMiddleware.call(things, params, options)).resolves.toEqual({ ok: true });
    await expect(plain.call(getBehaviors, { account_id: ACCOUNT })).resolves.toBeUndefined(); // not an envelope: no result
    await expect(withMiddleware.call(getBehaviors, { account_id: ACCOUNT })).resolves.toBeUndefined();
    const wire = server.requests.map(({ method, url, headers, body }) => {
      const { host: _host, connection: _connection, "keep-alive": _keepAlive, ...rest } = headers;
      return { method, url, headers: rest, body };
    });
    expect(wire[0]).toEqual(wire[1]);
    expect(wire[2]).toEqual(wire[3]);
    expect(wire[0]).toMatchObject({
      url: "/client/v4/zones/z%201/things/..%2Ft?tag=a%20b&tag=c&filter[kind]=x",
      headers: {
        authorization: `Bearer ${TOKEN}`,
        "x-client": "c",
        "x-trace": "1",
        "if-match": '"e"',
        "content-type": "application/merge-patch+json; charset=utf-8",
      },
      body: '{"name":"n","size":2}',
    });
    expect(wire[2]!.headers["content-type"]).toBeUndefined();
  });

  it("rejects a method openapi-fetch lacks with InvalidArgumentError, sending nothing", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const request = runtimeFor(server.origin).raw.request as unknown as (method: string, path: string) => Promise<unknown>;
    let call: Promise<unknown> | undefined;
    expect(() => (call = request("connect", BEHAVIORS_PATH))).not.toThrow();
    await expect(call).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(request("use", BEHAVIORS_PATH)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a bad header value before sending, with and without middleware", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const withMiddleware = runtimeFor(server.origin);
    withMiddleware.raw.use({ onRequest: ({ request }) => request });
    for (const runtime of [runtimeFor(server.origin), withMiddleware]) {
      const call = runtime.call(getBehaviors, { account_id: ACCOUNT }, { headers: { "X-Trace": "a\r\nX-Injected: 1" } });
      await expect(call).rejects.toBeInstanceOf(InvalidArgumentError);
    }
    expect(server.requests).toHaveLength(0);
  });
});
