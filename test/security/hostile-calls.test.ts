/**
 * Arguments an attacker (or a careless caller) controls, against a loopback server: what
 * reaches the wire must be exactly what the client checked. Issue 22 items 1, 5, 6, 7 and 9.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  apiKeyQuery,
  bearer,
  ConfigurationError,
  createRuntime,
  InvalidArgumentError,
  type ApiDescription,
  type BaseClientOptions,
  type Operation,
} from "../../generator/runtime/index.js";
import { ACCOUNT, BEHAVIORS_PATH, getBehaviors, isolateCloudflareEnv, runtimeFor, SAMPLE, TOKEN } from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, json, startLoopbackServer, type RecordedRequest } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

const QUERY_API = {
  schemes: { key: { option: "apiKey", kind: apiKeyQuery, name: "api_key" }, token: { option: "token", kind: bearer } },
  security: [["key"]],
} as const satisfies ApiDescription;

const search = {
  id: "search",
  method: "GET",
  path: "/search",
  pathParams: [],
  queryParams: ["filter", "page"],
  headerParams: [],
  body: "none",
  envelope: false,
} as const satisfies Operation;

/** The query a server reading `url` sees, as [name, value] pairs in order. */
const queryOf = (request: RecordedRequest) => [...new URL(request.url, "http://x").searchParams];

async function queryClient(options: object = {}) {
  const server = await startLoopbackServer(json(200, { ok: true }));
  const runtime = createRuntime<any>(QUERY_API, { search }, {
    baseUrl: server.origin,
    apiKey: "QSECRET",
    maxRetries: 0,
    ...options,
  } as BaseClientOptions);
  return { server, runtime };
}

describe("object (deepObject) query keys are encoded: no parameter injection, no fragment", () => {
  const hostile = { "x]=1&api_key=EVIL&y[": "v", "#": "w" };

  it("in typed calls, with and without middleware", async () => {
    const { server, runtime } = await queryClient();
    const { runtime: withMiddleware } = await queryClient({ baseUrl: server.origin });
    withMiddleware.raw.use({ onRequest: ({ request }) => request });
    await runtime.call(search, { filter: hostile, page: 1 });
    await withMiddleware.call(search, { filter: hostile, page: 1 });
    for (const request of server.requests) {
      expect(request.url).toBe("/search?filter[x%5D%3D1%26api_key%3DEVIL%26y%5B]=v&filter[%23]=w&page=1&api_key=QSECRET");
      expect(queryOf(request).filter(([name]) => name === "api_key")).toEqual([["api_key", "QSECRET"]]);
    }
    expect(server.requests).toHaveLength(2);
  });

  it("in client.raw, object keys and parameter names alike", async () => {
    const { server, runtime } = await queryClient();
    await runtime.raw.GET("/search", { params: { query: { filter: hostile } } });
    await runtime.raw.GET("/search", { params: { query: { "a=1&api_key=EVIL&b": "v", "#frag": "w" } } });
    expect(server.requests.map((r) => r.url)).toEqual([
      "/search?filter[x%5D%3D1%26api_key%3DEVIL%26y%5B]=v&filter[%23]=w&api_key=QSECRET",
      "/search?a%3D1%26api_key%3DEVIL%26b=v&%23frag=w&api_key=QSECRET",
    ]);
    for (const request of server.requests)
      expect(queryOf(request).filter(([name]) => name === "api_key")).toEqual([["api_key", "QSECRET"]]);
  });
});

