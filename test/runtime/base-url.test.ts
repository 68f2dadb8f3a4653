import { afterEach, describe, expect, it } from "vitest";
import {
  bearer,
  ConfigurationError,
  createRuntime,
  type ApiDescription,
  type BaseClientOptions,
  type Operation,
} from "../../generator/runtime/index.js";
import { ACCOUNT, BEHAVIORS_PATH, behaviorsRuntime, getBehaviors, isolateCloudflareEnv, SAMPLE, TOKEN } from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, json, startLoopbackServer } from "../support/loopback-server.js";

/** The URL a fetch was given (a Request carries its own). */
const urlOf = (input: string | URL | Request): string => (input instanceof Request ? input.url : String(input));

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

describe("base URL", () => {
  it("defaults to https://api.cloudflare.com/client/v4", async () => {
    // The fetch option forwards the real request to the loopback server, keeping the URL it was given.
    const server = await startLoopbackServer(envelope(SAMPLE));
    const urls: string[] = [];
    const runtime = behaviorsRuntime({
      apiToken: TOKEN,
      fetch: (input, init) => {
        urls.push(urlOf(input));
        return fetch(server.origin + new URL(urlOf(input)).pathname, init);
      },
    });
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    expect(urls).toEqual([`https://api.cloudflare.com${BEHAVIORS_PATH}`]);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it.each(["", "/", "//"])("ignores trailing slashes (%j)", async (suffix) => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    await behaviorsRuntime({ apiToken: TOKEN, baseUrl: `${server.origin}/client/v4${suffix}` }).call(getBehaviors, { account_id: ACCOUNT });
    expect(server.requests[0]!.url).toBe(BEHAVIORS_PATH);
  });

  it("works at the root of a host", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    await behaviorsRuntime({ apiToken: TOKEN, baseUrl: `${server.origin}/` }).call(getBehaviors, { account_id: "a" });
    expect(server.requests[0]!.url).toBe("/accounts/a/zt_risk_scoring/behaviors");
  });

  it("reads CLOUDFLARE_BASE_URL, and the option beats it", async () => {
    const fromEnv = await startLoopbackServer(envelope(SAMPLE));
    const fromOption = await startLoopbackServer(envelope(SAMPLE));
    process.env.CLOUDFLARE_BASE_URL = `${fromEnv.origin}/client/v4`;
    await behaviorsRuntime({ apiToken: TOKEN }).call(getBehaviors, { account_id: ACCOUNT });
    await behaviorsRuntime({ apiToken: TOKEN, baseUrl: `${fromOption.origin}/client/v4` }).call(getBehaviors, { account_id: ACCOUNT });
    expect(fromEnv.requests.map((r) => r.url)).toEqual([BEHAVIORS_PATH]);
    expect(fromOption.requests.map((r) => r.url)).toEqual([BEHAVIORS_PATH]);
  });
});

describe("plain http", () => {
  it.each([
    "http://example.com",
    "http://10.0.0.1:8080/client/v4",
    "http://127.0.0.1.nip.io",
    "http://localhost.example.com",
    "http://[::2]",
    "http://[::ffff:8.8.8.8]",
  ])("refuses credentials over plain http to %s", (baseUrl) => {
    expect(() => behaviorsRuntime({ apiToken: TOKEN, baseUrl })).toThrow(ConfigurationError);
    expect(() => behaviorsRuntime({ apiToken: TOKEN, baseUrl })).toThrow(/allowInsecureHttp/);
  });

  it("refuses it from CLOUDFLARE_BASE_URL too", () => {
    process.env.CLOUDFLARE_BASE_URL = "http://api.example.com/client/v4";
    expect(() => behaviorsRuntime({ apiToken: TOKEN })).toThrow(ConfigurationError);
  });

  it.each([
    "http://localhost",
    "http://LOCALHOST:8080/client/v4",
    "http://127.0.0.1",
    "http://127.255.1.2:1",
    "http://127.1",
    "http://2130706433",
    "http://[::1]:8787",
    "http://[0:0:0:0:0:0:0:1]",
    "https://example.com",
  ])("allows %s", (baseUrl) => {
    expect(() => behaviorsRuntime({ apiToken: TOKEN, baseUrl })).not.toThrow();
  });

  it("allows any host when allowInsecureHttp is true", () => {
    expect(() => behaviorsRuntime({ apiToken: TOKEN, baseUrl: "http://example.com", allowInsecureHttp: true })).not.toThrow();
  });
});

describe("malformed base URLs", () => {
  it.each([
    "not a url",
    "/client/v4",
    "ftp://example.com",
    "javascript:alert(1)",
    "https://user:secret@example.com",
    "https://example.com/client/v4?x=1",
    "https://example.com/client/v4#frag",
    "https://example.com/client/v4?",
  ])("rejects %j", (baseUrl) => {
    let thrown: unknown;
    try {
      behaviorsRuntime({ apiToken: TOKEN, baseUrl });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as Error).message).not.toContain("secret");
  });
});

