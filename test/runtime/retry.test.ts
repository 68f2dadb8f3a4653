import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  ConfigurationError,
  ConnectionError,
  InternalServerError,
  InvalidArgumentError,
  RateLimitError,
  TimeoutError,
  UserAbortError,
  type Operation,
} from "../../generator/runtime/index.js";
import { ACCOUNT, getBehaviors, isolateCloudflareEnv, runtimeFor, SAMPLE, updateBehaviors } from "../support/behaviors-api.js";
import {
  closeLoopbackServers,
  envelope,
  failure,
  hang,
  resetMidBody,
  startLoopbackServer,
  text,
  type Handler,
} from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

const unavailable = failure(503, [{ code: 1, message: "unavailable" }]);
const gaps = (requests: { at: number }[]) => requests.slice(1).map((r, i) => r.at - requests[i]!.at);

/** One call, as the table below describes it. */
interface RetryRule {
  /** The server's answers in order (the last repeats). */
  answers: Handler[];
  /** How many requests the call makes (maxRetries 2: at most 3). */
  requests: number;
  /** What the call settles to: SAMPLE, an error class, or an error's status. */
  outcome: "SAMPLE" | (new (...args: never[]) => Error) | { status: number };
  op?: Operation;
}

const post = { ...updateBehaviors, id: "createThing", method: "POST" } as const satisfies Operation;
const patch = { ...updateBehaviors, id: "patchThing", method: "PATCH" } as const satisfies Operation;
const del = { ...getBehaviors, id: "deleteThing", method: "DELETE" } as const satisfies Operation;
const idempotentPost = { ...post, idempotent: true } as const satisfies Operation;

/** The retry rules (retry.ts), one row each: what is retried and what is not, by answer and by method. */
const RULES: Record<string, RetryRule> = {
  "GET recovers from 503, 503, 200": { answers: [unavailable, unavailable, envelope(SAMPLE)], requests: 3, outcome: "SAMPLE" },
  "GET retries twice by default, then rejects with the last error": { answers: [unavailable], requests: 3, outcome: InternalServerError },
  ...Object.fromEntries(
    [408, 409, 429, 500, 502, 504, 599].map((status) => [
      `GET retries HTTP ${status}`,
      { answers: [text(status, ""), envelope(SAMPLE)], requests: 2, outcome: "SAMPLE" },
    ]),
  ),
  ...Object.fromEntries(
    [400, 401, 403, 404, 405, 410, 422].map((status) => [
      `GET never retries HTTP ${status}`,
      { answers: [text(status, ""), envelope(SAMPLE)], requests: 1, outcome: { status } },
    ]),
  ),
  "GET obeys x-should-retry: false on a 503": {
    answers: [text(503, "", { "x-should-retry": "false" })],
    requests: 1,
    outcome: InternalServerError,
  },
  "GET obeys x-should-retry: true on a 400": {
    answers: [text(400, "", { "x-should-retry": "true" })],
    requests: 3,
    outcome: { status: 400 },
  },
  "GET retries a connection reset mid-response, then succeeds": {
    answers: [resetMidBody(), resetMidBody(), envelope(SAMPLE)],
    requests: 3,
    outcome: "SAMPLE",
  },
  "GET rejects with ConnectionError once retries are spent": { answers: [resetMidBody()], requests: 3, outcome: ConnectionError },
  "GET retries a reset during an error body too": { answers: [resetMidBody(500), envelope(SAMPLE)], requests: 2, outcome: "SAMPLE" },
  ...Object.fromEntries(
    (
      [
        ["POST", post, 1, 3, 1],
        ["PATCH", patch, 1, 3, 1],
        ["PUT", updateBehaviors, 3, 3, 3],
        ["DELETE", del, 3, 3, 3],
        ["POST with x-zt-idempotent: true", idempotentPost, 3, 3, 3],
      ] as const
    ).flatMap(([name, op, on503, on429, on409]) => [
      [`${name}: 503 makes ${on503} requests`, { op, answers: [text(503, "")], requests: on503, outcome: InternalServerError }],
      [`${name}: 429 makes ${on429} requests`, { op, answers: [text(429, "")], requests: on429, outcome: RateLimitError }],
      [`${name}: 409 makes ${on409} requests`, { op, answers: [text(409, "")], requests: on409, outcome: { status: 409 } }],
    ]),
  ),
  "POST follows x-should-retry: true": {
    op: post,
    answers: [text(503, "", { "x-should-retry": "true" })],
    requests: 3,
    outcome: InternalServerError,
  },
  "POST follows x-should-retry: false": {
    op: post,
    answers: [text(429, "", { "x-should-retry": "false" })],
    requests: 1,
    outcome: RateLimitError,
  },
  // The server may have acted on a POST whose connection broke or whose attempt timed out.
  "POST is not retried after a connection broke": { op: post, answers: [resetMidBody(500)], requests: 1, outcome: ConnectionError },
  "POST is not retried after an attempt timed out": { op: post, answers: [hang], requests: 1, outcome: TimeoutError },
  "POST with x-zt-idempotent: true is retried after a connection broke": {
    op: idempotentPost,
    answers: [resetMidBody(500)],
    requests: 3,
    outcome: ConnectionError,
  },
};

