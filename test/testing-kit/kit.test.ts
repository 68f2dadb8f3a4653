// The test kit generated from spec/ (generated/testing.ts), run in a real msw server against
// the generated client, as a service's tests would run it. The client is created when this
// module loads, before msw starts: the runtime looks up globalThis.fetch at each send.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  BadRequestError,
  ConnectionError,
  createClient,
  InternalServerError,
  NotFoundError,
  type UpdateBehaviorsParams,
} from "../../generated/index.js";
import { apiError, handlers, mock, testKit } from "../../generated/testing.js";
import { validators } from "../../generated/validators.js";

const BASE = "https://api.cloudflare.com/client/v4";
const PATH = "/accounts/{account_id}/zt_risk_scoring/behaviors";
const client = createClient({ apiToken: "test-token", validate: validators, maxRetries: 1 });

const server = setupServer(...handlers);
const requests: Request[] = [];
server.events.on("request:start", ({ request }) => void requests.push(request));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

/** A request sent past the client, for what the client itself would refuse to send. */
const send = (path: string, init: RequestInit = {}) =>
  fetch(BASE + path, init).then(async (r) => ({ status: r.status, body: await r.json() }));

describe("the default handlers", () => {
  it("answer every operation with the spec's example, which the client's validators accept", async () => {
    await expect(client.getBehaviors({ account_id: "abc" })).resolves.toEqual({
      behaviors: { foo: { name: "Foo", description: "An example behavior.", enabled: true, risk_level: "low" } },
    });
    await expect(client.updateBehaviors({ account_id: "abc", behaviors: {} })).resolves.toEqual({
      behaviors: { foo: { enabled: true, risk_level: "low" } },
    });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${BASE}/accounts/abc/zt_risk_scoring/behaviors`,
      `PUT ${BASE}/accounts/abc/zt_risk_scoring/behaviors`,
    ]);
  });
});

describe("mock.<operation>", () => {
  it("hands the resolver the method's params, decoded, and wraps its result in the envelope", async () => {
    const seen: UpdateBehaviorsParams[] = [];
    server.use(mock.updateBehaviors((params) => (seen.push(params), { behaviors: params.behaviors })));
    const behaviors = { "b/1": { enabled: false, risk_level: "high" as const } };
    expect(await client.updateBehaviors({ account_id: "a/b c", behaviors })).toEqual({ behaviors });
    expect(seen).toEqual([{ account_id: "a/b c", behaviors }]);
    expect(requests[0]!.url).toBe(`${BASE}/accounts/a%2Fb%20c/zt_risk_scoring/behaviors`);
    const { data } = await client.raw.PUT(PATH, { params: { path: { account_id: "x" } }, body: { behaviors } });
    expect(data).toEqual({ success: true, errors: [], messages: [], result: { behaviors } });
  });

  it("takes an async resolver, a fixed result, or a whole Response", async () => {
    server.use(
      // eslint-disable-next-line @typescript-eslint/require-await -- an async resolver is what is tested
      mock.getBehaviors(async ({ account_id }) => ({
        behaviors: { [account_id]: { name: "n", description: "d", enabled: false, risk_level: "medium" } },
      })),
    );
    expect(await client.getBehaviors({ account_id: "acc" })).toEqual({
      behaviors: { acc: { name: "n", description: "d", enabled: false, risk_level: "medium" } },
    });
    server.use(mock.getBehaviors({ behaviors: {} }));
    expect(await client.getBehaviors({ account_id: "acc" })).toEqual({ behaviors: {} });
    server.use(mock.getBehaviors(new Response("<html>bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } })));
    const error = await client.getBehaviors({ account_id: "acc" }, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).body).toBe("<html>bad gateway</html>");
  });

  it("apiError(404) makes the client throw NotFoundError with the errors given", async () => {
    server.use(mock.getBehaviors(() => apiError(404, { errors: [{ code: 7003, message: "No route for the URI" }] })));
    const error = await client.getBehaviors({ account_id: "nope" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, errors: [{ code: 7003, message: "No route for the URI" }] });
    expect(requests).toHaveLength(1); // a 404 is not retried
  });

  it("apiError(429) with retry-after, once: the client retries and gets the example", async () => {
    let limited = 0;
    server.use(mock.getBehaviors(() => (limited++, apiError(429, { headers: { "retry-after": "0" } })), { once: true }));
    const result = await client.getBehaviors({ account_id: "abc" });
    expect(result.behaviors.foo?.name).toBe("Foo");
    expect([limited, requests.length]).toEqual([1, 2]);
  });
});

describe("a request that breaks the spec gets a 400 naming the violation", () => {
  it("a body the validators reject, forced through client.raw", async () => {
    let called = false;
    server.use(mock.updateBehaviors(() => ((called = true), { behaviors: {} })));
    const { response, error } = await client.raw.PUT(PATH, {
      params: { path: { account_id: "abc" } },
      body: { behaviors: { foo: { enabled: true, risk_level: "severe" as "high" } } },
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      success: false,
      errors: [
        {
          code: 7003,
          message: "/behaviors/foo/risk_level must be equal to one of the allowed values",
          source: { pointer: "/behaviors/foo/risk_level" },
        },
      ],
      messages: [],
      result: null,
    });
    expect(called).toBe(false);
  });

  it("the typed client turns it into a BadRequestError whose message names the field", async () => {
    const error = await client
      .updateBehaviors({ account_id: "abc", behaviors: { foo: { enabled: "yes" as unknown as boolean, risk_level: "low" } } }, {})
      .catch((e: unknown) => e);
    // The client's own request validator refuses it first; without validators it reaches the kit.
    expect(error).toMatchObject({ name: "ValidationError" });
    const plain = createClient({ apiToken: "t", maxRetries: 0 });
    const sent = await plain
      .updateBehaviors({ account_id: "abc", behaviors: { foo: { enabled: "yes" as unknown as boolean, risk_level: "low" } } })
      .catch((e: unknown) => e);
    expect(sent).toBeInstanceOf(BadRequestError);
    expect((sent as Error).message).toBe("updateBehaviors: HTTP 400: /behaviors/foo/enabled must be boolean (7003)");
  });

  it("missing, partial or wrong credentials name the schemes the operation accepts", async () => {
    const path = "/accounts/abc/zt_risk_scoring/behaviors";
    expect(await send(path)).toEqual({
      status: 400,
      body: {
        success: false,
        errors: [{ code: 7003, message: "missing credentials: api_token, or api_email and api_key" }],
        messages: [],
        result: null,
      },
    });
    expect((await send(path, { headers: { "X-Auth-Email": "a@example.com" } })).body.errors[0].message).toBe(
      "missing credentials: api_token, or api_email and api_key",
    );
    expect((await send(path, { headers: { Authorization: "Token abc" } })).body.errors[0].message).toBe(
      'wrong credentials: api_token (Authorization is not "Bearer <token>"); accepted: api_token, or api_email and api_key',
    );
    expect((await send(path, { headers: { "X-Auth-Email": "a@example.com", "X-Auth-Key": "k" } })).status).toBe(200);
  });

  it("an empty path segment, and every violation of one request at once", async () => {
    const body = await send("/accounts//zt_risk_scoring/behaviors", {
      method: "PUT",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(body.status).toBe(400);
    expect(body.body.errors.map((e: { message: string }) => e.message)).toEqual([
      "path parameter account_id is empty",
      "missing credentials: api_token, or api_email and api_key",
      "/ must have required property 'behaviors'",
    ]);
  });
});

describe("testKit({ baseUrl }) for a client created with another base URL", () => {
  it("matches that base URL, and the default handlers do not", async () => {
    const other = createClient({ apiToken: "t", baseUrl: "https://proxy.internal.test/cf/", maxRetries: 0 });
    await expect(other.getBehaviors({ account_id: "abc" })).rejects.toBeInstanceOf(ConnectionError); // unhandled: msw errors
    const otherHost = createClient({ apiToken: "t", baseUrl: "https://eu.cloudflare.test/client/v4", maxRetries: 0 });
    await expect(otherHost.getBehaviors({ account_id: "abc" })).rejects.toBeInstanceOf(ConnectionError);
    const kit = testKit({ baseUrl: "https://proxy.internal.test/cf" });
    server.use(...kit.handlers);
    expect((await other.getBehaviors({ account_id: "abc" })).behaviors.foo?.name).toBe("Foo");
    server.use(kit.mock.getBehaviors(() => apiError(404)));
    await expect(other.getBehaviors({ account_id: "abc" })).rejects.toBeInstanceOf(NotFoundError);
    expect(() => testKit({ baseUrl: "ftp://x" })).toThrow(/baseUrl must be an http\(s\) URL or a path/);
  });

  it("follows CLOUDFLARE_BASE_URL as the client does", async () => {
    process.env.CLOUDFLARE_BASE_URL = "http://127.0.0.1:9/env-base";
    try {
      const fromEnv = createClient({ apiToken: "t", maxRetries: 0 });
      server.use(...testKit().handlers);
      expect((await fromEnv.getBehaviors({ account_id: "abc" })).behaviors.foo?.name).toBe("Foo");
      expect(requests.at(-1)?.url).toBe("http://127.0.0.1:9/env-base/accounts/abc/zt_risk_scoring/behaviors");
    } finally {
      delete process.env.CLOUDFLARE_BASE_URL;
    }
  });
});