describe("servers from the spec", () => {
  const api = (server?: ApiDescription["server"]) =>
    ({
      schemes: { token: { option: "apiToken", kind: bearer } },
      security: [["token"]],
      ...(server ? { server } : {}),
    }) satisfies ApiDescription;
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

  /** A runtime whose fetch records each URL and sends the request to `server`, keeping its path. */
  function forwarding(
    origin: string,
    urls: string[],
    server: ApiDescription["server"],
    ops: Record<string, Operation>,
    options: object = {},
  ) {
    return createRuntime(api(server), ops, {
      fetch: (input, init) => {
        urls.push(urlOf(input));
        const { pathname, search } = new URL(urlOf(input));
        return fetch(origin + pathname + search, init);
      },
      ...options,
    });
  }

  it("sends an operation with its own absolute server there, whatever baseUrl says; a relative one is resolved against baseUrl", async () => {
    const server = await startLoopbackServer(json(200, {}));
    const urls: string[] = [];
    const ops = {
      plain: op("plain"),
      absolute: op("absolute", { server: "https://files.example.com/v1/" }),
      relative: op("relative", { server: "uploads/v2" }),
      rooted: op("rooted", { server: "/other" }),
    };
    const runtime = forwarding(server.origin, urls, { url: "https://api.example.com/v9" }, ops, {
      apiToken: TOKEN,
      baseUrl: "https://eu.example.com/api/",
    });
    for (const o of Object.values(ops)) await runtime.call(o, {});
    expect(urls).toEqual([
      "https://eu.example.com/api/plain",
      "https://files.example.com/v1/absolute",
      "https://eu.example.com/api/uploads/v2/relative",
      "https://eu.example.com/other/rooted",
    ]);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("takes the document's server, else the environment variable it names, else baseUrl", async () => {
    const server = await startLoopbackServer(json(200, {}));
    const urls: string[] = [];
    const ops = { plain: op("plain") };
    await forwarding(server.origin, urls, { url: "https://api.example.com/v9", env: "ZT_TEST_BASE_URL" }, ops, { apiToken: TOKEN }).call(
      ops.plain,
      {},
    );
    process.env.ZT_TEST_BASE_URL = "https://env.example.com/v3";
    try {
      await forwarding(server.origin, urls, { url: "https://api.example.com/v9", env: "ZT_TEST_BASE_URL" }, ops, { apiToken: TOKEN }).call(
        ops.plain,
        {},
      );
      await forwarding(server.origin, urls, { url: "https://api.example.com/v9", env: "ZT_TEST_BASE_URL" }, ops, {
        apiToken: TOKEN,
        baseUrl: "https://option.example.com",
      }).call(ops.plain, {});
    } finally {
      delete process.env.ZT_TEST_BASE_URL;
    }
    expect(urls).toEqual(["https://api.example.com/v9/plain", "https://env.example.com/v3/plain", "https://option.example.com/plain"]);
  });

  it.each([
    ["no server", undefined],
    ["a relative server", { url: "/v1" }],
    ["a server that is not http", { url: "ftp://files.example.com" }],
  ])("makes baseUrl required when the spec has %s", (_, server) => {
    expect(() => createRuntime(api(server), {}, { apiToken: TOKEN } as BaseClientOptions)).toThrow(
      new ConfigurationError("baseUrl is required: the spec names no absolute server URL"),
    );
    expect(() => createRuntime(api(server), {}, { apiToken: TOKEN, baseUrl: "https://example.com" } as BaseClientOptions)).not.toThrow();
  });

  it("refuses to send credentials to an operation's plain-http remote server, but not a public call", async () => {
    const server = await startLoopbackServer(json(200, {}));
    const urls: string[] = [];
    const ops = {
      secured: op("secured", { server: "http://files.example.com" }),
      open: op("open", { server: "http://files.example.com", security: [] }),
    };
    const runtime = forwarding(server.origin, urls, { url: "https://api.example.com" }, ops, { apiToken: TOKEN });
    await expect(runtime.call(ops.secured, {})).rejects.toThrow(
      new ConfigurationError("secured: plain http to a remote host needs allowInsecureHttp"),
    );
    await runtime.call(ops.open, {});
    const allowed = forwarding(server.origin, urls, { url: "https://api.example.com" }, ops, { apiToken: TOKEN, allowInsecureHttp: true });
    await allowed.call(ops.secured, {});
    expect(urls).toEqual(["http://files.example.com/open", "http://files.example.com/secured"]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, `Bearer ${TOKEN}`]);
  });
});
