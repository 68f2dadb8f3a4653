/**
 * What an error says, against real node:http servers on 127.0.0.1 (no mocked fetch), through
 * the generated client (generated/index.ts) and a client generated here from a small spec of
 * "someone else's" (a notes API: operationId `get-note`, no envelope, an API key in the query):
 * - hostile error bodies (a message that is an object without toString, nested 100,000
 *   arrays deep, a megabyte long, with line breaks) reject with typed errors whose message
 *   holds only strings and numbers from the body, on one line, bounded;
 * - the server's own words reach the message: an errors[]/messages[] envelope, RFC 9457
 *   problem details, a top-level `message` or `error`; a JSON body that is not an envelope
 *   is kept (`body`);
 * - a message says what happened once, names the method called (not the operationId), the
 *   root cause of a connection failure and the attempts made, and why a path parameter is invalid;
 * - credentials the client sent are redacted from everything an ApiError keeps and shows;
 * - ClientError, as the docs call it, is exported, beside the spec's errorClass name.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as pkg from "../../generated/index.js";
import {
  ApiError,
  ClientError,
  ConnectionError,
  createClient,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  ZtRiskScoringError,
} from "../../generated/index.js";
import { generate } from "../../generator/pipeline.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { isolateCloudflareEnv } from "../support/behaviors-api.js";
import { closeLoopbackServers, json, startLoopbackServer, text, type Handler } from "../support/loopback-server.js";
import { ARTIFACTS } from "../support/spec-copy.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

const TOKEN = "tok_error_bodies_0123456789abcdef";
const ACCOUNT = "acct";

/** The generated client against `handler`, no retries unless given; the call's rejection. */
async function rejection(handler: Handler, options: object = {}): Promise<Error> {
  const server = await startLoopbackServer(handler);
  const client = createClient({ apiToken: TOKEN, baseUrl: `${server.origin}/client/v4`, maxRetries: 0, ...options });
  const outcome = await client.getBehaviors({ account_id: ACCOUNT }).then(
    () => new Error("resolved"),
    (error: unknown) => error as Error,
  );
  expect(outcome).toBeInstanceOf(ZtRiskScoringError);
  return outcome;
}

/** A raw JSON text answer (for bodies JSON.stringify could not build). */
const raw = (status: number, body: string): Handler => text(status, body, { "content-type": "application/json" });

