// Unit tests of the test kit's hand-written runtime (generator/runtime/testing*.ts): URL
// matching, parameter decoding, credential checks and body violations, on real Request
// objects as msw hands them to a handler.
import type { HttpHandler } from "msw";
import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";
import {
  apiError,
  ApiErrorAnswer,
  createTestKit,
  type ApiErrorOptions,
  type MockOptions,
  type MockSpec,
} from "../../generator/runtime/testing.js";
import {
  checkCredentials,
  compileRoute,
  matchRoute,
  readRequest,
  type MockOperation,
  type MockScheme,
} from "../../generator/runtime/testing-request.js";
import { createRuntime, type Operation, type Validators } from "../../generator/runtime/index.js";

const BASE = "https://api.example.com/client/v4";

function op(overrides: Partial<MockOperation> = {}): MockOperation {
  return {
    id: "getThing",
    method: "GET",
    path: "/t/{id}",
    pathParams: [{ name: "id", required: true, type: "string" }],
    queryParams: [],
    headerParams: [],
    body: "none",
    security: [],
    envelope: true,
    status: 200,
    responseType: "application/json",
    ...overrides,
  };
}

const SCHEMES: Record<string, MockScheme> = {
  api_token: { kind: "bearer" },
  api_email: { kind: "apiKey", in: "header", name: "X-Auth-Email" },
  api_key: { kind: "apiKey", in: "header", name: "X-Auth-Key" },
  basic: { kind: "basic" },
  query_key: { kind: "apiKey", in: "query", name: "key" },
  session: { kind: "apiKey", in: "cookie", name: "sid" },
  digest: { kind: "http", scheme: "Digest" },
  mtls: { kind: "unsupported" },
};

const match = (base: string, path: string, params: string[], url: string) => matchRoute(compileRoute(base, path, params), new URL(url));

describe("compileRoute and matchRoute: the URL the client builds", () => {
  it("matches the base URL's origin and path, and captures each parameter as sent", () => {
    const path = "/accounts/{account_id}/items/{item_id}";
    expect(match(BASE, path, ["account_id", "item_id"], `${BASE}/accounts/a%2Fb/items/7?x=1`)).toEqual({
      account_id: "a%2Fb",
      item_id: "7",
    });
    // Another host, scheme, port or base path is another server.
    expect(match(BASE, path, ["account_id", "item_id"], "https://api.example.org/client/v4/accounts/a/items/7")).toBeUndefined();
    expect(match(BASE, path, ["account_id", "item_id"], "http://api.example.com/client/v4/accounts/a/items/7")).toBeUndefined();
    expect(match(BASE, path, ["account_id", "item_id"], "https://api.example.com:8443/client/v4/accounts/a/items/7")).toBeUndefined();
    expect(match(BASE, path, ["account_id", "item_id"], "https://api.example.com/accounts/a/items/7")).toBeUndefined();
    // One segment per parameter; an empty one still matches (the handler then names it).
    expect(match(BASE, path, ["account_id", "item_id"], `${BASE}/accounts/a/b/items/7`)).toBeUndefined();
    expect(match(BASE, path, ["account_id", "item_id"], `${BASE}/accounts//items/7`)).toEqual({ account_id: "", item_id: "7" });
  });

  it("normalises the template as the URL parser normalises the request: trailing slashes, host case, default port, encoding", () => {
    expect(match("HTTPS://API.Example.com:443/v1/", "/a b/{id}", ["id"], "https://api.example.com/v1/a%20b/1")).toEqual({ id: "1" });
  });

  it("takes the spec's path literally: regular-expression and msw path characters are plain text", () => {
    const path = "/files/{name}.json:batch(*)+";
    expect(match(BASE, path, ["name"], `${BASE}/files/x.json:batch(*)+`)).toEqual({ name: "x" });
    expect(match(BASE, path, ["name"], `${BASE}/files/x.jsonXbatch(*)+`)).toBeUndefined();
    // Braces the operation does not declare as parameters stay literal, as the client leaves them.
    expect(match(BASE, "/t/{id}/{other}", ["id"], `${BASE}/t/1/%7Bother%7D`)).toEqual({ id: "1" });
  });

  it("a base URL without an origin matches any origin", () => {
    expect(match("/v1", "/t/{id}", ["id"], "http://localhost:1234/v1/t/9")).toEqual({ id: "9" });
    expect(match("", "/t/{id}", ["id"], "https://anywhere.test/t/9")).toEqual({ id: "9" });
    expect(match("", "/t/{id}", ["id"], "https://anywhere.test/v1/t/9")).toBeUndefined();
  });
});

