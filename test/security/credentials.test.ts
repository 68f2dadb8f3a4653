/**
 * The runtime's credential rules on hand-written API descriptions (what a generated
 * client.ts holds), against a loopback server: every kind of scheme, which alternative a
 * call sends, what createRuntime refuses, what `headers` may not touch, client.raw, and
 * that no credential ever shows in an error; then the same rules on the fragment's own
 * schemes (Cloudflare's apiToken, or apiEmail + apiKey, and their environment variables).
 */
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ApiError,
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  AuthenticationError,
  basic,
  bearer,
  ClientError,
  ConfigurationError,
  ConnectionError,
  createRuntime,
  httpScheme,
  InvalidArgumentError,
  type ApiDescription,
  type BaseClientOptions,
  type Operation,
} from "../../generator/runtime/index.js";
import {
  ACCOUNT,
  BEHAVIORS_PATH,
  behaviorsRuntime,
  getBehaviors,
  isolateCloudflareEnv,
  SAMPLE,
  type ClientOptions,
} from "../support/behaviors-api.js";
import {
  closeLoopbackServers,
  envelope,
  failure,
  json,
  resetMidBody,
  startLoopbackServer,
  type RecordedRequest,
} from "../support/loopback-server.js";

afterEach(closeLoopbackServers);

const ENV = ["ZT_TEST_TOKEN", "ZT_TEST_BASIC", "ZT_TEST_KEY", "ZT_TEST_SESSION", "ZT_TEST_BASE_URL"];
const saved = new Map<string, string | undefined>();
beforeEach(() => {
  for (const name of ENV) saved.set(name, process.env[name]);
  for (const name of ENV) delete process.env[name];
});
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const API = {
  schemes: {
    token: { option: "token", kind: bearer, env: "ZT_TEST_TOKEN" },
    basic: { option: "basic", kind: basic, env: "ZT_TEST_BASIC" },
    custom: { option: "custom", kind: httpScheme, scheme: "Token" },
    key: { option: "apiKey", kind: apiKeyHeader, name: "X-Api-Key", env: "ZT_TEST_KEY" },
    queryKey: { option: "queryKey", kind: apiKeyQuery, name: "api key" },
    session: { option: "session", kind: apiKeyCookie, name: "session", env: "ZT_TEST_SESSION" },
    tenant: { option: "tenant", kind: apiKeyCookie, name: "tenant" },
  },
  security: [["token"], ["key", "session"]],
} as const satisfies ApiDescription;

const op = (id: string, extra: Partial<Operation> = {}): Operation => ({
  id,
  method: "GET",
  path: `/${id}`,
  pathParams: [],
  queryParams: [],
  headerParams: [],
  body: "none",
  envelope: false,
  ...extra,
});

const OPS = {
  fallback: op("fallback"),
  tokenOnly: op("tokenOnly", { security: [["token"]] }),
  basicOnly: op("basicOnly", { security: [["basic"]] }),
  customOnly: op("customOnly", { security: [["custom"]] }),
  queryOnly: op("queryOnly", { security: [["queryKey"]], queryParams: ["page", "api key"] }),
  cookies: op("cookies", { security: [["session", "tenant"]] }),
  optional: op("optional", { security: [[], ["token"]] }),
  open: op("open", { security: [] }),
  unsupported: op("unsupported", { security: [["mtls"]] }),
} satisfies Record<string, Operation>;

type Options = BaseClientOptions & Record<string, unknown>;

/** The credentials a request carried: exactly these, nothing else. */
const sent = (r: RecordedRequest) => ({
  url: r.url,
  ...(r.headers.authorization ? { authorization: r.headers.authorization } : {}),
  ...(r.headers["x-api-key"] ? { key: r.headers["x-api-key"] } : {}),
  ...(r.headers.cookie ? { cookie: r.headers.cookie } : {}),
});

