import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError, ConfigurationError, ConnectionError, InternalServerError, InvalidArgumentError, RateLimitError, UserAbortError, type Operation } from "../../generator/runtime/index.js";
import { ACCOUNT, getBehaviors, isolateCloudflareEnv, runtimeFor, SAMPLE, updateBehaviors } from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, failure, hang, resetMidBody, startLoopbackServer, text, type Handler } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

const unavailable = failure(503, [{ code: 1, message: "unavailable" }]);
const gaps = (requests: { at: number }[]) => requests.slice(1).map((r, i) => r.at - requests[i]!.at);

describe("what is retried", () => {
  it("recovers from 503, 503, 200", async () => {
    const server = await startLoopbackServer(unavailable, unavailable, envelope(SAMPLE));
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    expect(server.requests).toHaveLength(3);
  });

  it("retries twice by default, then rejects with the last error", async () => {
    const server = await startLoopbackServer(unavailable);
    const error = await runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it.each([408, 409, 429, 500, 502, 504, 599])("retries HTTP %i", async (status) => {
    const server = await startLoopbackServer(text(status, ""), envelope(SAMPLE));
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 405, 410, 422])("never retries HTTP %i", async (status) => {
    const server = await startLoopbackServer(text(status, ""), envelope(SAMPLE));
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT })).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it("obeys x-should-retry: false on a 503 and x-should-retry: true on a 400", async () => {
    const no = await startLoopbackServer(text(503, "", { "x-should-retry": "false" }));
    await expect(runtimeFor(no.origin).call(getBehaviors, { account_id: ACCOUNT })).rejects.toBeInstanceOf(InternalServerError);
    expect(no.requests).toHaveLength(1);
    const yes = await startLoopbackServer(text(400, "", { "x-should-retry": "true" }));
    await expect(runtimeFor(yes.origin).call(getBehaviors, { account_id: ACCOUNT })).rejects.toMatchObject({ status: 400 });
    expect(yes.requests).toHaveLength(3);
  });

  it("takes maxRetries from the client, and from the request over the client", async () => {
    const server = await startLoopbackServer(unavailable);
    const none = runtimeFor(server.origin, { maxRetries: 0 });
    await expect(none.call(getBehaviors, { account_id: ACCOUNT })).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
    const five = runtimeFor(server.origin, { maxRetries: 5 });
    await expect(five.call(getBehaviors, { account_id: ACCOUNT })).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(7);
    await expect(five.call(getBehaviors, { account_id: ACCOUNT }, { maxRetries: 1 })).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(9);
  });

  it.each<[string, { timeoutMs?: unknown; maxRetries?: unknown }]>([
    ["maxRetries NaN", { maxRetries: NaN }],
    ["maxRetries -1", { maxRetries: -1 }],
    ["maxRetries 1.5", { maxRetries: 1.5 }],
    ["maxRetries null", { maxRetries: null }],
    ["maxRetries \"2\"", { maxRetries: "2" }],
    ["timeoutMs NaN", { timeoutMs: NaN }],
    ["timeoutMs 0", { timeoutMs: 0 }],
    ["timeoutMs -5", { timeoutMs: -5 }],
    ["timeoutMs null", { timeoutMs: null }],
    ["timeoutMs \"100\"", { timeoutMs: "100" }],
  ])("refuses %s on the client and on a call, sending nothing", async (_, limits) => {
    const server = await startLoopbackServer(unavailable, envelope(SAMPLE));
    expect(() => runtimeFor(server.origin, limits as object)).toThrow(ConfigurationError);
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT }, limits as object)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it("accepts maxRetries and timeoutMs of Infinity", async () => {
    const server = await startLoopbackServer(unavailable, unavailable, unavailable, envelope(SAMPLE));
    const runtime = runtimeFor(server.origin, { maxRetries: Infinity, timeoutMs: Infinity });
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT }, { maxRetries: Infinity })).resolves.toEqual(SAMPLE);
    expect(server.requests).toHaveLength(4);
  });

  it("retries a PUT with the same body", async () => {
    const server = await startLoopbackServer(unavailable, envelope({ behaviors: {} }));
    await runtimeFor(server.origin).call(updateBehaviors, { account_id: ACCOUNT, behaviors: { a: { enabled: true, risk_level: "low" } } });
    expect(server.requests.map((r) => r.body)).toEqual(Array(2).fill('{"behaviors":{"a":{"enabled":true,"risk_level":"low"}}}'));
  });
});

