/**
 * Hostile servers and hostile arguments against the generated client (generated/index.ts),
 * over a real node:http server on 127.0.0.1, with fast-check:
 * - any account_id is exactly one path segment that decodes back to itself, or is refused
 *   before anything is sent (only "", ".", ".." and strings with lone surrogates are);
 * - any status, header set and body ends in a result or a typed error: never an
 *   unhandled rejection, a TypeError or a hang; bodies include hostile error texts (an
 *   object without toString, a value nested up to 100,000 arrays deep, long or multi-line
 *   strings) where a message is read, and only strings and numbers reach a message, on one
 *   line and bounded;
 * - no credential ever appears in an error's message, toString, JSON.stringify or
 *   util.inspect (hidden properties and causes included).
 * The soak (10,000 requests through one client) runs in a child: see soak.test.ts.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApiError,
  ConfigurationError,
  ConnectionError,
  createClient,
  InvalidArgumentError,
  TimeoutError,
  ZtRiskScoringError,
  type ClientOptions,
} from "../../generated/index.js";
import { isolateCloudflareEnv } from "../support/behaviors-api.js";
import { envelope, startLoopbackServer, type Handler, type LoopbackServer } from "../support/loopback-server.js";

isolateCloudflareEnv();

/** fast-check's seed: set FC_SEED to replay a failure it printed. */
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = (numRuns: number) => ({ numRuns, ...(seed === undefined ? {} : { seed }), endOnFailure: true });

let server: LoopbackServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  server = await startLoopbackServer();
  process.on("unhandledRejection", onUnhandled);
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  unhandled.length = 0;
});
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20)); // rejections surface a tick later
  expect(unhandled).toEqual([]);
});

const client = (options: ClientOptions = {}) =>
  createClient({
    apiToken: "hostile-test-token-0123456789",
    baseUrl: `${server.origin}/client/v4`,
    initialRetryDelayMs: 1,
    maxRetryDelayMs: 5,
    ...options,
  });

/** Settles `promise` as "ok" or its error, or fails the property after `ms`. */
async function settle(promise: Promise<unknown>, ms: number): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: not settled after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** No lone surrogate (String.prototype.isWellFormed, ES2024). */
const wellFormed = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