describe("headers: what was checked is what is sent", () => {
  const KEY = "144c9defac04969c7bfad8efaa8ea194";

  it("createRuntime copies the client's headers: adding X-Auth-Key later does not send a second alternative", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const shared: Record<string, string> = { "X-Trace": "1" };
    const runtime = runtimeFor(server.origin, { headers: shared });
    shared["X-Auth-Key"] = KEY;
    shared["X-Auth-Email"] = "user@example.com";
    await runtime.call(getBehaviors, { account_id: ACCOUNT });
    await runtime.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", { params: { path: { account_id: ACCOUNT } } });
    for (const { headers } of server.requests) {
      expect(headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, "x-trace": "1" });
      expect(headers["x-auth-key"]).toBeUndefined();
      expect(headers["x-auth-email"]).toBeUndefined();
    }
    expect(server.requests).toHaveLength(2);
  });

  it("a call's headers are copied once: a change during the backoff does not reach the retry", async () => {
    const perCall: Record<string, string> = { "X-Trace": "1" };
    const server = await startLoopbackServer((_req, res) => {
      perCall["X-Auth-Key"] = KEY; // the caller's object changes while the client waits to retry
      res.writeHead(503).end();
    }, envelope(SAMPLE));
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT }, { headers: perCall })).resolves.toEqual(SAMPLE);
    expect(server.requests.map((r) => [r.headers["x-trace"], r.headers["x-auth-key"]])).toEqual([
      ["1", undefined],
      ["1", undefined],
    ]);
  });

  const FORBIDDEN = [
    "Transfer-Encoding",
    "upgrade",
    "Expect",
    "keep-alive",
    "Connection",
    "Host",
    "Content-Length",
    "TE",
    "Trailer",
    "Via",
    "Proxy-Authorization",
    "Sec-Fetch-Mode",
    "Accept-Encoding",
    "Origin",
    "Set-Cookie",
  ];

  it.each(FORBIDDEN)(
    "refuses %s before sending: InvalidArgumentError per call and through raw, ConfigurationError per client",
    async (name) => {
      const server = await startLoopbackServer(envelope(SAMPLE));
      const value = name.toLowerCase() === "content-length" ? "0" : name.toLowerCase() === "connection" ? "close" : "x";
      expect(() => runtimeFor(server.origin, { headers: { [name]: value } })).toThrow(ConfigurationError);
      const runtime = runtimeFor(server.origin);
      const call = runtime.call(getBehaviors, { account_id: ACCOUNT }, { headers: { [name]: value } });
      await expect(call).rejects.toSatisfy(
        (e) => e instanceof InvalidArgumentError && e.message === `getBehaviors: headers.${name}: forbidden by fetch`,
      );
      const raw = runtime.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", {
        params: { path: { account_id: ACCOUNT } },
        headers: { [name]: value },
      });
      await expect(raw).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(server.requests).toHaveLength(0);
    },
  );

  it("still sends Cookie and ordinary headers", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    await runtimeFor(server.origin, { headers: { Cookie: "a=b" } }).call(
      getBehaviors,
      { account_id: ACCOUNT },
      { headers: { "X-Request-Tag": "t" } },
    );
    expect(server.requests[0]!.headers).toMatchObject({ cookie: "a=b", "x-request-tag": "t" });
  });
});

describe("client.raw paths must start with /", () => {
  it.each([".evil.example/steal", "@evil.example/x", "evil", ""])("refuses %j with InvalidArgumentError, before fetch", async (path) => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    let sends = 0;
    const runtime = runtimeFor(server.origin, { baseUrl: server.origin, fetch: (input, init) => (sends++, fetch(input, init)) });
    const get = runtime.raw.GET as unknown as (path: string) => Promise<unknown>;
    await expect(get(path)).rejects.toSatisfy((e) => e instanceof InvalidArgumentError && /path must start with \//.test(e.message));
    expect(sends).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it("sends a path that starts with /", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const { response } = await runtimeFor(server.origin).raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", {
      params: { path: { account_id: ACCOUNT } },
    });
    expect(response.status).toBe(200);
    expect(server.requests.map((r) => r.url)).toEqual([BEHAVIORS_PATH]);
  });
});

