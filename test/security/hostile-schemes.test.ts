/**
 * Security schemes are spec text too: keys, names, descriptions and environment variable
 * names that try to break out of a string or a comment land in client.ts only as escaped
 * literals and JSDoc, the output type-checks, and the client still sends what they describe.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { json, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { ARTIFACTS } from "../support/spec-copy.js";
import { typecheckFolder } from "../support/tsc.js";

const BREAKOUT = "*/ globalThis.__pwned = 1; /* ` ${globalThis.__pwned = 2} \" ' \\u2028";
const SPEC = {
  openapi: "3.1.0",
  info: { title: "hostile schemes", version: "1" },
  servers: [{ url: "https://api.example.com/", "x-zt-env": "NOT A NAME; rm -rf /" }],
  security: [{ [`key ${BREAKOUT}`]: [], 'query"*/': [] }],
  paths: { "/things": { get: { operationId: "listThings", responses: { "200": { description: "ok" } } } } },
  components: {
    securitySchemes: {
      [`key ${BREAKOUT}`]: { type: "apiKey", in: "header", name: "X-Key", description: BREAKOUT, "x-zt-env": "$(whoami)" },
      'query"*/': { type: "apiKey", in: "query", name: `q ${BREAKOUT}`, description: "@internal\n*/ export const x = 1;" },
      baseUrl: { type: "http", scheme: "bearer", description: "An option name the client already uses." },
      toString: { type: "apiKey", in: "header", name: "Bad Header\r\nX-Injected: 1" },
      lone: { type: "apiKey", in: "query", name: "\uD800" },
    },
  },
};

let server: LoopbackServer;
let out: string;
beforeAll(async () => {
  server = await startLoopbackServer(json(200, { ok: true }));
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(path.join(ARTIFACTS, "hostile-schemes-"));
  writeFileSync(path.join(dir, "openapi.json"), JSON.stringify(SPEC, null, 2));
  out = path.join(dir, "client");
  replaceOutput(out, (await generate(path.join(dir, "openapi.json"))).files);
}, 120_000);
afterAll(() => server?.close());

describe("hostile security schemes", () => {
  it("land in client.ts as literals and JSDoc only, and the output type-checks", () => {
    const client = readFileSync(path.join(out, "client.ts"), "utf8");
    // Parsed, it is exactly what the generator writes: no statement came from the spec.
    const file = ts.createSourceFile("client.ts", client, ts.ScriptTarget.ES2022, true);
    const statements = file.statements.map((st) =>
      ts.isImportDeclaration(st)
        ? "import"
        : ts.isVariableStatement(st)
          ? st.declarationList.declarations.map((d) => d.name.getText()).join()
          : (st as ts.DeclarationStatement).name?.getText(),
    );
    expect(statements).toEqual(["import", "import", "import", "import", "api", "operations", "ClientOptions", "Client", "createClient"]);
    expect(client).toContain("*\\/ globalThis.__pwned = 1;"); // in JSDoc, the comment's end is broken up
    expect(client).not.toContain("$(whoami)");
    expect(client).not.toContain("NOT A NAME");
    expect(client).toContain("keyGlobalThisPwned1GlobalThisPwned2U2028?: string;"); // an identifier made of the key's words
    expect(client).toContain("baseUrl2?: string;");
    const { status, output } = typecheckFolder(out);
    expect(output).toBe("");
    expect(status).toBe(0);
  }, 120_000);

  it("still send what they describe, and nothing runs", async () => {
    const { createClient } = await import(path.join(out, "index.ts"));
    const { api } = await import(path.join(out, "client.ts"));
    const options = Object.fromEntries(
      Object.values(api.schemes as Record<string, { option: string }>).map(({ option }, i) => [option, `v${i}`]),
    );
    // A header name that is not a token, and a query name with a lone surrogate, cannot be sent: no option.
    expect(Object.keys(options)).toEqual(["keyGlobalThisPwned1GlobalThisPwned2U2028", "query", "baseUrl2"]);
    const client = createClient({ ...options, baseUrl: server.origin });
    await expect(client.listThings()).resolves.toEqual({ ok: true });
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    const [request] = server.requests;
    expect(request!.headers["x-key"]).toBe("v0");
    expect(new URL(request!.url, server.origin).searchParams.get(`q ${BREAKOUT}`)).toBe("v1");
    expect(request!.headers.authorization).toBeUndefined();
  });
});
