import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  ClientError,
  createRuntime,
  type Operation,
} from "../../generator/runtime/index.js";
import {
  ACCOUNT,
  BEHAVIORS_API,
  getBehaviors,
  isolateCloudflareEnv,
  OPERATIONS,
  runtimeFor,
  SAMPLE,
  TOKEN,
  updateBehaviors,
  type ClientOptions,
} from "../support/behaviors-api.js";
import { closeLoopbackServers, envelope, failure, json, startLoopbackServer, text, type Handler } from "../support/loopback-server.js";

isolateCloudflareEnv();
afterEach(closeLoopbackServers);

const plain = { ...getBehaviors, id: "plain", envelope: false } satisfies Operation;
const RAY = "8a1b2c3d4e5f6789-SJC";

/** Calls getBehaviors once against a server answering with `handler`; returns the rejection (or fails). */
async function failureOf(handler: Handler, op: Operation = getBehaviors) {
  const server = await startLoopbackServer(handler);
  const error = await runtimeFor(server.origin, { maxRetries: 0 })
    .call(op, { account_id: ACCOUNT })
    .then(
      (value) => ({ resolved: value }),
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(ApiError);
  return { error: error as ApiError, requests: server.requests.length };
}

describe("success", () => {
  it("resolves to the envelope's result", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE));
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
  });

  it("resolves to the whole body when the operation has no envelope", async () => {
    const server = await startLoopbackServer(json(200, [1, 2, 3]));
    await expect(runtimeFor(server.origin).call(plain, { account_id: ACCOUNT })).resolves.toEqual([1, 2, 3]);
  });

  it.each([
    ["a 204", text(204, "")],
    ["an empty 200", text(200, "")],
  ])("resolves to undefined for %s", async (_, handler) => {
    const server = await startLoopbackServer(handler);
    await expect(runtimeFor(server.origin).call(updateBehaviors, { account_id: ACCOUNT, behaviors: {} })).resolves.toBeUndefined();
  });

  describe("a success body that is not JSON, as the operation's parseAs says", () => {
    const csv = { ...plain, id: "getCsv", parseAs: "text" } satisfies Operation;
    const png = { ...plain, id: "getPng", parseAs: "blob" } satisfies Operation;
    // Not UTF-8: text() would turn 0x89, 0xff and 0xfe into U+FFFD.
    const BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]);
    const bytes: Handler = (_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(BYTES);
    };
    /** The runtime without and with middleware on raw (typed calls then go through openapi-fetch's request()). */
    const both = (origin: string) => {
      const withMiddleware = runtimeFor(origin);
      withMiddleware.raw.use({ onRequest: ({ request }) => request });
      return [runtimeFor(origin), withMiddleware];
    };

    it("resolves text as it came, even when it looks like broken JSON", async () => {
      const server = await startLoopbackServer(text(200, "id,name\n1,{oops", { "content-type": "text/csv" }));
      for (const runtime of both(server.origin)) await expect(runtime.call(csv, { account_id: ACCOUNT })).resolves.toBe("id,name\n1,{oops");
    });

    it("resolves a binary body to a Blob holding every byte", async () => {
      const server = await startLoopbackServer(bytes);
      for (const runtime of both(server.origin)) {
        const blob = await runtime.call<Blob>(png, { account_id: ACCOUNT });
        expect(blob).toBeInstanceOf(Blob);
        expect(Buffer.from(await blob.arrayBuffer())).toEqual(BYTES);
      }
    });

    it.each([
      ["a 204", text(204, "")],
      ["an empty 200", text(200, "")],
    ])("resolves to undefined for %s, with and without middleware", async (_, handler) => {
      const server = await startLoopbackServer(handler);
      for (const runtime of both(server.origin)) {
        await expect(runtime.call(csv, { account_id: ACCOUNT })).resolves.toBeUndefined();
        await expect(runtime.call(png, { account_id: ACCOUNT })).resolves.toBeUndefined();
      }
    });

    it("still reads an error body as JSON: a typed error", async () => {
      const server = await startLoopbackServer(failure(404, [{ code: 7003, message: "No route" }]));
      for (const op of [csv, png]) {
        await expect(runtimeFor(server.origin, { maxRetries: 0 }).call(op, { account_id: ACCOUNT })).rejects.toMatchObject({
          status: 404,
          errors: [{ code: 7003, message: "No route" }],
        });
      }
    });
  });

  it("parses a 5 MB body", async () => {
    const big = {
      behaviors: Object.fromEntries(
        Array.from({ length: 40_000 }, (_, i) => [`behavior_${i}`, { ...SAMPLE.behaviors.foo, description: "x".repeat(80) }]),
      ),
    };
    const server = await startLoopbackServer(envelope(big));
    const result = await runtimeFor(server.origin).call<typeof big>(getBehaviors, { account_id: ACCOUNT });
    expect(JSON.stringify(big).length).toBeGreaterThan(5_000_000);
    expect(Object.keys(result.behaviors)).toHaveLength(40_000);
    expect(result.behaviors.behavior_39999).toEqual(big.behaviors.behavior_39999);
  });
});

