import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Operation } from "../../generator/runtime/index.js";
import { isJsonMediaType } from "../../generator/runtime/media-type.js";
import { isolateCloudflareEnv, runtimeFor } from "../support/behaviors-api.js";
import { json, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";

isolateCloudflareEnv();

/**
 * Whether a media type is JSON: one rule (generator/runtime/media-type.ts) for the client,
 * the test kit and the generator alike.
 */
describe("isJsonMediaType", () => {
  it.each([
    "application/json",
    "APPLICATION/JSON",
    "application/json; charset=utf-8",
    " application/json ",
    "application/problem+json",
    "application/vnd.api+json",
  ])("%j is JSON", (type) => expect(isJsonMediaType(type)).toBe(true));

  it.each([
    "application/x-ndjson",
    "application/jsonl",
    "application/json-seq",
    "application/jsonlines",
    "text/json",
    "text/plain",
    "application/x-json-stream",
    "application/octet-stream",
    "*/*",
    "",
  ])("%j is not JSON", (type) => expect(isJsonMediaType(type)).toBe(false));
});

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply(json(200, { ok: true }));
});

/** Cloudflare's Vectorize insert and upsert: the vectors as newline-delimited JSON. */
const insertVectors = (contentType: string): Operation => ({
  id: "insertVectors",
  method: "POST",
  path: "/vectorize/indexes/{index_name}/insert",
  pathParams: ["index_name"],
  queryParams: [],
  headerParams: [],
  body: "value",
  contentType,
  envelope: false,
});

describe("a request body, on the wire (a server on 127.0.0.1)", () => {
  const NDJSON = '{"id":"1","values":[0.1,0.2]}\n{"id":"2","values":[0.3,0.4]}\n';

  it("application/x-ndjson: sent as given, not JSON.stringify'd into one quoted string", async () => {
    await runtimeFor(server.origin).call(insertVectors("application/x-ndjson"), { index_name: "docs", body: NDJSON });
    const [sent] = server.requests;
    expect(sent?.body).toBe(NDJSON);
    expect(sent?.headers["content-type"]).toBe("application/x-ndjson");
  });

  it("application/json and a +json type: serialised as JSON", async () => {
    for (const type of ["application/json", "application/merge-patch+json"]) {
      await runtimeFor(server.origin).call(insertVectors(type), { index_name: "docs", body: { a: [1, "two"] } });
    }
    expect(server.requests.map((r) => r.body)).toEqual(['{"a":[1,"two"]}', '{"a":[1,"two"]}']);
  });
});