describe("any account_id", () => {
  const awkward = fc.constantFrom(
    "/",
    ".",
    "%",
    "?",
    "#",
    "\\",
    " ",
    "{",
    "}",
    "$",
    "&",
    "+",
    ";",
    "=",
    "\uD800",
    "\uDC00",
    "\u0000",
    "\n",
    "\u2028",
    "é",
    "a",
    "2",
    "%2e",
    "%2F",
  );
  const accountId = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 16 }),
    fc.string({ unit: awkward, maxLength: 12 }),
    fc.constantFrom(
      "",
      ".",
      "..",
      "...",
      "%2e%2e",
      "%2E%2E",
      "../admin",
      "..%2f",
      "{account_id}",
      "$&",
      "$1",
      "\uD83D",
      "a\uDFFFb",
      "__proto__",
    ),
  );

  it("is sent as exactly one path segment that decodes back to itself, or refused before sending", async () => {
    server.reply(envelope({ behaviors: {} }));
    const api = client({ maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(accountId, async (id) => {
        server.requests.length = 0;
        const outcome = await settle(api.getBehaviors({ account_id: id }), 5_000);
        if (outcome.ok) {
          expect(server.requests).toHaveLength(1);
          const segment = /^\/client\/v4\/accounts\/([^/?#]*)\/zt_risk_scoring\/behaviors$/.exec(server.requests[0]!.url)?.[1];
          expect(segment, server.requests[0]!.url).toBeDefined();
          expect(decodeURIComponent(segment!)).toBe(id);
        } else {
          expect(outcome.error).toBeInstanceOf(InvalidArgumentError);
          expect(server.requests).toHaveLength(0);
          expect(id === "" || id === "." || id === ".." || !wellFormed(id), JSON.stringify(id)).toBe(true);
        }
      }),
      params(300),
    );
  }, 60_000);
});

describe("any response", () => {
  const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
  const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 });
  const dangerous = fc.constantFrom(
    "content-type",
    "content-length",
    "content-encoding",
    "transfer-encoding",
    "retry-after",
    "retry-after-ms",
    "x-should-retry",
    "cf-ray",
    "location",
    "set-cookie",
    "connection",
    "__proto__",
    "constructor",
  );
  const retryValue = fc.constantFrom("0", "-1", "soon", "1e-3", "NaN", "Wed, 21 Oct 2015 07:28:00 GMT", "", "true", "false");
  const body = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom(
      "",
      "{",
      "null",
      "[]",
      '{"success":false}',
      '{"success":true}',
      '{"success":true,"result":null}',
      '{"__proto__":{"polluted":1}}',
    ),
    fc
      .record({
        success: fc.oneof(fc.boolean(), fc.constant("yes"), fc.constant(null)),
        errors: fc.oneof(
          fc.constant(undefined),
          fc.array(fc.record({ code: fc.oneof(fc.integer(), fc.string()), message: fc.oneof(fc.string(), fc.integer()) }), {
            maxLength: 3,
          }),
          fc.string(),
        ),
        messages: fc.oneof(fc.constant(undefined), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 2 })),
        result: fc.anything({ maxDepth: 2 }),
      })
      .map((v) => JSON.stringify(v)),
  );
  // A hostile value where an error's words are read (an envelope entry, problem details, a
  // top-level message or error). DEEP stands for arrays nested `depth` deep, which
  // JSON.stringify could not build.
  const DEEP = "\u0000deep\u0000";
  const hostileWords = fc
    .record({
      where: fc.constantFrom("errors", "messages", "title", "detail", "message", "error"),
      value: fc.oneof(
        fc.constant({ toString: 0 }),
        fc.constant({ toString: null, valueOf: null }),
        fc.constant(DEEP),
        fc.string({ unit: "binary", maxLength: 3_000 }),
        fc.double(),
        fc.anything({ maxDepth: 2 }),
      ),
      code: fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant({ toString: 0 })),
      depth: fc.integer({ min: 1, max: 100_000 }),
      success: fc.boolean(),
    })
    .map(({ where, value, code, depth, success }) => {
      const at =
        where === "errors" || where === "messages" ? { success, [where]: [{ code, message: value }] } : { success, [where]: value };
      return JSON.stringify(at).replace(JSON.stringify(DEEP), "[".repeat(depth) + "]".repeat(depth));
    });
  const reply = fc.record({
    status: fc.oneof(
      fc.integer({ min: 200, max: 599 }),
      fc.constantFrom(200, 204, 205, 304, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 600, 799, 999),
    ),
    headers: fc.array(
      fc.tuple(fc.oneof({ arbitrary: token, weight: 3 }, { arbitrary: dangerous, weight: 1 }), fc.oneof(headerValue, retryValue)),
      { maxLength: 4 },
    ),
    body: fc.oneof({ arbitrary: body, weight: 3 }, { arbitrary: hostileWords, weight: 1 }),
    how: fc.oneof(
      { arbitrary: fc.constant("normal" as const), weight: 12 },
      {
        arbitrary: fc.constantFrom(
          "reset-before" as const,
          "reset-mid" as const,
          "gzip-lie" as const,
          "length-lie" as const,
          "slow" as const,
        ),
        weight: 3,
      },
    ),
  });
  type Reply = typeof reply extends fc.Arbitrary<infer T> ? T : never;

  const handler =
    (r: Reply): Handler =>
    (_req, res) => {
      if (r.how === "reset-before") return void res.socket?.destroy();
      if (r.how === "slow") return void setTimeout(() => res.writeHead(200).end("{}"), 400);
      for (const [name, value] of r.headers) {
        try {
          res.setHeader(name, value);
        } catch {
          // node:http refuses some names or values: that header is simply not sent.
        }
      }
      if (r.how === "gzip-lie") res.setHeader("content-encoding", "gzip");
      try {
        if (r.how === "length-lie") res.setHeader("content-length", String(Buffer.byteLength(r.body) + 50));
        res.writeHead(r.status);
      } catch {
        return void res.socket?.destroy();
      }
      if (r.how === "reset-mid") return void res.write(r.body.slice(0, r.body.length / 2), () => res.socket?.destroy());
      try {
        res.end(r.body);
      } catch {
        res.socket?.destroy();
      }
    };

  it("ends in a result or a typed error: never an unhandled rejection, a TypeError or a hang", async () => {
    const api = client({ maxRetries: 1, timeoutMs: 200 });
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(reply, async (r) => {
        server.reply(handler(r));
        // Two attempts of at most 200 ms, a short backoff: 5 s is a hang.
        const outcome = await settle(api.getBehaviors({ account_id: "acct" }), 5_000);
        const kind = outcome.ok ? "result" : (outcome.error as Error).constructor.name;
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
        if (!outcome.ok) {
          expect(outcome.error, inspect(outcome.error)).toBeInstanceOf(ZtRiskScoringError);
          // Only strings and numbers reach a message ("[object Object]" would be something else), on one line, bounded.
          const { message } = outcome.error as Error;
          expect(message).not.toMatch(/\[object |[\r\n\u2028\u2029]/);
          expect(message.length).toBeLessThanOrEqual(1_100);
          // With honest framing, an error status is an ApiError carrying that status (or, on a loaded machine, a timeout).
          const framing = r.headers.some(([name]) => /^(content-length|transfer-encoding|content-encoding|connection)$/i.test(name));
          // The fetch standard turns a 407 into a network error (no proxy here), so it is a ConnectionError.
          if (r.status === 407 && r.how === "normal" && !framing) expect(outcome.error).toBeInstanceOf(ConnectionError);
          else if (r.how === "normal" && !framing && r.status >= 400 && r.status <= 599 && !(outcome.error instanceof TimeoutError)) {
            expect(outcome.error).toBeInstanceOf(ApiError);
            expect((outcome.error as ApiError).status).toBe(r.status);
          }
        }
      }),
      params(200),
    );
    console.log(`any response: ${JSON.stringify(Object.fromEntries(seen))}`);
  }, 120_000);
});

