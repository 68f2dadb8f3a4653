import { afterEach, describe, expect, it } from "vitest";
import { ConfigurationError } from "../../generator/runtime/index.js";
import { ACCOUNT, BEHAVIORS_PATH, behaviorsRuntime, getBehaviors, isolateCloudflareEnv, SAMPLE, TOKEN } from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, startLoopbackServer } from "../support/loopback-server.js";

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
        urls.push(String(input));
        return fetch(server.origin + new URL(String(input)).pathname, init);
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