async function setup(options: Options, operations: Record<string, Operation> = OPS, api: ApiDescription = API) {
  const server = await startLoopbackServer(json(200, { ok: true }));
  const runtime = createRuntime<object>(api, operations, { baseUrl: server.origin, maxRetries: 0, ...options });
  const call = (o: Operation, params: object = {}) => runtime.call(o, params);
  return { server, runtime, call };
}

describe("each kind of scheme is sent as the spec says", () => {
  it("bearer, basic, another http scheme, an API key in a header, a query parameter and cookies", async () => {
    const { server, call } = await setup({
      token: "t0k",
      basic: { username: "ada", password: "pä:ss" },
      custom: "c-1",
      apiKey: "k-1",
      queryKey: "q 1?&",
      session: "s-1",
      tenant: "acme",
    });
    for (const o of [OPS.tokenOnly, OPS.basicOnly, OPS.customOnly, OPS.queryOnly, OPS.cookies]) await call(o, { page: 2 });
    expect(server.requests.map(sent)).toEqual([
      { url: "/tokenOnly", authorization: "Bearer t0k" },
      { url: "/basicOnly", authorization: `Basic ${Buffer.from("ada:pä:ss").toString("base64")}` },
      { url: "/customOnly", authorization: "Token c-1" },
      { url: "/queryOnly?page=2&api%20key=q%201%3F%26" },
      { url: "/cookies", cookie: "session=s-1; tenant=acme" },
    ]);
  });

  it("reads the environment once, basic as username:password", async () => {
    process.env.ZT_TEST_BASIC = "env-user:env:pass";
    process.env.ZT_TEST_TOKEN = "env-token";
    const { server, call } = await setup({});
    process.env.ZT_TEST_TOKEN = "changed";
    await call(OPS.basicOnly);
    await call(OPS.tokenOnly);
    expect(server.requests.map(sent)).toEqual([
      { url: "/basicOnly", authorization: `Basic ${Buffer.from("env-user:env:pass").toString("base64")}` },
      { url: "/tokenOnly", authorization: "Bearer env-token" },
    ]);
  });

  it("lets a credential win over an operation's own parameter of the same name", async () => {
    const { server, call } = await setup({ queryKey: "secret-q" });
    await call(OPS.queryOnly, { "api key": "from-params" });
    expect(server.requests[0]!.url).toBe("/queryOnly?api%20key=secret-q");
  });
});

describe("which alternative a call sends", () => {
  it("the first one met, in spec order, and only that one", async () => {
    const { server, call } = await setup({ token: "t", apiKey: "k", session: "s" });
    await call(OPS.fallback);
    expect(server.requests.map(sent)).toEqual([{ url: "/fallback", authorization: "Bearer t" }]);
  });

  it("a later alternative when an earlier one is not met", async () => {
    const { server, call } = await setup({ apiKey: "k", session: "s" });
    await call(OPS.fallback);
    expect(server.requests.map(sent)).toEqual([{ url: "/fallback", key: "k", cookie: "session=s" }]);
  });

  it("options beat the environment as a whole alternative, and the environment completes them", async () => {
    process.env.ZT_TEST_TOKEN = "env-token";
    process.env.ZT_TEST_SESSION = "env-session";
    const { server, call } = await setup({ apiKey: "k" });
    await call(OPS.fallback);
    expect(server.requests.map(sent)).toEqual([{ url: "/fallback", key: "k", cookie: "session=env-session" }]);
  });

  it("the environment's alternatives in spec order when no option is given", async () => {
    process.env.ZT_TEST_TOKEN = "env-token";
    process.env.ZT_TEST_KEY = "env-key";
    process.env.ZT_TEST_SESSION = "env-session";
    const { server, call } = await setup({ basic: { username: "u", password: "p" } });
    await call(OPS.fallback);
    expect(server.requests.map(sent)).toEqual([{ url: "/fallback", authorization: "Bearer env-token" }]);
  });

  it("nothing for `security: []`, and nothing for an optional `{}` alternative without credentials", async () => {
    const { server, call } = await setup({ apiKey: "k", session: "s" });
    await call(OPS.open);
    await call(OPS.optional);
    expect(server.requests.map(sent)).toEqual([{ url: "/open" }, { url: "/optional" }]);
    const withToken = await setup({ token: "t" });
    await withToken.call(OPS.open);
    await withToken.call(OPS.optional);
    expect(withToken.server.requests.map(sent)).toEqual([{ url: "/open" }, { url: "/optional", authorization: "Bearer t" }]);
  });

  it("rejects a call whose alternatives are not met, naming them and their environment variables, and sends nothing", async () => {
    const { server, call } = await setup({ token: "t" });
    const error = await call(OPS.cookies).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe("cookies: no credentials: set session (ZT_TEST_SESSION) + tenant");
    const half = await setup({ token: "t", basic: undefined, session: "s" });
    await expect(half.call(OPS.cookies)).rejects.toThrow(
      "cookies: session and tenant must be set together: set session (ZT_TEST_SESSION) + tenant",
    );
    await expect(call(OPS.unsupported)).rejects.toThrow("unsupported: no credentials: set mtls (not supported)");
    expect(server.requests).toHaveLength(0);
    expect(half.server.requests).toHaveLength(0);
  });
});

