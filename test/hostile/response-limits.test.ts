/**
 * The response size limit (`maxResponseBytes`, per client and per call), against a real
 * node:http server on 127.0.0.1 that makes its bodies as it sends them: streamed bodies
 * larger than the limit, a gzip bomb (a few KB that inflate to megabytes), huge error
 * bodies. A body past the limit is a ResponseTooLargeError, not retried, and the client
 * stops reading (the server is not made to send it all); an error body is read only as far
 * as ApiError keeps it (64 KiB). Limits are set small here so the tests stay fast.
 */
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  ConfigurationError,
  createClient,
  InternalServerError,
  InvalidArgumentError,
  ResponseTooLargeError,
  TimeoutError,
  ZtRiskScoringError,
  type ClientOptions,
} from "../../generated/index.js";
import { isolateCloudflareEnv } from "../support/behaviors-api.js";
import { closeLoopbackServers, startLoopbackServer, type Handler } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

const MB = 1024 * 1024;
const ACCOUNT = "acct";

/** What a streaming handler managed to write before the client hung up. */
interface Sent {
  bytes: number;
  done: Promise<void>;
}

/**
 * A handler that streams `total` bytes of a JSON envelope (a long string in `result`) at
 * `status`, 64 KiB at a time, as fast as the client reads; `sent` counts what was written.
 */
function streamed(status: number, total: number, sent: Sent): Handler {
  return (_req, res) => {
    const head = '{"success":true,"errors":[],"messages":[],"result":"';
    const tail = '"}';
    const chunk = Buffer.alloc(64 * 1024, "a");
    res.writeHead(status, { "content-type": "application/json" });
    let left = total - head.length - tail.length;
    res.write(head);
    sent.bytes = head.length;
    sent.done = new Promise((resolve) => {
      res.on("close", resolve);
      const pump = () => {
        while (left > 0) {
          const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= part.length;
          sent.bytes += part.length;
          if (!res.write(part)) return void res.once("drain", pump);
        }
        sent.bytes += tail.length;
        res.end(tail);
      };
      pump();
    });
  };
}

/** A gzip bomb: an envelope whose `result` inflates to `size` bytes of "a". */
function gzipBomb(size: number): { handler: Handler; compressed: number } {
  const body = gzipSync(`{"success":true,"errors":[],"messages":[],"result":"${"a".repeat(size)}"}`, { level: 9 });
  const handler: Handler = (_req, res) =>
    void res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(body);
  return { handler, compressed: body.length };
}

async function clientFor(handler: Handler, options: ClientOptions = {}) {
  const server = await startLoopbackServer(handler);
  const client = createClient({
    apiToken: "tok_limits_0123456789",
    baseUrl: server.origin,
    initialRetryDelayMs: 1,
    maxRetryDelayMs: 2,
    ...options,
  });
  return { server, client };
}

const settle = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value, error: undefined as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );

