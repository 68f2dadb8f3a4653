import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { json, startLoopbackServer, text, type LoopbackServer } from "../support/loopback-server.js";
import { ARTIFACTS } from "../support/spec-copy.js";

/**
 * The collisions fixture, generated and called for real: grouped arguments (a path and
 * a query parameter both named `id`), a whole body beside a `body` query parameter,
 * and renamed methods (`then`, `raw`, `constructor`).
 */
const OUT = path.join(ARTIFACTS, "grouped-client");
let server: LoopbackServer;
let client: any;

beforeAll(async () => {
  replaceOutput(OUT, (await generate("test/fixtures/specs/collisions.yaml")).files);
  server = await startLoopbackServer();
  const { createClient } = await import(path.join(OUT, "index.ts"));
  client = createClient({ apiToken: "t", baseUrl: server.origin, maxRetries: 0 });
});
afterAll(() => server?.close());

describe("a generated client for colliding names", () => {
  it("sends grouped path and query parameters to their places", async () => {
    server.reply(json(200, "ok"));
    await expect(client.getThing({ path: { id: "p/1" }, query: { id: "q 1" } })).resolves.toBe("ok");
    expect(server.requests.at(-1)!.url).toBe("/things/p%2F1?id=q%201");
  });

  it("sends a whole body when a `body` query parameter sits beside it", async () => {
    server.reply(json(200, null));
    await client.constructorOperation({ path: { id: "x" }, query: { body: "q" }, body: ["a", "b"] });
    const request = server.requests.at(-1)!;
    expect(request.url).toBe("/things/x?body=q");
    expect(JSON.parse(request.body)).toEqual(["a", "b"]);
  });

  it("passes a body whose fields collide with a path parameter whole, as `body`", async () => {
    server.reply(text(204, ""));
    await client.getThing2({ id: "x", body: { id: "inner", name: "n" } });
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ id: "inner", name: "n" });
  });

  it("is not a thenable, and its renamed methods work", async () => {
    expect(typeof client.then).toBe("undefined");
    expect(await Promise.resolve(client)).toBe(client);
    server.reply(text(204, ""));
    await client.thenOperation({ id: "x" });
    expect(server.requests.at(-1)).toMatchObject({ method: "DELETE", url: "/things/x" });
    await client.rawOperation();
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", url: "/raw" });
  });
});
