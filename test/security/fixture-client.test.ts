/**
 * A spec of our own (test/fixtures/specs/credentials-and-servers.yaml), generated and called
 * for real against node:http servers on 127.0.0.1 that record every request: the exact URL
 * (server variables, a relative path-level server, an absolute operation server), the exact
 * credentials of every call and none on public ones, and the request counts the retry rules
 * imply for POST, PATCH, PUT and DELETE.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { json, startLoopbackServer, text, type Handler, type LoopbackServer, type RecordedRequest } from "../support/loopback-server.js";
import { ARTIFACTS, ROOT } from "../support/spec-copy.js";
import { typecheckFolder } from "../support/tsc.js";

const FIXTURE = path.join(ROOT, "test/fixtures/specs/credentials-and-servers.yaml");
const TOKEN = "tok-0123456789";
const BASIC = { username: "ada", password: "lovelace" };
const BASIC_HEADER = `Basic ${Buffer.from("ada:lovelace").toString("base64")}`;
const ALL = { bearerAuth: TOKEN, basicAuth: BASIC, apiKeyHeader: "hk-1", apiKeyQuery: "qk-1", sessionCookie: "sess-1", oauth: "oa-1" };

let api: LoopbackServer;
let mirror: LoopbackServer;
let out: string;
let generated: {
  createClient: (options?: object) => any;
  ConfigurationError: new (...args: never[]) => Error;
  api: unknown;
  operations: Record<string, object>;
};
/** The scheme kinds of the generated client's own copy of the runtime. */
let kinds: Record<"bearer" | "basic" | "apiKeyHeader" | "apiKeyQuery" | "apiKeyCookie", object>;

beforeAll(async () => {
  api = await startLoopbackServer(json(200, { ok: true }));
  mirror = await startLoopbackServer(json(200, { mirrored: true }));
  // The fixture's server variables default to placeholder ports: this copy gives them our servers'.
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(path.join(ARTIFACTS, "fixture-client-"));
  const spec = path.join(dir, "openapi.yaml");
  writeFileSync(
    spec,
    readFileSync(FIXTURE, "utf8")
      .replace('"10001"', `"${new URL(api.origin).port}"`)
      .replace('"10002"', `"${new URL(mirror.origin).port}"`),
  );
  out = path.join(dir, "client");
  replaceOutput(out, (await generate(spec)).files);
  const index = await import(path.join(out, "index.ts"));
  generated = { ...index, ...(await import(path.join(out, "client.ts"))) };
  kinds = await import(path.join(out, "runtime/index.ts"));
}, 120_000);
afterAll(async () => {
  await api?.close();
  await mirror?.close();
});

const ENV = ["PETS_TOKEN", "PETS_BASIC", "PETS_BASE_URL"];
const saved = new Map<string, string | undefined>();
beforeEach(() => {
  for (const name of ENV) saved.set(name, process.env[name]);
  for (const name of ENV) delete process.env[name];
  api.requests.length = 0;
  mirror.requests.length = 0;
  api.reply(json(200, { ok: true }));
});
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Where a request went and exactly which credentials it carried. */
const seen = (server: string) => (r: RecordedRequest) => ({
  at: `${server} ${r.method} ${r.url}`,
  ...(r.headers.authorization ? { authorization: r.headers.authorization } : {}),
  ...(r.headers["x-api-key"] ? { key: r.headers["x-api-key"] } : {}),
  ...(r.headers.cookie ? { cookie: r.headers.cookie } : {}),
});
const wire = () => [...api.requests.map(seen("api")), ...mirror.requests.map(seen("mirror"))];