describe("any credential", () => {
  const secret = fc.stringMatching(/^[!-~]{16,40}$/).filter((s) => !/^(undefined|null|true|false)$/.test(s));
  const scenario = fc.constantFrom(
    "401",
    "403",
    "500",
    "invalid-json",
    "success-false",
    "reset",
    "timeout",
    "bad-account",
    "abort",
    "bad-header",
    "refused",
  );

  const scripted: Record<string, Handler> = {
    "401": (_req, res) =>
      void res
        .writeHead(401, { "content-type": "application/json" })
        .end('{"success":false,"errors":[{"code":10000,"message":"Authentication error"}]}'),
    "403": (_req, res) => void res.writeHead(403).end("forbidden"),
    "500": (_req, res) => void res.writeHead(500, { "content-type": "text/html" }).end("<h1>oops</h1>"),
    "invalid-json": (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{not json"),
    "success-false": (_req, res) =>
      void res.writeHead(200, { "content-type": "application/json" }).end('{"success":false,"errors":[],"messages":[],"result":null}'),
    reset: (_req, res) => void res.socket?.destroy(),
    timeout: () => {},
  };

  it("never appears in an error's message, toString, JSON.stringify or util.inspect", async () => {
    await fc.assert(
      fc.asyncProperty(secret, fc.boolean(), scenario, async (value, asToken, what) => {
        const credentials = asToken ? { apiToken: value } : { apiEmail: `user-${value}@example.com`, apiKey: value };
        let error: unknown;
        if (what === "refused") {
          // Not a valid header value (a space, a newline): refused at creation, without quoting it.
          const bad = asToken ? { apiToken: `${value} \n` } : { apiToken: "", apiKey: `${value}\n` };
          error = await settle(
            Promise.resolve().then(() => client({ ...credentials, ...bad })),
            1_000,
          );
          error = (error as { error?: unknown }).error;
          expect(error).toBeInstanceOf(ConfigurationError);
        } else {
          server.reply(scripted[what] ?? scripted["500"]!);
          const api = client({ ...credentials, apiToken: asToken ? value : "", maxRetries: 0, timeoutMs: 100 });
          const controller = new AbortController();
          const call =
            what === "bad-account"
              ? api.getBehaviors({ account_id: ".." })
              : what === "bad-header"
                ? api.getBehaviors({ account_id: "a" }, { headers: { "x-trace": "line\nbreak" } })
                : api.getBehaviors({ account_id: "a" }, { signal: controller.signal });
          if (what === "abort") controller.abort(new Error("stop"));
          const outcome = await settle(call, 5_000);
          expect(outcome.ok, what).toBe(false);
          error = (outcome as { error: unknown }).error;
          expect(error).toBeInstanceOf(ZtRiskScoringError);
        }
        const views = [
          String(error),
          (error as Error).message,
          (error as Error).stack ?? "",
          JSON.stringify(error),
          inspect(error, { depth: 10, showHidden: true }),
        ];
        for (const view of views) expect(view.includes(value), `${what}: ${view.slice(0, 500)}`).toBe(false);
      }),
      params(200),
    );
  }, 120_000);
});