describe("typed errors", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [504, InternalServerError],
    [418, ApiError],
    [405, ApiError],
  ])("maps HTTP %i to %o with the envelope's errors and messages", async (status, Class) => {
    const errors = [{ code: 7003, message: "No route for the URI" }];
    const messages = [{ code: 1000, message: "note" }];
    const { error, requests } = await failureOf(json(status, { success: false, errors, messages, result: null }, { "cf-ray": RAY }));
    expect(error.constructor).toBe(Class);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ status, errors, messages, requestId: RAY, body: undefined });
    expect(error.headers.get("cf-ray")).toBe(RAY);
    expect(error.message).toBe(`getBehaviors: HTTP ${status}: No route for the URI (7003)`);
    expect(requests).toBe(1);
  });

  it("reads requestId from x-request-id when the spec names no request id header", async () => {
    const { requestIdHeader: _, ...api } = BEHAVIORS_API;
    const server = await startLoopbackServer(failure(404, [{ code: 1, message: "gone" }], { "x-request-id": "req-1", "cf-ray": RAY }));
    const options: ClientOptions = { apiToken: TOKEN, baseUrl: server.origin, maxRetries: 0 };
    const error = await createRuntime(api, OPERATIONS, options)
      .call(getBehaviors, { account_id: ACCOUNT })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, requestId: "req-1" });
  });

  it("turns success: false at 200 into an ApiError, not retried", async () => {
    const { error, requests } = await failureOf(failure(200, [{ code: 10000, message: "Authentication error" }]));
    expect(error.constructor).toBe(ApiError);
    expect(error).toMatchObject({ status: 200, errors: [{ code: 10000, message: "Authentication error" }], requestId: undefined });
    expect(requests).toBe(1);
  });

  it("turns an HTML 502 from a proxy into an InternalServerError carrying the raw body, after retries", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    const server = await startLoopbackServer(text(502, html, { "content-type": "text/html" }));
    const error = await runtimeFor(server.origin)
      .call(getBehaviors, { account_id: ACCOUNT })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, body: html, errors: [], messages: [], message: "getBehaviors: HTTP 502" });
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [
      "broken JSON at 500",
      text(500, '{"success":false,"errors":[', { "content-type": "application/json" }),
      InternalServerError,
      '{"success":false,"errors":[',
    ],
    ["an empty 500", text(500, ""), InternalServerError, ""],
    ["an empty 404 with content-length 0", text(404, "", { "content-length": "0" }), NotFoundError, ""],
    ["broken JSON at 200", text(200, '{"success":tru', { "content-type": "application/json" }), ApiError, '{"success":tru'],
    ["a JSON array at 200", json(200, [1]), ApiError, [1]],
    ["JSON null at 200", json(200, null), ApiError, null],
    ["a JSON string at 400", json(400, "nope"), BadRequestError, "nope"],
  ])("turns %s into a typed error, never a SyntaxError", async (_, handler, Class, body) => {
    const { error, requests } = await failureOf(handler);
    expect(error.constructor).toBe(Class);
    expect(error.body).toEqual(body);
    expect(requests).toBe(1);
  });

  it("does not retry a 2xx with broken JSON", async () => {
    const server = await startLoopbackServer(text(200, "{", { "content-type": "application/json" }));
    await expect(runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT })).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps only the first 64 KiB of a huge non-JSON error body", async () => {
    const { error } = await failureOf(text(500, "<p>".repeat(2_000_000)));
    expect(error.body).toHaveLength(65_536);
    expect((error.body as string).startsWith("<p><p>")).toBe(true);
  });

  it("ignores envelope entries that are not objects", async () => {
    const { error } = await failureOf(json(400, { success: false, errors: [null, 3, { code: 1, message: "m" }], messages: "x" }));
    expect(error).toMatchObject({ errors: [{ code: 1, message: "m" }], messages: [] });
  });

  it("does not follow redirects (credentials would follow them)", async () => {
    const target = await startLoopbackServer(envelope(SAMPLE));
    const { error, requests } = await failureOf(text(302, "", { location: `${target.origin}/elsewhere` }));
    expect(error).toMatchObject({ status: 302 });
    expect(requests).toBe(1);
    expect(target.requests).toHaveLength(0);
  });
});

describe("withResponse", () => {
  it("gives the data and the Response with status and headers", async () => {
    const server = await startLoopbackServer(envelope(SAMPLE, { "cf-ray": RAY }));
    const { data, response } = await runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT }).withResponse();
    expect(data).toEqual(SAMPLE);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get("cf-ray")).toBe(RAY);
  });
});