describe("the generated client.ts says what the spec says", () => {
  it("its schemes (not mutualTLS), server with variables replaced, operation servers and idempotence", () => {
    expect(generated.api).toEqual({
      schemes: {
        bearerAuth: { option: "bearerAuth", kind: kinds.bearer, env: "PETS_TOKEN" },
        basicAuth: { option: "basicAuth", kind: kinds.basic, env: "PETS_BASIC" },
        apiKeyHeader: { option: "apiKeyHeader", kind: kinds.apiKeyHeader, name: "X-Api-Key" },
        apiKeyQuery: { option: "apiKeyQuery", kind: kinds.apiKeyQuery, name: "api_key" },
        sessionCookie: { option: "sessionCookie", kind: kinds.apiKeyCookie, name: "session" },
        oauth: { option: "oauth", kind: kinds.bearer },
      },
      security: [],
      server: { url: `${api.origin}/v2`, env: "PETS_BASE_URL" },
    });
    const ops = generated.operations;
    expect(ops.getFile).toMatchObject({ server: "files-api/eu", security: [["apiKeyQuery"], ["bearerAuth"]] });
    expect(ops.mirrorPet).toMatchObject({ server: `${mirror.origin}/mirror` });
    expect(ops.importPets).toMatchObject({ method: "POST", idempotent: true });
    expect(ops.createPet).not.toHaveProperty("idempotent");
    expect(ops.getStatus).not.toHaveProperty("security");
    expect(ops.getPet).toMatchObject({ security: [[], ["bearerAuth"]] });
  });

  it("types ClientOptions per scheme, and names its environment variables, not Cloudflare's", () => {
    const client = readFileSync(path.join(out, "client.ts"), "utf8");
    expect(client).toContain("Default: the environment variable PETS_TOKEN");
    expect(client).toContain("Requests go to http://127.0.0.1:");
    expect(client).not.toMatch(/cloudflare/i);
    writeFileSync(
      path.join(out, "consumer.ts"),
      [
        'import { createClient, type ClientOptions } from "./index.js";',
        'const options: ClientOptions = { bearerAuth: "t", basicAuth: { username: "u", password: "p" }, apiKeyHeader: "h", apiKeyQuery: "q", sessionCookie: "s", oauth: "o", baseUrl: "https://x" };',
        "createClient(options);",
        "// @ts-expect-error basic takes a username and a password",
        'createClient({ basicAuth: "u:p" });',
        "// @ts-expect-error an API key is a string",
        "createClient({ apiKeyQuery: 1 });",
        "// @ts-expect-error mutualTLS has no option",
        'createClient({ mtls: "cert" });',
        "// @ts-expect-error no such option",
        'createClient({ apiToken: "t" });',
        "",
      ].join("\n"),
    );
    const { status, output } = typecheckFolder(out);
    expect(output).toBe("");
    expect(status).toBe(0);
  }, 120_000);
});

describe("each call goes where the spec says, with exactly the credentials it asks for", () => {
  it("every operation, with every credential given", async () => {
    const client = generated.createClient({ ...ALL, maxRetries: 0 });
    await client.getStatus();
    await client.listPets({ limit: 5 });
    await client.getPet({ petId: "p 1" });
    await client.createPet({ name: "rex" });
    await client.importPets({ name: "rex" });
    await client.replacePet({ petId: "p1", name: "rex" });
    await client.updatePet({ petId: "p1", name: "rex" });
    await client.deletePet({ petId: "p1" });
    await client.getFile({ name: "a b" });
    await expect(client.mirrorPet({ petId: "p1" })).resolves.toEqual({ mirrored: true });
    const error = await client.adminOnly().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.ConfigurationError);
    expect((error as Error).message).toBe("adminOnly: no credentials: set mtls (not supported)");
    expect(wire()).toEqual([
      { at: "api GET /v2/status" },
      { at: "api GET /v2/pets?limit=5" },
      { at: "api GET /v2/pets/p%201", authorization: `Bearer ${TOKEN}` },
      { at: "api POST /v2/pets", authorization: `Bearer ${TOKEN}` },
      { at: "api POST /v2/pets/import", authorization: `Bearer ${TOKEN}` },
      { at: "api PUT /v2/pets/p1?api_key=qk-1" },
      { at: "api PATCH /v2/pets/p1", key: "hk-1", cookie: "session=sess-1" },
      { at: "api DELETE /v2/pets/p1", authorization: BASIC_HEADER },
      { at: "api GET /v2/files-api/eu/files/a%20b?api_key=qk-1" },
      { at: "mirror GET /mirror/copies/p1", authorization: "Bearer oa-1" },
    ]);
    expect(api.requests.find((r) => r.method === "PUT")!.body).toBe('{"name":"rex"}');
  });

  it("with basic credentials only: the next alternative, none where `{}` allows it, and a rejection naming the alternatives", async () => {
    const client = generated.createClient({ basicAuth: BASIC, maxRetries: 0 });
    await client.createPet({ name: "rex" });
    await client.getPet({ petId: "p1" });
    await client.deletePet({ petId: "p1" });
    await expect(client.getFile({ name: "a" })).rejects.toThrow("getFile: no credentials: set apiKeyQuery, or bearerAuth (PETS_TOKEN)");
    await expect(client.updatePet({ petId: "p1", name: "rex" })).rejects.toThrow(
      "updatePet: no credentials: set apiKeyHeader + sessionCookie",
    );
    await expect(client.mirrorPet({ petId: "p1" })).rejects.toBeInstanceOf(generated.ConfigurationError);
    expect(wire()).toEqual([
      { at: "api POST /v2/pets", authorization: BASIC_HEADER },
      { at: "api GET /v2/pets/p1" },
      { at: "api DELETE /v2/pets/p1", authorization: BASIC_HEADER },
    ]);
  });

  it("half of a pair: the call says the two go together", async () => {
    const client = generated.createClient({ apiKeyHeader: "hk-1" });
    await expect(client.updatePet({ petId: "p1", name: "rex" })).rejects.toThrow(/apiKeyHeader and sessionCookie must be set together/);
    expect(wire()).toEqual([]);
  });

  it("with no credentials at all: created (public operations exist), and only public calls go out", async () => {
    const client = generated.createClient();
    await client.getStatus();
    await client.getPet({ petId: "p1" });
    await expect(client.createPet({ name: "rex" })).rejects.toThrow(
      "createPet: no credentials: set bearerAuth (PETS_TOKEN), or basicAuth (PETS_BASIC)",
    );
    expect(wire()).toEqual([{ at: "api GET /v2/status" }, { at: "api GET /v2/pets/p1" }]);
  });

  it("takes credentials and the base URL from the spec's environment variables; options beat them", async () => {
    process.env.PETS_TOKEN = "env-token";
    process.env.PETS_BASIC = "env-user:env:pass";
    process.env.PETS_BASE_URL = `${api.origin}/from-env`;
    await generated.createClient().createPet({ name: "a" });
    await generated.createClient().deletePet({ petId: "p1" });
    await generated.createClient({ bearerAuth: TOKEN, baseUrl: `${api.origin}/from-option` }).createPet({ name: "b" });
    await generated.createClient({ basicAuth: BASIC }).createPet({ name: "c" });
    expect(wire()).toEqual([
      { at: "api POST /from-env/pets", authorization: "Bearer env-token" },
      { at: "api DELETE /from-env/pets/p1", authorization: `Basic ${Buffer.from("env-user:env:pass").toString("base64")}` },
      { at: "api POST /from-option/pets", authorization: `Bearer ${TOKEN}` },
      { at: "api POST /from-env/pets", authorization: BASIC_HEADER },
    ]);
  });

  it("client.raw sends each operation's credentials to its server too", async () => {
    const client = generated.createClient(ALL);
    await client.raw.PATCH("/pets/{petId}", { params: { path: { petId: "p1" } }, body: { name: "rex" } });
    await client.raw.GET("/files/{name}", { params: { path: { name: "a" } } });
    await client.raw.GET("/copies/{petId}", { params: { path: { petId: "p1" } } });
    await client.raw.GET("/pets");
    expect(wire()).toEqual([
      { at: "api PATCH /v2/pets/p1", key: "hk-1", cookie: "session=sess-1" },
      { at: "api GET /v2/files-api/eu/files/a?api_key=qk-1" },
      { at: "api GET /v2/pets" },
      { at: "mirror GET /mirror/copies/p1", authorization: "Bearer oa-1" },
    ]);
  });
});

