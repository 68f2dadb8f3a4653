// A client created before a mock server (msw) patches globalThis.fetch must still go through
// the patched fetch: services create their client when their module loads, tests start msw
// later. Only the lookup is faked here; the request itself goes to a real loopback server.
import { afterEach, describe, expect, it } from "vitest";
import { ACCOUNT, getBehaviors, runtimeFor, SAMPLE } from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, startLoopbackServer } from "../support/loopback-server.js";

const original = globalThis.fetch;
afterEach(async () => {
  globalThis.fetch = original;
  await closeLoopbackServers();
});

describe("globalThis.fetch is looked up when sending, not when the client is created", () => {
  it("typed calls and client.raw use a fetch patched after createRuntime", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const runtime = runtimeFor(server.origin);
    const seen: string[] = [];
    globalThis.fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return original(input, init);
    };
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    const { data } = await runtime.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", {
      params: { path: { account_id: ACCOUNT } },
    });
    expect(data?.result).toEqual(SAMPLE);
    expect(seen).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it("a fetch option is kept as given", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const given: string[] = [];
    const runtime = runtimeFor(server.origin, {
      fetch: (input, init) => (given.push(input instanceof Request ? input.url : String(input)), original(input, init)),
    });
    let patched = 0;
    globalThis.fetch = (input, init) => (patched++, original(input, init));
    await runtime.call(getBehaviors, { account_id: ACCOUNT });
    expect([given.length, patched]).toEqual([1, 0]);
  });
});
