import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, AuthenticationError, ClientError, ConfigurationError, ConnectionError, InvalidArgumentError } from "../../generator/runtime/index.js";
import { ACCOUNT, BEHAVIORS_PATH, behaviorsRuntime, getBehaviors, isolateCloudflareEnv, SAMPLE, type ClientOptions } from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, failure, resetMidBody, startLoopbackServer } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

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
      authorization: `Bearer ${TOKEN}`, email: undefined, key: undefined,
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
    const { data, response } = await runtime.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", { params: { path: { account_id: ACCOUNT } } });
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

  it("not through the runtime object", async () => {
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
    for (const options of [{ apiToken: `${TOKEN}\n` }, { apiEmail: EMAIL }, { apiKey: KEY }, { apiToken: TOKEN, baseUrl: `http://${KEY}:${TOKEN}@example.com` }]) {
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
