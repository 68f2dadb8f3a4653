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
  id: "search", method: "GET", path: "/search", pathParams: [], queryParams: ["filter", "page"], headerParams: [], body: "none", envelope: false,
} as const satisfies Operation;

/** The query a server reading `url` sees, as [name, value] pairs in order. */
const queryOf = (request: RecordedRequest) => [...new URL(request.url, "http://x").searchParams];

async function queryClient(options: object = {}) {
  const server = await startLoopbackServer(json(200, { ok: true }));
  const runtime = createRuntime<any>(QUERY_API, { search }, { baseUrl: server.origin, apiKey: "QSECRET", maxRetries: 0, ...options } as BaseClientOptions);
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
    for (const request of server.requests) expect(queryOf(request).filter(([name]) => name === "api_key")).toEqual([["api_key", "QSECRET"]]);
  });
});