describe("retries: POST and PATCH only when the request cannot have been processed", () => {
  const calls: Record<string, (client: any) => Promise<unknown>> = {
    "POST createPet": (c) => c.createPet({ name: "rex" }),
    "POST importPets (x-zt-idempotent)": (c) => c.importPets({ name: "rex" }),
    "PATCH updatePet": (c) => c.updatePet({ petId: "p1", name: "rex" }),
    "PUT replacePet": (c) => c.replacePet({ petId: "p1", name: "rex" }),
    "DELETE deletePet": (c) => c.deletePet({ petId: "p1" }),
  };

  /** The requests one call makes (maxRetries 2) against a server answering `handler`. */
  async function requests(name: string, handler: Handler): Promise<number> {
    api.requests.length = 0;
    api.reply(handler);
    await calls[name]!(generated.createClient({ ...ALL, initialRetryDelayMs: 1, maxRetryDelayMs: 5 })).catch(() => {});
    return api.requests.length;
  }

  it.each([
    ["POST createPet", 1, 3],
    ["POST importPets (x-zt-idempotent)", 3, 3],
    ["PATCH updatePet", 1, 3],
    ["PUT replacePet", 3, 3],
    ["DELETE deletePet", 3, 3],
  ])("%s: 503 makes %i request(s), 429 makes %i", async (name, on503, on429) => {
    expect(await requests(name, text(503, "unavailable"))).toBe(on503);
    expect(await requests(name, text(429, "slow down", { "retry-after": "0" }))).toBe(on429);
  });

  it("a POST against a refused connection is retried: nothing was sent", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    let sends = 0; // real fetch to a closed port; the option only counts the attempts
    const client = generated.createClient({
      ...ALL,
      baseUrl: `http://127.0.0.1:${port}/v2`,
      initialRetryDelayMs: 1,
      fetch: (input: string, init: RequestInit) => (sends++, fetch(input, init)),
    });
    await expect(client.createPet({ name: "rex" })).rejects.toMatchObject({ name: "ConnectionError" });
    expect(sends).toBe(3);
  });
});