describe("maxResponseBytes", () => {
  it("a streamed success body past the limit is a ResponseTooLargeError, not retried, and not downloaded whole", async () => {
    const sent = { bytes: 0 } as Sent;
    const total = 16 * MB;
    const { server, client } = await clientFor(streamed(200, total, sent), { maxResponseBytes: MB, maxRetries: 2 });
    const { error } = await settle(client.getBehaviors({ account_id: ACCOUNT }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(ZtRiskScoringError);
    expect((error as Error).message).toBe(`getBehaviors: response body larger than maxResponseBytes (${MB} bytes)`);
    expect((error as ResponseTooLargeError).maxResponseBytes).toBe(MB);
    expect(server.requests).toHaveLength(1); // a GET, maxRetries 2: still one request
    await sent.done;
    // The client hung up: the server wrote far less than the body (socket buffers hold a few MB at most).
    expect(sent.bytes).toBeLessThan(total / 2);
  });

  it("a body framed by Content-Length past the limit is refused the same way; one within it resolves", async () => {
    const body = (n: number) => `{"success":true,"errors":[],"messages":[],"result":"${"a".repeat(n)}"}`;
    const big = await clientFor((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end(body(2 * MB)), {
      maxResponseBytes: MB,
    });
    await expect(big.client.getBehaviors({ account_id: ACCOUNT })).rejects.toBeInstanceOf(ResponseTooLargeError);
    const exact = await clientFor((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end(body(1000)), {
      maxResponseBytes: 1054,
    });
    await expect(exact.client.getBehaviors({ account_id: ACCOUNT })).resolves.toHaveLength(1000);
    const over = await clientFor((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end(body(1000)), {
      maxResponseBytes: 1053,
    });
    await expect(over.client.getBehaviors({ account_id: ACCOUNT })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it("counts decompressed bytes: a gzip bomb of a few KB is stopped at the limit", async () => {
    const { handler, compressed } = gzipBomb(8 * MB);
    expect(compressed).toBeLessThan(64 * 1024); // far under the limit as sent
    const { server, client } = await clientFor(handler, { maxResponseBytes: MB });
    const { error } = await settle(client.getBehaviors({ account_id: ACCOUNT }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(server.requests).toHaveLength(1);
  });

  it("a body within the limit resolves, compressed or not", async () => {
    const { handler } = gzipBomb(MB / 2);
    const { client } = await clientFor(handler, { maxResponseBytes: MB });
    await expect(client.getBehaviors({ account_id: ACCOUNT })).resolves.toHaveLength(MB / 2);
  });

  it("a call's own limit replaces the client's, both ways", async () => {
    const sent = { bytes: 0 } as Sent;
    const { client } = await clientFor(streamed(200, 2 * MB, sent), { maxResponseBytes: MB });
    await expect(client.getBehaviors({ account_id: ACCOUNT }, { maxResponseBytes: 4 * MB })).resolves.toHaveLength(2 * MB - 54);
    const small = await clientFor(streamed(200, 2 * MB, { bytes: 0 } as Sent), { maxResponseBytes: 8 * MB });
    await expect(small.client.getBehaviors({ account_id: ACCOUNT }, { maxResponseBytes: MB })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  it("a huge error body is read only as far as ApiError keeps it (64 KiB), and the call is still retried as a 5xx", async () => {
    const sent = { bytes: 0 } as Sent;
    const total = 32 * MB;
    const { server, client } = await clientFor(streamed(500, total, sent), { maxRetries: 1 });
    const { error } = await settle(client.getBehaviors({ account_id: ACCOUNT }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ApiError).body).toHaveLength(65_536);
    expect((error as ApiError).message).toBe("getBehaviors: HTTP 500");
    expect(server.requests).toHaveLength(2);
    await sent.done;
    expect(sent.bytes).toBeLessThan(total / 2);
  });

  it("a gzip-bombed error body is cut at 64 KiB of decompressed text", async () => {
    const body = gzipSync("<p>".repeat(3 * MB), { level: 9 });
    const handler: Handler = (_req, res) => void res.writeHead(502, { "content-type": "text/html", "content-encoding": "gzip" }).end(body);
    const { client } = await clientFor(handler, { maxRetries: 0 });
    const { error } = await settle(client.getBehaviors({ account_id: ACCOUNT }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ApiError).body).toBe("<p>".repeat(3 * MB).slice(0, 65_536));
  });

  it("applies to raw, and to typed calls once raw has middleware", async () => {
    const { handler } = gzipBomb(4 * MB);
    const { client, server } = await clientFor(handler, { maxResponseBytes: MB, maxRetries: 2 });
    await expect(
      client.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", { params: { path: { account_id: ACCOUNT } } }),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
    let seen = 0;
    client.raw.use({ onResponse: () => void seen++ });
    await expect(client.getBehaviors({ account_id: ACCOUNT })).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(seen).toBe(0); // too large before any middleware saw it
    expect(server.requests).toHaveLength(2); // neither retried
  });

  it("with middleware, an error body is still cut at 64 KiB and success bodies still resolve", async () => {
    const sent = { bytes: 0 } as Sent;
    const { client } = await clientFor(streamed(503, 8 * MB, sent), { maxRetries: 0 });
    const statuses: number[] = [];
    client.raw.use({ onResponse: ({ response }) => void statuses.push(response.status) });
    const { error } = await settle(client.getBehaviors({ account_id: ACCOUNT }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ApiError).body).toHaveLength(65_536);
    expect(statuses).toEqual([503]);
    const ok = await clientFor(gzipBomb(1000).handler);
    ok.client.raw.use({ onResponse: () => undefined });
    await expect(ok.client.getBehaviors({ account_id: ACCOUNT })).resolves.toHaveLength(1000);
  });

  it("a body labelled gzip that is not, past 64 KiB, ends in a TimeoutError at timeoutMs: Node 20's fetch never settles its read", async () => {
    // Found by fast-check (hostile/client.test.ts, seed 1661872792): status 594, `gzip-lie`, an 81 KB body.
    const handler: Handler = (_req, res) => void res.writeHead(594, { "content-encoding": "gzip" }).end("x".repeat(81_481));
    const { client, server } = await clientFor(handler, { maxRetries: 1, timeoutMs: 300 });
    const typed = await settle(client.getBehaviors({ account_id: ACCOUNT }));
    expect(typed.error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
    // The same through raw's middleware path, and raw itself with the caller's signal.
    client.raw.use({ onResponse: () => undefined });
    expect((await settle(client.getBehaviors({ account_id: ACCOUNT }, { maxRetries: 0 }))).error).toBeInstanceOf(TimeoutError);
    const raw = client.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", {
      params: { path: { account_id: ACCOUNT } },
      signal: AbortSignal.timeout(300),
    });
    expect((await settle(raw)).error).toMatchObject({ name: "TimeoutError" });
  });

  it.each([-1, 1.5, Number.NaN, Infinity, "1000", 2 ** 29])(
    "refuses %s: ConfigurationError at creation, InvalidArgumentError per call, before sending",
    async (bad) => {
      const { client, server } = await clientFor((_req, res) => void res.end("{}"));
      expect(() => createClient({ apiToken: "tok_limits_0123456789", baseUrl: server.origin, maxResponseBytes: bad as number })).toThrow(
        ConfigurationError,
      );
      await expect(client.getBehaviors({ account_id: ACCOUNT }, { maxResponseBytes: bad as number })).rejects.toThrow(InvalidArgumentError);
      expect(server.requests).toHaveLength(0);
    },
  );

  it("allows no limit past V8's longest string, so a body within it can always become a string", () => {
    expect(() => createClient({ apiToken: "t", baseUrl: "http://127.0.0.1:1", maxResponseBytes: 2 ** 29 - 24 })).not.toThrow();
    expect(() => createClient({ apiToken: "t", baseUrl: "http://127.0.0.1:1", maxResponseBytes: 2 ** 29 - 23 })).toThrow(
      "maxResponseBytes must be an integer from 0 to 536870888",
    );
  });
});
