import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError, UserAbortError, ClientError } from "../../generator/runtime/index.js";
import { ACCOUNT, getBehaviors, isolateCloudflareEnv, runtimeFor, SAMPLE } from "../support/behaviors-api.js";
import { closeLoopbackServers, delayed, envelope, hang, startLoopbackServer, text, type Handler } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

const params = { account_id: ACCOUNT };

/** Sends headers at once, then never finishes the body. */
const stallBody: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
  res.write('{"success":');
};

/**
 * How long `call()` takes, timed from before the call starts: the runtime starts its timers
 * inside call(), and on a busy machine the synchronous part of a first call (fetch's lazy
 * set-up) can take tens of ms, so a clock started after call() returned reads short.
 */
async function timed<T>(call: () => Promise<T>) {
  const started = performance.now();
  const outcome = await call().then(
    (value) => ({ value, error: undefined as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...outcome, ms: performance.now() - started };
}

describe("timeouts", () => {
  // Where a test counts the requests the server saw, each attempt has 400 ms: the server runs
  // in this process, and a busy machine can stall its event loop for 100 ms, after which
  // the client's timer runs before the server has read the request.
  it("rejects with TimeoutError when the server never answers", async () => {
    const server = await startLoopbackServer(hang);
    const { error, ms } = await timed(() => runtimeFor(server.origin, { timeoutMs: 400, maxRetries: 0 }).call(getBehaviors, params));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("getBehaviors: timed out after 400 ms");
    expect(ms).toBeGreaterThanOrEqual(380);
    expect(ms).toBeLessThan(1_800);
    expect(server.requests).toHaveLength(1);
  });

  it("counts a timeout as retryable", async () => {
    const server = await startLoopbackServer(hang);
    const { error, ms } = await timed(() => runtimeFor(server.origin, { timeoutMs: 400, maxRetries: 2 }).call(getBehaviors, params));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(3);
    expect(ms).toBeGreaterThanOrEqual(3 * 380);
  });

  it("covers the body, not only the headers", async () => {
    const server = await startLoopbackServer(stallBody);
    const { error } = await timed(() => runtimeFor(server.origin, { timeoutMs: 100, maxRetries: 0 }).call(getBehaviors, params));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("takes timeoutMs from the request over the client", async () => {
    const server = await startLoopbackServer(hang);
    const { error, ms } = await timed(() =>
      runtimeFor(server.origin, { timeoutMs: 20_000, maxRetries: 0 }).call(getBehaviors, params, { timeoutMs: 100 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(1_500);
  });

  it("gives every attempt a fresh timer", async () => {
    // Attempt 1 times out at 1,000 ms; attempt 2 answers after 150 ms: well within its own
    // 1,000 ms (over 5× headroom on a loaded machine), though 1,150 ms after the call started.
    const server = await startLoopbackServer(hang, delayed(150, envelope(SAMPLE)));
    const { value, ms } = await timed(() => runtimeFor(server.origin, { timeoutMs: 1_000 }).call(getBehaviors, params));
    expect(value).toEqual(SAMPLE);
    expect(ms).toBeGreaterThanOrEqual(1_130);
    expect(server.requests).toHaveLength(2);
  });

  it("does not let a client-level timeout expire for later calls (openapi-fetch#2567)", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const runtime = runtimeFor(server.origin, { timeoutMs: 300, maxRetries: 0 });
    await expect(runtime.call(getBehaviors, params)).resolves.toEqual(SAMPLE);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(runtime.call(getBehaviors, params)).resolves.toEqual(SAMPLE);
    await expect(runtime.call(getBehaviors, params, { timeoutMs: 300 })).resolves.toEqual(SAMPLE);
  });
});

describe("the caller's AbortSignal", () => {
  it("sends nothing when already aborted", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    const reason = new Error("changed my mind");
    const error = await runtimeFor(server.origin)
      .call(getBehaviors, params, { signal: AbortSignal.abort(reason) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserAbortError);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ name: "AbortError", cause: reason });
    expect(server.requests).toHaveLength(0);
  });

  it("aborts an in-flight request at once and never retries it", async () => {
    const server = await startLoopbackServer(hang);
    const controller = new AbortController();
    const call = runtimeFor(server.origin, { maxRetries: 5 }).call(getBehaviors, params, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const { error, ms } = await timed(() => call);
    expect(error).toBeInstanceOf(UserAbortError);
    expect(ms).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
  });

  it("aborts while the body is arriving", async () => {
    const server = await startLoopbackServer(stallBody);
    const controller = new AbortController();
    const call = runtimeFor(server.origin).call(getBehaviors, params, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toBeInstanceOf(UserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it("aborts during the backoff between attempts", async () => {
    const server = await startLoopbackServer(text(503, ""));
    const controller = new AbortController();
    const call = runtimeFor(server.origin, { initialRetryDelayMs: 10_000, maxRetryDelayMs: 10_000 }).call(getBehaviors, params, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const { error, ms } = await timed(() => call);
    expect(error).toBeInstanceOf(UserAbortError);
    expect(ms).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it("leaves the signal without listeners and the process without timers", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE), text(503, ""), text(503, ""), envelope(SAMPLE), hang);
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
    const before = timers();
    const controller = new AbortController();
    const runtime = runtimeFor(server.origin, { timeoutMs: 30_000 });
    await runtime.call(getBehaviors, params, { signal: controller.signal }); // success
    await runtime.call(getBehaviors, params, { signal: controller.signal }); // 503, 503, success
    await runtime.call(getBehaviors, params, { signal: controller.signal, timeoutMs: 50, maxRetries: 0 }).catch(() => {}); // timeout
    // At most as many as before: a timer of undici's or an earlier test's may have ended meanwhile.
    expect(timers()).toBeLessThanOrEqual(before);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