describe("options of the wrong type (JavaScript callers) fail before any request", () => {
  it.each<[string, object]>([
    ['allowInsecureHttp "false"', { allowInsecureHttp: "false" }],
    ["baseUrl 42", { baseUrl: 42 }],
    ['fetch "fetch"', { fetch: "fetch" }],
    ["validate true", { validate: true }],
    ['headers "X-A: 1"', { headers: "X-A: 1" }],
    ["headers null", { headers: null }],
    ["initialRetryDelayMs NaN", { initialRetryDelayMs: NaN }],
    ["maxRetryDelayMs -1", { maxRetryDelayMs: -1 }],
    ['maxRetryDelayMs "5"', { maxRetryDelayMs: "5" }],
  ])("createRuntime: %s is a ConfigurationError", async (_, options) => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    expect(() => runtimeFor(server.origin, options)).toThrow(ConfigurationError);
    expect(server.requests).toHaveLength(0);
  });

  it('allowInsecureHttp "false" does not send the token over plain http to a remote host', () => {
    const options = { apiToken: TOKEN, baseUrl: "http://api.example.com", allowInsecureHttp: "false" } as unknown as BaseClientOptions;
    expect(() => createRuntime(QUERY_API, { search }, { ...options, apiKey: "k" } as BaseClientOptions)).toThrow(ConfigurationError);
  });

  it.each<[string, object | null]>([
    ["options null", null],
    ['options "fast"', "fast" as unknown as object],
    ['signal "abort"', { signal: "abort" }],
    ['headers "X-A: 1"', { headers: "X-A: 1" }],
    ['headers [["X-A", "a\\nb"]]', { headers: [["X-A", "a\nb"]] }],
  ])("a call: %s is an InvalidArgumentError", async (_, options) => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const call = runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT }, options as object);
    await expect(call).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("client.raw, routed by its middleware", () => {
  const putThing = {
    id: "putThing",
    method: "PUT",
    path: "/things",
    pathParams: [],
    queryParams: [],
    headerParams: [],
    body: "value",
    contentType: "application/json",
    envelope: false,
  } as const satisfies Operation;

  it("adds a query credential to a request with a body, which keeps its Content-Length", async () => {
    const server = await startLoopbackServer(json(200, { ok: true }));
    const runtime = createRuntime<any>(QUERY_API, { search, putThing }, {
      baseUrl: server.origin,
      apiKey: "QSECRET",
      maxRetries: 0,
    } as BaseClientOptions);
    const { response } = await runtime.raw.PUT("/things", { params: { query: { api_key: "EVIL" } }, body: { a: 1 } });
    expect(response.status).toBe(200);
    expect(server.requests[0]).toMatchObject({
      method: "PUT",
      url: "/things?api_key=QSECRET",
      body: '{"a":1}',
      headers: { "content-length": "7" },
    });
    expect(server.requests[0]!.headers["transfer-encoding"]).toBeUndefined();
  });

  it("sends the credentials to the client's server even when a call names another baseUrl", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const other = await startLoopbackServer(envelope(SAMPLE));
    const runtime = runtimeFor(server.origin);
    await runtime.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", {
      baseUrl: `${other.origin}/client/v4`,
      params: { path: { account_id: ACCOUNT } },
    });
    expect(other.requests).toHaveLength(0);
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([[BEHAVIORS_PATH, `Bearer ${TOKEN}`]]);
  });

  it("runs before the caller's middleware, which sees the credentials, in raw and typed calls alike", async () => {
    const server = await startLoopbackServer(json(200, { ok: true }));
    const runtime = createRuntime<any>(QUERY_API, { search }, {
      baseUrl: server.origin,
      apiKey: "QSECRET",
      maxRetries: 0,
    } as BaseClientOptions);
    const seen: string[] = [];
    runtime.raw.use({ onRequest: ({ request }) => void seen.push(request.url) });
    await runtime.raw.GET("/search", { params: { query: { page: 2 } } });
    await runtime.call(search, { page: 3 });
    expect(seen).toEqual([`${server.origin}/search?page=2&api_key=QSECRET`, `${server.origin}/search?page=3&api_key=QSECRET`]);
    expect(server.requests.map((r) => r.url)).toEqual(["/search?page=2&api_key=QSECRET", "/search?page=3&api_key=QSECRET"]);
  });
});