describe("createRuntime", () => {
  it("throws at once only when no operation could be called", () => {
    expect(() => createRuntime(API, { tokenOnly: OPS.tokenOnly, cookies: OPS.cookies }, { baseUrl: "http://127.0.0.1:9" })).toThrow(
      "no credentials: set token (ZT_TEST_TOKEN), or session (ZT_TEST_SESSION) + tenant",
    );
    expect(() => createRuntime(API, { cookies: OPS.cookies }, { baseUrl: "http://127.0.0.1:9", tenant: "x" } as Options)).toThrow(
      /^session and tenant must be set together/,
    );
    // One public operation is enough; so is one whose alternatives are met.
    expect(() => createRuntime(API, { tokenOnly: OPS.tokenOnly, open: OPS.open }, { baseUrl: "http://127.0.0.1:9" })).not.toThrow();
    expect(() => createRuntime(API, OPS, { baseUrl: "http://127.0.0.1:9", tenant: "x" } as Options)).not.toThrow();
  });

  it.each([
    ["a token that is not a string", { token: 42 }, /token must be a string/],
    ["a token with a line break", { token: "secret\r\nX-Injected: 1" }, /not valid header values \(token\)/],
    ["a query key with a lone surrogate", { queryKey: "secret\uD800" }, /not valid query values \(queryKey\)/],
    ["a cookie with a semicolon", { session: "secret;admin=1" }, /not valid cookie values \(session\)/],
    ["a basic username with a colon", { basic: { username: "secret:x", password: "secret" } }, /basic must be \{ username, password \}/],
    ["basic without a password", { basic: { username: "secret" } }, /basic must be \{ username, password \}/],
  ])("refuses %s, without quoting it", (_, options, message) => {
    let thrown: unknown;
    try {
      createRuntime(API, OPS, { baseUrl: "http://127.0.0.1:9", ...options });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("secret");
  });

  it("refuses a base URL of plain http to a remote host only when credentials could go there", () => {
    expect(() => createRuntime(API, OPS, { baseUrl: "http://example.com", token: "t" } as Options)).toThrow(/allowInsecureHttp/);
    expect(() => createRuntime(API, { open: OPS.open }, { baseUrl: "http://example.com" })).not.toThrow();
  });
});

describe("headers may not set what a scheme sends", () => {
  it.each(["Authorization", "x-api-key", "COOKIE"])("refuses %s in the client's and the call's headers", async (name) => {
    expect(() => createRuntime(API, OPS, { baseUrl: "http://127.0.0.1:9", token: "t", headers: { [name]: "x" } } as Options)).toThrow(
      ConfigurationError,
    );
    const { server, runtime } = await setup({ token: "t" });
    await expect(runtime.call(OPS.open, {}, { headers: { [name]: "x" } })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses them in a Headers instance too", async () => {
    const headers = () => new Headers({ Authorization: "Bearer other" }) as unknown as Record<string, string>;
    expect(() => createRuntime(API, OPS, { baseUrl: "http://127.0.0.1:9", token: "t", headers: headers() } as Options)).toThrow(
      ConfigurationError,
    );
    const { server, runtime } = await setup({ token: "t" });
    await expect(runtime.call(OPS.open, {}, { headers: headers() })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it("allows Authorization and Cookie when no scheme uses them", async () => {
    const api = { schemes: { key: API.schemes.key }, security: [["key"]] } as const satisfies ApiDescription;
    const { server, call } = await setup(
      { apiKey: "k", headers: { Authorization: "Bearer other", Cookie: "a=b" } },
      { fallback: OPS.fallback },
      api,
    );
    await call(OPS.fallback);
    expect(server.requests.map(sent)).toEqual([{ url: "/fallback", authorization: "Bearer other", key: "k", cookie: "a=b" }]);
  });
});

describe("client.raw", () => {
  it("sends each operation's credentials, looked up by method and path; an unknown path gets the default", async () => {
    const { server, runtime } = await setup({ token: "t", queryKey: "q", session: "s", tenant: "acme" });
    const raw = runtime.raw as unknown as Record<string, (path: string, init?: object) => Promise<{ response: Response }>>;
    await raw.GET!("/queryOnly", { params: { query: { page: 1 } } });
    await raw.GET!("/cookies", { headers: { "X-Trace": "1" } });
    await raw.GET!("/open");
    await raw.GET!("/not-in-the-spec");
    // Basic credentials were not given: refused before sending.
    await expect(
      (runtime.raw.request as unknown as (m: string, p: string) => Promise<unknown>)("get", "/basicOnly"),
    ).rejects.toBeInstanceOf(ConfigurationError);
    expect(server.requests.map(sent)).toEqual([
      { url: "/queryOnly?page=1&api%20key=q" },
      { url: "/cookies", cookie: "session=s; tenant=acme" },
      { url: "/open" },
      { url: "/not-in-the-spec", authorization: "Bearer t" },
    ]);
    expect(server.requests[1]!.headers["x-trace"]).toBe("1");
  });

  it("refuses headers and header parameters a scheme uses", async () => {
    const { server, runtime } = await setup({ token: "t" });
    const raw = runtime.raw as unknown as Record<string, (path: string, init?: object) => Promise<unknown>>;
    await expect(raw.GET!("/open", { headers: { "X-Api-Key": "k" } })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(raw.GET!("/open", { params: { header: { authorization: "x" } } })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("secrets never leak", () => {
  const SECRETS = {
    token: "tok-SECRET-1",
    basic: { username: "user-SECRET-2", password: "pass-SECRET-3" },
    queryKey: "q-SECRET-4",
    session: "s-SECRET-5",
    tenant: "t-SECRET-6",
  };
  const basicValue = Buffer.from("user-SECRET-2:pass-SECRET-3").toString("base64");
  const leaks = (value: unknown) => {
    const texts = [
      inspect(value, { depth: Infinity, showHidden: true, getters: true }),
      JSON.stringify(value) ?? "",
      String(value),
      value instanceof Error ? `${value.stack}` : "",
    ];
    return texts.filter((text) => /SECRET/.test(text) || text.includes(basicValue));
  };

  it("not through the runtime, raw, or errors of any kind", async () => {
    const server = await startLoopbackServer(json(401, { error: "no" }), resetMidBody());
    const runtime = createRuntime<object>(API, OPS, { baseUrl: server.origin, maxRetries: 0, ...SECRETS });
    expect(leaks(runtime)).toEqual([]);
    expect(leaks(runtime.raw)).toEqual([]);
    const errors: unknown[] = [];
    errors.push(await runtime.call(OPS.basicOnly, {}).catch((e: unknown) => e)); // 401
    errors.push(await runtime.call(OPS.queryOnly, {}).catch((e: unknown) => e)); // reset
    errors.push(await runtime.call(OPS.cookies, {}, { headers: { "x-bad": "a\nb" } }).catch((e: unknown) => e)); // bad header
    errors.push(await runtime.call(OPS.cookies, {}, { headers: { cookie: "x" } }).catch((e: unknown) => e)); // forbidden header
    for (const options of [
      { session: "s-SECRET;" },
      { basic: { username: "u-SECRET:", password: "p" } },
      { queryKey: "q-SECRET\uDC00" },
      { token: 1 },
    ]) {
      try {
        createRuntime(API, OPS, { baseUrl: server.origin, ...options });
      } catch (error) {
        errors.push(error);
      }
    }
    expect(errors).toHaveLength(8);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ClientError);
      expect(leaks(error)).toEqual([]);
    }
    expect(server.requests.map((r) => r.url)).toEqual(["/basicOnly", "/queryOnly?api%20key=q-SECRET-4"]);
  });
});

// ───────── The fragment's own schemes (formerly test/runtime/auth.test.ts): apiToken, or apiEmail + apiKey ─────────

describe("the Cloudflare fragment: apiToken, or apiEmail + apiKey", () => {
  isolateCloudflareEnv();

  const EMAIL = "user@example.com";
  const KEY = "144c9defac04969c7bfad8efaa8ea194";
  const TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

  /** Makes one call with `options` and returns the auth headers the server received. */
  async function authHeadersSent(options: ClientOptions) {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const runtime = behaviorsRuntime({ baseUrl: `${server.origin}/client/v4`, ...options });
    await runtime.call(getBehaviors, { account_id: ACCOUNT });
    const { headers } = server.requests[0]!;
    return { authorization: headers.authorization, email: headers["x-auth-email"], key: headers["x-auth-key"] };
  }

  describe("auth schemes", () => {
    it("sends apiToken as a Bearer token and nothing else", async () => {
      expect(await authHeadersSent({ apiToken: TOKEN })).toEqual({ authorization: `Bearer ${TOKEN}`, email: undefined, key: undefined });
    });

    it("sends apiEmail + apiKey as X-Auth-Email / X-Auth-Key and nothing else", async () => {
      expect(await authHeadersSent({ apiEmail: EMAIL, apiKey: KEY })).toEqual({ authorization: undefined, email: EMAIL, key: KEY });
    });

    it("lets a token win when both schemes are given", async () => {
      expect(await authHeadersSent({ apiToken: TOKEN, apiEmail: EMAIL, apiKey: KEY })).toEqual({
        authorization: `Bearer ${TOKEN}`,
        email: undefined,
        key: undefined,
      });
    });
  });

  describe("environment defaults", () => {
    it("reads CLOUDFLARE_API_TOKEN", async () => {
      process.env.CLOUDFLARE_API_TOKEN = TOKEN;
      expect((await authHeadersSent({})).authorization).toBe(`Bearer ${TOKEN}`);
    });

    it("reads CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY", async () => {
      process.env.CLOUDFLARE_EMAIL = EMAIL;
      process.env.CLOUDFLARE_API_KEY = KEY;
      expect(await authHeadersSent({})).toEqual({ authorization: undefined, email: EMAIL, key: KEY });
    });

    it("prefers the environment token over the environment email + key", async () => {
      process.env.CLOUDFLARE_API_TOKEN = TOKEN;
      process.env.CLOUDFLARE_EMAIL = EMAIL;
      process.env.CLOUDFLARE_API_KEY = KEY;
      expect(await authHeadersSent({})).toEqual({ authorization: `Bearer ${TOKEN}`, email: undefined, key: undefined });
    });

    it("lets an explicit token beat the environment's", async () => {
      process.env.CLOUDFLARE_API_TOKEN = "from-env";
      expect((await authHeadersSent({ apiToken: TOKEN })).authorization).toBe(`Bearer ${TOKEN}`);
    });

    it("lets explicit email + key beat a token in the environment", async () => {
      process.env.CLOUDFLARE_API_TOKEN = "from-env";
      expect(await authHeadersSent({ apiEmail: EMAIL, apiKey: KEY })).toEqual({ authorization: undefined, email: EMAIL, key: KEY });
    });

    it("completes an explicit email with the environment's key", async () => {
      process.env.CLOUDFLARE_API_KEY = KEY;
      expect(await authHeadersSent({ apiEmail: EMAIL })).toEqual({ authorization: undefined, email: EMAIL, key: KEY });
    });

    it("treats empty strings as unset", async () => {
      process.env.CLOUDFLARE_API_TOKEN = TOKEN;
      process.env.CLOUDFLARE_EMAIL = "";
      expect((await authHeadersSent({ apiToken: "" })).authorization).toBe(`Bearer ${TOKEN}`);
    });

    it("reads the environment when the runtime is created, not per call", async () => {
      const server = await startLoopbackServer(envelope(SAMPLE));
      process.env.CLOUDFLARE_API_TOKEN = "first";
      const runtime = behaviorsRuntime({ baseUrl: server.origin });
      process.env.CLOUDFLARE_API_TOKEN = "second";
      await runtime.call(getBehaviors, { account_id: ACCOUNT });
      expect(server.requests[0]!.headers.authorization).toBe("Bearer first");
    });
  });

  describe("missing or broken credentials fail before any request", () => {
    it.each([
      ["nothing", {}, /no credentials/],
      ["an email without a key", { apiEmail: EMAIL }, /apiEmail and apiKey must be set together/],
      ["a key without an email", { apiKey: KEY }, /apiEmail and apiKey must be set together/],
      ["a token with a line break", { apiToken: `${TOKEN}\r\nX-Injected: 1` }, /not valid header values/],
      ["a key with a space", { apiEmail: EMAIL, apiKey: `${KEY} x` }, /not valid header values/],
    ] as const)("throws ConfigurationError synchronously for %s", async (_, options, message) => {
      const server = await startLoopbackServer(envelope(SAMPLE));
      let thrown: unknown;
      try {
        behaviorsRuntime({ baseUrl: server.origin, ...options });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigurationError);
      expect(thrown).toBeInstanceOf(ClientError);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).not.toContain(TOKEN);
      expect((thrown as Error).message).not.toContain(KEY);
      expect(server.requests).toHaveLength(0);
    });

    it("reports a half pair from the environment too", () => {
      process.env.CLOUDFLARE_EMAIL = EMAIL;
      expect(() => behaviorsRuntime({ baseUrl: "http://127.0.0.1:9" })).toThrow(/apiEmail and apiKey must be set together/);
    });

    it("refuses auth headers smuggled through headers options", async () => {
      const server = await startLoopbackServer(envelope(SAMPLE));
      for (const name of ["Authorization", "x-auth-key", "X-AUTH-EMAIL"]) {
        expect(() => behaviorsRuntime({ apiToken: TOKEN, baseUrl: server.origin, headers: { [name]: "x" } })).toThrow(ConfigurationError);
      }
      const runtime = behaviorsRuntime({ apiToken: TOKEN, baseUrl: server.origin });
      await expect(runtime.call(getBehaviors, { account_id: ACCOUNT }, { headers: { "X-Auth-Key": KEY } })).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
      expect(server.requests).toHaveLength(0);
    });

    it("sends other client and per-request headers, the per-request ones winning", async () => {
      const server = await startLoopbackServer(envelope(SAMPLE));
      const runtime = behaviorsRuntime({ apiToken: TOKEN, baseUrl: server.origin, headers: { "X-Client": "a", "X-Both": "client" } });
      await runtime.call(getBehaviors, { account_id: ACCOUNT }, { headers: { "X-Both": "request" } });
      expect(server.requests[0]!.headers).toMatchObject({ "x-client": "a", "x-both": "request", authorization: `Bearer ${TOKEN}` });
    });
  });

  describe("raw shares auth and base URL", () => {
    it("sends the token and the base URL path through client.raw", async () => {
      const server = await startLoopbackServer(envelope(SAMPLE));
      const runtime = behaviorsRuntime({ apiEmail: EMAIL, apiKey: KEY, baseUrl: `${server.origin}/client/v4/` });
      const { data, response } = await runtime.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", {
        params: { path: { account_id: ACCOUNT } },
      });
      expect(response.status).toBe(200);
      expect(data?.result).toEqual(SAMPLE);
      expect(server.requests[0]).toMatchObject({ url: BEHAVIORS_PATH, headers: { "x-auth-email": EMAIL, "x-auth-key": KEY } });
    });
  });

  describe("secrets never leak", () => {
    const secrets = [TOKEN, KEY, EMAIL];
    const leaks = (value: unknown) => {
      const texts = [
        inspect(value, { depth: Infinity, showHidden: true, getters: true }),
        JSON.stringify(value) ?? "",
        String(value),
        value instanceof Error ? `${value.message}\n${value.stack}` : "",
      ];
      return secrets.filter((secret) => texts.some((text) => text.includes(secret)));
    };

    it("not through the runtime object", () => {
      const token = behaviorsRuntime({ apiToken: TOKEN, baseUrl: "http://127.0.0.1:9" });
      const pair = behaviorsRuntime({ apiEmail: EMAIL, apiKey: KEY, baseUrl: "http://127.0.0.1:9" });
      expect(leaks(token)).toEqual([]);
      expect(leaks(pair)).toEqual([]);
      expect(leaks(token.raw)).toEqual([]);
    });

    it("not through errors of any kind", async () => {
      const server = await startLoopbackServer(failure(401, [{ code: 10000, message: "Authentication error" }]), resetMidBody());
      const token = behaviorsRuntime({ apiToken: TOKEN, baseUrl: server.origin, maxRetries: 0 });
      const pair = behaviorsRuntime({ apiEmail: EMAIL, apiKey: KEY, baseUrl: server.origin, maxRetries: 0 });
      const errors: unknown[] = [];
      errors.push(await token.call(getBehaviors, { account_id: ACCOUNT }).catch((e: unknown) => e)); // ApiError
      errors.push(await pair.call(getBehaviors, { account_id: ACCOUNT }).catch((e: unknown) => e)); // ConnectionError (reset)
      errors.push(await pair.call(getBehaviors, { account_id: "" }).catch((e: unknown) => e)); // InvalidArgumentError
      errors.push(await pair.call(getBehaviors, { account_id: ACCOUNT }, { headers: { "x-bad": "a\nb" } }).catch((e: unknown) => e));
      for (const options of [
        { apiToken: `${TOKEN}\n` },
        { apiEmail: EMAIL },
        { apiKey: KEY },
        { apiToken: TOKEN, baseUrl: `http://${KEY}:${TOKEN}@example.com` },
      ]) {
        try {
          behaviorsRuntime(options);
        } catch (error) {
          errors.push(error);
        }
      }
      expect(errors.map((e) => (e as Error).constructor)).toEqual([
        AuthenticationError,
        ConnectionError,
        InvalidArgumentError,
        InvalidArgumentError,
        ConfigurationError,
        ConfigurationError,
        ConfigurationError,
        ConfigurationError,
      ]);
      expect(errors[0]).toBeInstanceOf(ApiError);
      for (const error of errors) expect(leaks(error)).toEqual([]);
    });
  });
});
