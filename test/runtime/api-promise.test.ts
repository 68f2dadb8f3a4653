import { afterEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, NotFoundError } from "../../generator/runtime/index.js";
import { ACCOUNT, getBehaviors, isolateCloudflareEnv, runtimeFor, SAMPLE } from "../support/behaviors-api.js";
import { runScript } from "../support/child-process.js";
import { closeLoopbackServers, envelope, failure, startLoopbackServer } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

const params = { account_id: ACCOUNT };
const notFound = failure(404, [{ code: 7003, message: "No route for the URI" }]);

/** Collects the unhandled rejections reported while `body` runs and two macrotasks after. */
async function unhandledDuring(body: () => Promise<void>) {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", listener);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off("unhandledRejection", listener);
  }
  return seen;
}

describe("ApiPromise", () => {
  it("is a real Promise of the result", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const call = runtimeFor(server.origin).call(getBehaviors, params);
    expect(call).toBeInstanceOf(Promise);
    expect(await call).toEqual(SAMPLE);
    expect(await call.then((r) => Object.keys(r as object))).toEqual(["behaviors"]);
    expect(await Promise.all([call, runtimeFor(server.origin).call(getBehaviors, params)])).toEqual([SAMPLE, SAMPLE]);
  });

  it("sends one request however often it is awaited", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const call = runtimeFor(server.origin).call(getBehaviors, params);
    await call;
    await call;
    const first = await call.withResponse();
    const second = await call.withResponse();
    expect(first.data).toEqual(SAMPLE);
    expect(second.response).toBe(first.response);
    expect(server.requests).toHaveLength(1);
  });

  it("starts the request without waiting to be awaited", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const call = runtimeFor(server.origin).call(getBehaviors, params);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
    await call;
  });

  it("rejects withResponse() with the same typed error", async () => {
    const server = await startLoopbackServer(notFound);
    const call = runtimeFor(server.origin).call(getBehaviors, params);
    const [a, b] = await Promise.all([call.catch((e: unknown) => e), call.withResponse().catch((e: unknown) => e)]);
    expect(a).toBeInstanceOf(NotFoundError);
    expect(b).toBe(a);
  });

  it("reports no unhandled rejection when the failure is observed through withResponse() only", async () => {
    const server = await startLoopbackServer(notFound);
    const seen = await unhandledDuring(async () => {
      const error = await runtimeFor(server.origin)
        .call(getBehaviors, params)
        .withResponse()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
    });
    expect(seen).toEqual([]);
  });

  it("reports no unhandled rejection when a handler comes later in the same tick", async () => {
    const seen = await unhandledDuring(async () => {
      const call = runtimeFor("http://127.0.0.1:9").call(getBehaviors, { account_id: "" });
      await Promise.resolve();
      await Promise.resolve();
      await expect(call).rejects.toBeInstanceOf(InvalidArgumentError);
    });
    expect(seen).toEqual([]);
  });

  it("reports exactly one unhandled rejection for a failing call nobody awaits (child process)", async () => {
    const server = await startLoopbackServer(notFound);
    const outcome = await runScript("unhandled-rejections.ts", [server.origin], 15_000);
    expect(outcome.stderr).toBe("");
    expect(JSON.parse(outcome.stdout)).toEqual({ unhandled: ["getBehaviors: HTTP 404: No route for the URI (7003)"] });
  });
});

describe("nothing is accidentally thenable", () => {
  it("neither the runtime nor raw", async () => {
    const runtime = runtimeFor("http://127.0.0.1:9");
    expect("then" in runtime).toBe(false);
    expect("then" in runtime.raw).toBe(false);
    expect(await Promise.resolve(runtime)).toBe(runtime);
    // eslint-disable-next-line @typescript-eslint/require-await -- returning raw from an async function is what is tested
    expect(await (async () => runtime.raw)()).toBe(runtime.raw);
  });

  it("nor a result whose JSON has a `then` field", async () => {
    const server = await startLoopbackServer(envelope({ then: "not a function" }));
    await expect(runtimeFor(server.origin).call(getBehaviors, params)).resolves.toEqual({ then: "not a function" });
  });
});
