// The code-sample emitter on a spec of another shape than spec/
// (test/fixtures/specs/code-samples.yaml): query and header parameters, a grouped
// argument, a body passed whole, http basic, an apiKey in the query, a public operation.
// Every sample must be a valid TypeScript module (parsed with the compiler API) and a
// valid POSIX shell command (sh -n), holding what its operation needs.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeSamplesOf, type OperationSamples } from "../../generator/emit/emit-code-samples.js";
import { DEFAULT_IMPORT } from "../../generator/emit/sample-typescript.js";
import { buildModel } from "../../generator/model/build-model.js";
import type { ApiModel } from "../../generator/model/api-model.js";
import { runtimeExports } from "../../generator/lib/runtime-source.js";
import { generate, type Generated } from "../../generator/pipeline.js";
import { ARTIFACTS, ROOT } from "../support/spec-copy.js";
import { typecheckFolder } from "../support/tsc.js";

const FIXTURE = join(ROOT, "test/fixtures/specs/code-samples.yaml");

/** TypeScript's own syntax errors for a module, as "line: message". */
function syntaxErrors(source: string): string[] {
  const { diagnostics = [] } = ts.transpileModule(source, {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return diagnostics.map(
    (d) =>
      `${d.start === undefined ? "?" : source.slice(0, d.start).split("\n").length}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
  );
}

describe("code samples for a spec of another shape", () => {
  let generated: Generated;
  let model: ApiModel;
  const samples = new Map<string, OperationSamples>();
  const ts_ = (name: string) => samples.get(name)!.typescript.join("\n");
  const curl = (name: string) => samples.get(name)!.curl.join("\n");

  beforeAll(async () => {
    generated = await generate(FIXTURE);
    model = generated.model;
    for (const sample of codeSamplesOf(model)) samples.set(sample.name, sample);
  });

  it("emits code-samples.ts, whose data is exactly the samples of every operation", async () => {
    const file = generated.files.find((f) => f.path === "code-samples.ts")!;
    expect(syntaxErrors(file.content)).toEqual([]);
    const js = ts.transpileModule(file.content, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const emitted = (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as { codeSamples: unknown };
    expect(emitted.codeSamples).toEqual(codeSamplesOf(model));
    expect([...samples.keys()]).toEqual(["listPets", "createPets", "updatePet", "deletePet", "health"]);
  });

  it("every TypeScript sample is a module TypeScript parses without error, importing the spec's package", () => {
    for (const [name, sample] of samples) {
      expect(syntaxErrors(ts_(name)), name).toEqual([]);
      expect(sample.typescript.join("\n"), name).toMatch(
        /^import \{\n {2}ApiError,\n {2}createClient,\n {2}NotFoundError,\n {2}RateLimitError,\n\} from "@acme\/petstore";\n/,
      );
      // The README's error handling: the subclasses before ApiError, anything else rethrown.
      expect(ts_(name), name).toMatch(
        /instanceof NotFoundError[\s\S]*instanceof RateLimitError[\s\S]*instanceof ApiError[\s\S]*throw error;/,
      );
    }
    for (const error of ["ApiError", "NotFoundError", "RateLimitError"])
      expect(runtimeExports().public).toContainEqual({ name: error, typeOnly: false });
  });

  it("every curl sample is a command sh accepts", () => {
    for (const name of samples.keys()) {
      const check = spawnSync("sh", ["-n", "-c", curl(name)], { encoding: "utf8" });
      expect(check.status, `${name}: ${check.stderr}`).toBe(0);
    }
  });

  it("query and header parameters: the required ones, from their examples (else the schema's)", () => {
    expect(ts_("listPets")).toContain(
      '  const result = await client.listPets({\n    limit: 20,\n    "X-Request-Id": "00000000-0000-0000-0000-000000000000",\n  });',
    );
    expect(ts_("listPets")).not.toContain("tag");
    expect(curl("listPets")).toBe(
      [
        "curl 'https://petstore.example.com/v2/pets?limit=20' \\",
        '  -H "Authorization: Bearer $PETSTORE_TOKEN" \\',
        "  -H 'X-Request-Id: 00000000-0000-0000-0000-000000000000'",
      ].join("\n"),
    );
    expect(samples.get("listPets")!.permissions).toEqual(["Pets Read", "Pets Write"]);
  });

  it("credentials: the first alternative's option (scheme.option), read from x-zt-env, else a name made from the key", () => {
    const option = (key: string) => model.securitySchemes.find((s) => s.key === key)!.option;
    expect(ts_("listPets")).toContain(
      `const client = createClient({\n  // the default: can be omitted\n  ${option("petstore_token")}: process.env["PETSTORE_TOKEN"],\n});`,
    );
    // http basic: username and password.
    expect(ts_("createPets")).toContain(
      `  ${option("petstore_basic")}: {\n    username: process.env["PETSTORE_BASIC_USERNAME"] ?? "",\n    password: process.env["PETSTORE_BASIC_PASSWORD"] ?? "",\n  },`,
    );
    expect(curl("createPets")).toContain('  -u "$PETSTORE_BASIC_USERNAME:$PETSTORE_BASIC_PASSWORD" \\');
    // `security: [{}, { petstore_key: [] }]`: the first alternative that names a scheme, an apiKey in the query.
    expect(ts_("updatePet")).toContain(`const client = createClient({\n  ${option("petstore_key")}: process.env["PETSTORE_KEY"],\n});`);
    expect(curl("updatePet")).toContain(`curl -X PUT 'https://petstore.example.com/v2/pets/7?id=v2&api_key='"$PETSTORE_KEY" \\`);
    // Public, or only a scheme the client cannot send (mutual TLS): no credentials.
    expect(ts_("health")).toContain("const client = createClient();");
    expect(ts_("deletePet")).toContain("const client = createClient();");
    expect(curl("health")).toBe("curl 'https://petstore.example.com/v2/health'");
  });

  it("a body that is not an object of fields is passed whole as `body`; no success body prints done", () => {
    expect(ts_("createPets")).toContain(
      '  await client.createPets({\n    body: [{ name: "Rex", tag: "dog" }],\n  });\n  console.log("done");',
    );
    expect(curl("createPets")).toContain(
      `  -H 'Content-Type: application/json' \\\n  --data-raw '[\n    {\n      "name": "Rex",\n      "tag": "dog"\n    }\n  ]'`,
    );
  });

  it("a path and a query parameter sharing a name: the grouped argument, as the client takes it", () => {
    expect(ts_("updatePet")).toContain(
      '  const result = await client.updatePet({\n    path: { id: 7 },\n    query: { id: "v2" },\n    body: { name: "Rex" },\n  });',
    );
  });

  it("an operation with nothing to pass is called with no argument", () => {
    expect(ts_("health")).toContain("  const result = await client.health();\n  console.log(result);");
  });

  it("a spec with no package imports the generated folder; one with no server passes a baseUrl", () => {
    const bare = buildModel(
      {
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        paths: { "/a": { get: { operationId: "getA", responses: { "200": { description: "ok" } } } } },
      },
      "x",
    );
    const [sample] = codeSamplesOf(bare);
    expect(sample!.typescript).toContain(`} from "${DEFAULT_IMPORT}";`);
    expect(sample!.typescript.join("\n")).toContain(
      'const client = createClient({\n  baseUrl: "https://api.example.com", // the spec names no server\n});',
    );
    expect(sample!.curl).toEqual(["curl 'https://api.example.com/a'"]);
  });

  it("long values are broken to fit the docs' code panel", () => {
    const long = buildModel(
      {
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        servers: [{ url: "https://example.com" }],
        paths: {
          "/a": {
            post: {
              operationId: "postA",
              requestBody: {
                required: true,
                content: {
                  "application/json": {
                    schema: { type: "object", properties: { items: { type: "array" } } },
                    example: { items: [{ name: "first item" }, { name: "second item" }] },
                  },
                },
              },
              responses: { "200": { description: "ok" } },
            },
          },
        },
      },
      "x",
    );
    const [sample] = codeSamplesOf(long);
    expect(sample!.typescript.join("\n")).toContain('    items: [\n      { name: "first item" },\n      { name: "second item" },\n    ],');
    expect(Math.max(...sample!.typescript.map((l) => l.length))).toBeLessThanOrEqual(56);
  });
});

/** Type-checks the fixture's samples against its own generated client. */
describe("the fixture's samples against its generated client", () => {
  let dir: string;
  let model: ApiModel;

  beforeAll(async () => {
    const generated = await generate(FIXTURE);
    model = generated.model;
    // Inside the repository, so that the generated runtime finds openapi-fetch in node_modules.
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(ARTIFACTS, "samples-"));
    for (const file of generated.files) {
      mkdirSync(join(dir, "generated", file.path, ".."), { recursive: true });
      writeFileSync(join(dir, "generated", file.path), file.content);
    }
    for (const sample of codeSamplesOf(model)) writeFileSync(join(dir, `${sample.name}.ts`), sample.typescript.join("\n") + "\n");
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("every sample type-checks under tsc --strict", () => {
    // A service's project: an ES module package, with Node's types; the package name resolves to the generated folder.
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const { status, output } = typecheckFolder(dir, {
      types: ["node"],
      typeRoots: [join(ROOT, "node_modules/@types")],
      paths: { "@acme/petstore": ["./generated/index.ts"] },
      allowImportingTsExtensions: true,
    });
    expect(output).toBe("");
    expect(status).toBe(0);
  }, 60_000);
});