/** readRequest on a request sent to BASE + `path`. */
async function read(operation: MockOperation, path: string, init: RequestInit = {}, validators?: Validators) {
  const request = new Request(BASE + path, init);
  const raw = matchRoute(
    compileRoute(
      BASE,
      operation.path,
      operation.pathParams.map((p) => p.name),
    ),
    new URL(request.url),
  );
  expect(raw, `${path} matches ${operation.path}`).toBeDefined();
  return readRequest(operation, raw!, request, SCHEMES, validators);
}
const messages = (result: { violations: { message: string }[] }) => result.violations.map((v) => v.message);

describe("readRequest: parameters decoded as the client encodes them", () => {
  it("decodes path segments with decodeURIComponent and reads them by their schema type", async () => {
    const operation = op({
      path: "/t/{name}/{n}/{on}",
      pathParams: [
        { name: "name", type: "string" },
        { name: "n", type: "integer" },
        { name: "on", type: "boolean" },
      ],
    });
    const name = "a/b?c#d %é";
    const result = await read(operation, `/t/${encodeURIComponent(name)}/42/false`);
    expect(result).toEqual({ params: { name, n: 42, on: false }, violations: [] });
  });

  it("names an empty segment, a segment of the wrong type and broken percent-encoding", async () => {
    const operation = op({
      path: "/t/{a}/{n}/{x}/{f}",
      pathParams: [{ name: "a" }, { name: "n", type: "integer" }, { name: "x" }, { name: "f", type: "number" }],
    });
    expect(messages(await read(operation, "/t//4.5/%E0%A4%A/abc"))).toEqual([
      "path parameter a is empty",
      'path parameter n must be an integer (got "4.5")',
      'path parameter x is not percent-encoded UTF-8 (got "%E0%A4%A")',
      'path parameter f must be a number (got "abc")',
    ]);
  });

  it("reads query parameters as openapi-fetch's default serialiser writes them", async () => {
    const operation = op({
      path: "/t",
      pathParams: [],
      queryParams: [
        { name: "page", type: "integer" },
        { name: "tags", type: "array", items: "string" },
        { name: "ids", type: "array", items: "integer" },
        { name: "filter", type: "object" },
        { name: "q", type: "string" },
        { name: "absent", type: "string" },
      ],
    });
    const result = await read(operation, "/t?page=2&tags=a%20b&tags=c%26d&ids=1&filter[color]=red&filter[size]=L&q=x%2By+z");
    expect(result.violations).toEqual([]);
    expect(result.params).toEqual({ page: 2, tags: ["a b", "c&d"], ids: [1], filter: { color: "red", size: "L" }, q: "x+y z" });
    expect(Object.keys(result.params)).not.toContain("absent");
  });

  it("names required query and header parameters that are missing, and values of the wrong type", async () => {
    const operation = op({
      path: "/t",
      pathParams: [],
      queryParams: [
        { name: "per_page", required: true, type: "integer" },
        { name: "ids", type: "array", items: "integer" },
      ],
      headerParams: [{ name: "X-Request-Id", required: true }, { name: "X-Dry-Run", type: "boolean" }, { name: "not a header name" }],
    });
    expect(messages(await read(operation, "/t?ids=1&ids=two", { headers: { "x-dry-run": "yes" } }))).toEqual([
      "query parameter per_page is required",
      'query parameter ids item must be an integer (got "two")',
      "header parameter X-Request-Id is required",
      'header parameter X-Dry-Run must be true or false (got "yes")',
    ]);
    const ok = await read(operation, "/t?per_page=10", { headers: { "X-Request-Id": "r1", "X-Dry-Run": "true" } });
    expect(ok).toEqual({ params: { per_page: 10, "X-Request-Id": "r1", "X-Dry-Run": true }, violations: [] });
  });

  it("groups the params like openapi-fetch's when the operation is grouped", async () => {
    const operation = op({
      path: "/t/{id}",
      queryParams: [{ name: "id" }],
      body: "value",
      grouped: true,
      contentType: "application/json",
    });
    const result = await read(operation, "/t/p1?id=q1", { method: "POST", body: "[1,2]", headers: { "content-type": "application/json" } });
    expect(result).toEqual({ params: { path: { id: "p1" }, query: { id: "q1" }, body: [1, 2] }, violations: [] });
  });

  it("flattens body fields beside the parameters, and keeps a __proto__ field an own key", async () => {
    const operation = op({ method: "PUT", body: "fields", contentType: "application/json", requiredFields: ["name"] });
    const result = await read(operation, "/t/7", {
      method: "PUT",
      body: '{"name":"n","__proto__":{"polluted":true}}',
      headers: { "content-type": "application/json" },
    });
    expect(result.violations).toEqual([]);
    expect(Object.keys(result.params)).toEqual(["id", "name", "__proto__"]);
    expect(Object.getPrototypeOf(result.params)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("readRequest: bodies", () => {
  const put = op({
    method: "PUT",
    body: "fields",
    contentType: "application/json",
    bodyRequired: true,
    requiredFields: ["behaviors", "mode"],
  });
  const json = (body: string) => ({ method: "PUT", body, headers: { "content-type": "application/json" } });

  it("without validators: a required body, JSON, an object, its required fields", async () => {
    expect(messages(await read(put, "/t/1", { method: "PUT" }))).toEqual(["request body is required"]);
    expect(messages(await read(put, "/t/1", json("{nope")))[0]).toMatch(/^request body is not JSON: /);
    expect(messages(await read(put, "/t/1", json("[1]")))).toEqual(["/ must be object"]);
    expect(messages(await read(put, "/t/1", json('{"mode":1}')))).toEqual(["/ must have required property 'behaviors'"]);
  });

  it("names a content-type the operation does not take", async () => {
    const result = await read(put, "/t/1", { method: "PUT", body: '{"behaviors":{},"mode":1}', headers: { "content-type": "text/plain" } });
    expect(messages(result)).toEqual(['request body has content-type "text/plain", expected application/json']);
    const form = op({ method: "POST", body: "value", contentType: "multipart/form-data" });
    const data = new FormData();
    data.set("file", "abc");
    const sent = await read(form, "/t/1", { method: "POST", body: data });
    expect(sent.violations).toEqual([]);
    expect((sent.params.body as FormData).get("file")).toBe("abc");
  });

  it("with validators: each error names its JSON pointer and the validator's message", async () => {
    const validate = Object.assign((data: unknown) => (data as { ok?: boolean }).ok === true, {
      errors: [
        { instancePath: "/behaviors/foo/risk_level", message: "must be equal to one of the allowed values" },
        { instancePath: "", message: "must have required property 'x'" },
      ],
    });
    const validators: Validators = { getThing: { request: validate } };
    const result = await read(put, "/t/1", json('{"ok":false}'), validators);
    expect(result.violations).toEqual([
      { message: "/behaviors/foo/risk_level must be equal to one of the allowed values", pointer: "/behaviors/foo/risk_level" },
      { message: "/ must have required property 'x'", pointer: "/" },
    ]);
    expect((await read(put, "/t/1", json('{"ok":true}'), validators)).violations).toEqual([]);
  });
});

describe("checkCredentials: the operation's security alternatives", () => {
  const secured = op({ security: [["api_token"], ["api_email", "api_key"]] });
  const check = (headers: Record<string, string>, operation = secured, query = "") =>
    checkCredentials(operation, SCHEMES, new Request(`${BASE}/t/1${query}`, { headers }), new URL(`${BASE}/t/1${query}`)).map(
      (v) => v.message,
    );

  it("passes any one complete alternative", () => {
    expect(check({ authorization: "Bearer abc" })).toEqual([]);
    expect(check({ "x-auth-email": "a@b.c", "x-auth-key": "k" })).toEqual([]);
  });

  it("names the alternatives it accepts when none is complete", () => {
    expect(check({})).toEqual(["missing credentials: api_token, or api_email and api_key"]);
    expect(check({ "x-auth-email": "a@b.c" })).toEqual(["missing credentials: api_token, or api_email and api_key"]);
  });

  it("names a credential that is there but unusable", () => {
    expect(check({ authorization: "Basic dTpw" })).toEqual([
      'wrong credentials: api_token (Authorization is not "Bearer <token>"); accepted: api_token, or api_email and api_key',
    ]);
    expect(check({ "x-auth-email": "a@b.c", "x-auth-key": " " })).toEqual([
      "wrong credentials: api_key (header X-Auth-Key is empty); accepted: api_token, or api_email and api_key",
    ]);
  });

  it("reads basic, other http schemes, query and cookie keys; never meets mutualTLS", () => {
    const only = (key: string) => op({ security: [[key]] });
    expect(check({ authorization: `Basic ${btoa("user:pass")}` }, only("basic"))).toEqual([]);
    expect(check({ authorization: `Basic ${btoa("nocolon")}` }, only("basic"))[0]).toMatch(/^wrong credentials: basic/);
    expect(check({ authorization: "Digest abc" }, only("digest"))).toEqual([]);
    expect(check({}, only("query_key"), "?key=k1")).toEqual([]);
    expect(check({}, only("query_key"), "?other=k1")).toEqual(["missing credentials: query_key"]);
    expect(check({ cookie: "a=1; sid=s2" }, only("session"))).toEqual([]);
    expect(check({ cookie: "a=1" }, only("session"))).toEqual(["missing credentials: session"]);
    expect(check({ authorization: "Bearer t" }, only("mtls"))).toEqual(["missing credentials: mtls"]);
    expect(check({}, only("not_declared"))).toEqual(["missing credentials: not_declared"]);
  });

  it("an empty alternative, or no security at all, is public", () => {
    expect(check({}, op({ security: [["api_token"], []] }))).toEqual([]);
    expect(check({}, op({ security: [] }))).toEqual([]);
  });
});

describe("apiError", () => {
  it("leaves the errors to the spec's example unless given, and keeps the headers given", () => {
    const answer = apiError(429, { headers: { "retry-after": "1" } });
    expect(answer).toBeInstanceOf(ApiErrorAnswer);
    expect(answer).toMatchObject({ status: 429, errors: undefined, headers: { "retry-after": "1" } });
    expect(apiError(404, { errors: [{ code: 7003, message: "No route" }] }).errors).toEqual([{ code: 7003, message: "No route" }]);
  });

  it("refuses a status that is not an error, or that no Response can carry", () => {
    expect(() => apiError(600)).toThrow(RangeError);
    expect(() => apiError(99.5)).toThrow(/integer from 400 to 599/);
    expect(() => apiError(200)).toThrow(/not 200/);
    expect(() => apiError(399)).toThrow(/not 399/);
  });

  it("answers the spec's example for the status: its own, else its class's, else default; without one, an entry naming it", async () => {
    const example = (code: number) => JSON.stringify({ errors: [{ code, message: `example ${code}` }], messages: [] });
    const errorExamples = [example(1000), example(1400), example(1404)];
    const failures = [
      { status: "default", example: 0 },
      { status: "4xx", example: 1 },
      { status: "404", example: 2 },
    ];
    const answered = async (operation: MockOperation, status: number, options?: ApiErrorOptions) => {
      const kit = createTestKit<Record<string, (answer: unknown) => HttpHandler>>({
        operations: { op: operation },
        schemes: {},
        server: BASE,
        errorExamples,
      });
      const server = setupServer(kit.mock.op!(apiError(status, options)));
      server.listen({ onUnhandledRequest: "error" });
      try {
        const response = await fetch(`${BASE}/t/1`);
        return [response.status, await response.json()];
      } finally {
        server.close();
      }
    };
    const withExamples = op({ envelope: false, failures });
    expect(await answered(withExamples, 404)).toEqual([404, JSON.parse(example(1404))]);
    expect(await answered(withExamples, 409)).toEqual([409, JSON.parse(example(1400))]);
    expect(await answered(withExamples, 500)).toEqual([500, JSON.parse(example(1000))]);
    // errors given: the envelope (or its lists) with them.
    expect(await answered(withExamples, 404, { errors: [{ code: 2000, message: "mine" }] })).toEqual([
      404,
      { errors: [{ code: 2000, message: "mine" }], messages: [] },
    ]);
    // No example for the status: one entry naming it.
    const only4xx = op({ failures: [{ status: "4XX", example: 1 }] });
    expect(await answered(op(), 404)).toEqual([
      404,
      { success: false, errors: [{ code: 404, message: "HTTP 404" }], messages: [], result: null },
    ]);
    expect(await answered(only4xx, 503)).toEqual([
      503,
      { success: false, errors: [{ code: 503, message: "HTTP 503" }], messages: [], result: null },
    ]);
  });

  it("answers a request that breaks the spec with the error code of the spec's example of a 400", async () => {
    const kit = createTestKit({
      operations: { op: op({ failures: [{ status: "4XX", example: 0 }] }) },
      schemes: {},
      server: BASE,
      errorExamples: ['{"errors":[{"code":1400,"message":"m"}]}'],
    });
    const server = setupServer(...kit.handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      const response = await fetch(`${BASE}/t/`);
      expect([response.status, await response.json()]).toEqual([
        400,
        { success: false, errors: [{ code: 1400, message: "path parameter id is empty" }], messages: [], result: null },
      ]);
    } finally {
      server.close();
    }
  });
});

describe("createTestKit", () => {
  const spec: MockSpec = {
    operations: {
      getThing: op({ path: "/things/{id}", pathParams: [{ name: "id", type: "integer" }], envelope: false, example: '{"id":1}' }),
      searchThings: op({ path: "/things/search", pathParams: [], envelope: false, example: '["found"]' }),
      health: op({ path: "/health", pathParams: [], envelope: false, server: "/status-api", responseType: "text/plain", example: '"ok"' }),
    },
    schemes: {},
    server: BASE,
  };
  const get = (url: string) => fetch(url).then(async (r) => `${r.status} ${await r.text()}`);

  it("puts concrete paths first, resolves a relative operation server against the base URL, and answers examples", async () => {
    const server = setupServer(...createTestKit(spec).handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      expect(await get(`${BASE}/things/search`)).toBe('200 ["found"]');
      expect(await get(`${BASE}/things/5`)).toBe('200 {"id":1}');
      expect(await get("https://api.example.com/status-api/health")).toBe("200 ok");
      await expect(get(`${BASE}/health`)).rejects.toThrow();
    } finally {
      server.close();
    }
  });

  it('agrees with the client on where it sends: baseUrl "" is not given, and a relative server resolves against a path base too', async () => {
    const operation = { ...op({ id: "health", path: "/health", pathParams: [], envelope: false, server: "status", example: '"ok"' }) };
    const clientOp: Operation = { ...operation, pathParams: [], queryParams: [], headerParams: [] };
    const kitSpec: MockSpec = { operations: { health: operation }, schemes: {}, server: BASE, serverEnv: "ZT_KIT_TEST_BASE_URL" };
    /** What the client sends to with `baseUrl`, answered by the kit made with `kitBaseUrl`. */
    const answer = async (baseUrl: string, kitBaseUrl: string) => {
      const server = setupServer(...createTestKit(kitSpec, { baseUrl: kitBaseUrl }).handlers);
      server.listen({ onUnhandledRequest: "error" });
      try {
        const runtime = createRuntime(
          { schemes: {}, security: [], server: { url: BASE, env: "ZT_KIT_TEST_BASE_URL" } },
          { health: clientOp },
          { baseUrl, maxRetries: 0 },
        );
        return await runtime.call(clientOp, {});
      } finally {
        server.close();
      }
    };
    process.env.ZT_KIT_TEST_BASE_URL = "https://env.example.com/v9";
    try {
      // Both go to the environment's base URL, and to its "status" folder.
      await expect(answer("", "")).resolves.toBe("ok");
    } finally {
      delete process.env.ZT_KIT_TEST_BASE_URL;
    }
    // A path base URL (any origin) resolves the operation's relative server as the client does.
    await expect(answer("https://elsewhere.example.net/client/v4", "/client/v4")).resolves.toBe("ok");
  });

  it("answers a text or binary success body as the client reads it: text, or a Blob of the same bytes", async () => {
    const csv = op({ id: "getCsv", path: "/csv", pathParams: [], envelope: false, responseType: "text/csv", example: '"a,b\\n1,2"' });
    const png = op({ id: "getPng", path: "/png", pathParams: [], envelope: false, responseType: "image/png", example: '"PNG"' });
    const kit = createTestKit<Record<string, (answer: unknown, options?: MockOptions) => HttpHandler>>({
      operations: { csv, png },
      schemes: {},
      server: BASE,
    });
    const server = setupServer(...kit.handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      const clientOps = Object.fromEntries(
        [
          [csv, "text"],
          [png, "blob"],
        ].map(([o, parseAs]) => [
          (o as MockOperation).id,
          { ...(o as MockOperation), pathParams: [], queryParams: [], headerParams: [], parseAs } as Operation,
        ]),
      );
      const runtime = createRuntime({ schemes: {}, security: [], server: { url: BASE } }, clientOps, { maxRetries: 0 });
      await expect(runtime.call(clientOps.getCsv!, {})).resolves.toBe("a,b\n1,2");
      const example = await runtime.call<Blob>(clientOps.getPng!, {});
      expect(example).toBeInstanceOf(Blob);
      expect(await example.text()).toBe("PNG");
      const bytes = new Uint8Array([0x89, 0x50, 0xff, 0x00, 0xfe]);
      server.use(kit.mock.png!(new Blob([bytes])));
      expect(new Uint8Array(await (await runtime.call<Blob>(clientOps.getPng!, {})).arrayBuffer())).toEqual(bytes);
    } finally {
      server.close();
    }
  });

  it("mocks answer once when asked, then the example answers", async () => {
    const kit = createTestKit<Record<string, (answer: unknown, options?: MockOptions) => HttpHandler>>(spec);
    const server = setupServer(...kit.handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      server.use(kit.mock.getThing!((params: { id: number }) => ({ id: params.id * 2 }), { once: true }));
      expect(await get(`${BASE}/things/21`)).toBe('200 {"id":42}');
      expect(await get(`${BASE}/things/21`)).toBe('200 {"id":1}');
    } finally {
      server.close();
    }
  });
});
