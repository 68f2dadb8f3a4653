import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, type Operation } from "../../generator/runtime/index.js";
import {
  ACCOUNT,
  BEHAVIORS_PATH,
  getBehaviors,
  isolateCloudflareEnv,
  runtimeFor,
  SAMPLE,
  updateBehaviors,
} from "../support/behaviors-api.js";
import { envelope, json, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";

isolateCloudflareEnv();

// One server for the file: these tests only look at what was received.
let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply(envelope(SAMPLE));
});

const listThings = {
  id: "listThings",
  method: "GET",
  path: "/zones/{zone_id}/things/{thing_id}",
  pathParams: ["zone_id", "thing_id"],
  queryParams: ["page", "tag", "constructor"],
  headerParams: ["If-Match", "X-Count"],
  body: "none",
  envelope: false,
} as const satisfies Operation;

const putValue = (contentType?: string): Operation => ({
  id: "putValue",
  method: "POST",
  path: "/values/{id}",
  pathParams: ["id"],
  queryParams: [],
  headerParams: [],
  body: "value",
  ...(contentType ? { contentType } : {}),
  envelope: false,
});

const segmentOf = (url: string) => /^\/client\/v4\/accounts\/([^/?#]*)\/zt_risk_scoring\/behaviors$/.exec(url)?.[1];

describe("path parameters", () => {
  it.each([
    ["../../x?y#z", "..%2F..%2Fx%3Fy%23z"],
    ["$&", "%24%26"],
    ["$1$$", "%241%24%24"],
    ["a b/c", "a%20b%2Fc"],
    ["é", "%C3%A9"],
    ["%2E%2E", "%252E%252E"],
    ["...", "..."],
    ["{account_id}", "%7Baccount_id%7D"],
    [42, "42"],
  ])("sends %j as exactly one segment", async (value, encoded) => {
    await runtimeFor(server.origin).call(getBehaviors, { account_id: value });
    expect(server.requests.map((r) => r.url)).toEqual([`/client/v4/accounts/${encoded}/zt_risk_scoring/behaviors`]);
  });

  it.each([
    ["empty", ""],
    ["a dot segment", "."],
    ["a dot-dot segment", ".."],
    ["missing", undefined],
    ["null", null],
    ["a boolean", true],
    ["an object", { toString: () => "x" }],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a lone surrogate", "\uD800"],
  ])("rejects %s before sending", async (_, value) => {
    const error = await runtimeFor(server.origin)
      .call(getBehaviors, { account_id: value })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toMatch(/^getBehaviors: invalid account_id/);
    expect(server.requests).toHaveLength(0);
  });

  it("ignores an inherited value", async () => {
    const params = Object.create({ account_id: ACCOUNT }) as object;
    await expect(runtimeFor(server.origin).call(getBehaviors, params)).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(runtimeFor(server.origin).call(getBehaviors, undefined)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it("round-trips any string as one segment (property)", async () => {
    const runtime = runtimeFor(server.origin);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", minLength: 1, maxLength: 40 }).filter((s) => s !== "." && s !== ".."),
        async (value) => {
          server.requests.length = 0;
          await runtime.call(getBehaviors, { account_id: value });
          const segment = segmentOf(server.requests[0]!.url);
          expect(segment).toBeDefined();
          expect(decodeURIComponent(segment!)).toBe(value);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("bodies", () => {
  it("sends only the body fields as JSON", async () => {
    server.reply(envelope({ behaviors: { foo: { enabled: true, risk_level: "low" } } }));
    const body = { behaviors: { foo: { enabled: true, risk_level: "low" } } };
    await runtimeFor(server.origin).call(updateBehaviors, { account_id: ACCOUNT, ...body });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "PUT", url: BEHAVIORS_PATH, body: JSON.stringify(body) });
    expect(request!.headers["content-type"]).toBe("application/json");
  });

  it("keeps __proto__ and constructor as ordinary fields", async () => {
    const params = JSON.parse(`{"account_id":"${ACCOUNT}","__proto__":{"polluted":true},"constructor":"c","behaviors":{}}`) as object;
    await runtimeFor(server.origin).call(updateBehaviors, params);
    expect(server.requests[0]!.body).toBe('{"__proto__":{"polluted":true},"constructor":"c","behaviors":{}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("sends exactly the non-parameter fields, whatever their names (property)", async () => {
    const runtime = runtimeFor(server.origin);
    const name = fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "0", "body"), fc.string());
    await fc.assert(
      fc.asyncProperty(
        fc
          .uniqueArray(fc.tuple(name, fc.jsonValue()), { selector: ([k]) => k, maxLength: 6 })
          .map((e) => e.filter(([k]) => k !== "account_id")),
        async (entries) => {
          server.requests.length = 0;
          await runtime.call(updateBehaviors, Object.fromEntries([...entries, ["account_id", ACCOUNT]]));
          expect(server.requests[0]!.body).toBe(JSON.stringify(Object.fromEntries(entries)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("sends no body and no Content-Type for a GET, ignoring extra fields", async () => {
    await runtimeFor(server.origin).call(getBehaviors, { account_id: ACCOUNT, behaviors: {} });
    expect(server.requests[0]!.body).toBe("");
    expect(server.requests[0]!.headers["content-type"]).toBeUndefined();
    expect(server.requests[0]!.headers["content-length"]).toBeUndefined();
  });

  it("refuses a body on a GET or HEAD before sending, with and without middleware and through raw; leaves an undefined one out", async () => {
    // As in Cloudflare's stream-subtitles GET, whose spec gives it a required JSON requestBody.
    const getCaptions = { ...putValue(), id: "getCaptions", method: "GET" } satisfies Operation;
    const withMiddleware = runtimeFor(server.origin);
    withMiddleware.raw.use({ onRequest: ({ request }) => request });
    for (const runtime of [runtimeFor(server.origin), withMiddleware]) {
      for (const method of ["GET", "HEAD"] as const) {
        await expect(runtime.call({ ...getCaptions, method }, { id: "1", body: { a: 1 } })).rejects.toSatisfy(
          (e) => e instanceof InvalidArgumentError && e.message === `getCaptions: ${method} cannot send a body`,
        );
      }
      const raw = runtime.raw as unknown as Record<string, (path: string, init: object) => Promise<unknown>>;
      await expect(raw.GET!("/values/{id}", { params: { path: { id: "1" } }, body: "x" })).rejects.toBeInstanceOf(InvalidArgumentError);
    }
    expect(server.requests).toHaveLength(0);
    server.reply(json(200, { ok: true }));
    await expect(runtimeFor(server.origin).call(getCaptions, { id: "1", body: undefined })).resolves.toEqual({ ok: true });
    expect(server.requests.map((r) => [r.method, r.body, r.headers["content-type"]])).toEqual([["GET", "", undefined]]);
  });

  it("sends params.body for body: value, JSON by default", async () => {
    server.reply(json(200, { ok: true }));
    await expect(runtimeFor(server.origin).call(putValue(), { id: "1", body: [1, "two"] })).resolves.toEqual({ ok: true });
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/client/v4/values/1", body: '[1,"two"]' });
    expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
  });

  it("passes a non-JSON body through with its content type", async () => {
    server.reply(json(200, {}));
    await runtimeFor(server.origin).call(putValue("text/plain"), { id: "1", body: "hello" });
    expect(server.requests[0]).toMatchObject({ body: "hello", headers: { "content-type": "text/plain" } });
  });

  it("sends no body at all for an optional fields body none of whose fields is given", async () => {
    const patchThing = {
      id: "patchThing",
      method: "PATCH",
      path: "/things/{id}",
      pathParams: ["id"],
      queryParams: ["dry_run"],
      headerParams: [],
      body: "fields",
      optionalBody: true,
      contentType: "application/json",
      envelope: false,
    } as const satisfies Operation;
    const check = Object.assign((data: unknown) => (seen.push(data), true), { errors: null });
    const seen: unknown[] = [];
    server.reply(json(200, {}));
    const runtime = runtimeFor(server.origin, { validate: { patchThing: { request: check } } });
    await runtime.call(patchThing, { id: "1", dry_run: true });
    await runtime.call(patchThing, { id: "1", name: "n" });
    await runtime.call(patchThing, { id: "1", name: undefined });
    expect(server.requests.map((r) => [r.url, r.body, r.headers["content-type"], r.headers["content-length"]])).toEqual([
      // No body and no Content-Type (fetch still says content-length: 0 for a PATCH).
      ["/client/v4/things/1?dry_run=true", "", undefined, "0"],
      ["/client/v4/things/1", '{"name":"n"}', "application/json", "12"],
      // A field given as undefined is given: the body is sent, as JSON drops it.
      ["/client/v4/things/1", "{}", "application/json", "2"],
    ]);
    // The validator sees only the bodies that are sent.
    expect(seen).toEqual([{ name: "n" }, { name: undefined }]);
    // A required fields body is always sent, even empty.
    await runtimeFor(server.origin).call({ ...patchThing, optionalBody: false }, { id: "1" });
    expect(server.requests.at(-1)!.body).toBe("{}");
  });

  it("rejects a body JSON cannot encode, before sending", async () => {
    const error = await runtimeFor(server.origin)
      .call(updateBehaviors, { account_id: ACCOUNT, behaviors: { n: 1n } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("query and header parameters", () => {
  it("serialises query parameters and sends header parameters as headers", async () => {
    server.reply(json(200, { things: [] }));
    const result = await runtimeFor(server.origin).call(listThings, {
      zone_id: "z",
      thing_id: "t/1",
      page: 2,
      tag: ["a b", "c"],
      "If-Match": '"etag"',
      "X-Count": 3,
      other: "ignored",
    });
    expect(result).toEqual({ things: [] });
    const [request] = server.requests;
    expect(request!.url).toBe("/client/v4/zones/z/things/t%2F1?page=2&tag=a%20b&tag=c");
    expect(request!.headers).toMatchObject({ "if-match": '"etag"', "x-count": "3" });
    expect(request!.headers.other).toBeUndefined();
  });

  it("never reads parameters from Object.prototype", async () => {
    server.reply(json(200, {}));
    await runtimeFor(server.origin).call(listThings, { zone_id: "z", thing_id: "t" });
    expect(server.requests[0]!.url).toBe("/client/v4/zones/z/things/t");
    await runtimeFor(server.origin).call(listThings, { zone_id: "z", thing_id: "t", constructor: "own" });
    expect(server.requests[1]!.url).toBe("/client/v4/zones/z/things/t?constructor=own");
  });

  it("rejects a header value with a line break, before sending", async () => {
    const error = await runtimeFor(server.origin)
      .call(listThings, { zone_id: "z", thing_id: "t", "If-Match": "x\r\nX-Injected: 1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});
