// The test kit of a spec without an envelope (test/fixtures/specs/plain-store.yaml),
// generated into a scratch folder inside the repository and run in a real msw server
// against its own generated client: plain JSON bodies, a 204, a grouped operation, typed
// query parameters, an apiKey-in-query scheme and an operation on its own server.
import path from "node:path";
import { setupServer, type SetupServerApi } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { ARTIFACTS } from "../support/spec-copy.js";

const OUT = path.join(ARTIFACTS, "plain-store-kit");
const BASE = "https://store.example.com/api";
let server: SetupServerApi;
let client: any;
let kit: any;
let example: (name: string) => unknown;
const requests: Request[] = [];

beforeAll(async () => {
  const { model, files } = await generate("test/fixtures/specs/plain-store.yaml");
  replaceOutput(OUT, files);
  example = (name) => model.operations.find((op) => op.name === name)!.success!.example;
  const { createClient } = await import(path.join(OUT, "index.ts"));
  // Created before msw starts, as a service creates its client when its module loads.
  client = createClient({ apiToken: "t", baseUrl: BASE, maxRetries: 0 });
  kit = await import(path.join(OUT, "testing.ts"));
  server = setupServer(...kit.handlers);
  server.events.on("request:start", ({ request }) => void requests.push(request));
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server?.close());

const send = (url: string, init: RequestInit = {}) =>
  fetch(url, init).then(async (r) => ({ status: r.status, body: r.status === 204 ? undefined : await r.json() }));
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as { name: string; status: number; message: string; errors: unknown[] },
  );

describe("the default handlers of a spec without an envelope", () => {
  it("answer plain JSON examples, the spec's own or made from the schema, with the success status", async () => {
    expect(await client.listItems({ limit: 1 })).toEqual([{ id: 0, name: "string" }]);
    expect(example("listItems")).toEqual([{ id: 0, name: "string" }]);
    const created = await client.createItem({ name: "n" }).withResponse();
    expect([created.data, created.response.status]).toEqual([{ id: 7, name: "widget", tags: ["new"] }, 201]);
    await expect(client.deleteItem({ id: 3 })).resolves.toBeUndefined();
    expect(await client.getItem({ path: { id: 3 } })).toEqual({ id: 0, name: "string" });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${BASE}/items?limit=1`,
      `POST ${BASE}/items`,
      `DELETE ${BASE}/items/3`,
      `GET ${BASE}/items/3`,
    ]);
  });

  it("honour an operation's own server, and a public operation needs no credentials", async () => {
    expect(await send("https://status.example.com/status")).toEqual({ status: 200, body: { status: "up" } });
    await expect(fetch(`${BASE}/status`)).rejects.toThrow(); // not that operation's server: unhandled
  });
});

describe("mock.<operation> without an envelope", () => {
  it("decodes typed query parameters and answers the result as plain JSON", async () => {
    const seen: unknown[] = [];
    server.use(kit.mock.listItems((params: any) => (seen.push(params), [{ id: params.limit, name: params.tag.join("+") }])));
    expect(await client.listItems({ limit: 10, tag: ["a b", "c&d"] })).toEqual([{ id: 10, name: "a b+c&d" }]);
    expect(seen).toEqual([{ limit: 10, tag: ["a b", "c&d"] }]);
  });

  it("hands a grouped operation its params grouped, the path parameter read as an integer", async () => {
    const seen: unknown[] = [];
    server.use(kit.mock.getItem((params: any) => (seen.push(params), { id: params.path.id, name: params.query.id })));
    expect(await client.getItem({ path: { id: 5 }, query: { id: "q" } })).toEqual({ id: 5, name: "q" });
    expect(seen).toEqual([{ path: { id: 5 }, query: { id: "q" } }]);
  });

  it("answers a 204 with no body, and apiError with { errors, messages } the client reads", async () => {
    server.use(kit.mock.deleteItem(() => undefined));
    await expect(client.deleteItem({ id: 1 })).resolves.toBeUndefined();
    server.use(kit.mock.deleteItem(kit.apiError(404, { errors: [{ code: 1, message: "no such item" }] })));
    const error = await errorOf(client.deleteItem({ id: 1 }));
    expect(error).toMatchObject({ name: "NotFoundError", status: 404, errors: [{ code: 1, message: "no such item" }] });
  });
});

describe("requests that break the spec, without validators", () => {
  it("a path parameter that is not an integer", async () => {
    expect(await send(`${BASE}/items/abc`, { method: "DELETE", headers: { authorization: "Bearer t" } })).toEqual({
      status: 400,
      body: { errors: [{ code: 400, message: 'path parameter id must be an integer (got "abc")' }], messages: [] },
    });
  });

  it("a required query parameter left out, and a body without its required field", async () => {
    expect(await errorOf(client.listItems({}))).toMatchObject({
      name: "BadRequestError",
      message: "listItems: HTTP 400: query parameter limit is required",
    });
    expect(await errorOf(client.createItem({ tags: [] }))).toMatchObject({
      message: "createItem: HTTP 400: / must have required property 'name'",
    });
  });

  it("the apiKey-in-query alternative: accepted in the query, named when missing", async () => {
    expect((await send(`${BASE}/items?limit=1&key=k1`)).status).toBe(200);
    expect(await send(`${BASE}/items?limit=1`)).toEqual({
      status: 400,
      body: { errors: [{ code: 400, message: "missing credentials: api_token, or query_key" }], messages: [] },
    });
  });
});

describe("testKit({ baseUrl })", () => {
  it("serves the same operations below another base URL; an operation's own server stays", async () => {
    const other = (await import(path.join(OUT, "index.ts"))).createClient({
      apiToken: "t",
      baseUrl: "http://127.0.0.1:9/store/",
      maxRetries: 0,
    });
    server.use(...kit.testKit({ baseUrl: "http://127.0.0.1:9/store/" }).handlers);
    expect(await other.listItems({ limit: 2 })).toEqual([{ id: 0, name: "string" }]);
    expect(requests.at(-1)!.url).toBe("http://127.0.0.1:9/store/items?limit=2");
    server.resetHandlers(...kit.testKit({ baseUrl: "http://127.0.0.1:9/store" }).handlers);
    try {
      expect((await send("https://status.example.com/status")).body).toEqual({ status: "up" });
    } finally {
      server.resetHandlers(...kit.handlers);
    }
  });
});