describe("connection failures", () => {
  it("retries a connection reset mid-response, then succeeds", async () => {
    const server = await startLoopbackServer(resetMidBody(), resetMidBody(), envelope(SAMPLE));
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    expect(server.requests).toHaveLength(3);
  });

  it("rejects with ConnectionError once retries are spent", async () => {
    const server = await startLoopbackServer(resetMidBody());
    const error = await runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("getBehaviors: connection failed: other side closed (3 attempts)");
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(3);
  });

  it("retries a reset during an error body too", async () => {
    const server = await startLoopbackServer(resetMidBody(500), envelope(SAMPLE));
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    expect(server.requests).toHaveLength(2);
  });

  it("rejects with ConnectionError when nothing listens", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const error = await runtimeFor(`http://127.0.0.1:${port}`).call(getBehaviors, { account_id: ACCOUNT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });
});

describe("delays", () => {
  it("honours Retry-After: 0 over the backoff", async () => {
    const server = await startLoopbackServer(text(429, "", { "retry-after": "0" }), envelope(SAMPLE));
    // A long backoff on purpose (at least 1.5 s): the header must win.
    const runtime = runtimeFor(server.origin, { initialRetryDelayMs: 2_000, maxRetryDelayMs: 2_000 });
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    expect(gaps(server.requests)[0]).toBeLessThan(1_000);
  });

  it("honours retry-after-ms", async () => {
    const server = await startLoopbackServer(text(429, "", { "retry-after-ms": "120" }), envelope(SAMPLE));
    await runtimeFor(server.origin, { initialRetryDelayMs: 0 }).call(getBehaviors, { account_id: ACCOUNT });
    expect(gaps(server.requests)[0]).toBeGreaterThanOrEqual(100);
    expect(gaps(server.requests)[0]).toBeLessThan(1_000);
  });

  it("honours Retry-After in seconds and as an HTTP date", async () => {
    const seconds = await startLoopbackServer(text(503, "", { "retry-after": "0.3" }), envelope(SAMPLE));
    await runtimeFor(seconds.origin).call(getBehaviors, { account_id: ACCOUNT });
    expect(gaps(seconds.requests)[0]).toBeGreaterThanOrEqual(280);
    const past = await startLoopbackServer(text(503, "", { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" }), envelope(SAMPLE));
    await runtimeFor(past.origin, { initialRetryDelayMs: 2_000, maxRetryDelayMs: 2_000 }).call(getBehaviors, { account_id: ACCOUNT });
    expect(gaps(past.requests)[0]).toBeLessThan(1_000);
  });

  it("can be cut short by the caller while waiting out a long Retry-After", async () => {
    const server = await startLoopbackServer(text(429, "", { "retry-after": "3600" }));
    const controller = new AbortController();
    const call = runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await expect(call).rejects.toBeInstanceOf(UserAbortError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it("backs off exponentially with jitter, up to the cap", async () => {
    const server = await startLoopbackServer(text(503, ""));
    await runtimeFor(server.origin, { initialRetryDelayMs: 60, maxRetryDelayMs: 1_000, maxRetries: 2 })
      .call(getBehaviors, { account_id: ACCOUNT })
      .catch(() => {});
    const [first, second] = gaps(server.requests);
    expect(first).toBeGreaterThanOrEqual(60 * 0.75 - 5);
    expect(second).toBeGreaterThanOrEqual(120 * 0.75 - 5);
    expect(second! + first!).toBeLessThan(1_500);

    const capped = await startLoopbackServer(text(503, ""));
    await runtimeFor(capped.origin, { initialRetryDelayMs: 1_000, maxRetryDelayMs: 30, maxRetries: 2 })
      .call(getBehaviors, { account_id: ACCOUNT })
      .catch(() => {});
    for (const gap of gaps(capped.requests)) expect(gap).toBeLessThan(500);
  });
});

describe("rate limits", () => {
  it("gives up with a RateLimitError carrying the headers", async () => {
    const server = await startLoopbackServer(failure(429, [{ code: 971, message: "Please wait" }], { "retry-after": "0", "cf-ray": "r-1" }));
    const error = await runtimeFor(server.origin, { maxRetries: 1 }).call(getBehaviors, { account_id: ACCOUNT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, requestId: "r-1", errors: [{ code: 971, message: "Please wait" }] });
    expect((error as RateLimitError).headers.get("retry-after")).toBe("0");
    expect(server.requests).toHaveLength(2);
  });
});

describe("by method: a retry must not do the work twice", () => {
  const post = { ...updateBehaviors, id: "createThing", method: "POST" } as const satisfies Operation;
  const patch = { ...updateBehaviors, id: "patchThing", method: "PATCH" } as const satisfies Operation;
  const put = updateBehaviors;
  const del = { ...getBehaviors, id: "deleteThing", method: "DELETE" } as const satisfies Operation;
  const idempotentPost = { ...post, idempotent: true } as const satisfies Operation;
  const params = { account_id: ACCOUNT, behaviors: {} };

  /** How many requests one call makes against a server answering `handler`. */
  async function attempts(op: Operation, handler: Handler) {
    const server = await startLoopbackServer(handler);
    await runtimeFor(server.origin, { timeoutMs: 1_000 }).call(op, params).catch(() => {});
    return server.requests.length;
  }

  it.each([
    ["POST", 1, 3, 1, post],
    ["PATCH", 1, 3, 1, patch],
    ["PUT", 3, 3, 3, put],
    ["DELETE", 3, 3, 3, del],
    ["POST with x-zt-idempotent: true", 3, 3, 3, idempotentPost],
  ] as const)("%s: 503, 429 and 409 make %i, %i and %i requests", async (_, on503, on429, on409, op) => {
    expect([await attempts(op, text(503, "")), await attempts(op, text(429, "")), await attempts(op, text(409, ""))]).toEqual([on503, on429, on409]);
  });

  it("POST follows x-should-retry either way", async () => {
    expect(await attempts(post, text(503, "", { "x-should-retry": "true" }))).toBe(3);
    expect(await attempts(post, text(429, "", { "x-should-retry": "false" }))).toBe(1);
  });

  it("POST is not retried after a connection broke or an attempt timed out: the server may have acted", async () => {
    expect(await attempts(post, resetMidBody(500))).toBe(1);
    expect(await attempts(post, hang)).toBe(1);
    expect(await attempts(idempotentPost, resetMidBody(500))).toBe(3);
  });

  it("POST is retried when the connection was refused: nothing was sent", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    // Real fetch to a closed port; the option only counts the attempts.
    let sends = 0;
    const runtime = runtimeFor(`http://127.0.0.1:${port}`, { fetch: (input, init) => (sends++, fetch(input, init)) });
    const error = await runtime.call(post, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(((error as Error).cause as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
    expect(sends).toBe(3);
  });
});