describe("what is retried", () => {
  it.each(Object.entries(RULES))("%s", async (_, { op = getBehaviors, answers, requests, outcome }) => {
    const server = await startLoopbackServer(...answers);
    const call = runtimeFor(server.origin, { timeoutMs: 1_000 }).call(op, { account_id: ACCOUNT, behaviors: {} });
    if (outcome === "SAMPLE") await expect(call).resolves.toEqual(SAMPLE);
    else if (typeof outcome === "function") await expect(call).rejects.toBeInstanceOf(outcome);
    else await expect(call).rejects.toMatchObject(outcome);
    expect(server.requests).toHaveLength(requests);
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
    ['maxRetries "2"', { maxRetries: "2" }],
    ["timeoutMs NaN", { timeoutMs: NaN }],
    ["timeoutMs 0", { timeoutMs: 0 }],
    ["timeoutMs -5", { timeoutMs: -5 }],
    ["timeoutMs null", { timeoutMs: null }],
    ['timeoutMs "100"', { timeoutMs: "100" }],
  ])("refuses %s on the client and on a call, sending nothing", async (_, limits) => {
    const server = await startLoopbackServer(unavailable, envelope(SAMPLE));
    expect(() => runtimeFor(server.origin, limits as object)).toThrow(ConfigurationError);
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT }, limits as object)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
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
  it("say so, with fetch's error as the cause", async () => {
    const server = await startLoopbackServer(resetMidBody());
    const error = await runtimeFor(server.origin)
      .call(getBehaviors, { account_id: ACCOUNT })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("getBehaviors: connection failed: other side closed (3 attempts)");
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(3);
  });

  it("rejects with ConnectionError when nothing listens", async () => {
    const error = await runtimeFor(`http://127.0.0.1:${await closedPort()}`)
      .call(getBehaviors, { account_id: ACCOUNT })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it("POST is retried when the connection was refused: nothing was sent", async () => {
    // Real fetch to a closed port; the option only counts the attempts.
    let sends = 0;
    const runtime = runtimeFor(`http://127.0.0.1:${await closedPort()}`, { fetch: (input, init) => (sends++, fetch(input, init)) });
    const error = await runtime.call(post, { account_id: ACCOUNT, behaviors: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(((error as Error).cause as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
    expect(sends).toBe(3);
  });
});

/** A port nothing listens on. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
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
    await runtimeFor(server.origin, { initialRetryDelayMs: 0, maxRetryDelayMs: 1_000 }).call(getBehaviors, { account_id: ACCOUNT });
    expect(gaps(server.requests)[0]).toBeGreaterThanOrEqual(100);
    expect(gaps(server.requests)[0]).toBeLessThan(1_000);
  });

  it("honours Retry-After in seconds and as an HTTP date", async () => {
    const seconds = await startLoopbackServer(text(503, "", { "retry-after": "0.3" }), envelope(SAMPLE));
    await runtimeFor(seconds.origin, { maxRetryDelayMs: 1_000 }).call(getBehaviors, { account_id: ACCOUNT });
    expect(gaps(seconds.requests)[0]).toBeGreaterThanOrEqual(280);
    // An HTTP date has whole seconds: 2 s ahead is at least 1 s ahead once truncated.
    const date = await startLoopbackServer(
      (_req, res) => res.writeHead(503, { "retry-after": new Date(Date.now() + 2_000).toUTCString() }).end(),
      envelope(SAMPLE),
    );
    await runtimeFor(date.origin, { maxRetryDelayMs: 5_000 }).call(getBehaviors, { account_id: ACCOUNT });
    expect(gaps(date.requests)[0]).toBeGreaterThanOrEqual(900);
  });

  it.each([
    ["a negative Retry-After", { "retry-after": "-1" }],
    ["a negative retry-after-ms", { "retry-after-ms": "-5" }],
    ["a Retry-After date in the past", { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" }],
    ["an unreadable Retry-After", { "retry-after": "soon" }],
  ])("falls back to the backoff for %s", async (_, headers) => {
    const server = await startLoopbackServer(text(503, "", headers), envelope(SAMPLE));
    await runtimeFor(server.origin, { initialRetryDelayMs: 200, maxRetryDelayMs: 200 }).call(getBehaviors, { account_id: ACCOUNT });
    expect(gaps(server.requests)[0]).toBeGreaterThanOrEqual(200 * 0.75 - 5);
  });

  it("caps a server's Retry-After at maxRetryDelayMs", async () => {
    const server = await startLoopbackServer(
      text(429, "", { "retry-after": "30" }),
      text(503, "", { "retry-after-ms": "30000" }),
      envelope(SAMPLE),
    );
    const started = performance.now();
    await expect(runtimeFor(server.origin, { maxRetryDelayMs: 50 }).call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(3);
  });

  it("never hammers a server: every wait has a floor, 1 ms doubling to 1 s, whatever the options and headers say", async () => {
    const server = await startLoopbackServer(text(429, "", { "retry-after": "0" }));
    const runtime = runtimeFor(server.origin, { initialRetryDelayMs: 0, maxRetryDelayMs: 0, maxRetries: 11 });
    await expect(runtime.call(getBehaviors, { account_id: ACCOUNT })).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(12);
    gaps(server.requests).forEach((gap, retry) => expect(gap).toBeGreaterThanOrEqual(Math.min(2 ** retry, 1_000) - 1));
  });

  it("makes a handful of requests in a second, not hundreds, with maxRetries: Infinity and Retry-After: -1 (issue 22)", async () => {
    const server = await startLoopbackServer(text(429, "", { "retry-after": "-1" }));
    const controller = new AbortController();
    const call = runtimeFor(server.origin, { initialRetryDelayMs: 0, maxRetries: Infinity }).call(
      getBehaviors,
      { account_id: ACCOUNT },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 1_000);
    await expect(call).rejects.toBeInstanceOf(UserAbortError);
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    expect(server.requests.length).toBeLessThanOrEqual(12);
  });

  it("can be cut short by the caller while waiting out a long Retry-After", async () => {
    const server = await startLoopbackServer(text(429, "", { "retry-after": "3600" }));
    const controller = new AbortController();
    const call = runtimeFor(server.origin, { maxRetryDelayMs: 60_000 }).call(
      getBehaviors,
      { account_id: ACCOUNT },
      { signal: controller.signal },
    );
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
    const server = await startLoopbackServer(
      failure(429, [{ code: 971, message: "Please wait" }], { "retry-after": "0", "cf-ray": "r-1" }),
    );
    const error = await runtimeFor(server.origin, { maxRetries: 1 })
      .call(getBehaviors, { account_id: ACCOUNT })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, requestId: "r-1", errors: [{ code: 971, message: "Please wait" }] });
    expect((error as RateLimitError).headers.get("retry-after")).toBe("0");
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ["Retry-After in seconds", { "retry-after": "7" }, 7_000],
    ["retry-after-ms", { "retry-after-ms": "150" }, 150],
    ["Retry-After: 0", { "retry-after": "0" }, 0],
    ["no Retry-After", {}, undefined],
    ["a negative Retry-After", { "retry-after": "-1" }, undefined],
  ])("gives RateLimitError the parsed wait as retryAfterMs: %s", async (_, headers, retryAfterMs) => {
    const server = await startLoopbackServer(text(429, "", headers));
    const error = await runtimeFor(server.origin, { maxRetries: 0 })
      .call(getBehaviors, { account_id: ACCOUNT })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(retryAfterMs);
  });

  it("gives an HTTP date as the ms left until it", async () => {
    const server = await startLoopbackServer((_req, res) =>
      res.writeHead(429, { "retry-after": new Date(Date.now() + 60_000).toUTCString() }).end(),
    );
    const error = (await runtimeFor(server.origin, { maxRetries: 0 })
      .call(getBehaviors, { account_id: ACCOUNT })
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfterMs).toBeGreaterThan(50_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });
});