describe("hostile error bodies", () => {
  const deep = (n: number) => `{"success":false,"errors":[{"code":1000,"message":${"[".repeat(n)}${"]".repeat(n)}}]}`;

  it.each([500, 200])("a message that is an object without toString, at %i, is a typed error naming the code", async (status) => {
    const error = await rejection(raw(status, '{"success":false,"errors":[{"code":1000,"message":{"toString":0}}]}'));
    expect(error).toBeInstanceOf(status === 500 ? InternalServerError : ApiError);
    expect(error.message).toBe(`getBehaviors: HTTP ${status}: code 1000`);
  });

  it.each([500, 200])("a message nested 100,000 arrays deep, at %i, is a typed error", async (status) => {
    const error = (await rejection(raw(status, deep(100_000)))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(status);
    expect(error.message).toBe(status === 200 ? "getBehaviors: HTTP 200: success: false" : "getBehaviors: HTTP 500");
    // What it keeps can be logged: JSON.stringify and inspect do not overflow the stack.
    expect(() => JSON.stringify(error)).not.toThrow();
    expect(inspect(error, { depth: Infinity }).length).toBeGreaterThan(0);
  });

  it("a message nested 1,000 deep in a small body is kept as text, not parsed", async () => {
    const error = (await rejection(raw(400, deep(1_000)))) as ApiError;
    expect(error.message).toBe("getBehaviors: HTTP 400");
    expect(error.body).toBe(deep(1_000));
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  it("only strings and numbers reach the message, on one line, at most 300 characters each", async () => {
    const errors = [
      { code: 1001, message: "x".repeat(1_000_000) },
      { code: 1002, message: "first line\r\nforged: log line\u2028" },
      { code: { toString: "no" }, message: 12.5 },
      { code: 1003, message: ["an", "array"] },
      { code: 1004, message: null },
      { code: 1005, message: true },
    ];
    const error = await rejection(json(200, { success: false, errors, messages: [], result: null }));
    const [first, ...rest] = error.message.split("; ");
    expect(first).toBe(`getBehaviors: HTTP 200: ${"x".repeat(299)}… (1001)`);
    expect(rest).toEqual(["first line  forged: log line (1002)", "12.5", "code 1003", "code 1004", "code 1005"]);
    expect(error.message).not.toMatch(/[\r\n\u2028]/);
  });

  it("bounds the whole message however many entries the body has", async () => {
    const errors = Array.from({ length: 400 }, (_, i) => ({ code: 2000 + i, message: "m".repeat(100) }));
    const error = await rejection(json(500, { success: false, errors }));
    expect(error.message).toMatch(/^getBehaviors: HTTP 500: m{100} \(2000\); m{100} \(2001\); /);
    expect(error.message.length).toBeLessThanOrEqual("getBehaviors: HTTP 500: ".length + 1_000);
    expect((error as ApiError).errors).toHaveLength(400);
  });

  it("reads an error body only as far as it keeps it (64 KiB): a longer envelope is kept as text, cut", async () => {
    const errors = Array.from({ length: 10_000 }, (_, i) => ({ code: 2000 + i, message: "m".repeat(100) }));
    const error = (await rejection(json(500, { success: false, errors }))) as ApiError;
    expect(error.message).toBe("getBehaviors: HTTP 500");
    expect(error.errors).toEqual([]);
    expect(error.body).toBe(JSON.stringify({ success: false, errors }).slice(0, 65_536));
  });
});

describe("the server's own words", () => {
  it.each([
    ["a top-level message", 404, { message: "no such behavior" }, "no such behavior"],
    ["a top-level error string", 400, { error: "invalid_request" }, "invalid_request"],
    ["an error object's message", 400, { error: { code: 3, message: "quota exceeded" } }, "quota exceeded"],
    [
      "problem details",
      403,
      { type: "https://example.com/probs/scope", title: "Forbidden", detail: "the token lacks risk:read", status: 403 },
      "Forbidden: the token lacks risk:read",
    ],
    ["problem details with a title only", 409, { title: "Conflict" }, "Conflict"],
  ])("%s reaches the message and the body is kept", async (_, status, body, words) => {
    const error = (await rejection(json(status, body))) as ApiError;
    expect(error.message).toBe(`getBehaviors: HTTP ${status}: ${words}`);
    expect(error.body).toEqual(body);
    expect(error.errors).toEqual([]);
  });

  it("an envelope's messages[] when its errors[] says nothing", async () => {
    const error = (await rejection(
      json(503, { success: false, errors: [], messages: [{ code: 7, message: "maintenance until 10:00" }] }),
    )) as ApiError;
    expect(error.message).toBe("getBehaviors: HTTP 503: maintenance until 10:00 (7)");
    expect(error.body).toBeUndefined();
  });

  it("says the status once: no `HTTP 404: HTTP 404 (404)`", async () => {
    const error = await rejection(json(404, { success: false, errors: [{ code: 404, message: "HTTP 404" }], messages: [], result: null }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("getBehaviors: HTTP 404");
  });

  it("an HTML error page adds nothing to the status line and is kept as text", async () => {
    const error = (await rejection(text(502, "<html>Bad gateway</html>", { "content-type": "text/html" }))) as ApiError;
    expect(error.message).toBe("getBehaviors: HTTP 502");
    expect(error.body).toBe("<html>Bad gateway</html>");
  });
});

describe("messages name the cause", () => {
  /** A port on 127.0.0.1 that nothing listens on. */
  async function closedPort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  it("a refused connection: the root cause from the cause chain, and the attempts made", async () => {
    const port = await closedPort();
    const client = createClient({
      apiToken: TOKEN,
      baseUrl: `http://127.0.0.1:${port}`,
      maxRetries: 2,
      initialRetryDelayMs: 1,
      maxRetryDelayMs: 2,
    });
    const error = await client.getBehaviors({ account_id: ACCOUNT }).then(
      () => new Error("resolved"),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(`getBehaviors: connection failed: connect ECONNREFUSED 127.0.0.1:${port} (3 attempts)`);
  });

  it("a host that does not resolve: getaddrinfo's error, found two causes deep", async () => {
    const client = createClient({ apiToken: TOKEN, baseUrl: "https://api.cloudflare.com.invalid/client/v4", maxRetries: 0 });
    const error = await client.getBehaviors({ account_id: ACCOUNT }).then(
      () => new Error("resolved"),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    // ENOTFOUND, or EAI_AGAIN where the machine has no DNS at all.
    expect(error.message).toMatch(/^getBehaviors: connection failed: getaddrinfo (ENOTFOUND|EAI_AGAIN) api\.cloudflare\.com\.invalid$/);
  });

  it.each([
    [undefined, "it is undefined"],
    [null, "it is null"],
    ["", "it is empty"],
    ["..", '".." is not a path segment'],
    [Number.NaN, "it is NaN"],
    [{}, "it is an object"],
    ["a\uD800", "it has a lone surrogate"],
  ])("an invalid account_id (%j) says why, before sending", async (value, why) => {
    const server = await startLoopbackServer(json(200, {}));
    const client = createClient({ apiToken: TOKEN, baseUrl: server.origin });
    const error = await client.getBehaviors({ account_id: value as string }).then(
      () => new Error("resolved"),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toBe(`getBehaviors: invalid account_id: ${why}; expected a non-empty string or a finite number`);
    expect(server.requests).toHaveLength(0);
  });
});

describe("echoed credentials", () => {
  it("the bearer token a server echoes is redacted from message, errors, body and every view", async () => {
    const echo: Handler = (req, res) => {
      const auth = String(req.headers.authorization);
      res.writeHead(401, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          success: false,
          errors: [{ code: 10000, message: `bad credentials: ${auth}` }],
          messages: [{ code: 1, message: auth.slice(7) }],
          echo: req.headers,
        }),
      );
    };
    const error = (await rejection(echo)) as ApiError;
    expect(error.message).toBe("getBehaviors: HTTP 401: bad credentials: [redacted] (10000)");
    expect(error.errors).toEqual([{ code: 10000, message: "bad credentials: [redacted]" }]);
    expect(error.messages).toEqual([{ code: 1, message: "[redacted]" }]);
    for (const view of [error.message, String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })])
      expect(view).not.toContain(TOKEN);
  });

  it("in a text body, URL-encoded or JSON-escaped", async () => {
    const token = 'tok/with+"quote"&slash';
    const echo: Handler = (req, res) =>
      void res.writeHead(500).end(`${req.headers.authorization} ${encodeURIComponent(token)} ${JSON.stringify(token)}`);
    // Not a valid header value? It is: visible ASCII. A JSON body would show it escaped.
    const error = (await rejection(echo, { apiToken: token })) as ApiError;
    expect(error.body).toBe('[redacted] [redacted] "[redacted]"');
  });
});

describe("someone else's spec: a notes API", () => {
  let notes: { createClient: (options?: object) => any } & Record<string, any>;
  let plain: Record<string, any>;
  const KEY = "qk_notes_secret_0123456789";

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dir = mkdtempSync(path.join(ARTIFACTS, "error-bodies-"));
    const spec = (extra: string) => `openapi: 3.1.0
info: { title: Notes, version: 1.0.0 }
${extra}servers: [{ url: "http://127.0.0.1:1/api" }]
components:
  securitySchemes:
    key: { type: apiKey, in: query, name: api_key }
security: [{ key: [] }]
paths:
  /notes/{note_id}:
    get:
      operationId: get-note
      parameters: [{ name: note_id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object, properties: { text: { type: string } } } } } }
`;
    for (const [name, extra] of [
      ["notes", "x-zt-generator: { errorClass: NotesError }\n"],
      ["plain", ""],
    ] as const) {
      writeFileSync(path.join(dir, `${name}.yaml`), spec(extra));
      replaceOutput(path.join(dir, name), (await generate(path.join(dir, `${name}.yaml`))).files);
    }
    notes = await import(path.join(dir, "notes", "index.ts"));
    plain = await import(path.join(dir, "plain", "index.ts"));
  }, 120_000);
  afterAll(closeLoopbackServers);

  async function call(handler: Handler): Promise<ApiError> {
    const server = await startLoopbackServer(handler);
    const client = notes.createClient({ key: KEY, baseUrl: `${server.origin}/api`, maxRetries: 0 });
    return client.getNote({ note_id: "n1" }).then(
      () => expect.unreachable(),
      (e: ApiError) => e,
    );
  }

  it("a 404 with {message} names the method called and says the server's words; the body is kept", async () => {
    const error = await call(json(404, { message: "no such note" }));
    expect(error).toBeInstanceOf(notes.NotFoundError);
    expect(error.message).toBe("getNote: HTTP 404: no such note");
    expect(error.body).toEqual({ message: "no such note" });
    expect(error.errors).toEqual([]);
  });

  it("errors before sending name the method too", async () => {
    const client = notes.createClient({ key: KEY, baseUrl: "http://127.0.0.1:1/api" });
    await expect(client.getNote({})).rejects.toThrow(/^getNote: invalid note_id: it is undefined;/);
  });

  it("the query API key a server echoes (the request URL) is redacted", async () => {
    const echo: Handler = (req, res) =>
      void res
        .writeHead(400, { "content-type": "application/problem+json" })
        .end(JSON.stringify({ title: "Bad request", detail: `cannot serve ${req.url}`, instance: req.url }));
    const error = await call(echo);
    expect(error.message).toBe("getNote: HTTP 400: Bad request: cannot serve /api/notes/n1?api_key=[redacted]");
    expect(error.body).toEqual({
      title: "Bad request",
      detail: "cannot serve /api/notes/n1?api_key=[redacted]",
      instance: "/api/notes/n1?api_key=[redacted]",
    });
    for (const view of [JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) expect(view).not.toContain(KEY);
  });

  it("exports the base class as ClientError, the name the docs use, and as the spec's errorClass", async () => {
    expect(notes.ClientError).toBeTypeOf("function");
    expect(notes.NotesError).toBe(notes.ClientError);
    expect(plain.ClientError).toBeTypeOf("function");
    const error = await call(json(500, {}));
    expect(error).toBeInstanceOf(notes.ClientError);
  });
});

describe("this package's exports", () => {
  it("ClientError is exported, the same class as ZtRiskScoringError (the spec's errorClass)", () => {
    expect(ClientError).toBe(ZtRiskScoringError);
    expect(Object.keys(pkg)).toEqual(expect.arrayContaining(["ClientError", "ZtRiskScoringError", "ResponseTooLargeError"]));
  });
});
