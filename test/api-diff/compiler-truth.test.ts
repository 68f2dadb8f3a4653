/**
 * The compiler is the ground truth for api-diff's verdicts. For each rule, a pair of specs
 * (a base and one edit of it) is generated into two packages (generate(), in memory,
 * written under test/.artifacts), and consumer code written against the OLD package is
 * compiled against both, all in one TypeScript program:
 * - `major` (compile): the code compiles against OLD and fails against NEW;
 * - `major` (run time): the same calls, made with both packages against a loopback server,
 *   send different requests (or one is refused before it is sent);
 * - `minor`/`patch`/`none`: the code compiles against both, and the standard calls send
 *   the very same requests.
 * api-diff must give the stated bump in every case.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bump } from "../../generator/diff/change.js";
import { diffSpecFiles } from "../../generator/diff/diff-specs.js";
import { generate } from "../../generator/pipeline.js";
import { ARTIFACTS as SCRATCH } from "../support/spec-copy.js";
import { json, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";

type Spec = Record<string, any>;

const DOG = {
  type: "object",
  required: ["id", "name", "color", "status"],
  properties: {
    id: { type: "string" },
    name: { type: "string", description: "The dog's name." },
    color: { $ref: "#/components/schemas/Color" },
    status: { type: "string", enum: ["active", "retired"] },
    age: { type: "integer" },
    tagValue: { anyOf: [{ type: "string" }, { type: "number" }] },
    pet: { $ref: "#/components/schemas/Pet" },
    owner: { allOf: [{ $ref: "#/components/schemas/Person" }, { type: "object", properties: { since: { type: "integer" } } }] },
  },
};

function base(): Spec {
  return structuredClone({
    openapi: "3.1.0",
    info: { title: "Dogs", version: "1.0.0" },
    "x-zt-generator": { validators: true },
    servers: [{ url: "https://dogs.example.com", "x-zt-env": "DOGS_URL" }],
    security: [{ dogToken: [] }],
    paths: {
      "/dogs/{dogId}": {
        get: {
          operationId: "getDog",
          summary: "Get a dog",
          parameters: [
            { name: "dogId", in: "path", required: true, schema: { type: "string" } },
            { name: "verbose", in: "query", schema: { type: "boolean" } },
          ],
          responses: {
            "200": { description: "The dog.", content: { "application/json": { schema: { $ref: "#/components/schemas/Dog" } } } },
          },
        },
      },
      "/dogs": {
        post: {
          operationId: "createDog",
          "x-zt-idempotent": true,
          servers: [{ url: "/v1" }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/NewDog" } } } },
          responses: {
            "201": { description: "Created.", content: { "application/json": { schema: { $ref: "#/components/schemas/Dog" } } } },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        dogToken: { type: "http", scheme: "bearer", "x-zt-env": "DOGS_TOKEN" },
        dogKey: { type: "apiKey", in: "header", name: "X-Dog-Key" },
      },
      schemas: {
        Color: { type: "string", enum: ["black", "white"] },
        Dog: DOG,
        NewDog: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", maxLength: 50 },
            color: { $ref: "#/components/schemas/Color" },
            size: { type: "string", enum: ["small", "large"] },
            tag: { type: "string" },
            litter: { type: "integer" },
            toy: { oneOf: [{ type: "string" }, { type: "boolean" }] },
            owner: { allOf: [{ $ref: "#/components/schemas/Person" }, { type: "object", properties: { since: { type: "integer" } } }] },
          },
        },
        Person: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
        Cat: { type: "object", required: ["kind", "lives"], properties: { kind: { type: "string" }, lives: { type: "integer" } } },
        Bird: { type: "object", required: ["kind", "wings"], properties: { kind: { type: "string" }, wings: { type: "integer" } } },
        Pet: {
          oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Bird" }],
          discriminator: { propertyName: "kind" },
        },
      },
    },
  });
}

const IMPORTS = `import { createClient, type Client, type Dog, type Color } from "./pkg/index.js";\nimport * as pkg from "./pkg/index.js";\ndeclare const c: Client;\ndeclare const dog: Dog;\nexport {};\n`;

interface Case {
  readonly name: string;
  readonly edit: (spec: Spec) => void;
  readonly bump: Bump;
  /** Consumer code against OLD; it must compile there. For a compile `major`, it must fail against NEW. */
  readonly code: string;
  /** A run-time `major`: the requests differ although the code compiles both ways. */
  readonly runtime?: boolean;
}

const schemas = (s: Spec) => s.components.schemas;
const getDog = (s: Spec) => s.paths["/dogs/{dogId}"].get;
const createDog = (s: Spec) => s.paths["/dogs"].post;

const CASES: readonly Case[] = [
  // Operations and method names.
  { name: "operationId renamed", bump: "major", edit: (s) => (getDog(s).operationId = "fetchDog"), code: `void c.getDog({ dogId: "1" });` },
  { name: "operation removed", bump: "major", edit: (s) => delete s.paths["/dogs"], code: `void c.createDog({ name: "Rex" });` },
  {
    name: "operation added",
    bump: "minor",
    edit: (s) => (s.paths["/dogs/{dogId}"].delete = { operationId: "deleteDog", responses: { "204": { description: "Gone." } } }),
    code: `void c.getDog({ dogId: "1" });`,
  },
  // Parameters.
  {
    name: "path parameter renamed (same wire)",
    bump: "major",
    edit: (s) => {
      getDog(s).parameters[0].name = "id";
      s.paths["/dogs/{id}"] = s.paths["/dogs/{dogId}"];
      delete s.paths["/dogs/{dogId}"];
    },
    code: `void c.getDog({ dogId: "1" });`,
  },
  {
    name: "query parameter removed",
    bump: "major",
    edit: (s) => getDog(s).parameters.pop(),
    code: `void c.getDog({ dogId: "1", verbose: true });`,
  },
  {
    name: "query parameter becomes required",
    bump: "major",
    edit: (s) => (getDog(s).parameters[1].required = true),
    code: `void c.getDog({ dogId: "1" });`,
  },
  {
    name: "required query parameter added",
    bump: "major",
    edit: (s) => getDog(s).parameters.push({ name: "owner", in: "query", required: true, schema: { type: "string" } }),
    code: `void c.getDog({ dogId: "1" });`,
  },
  {
    name: "optional query parameter added",
    bump: "minor",
    edit: (s) => getDog(s).parameters.push({ name: "owner", in: "query", schema: { type: "string" } }),
    code: `void c.getDog({ dogId: "1", verbose: true });`,
  },
  {
    name: "query parameter type changed",
    bump: "major",
    edit: (s) => (getDog(s).parameters[1].schema = { type: "string" }),
    code: `void c.getDog({ dogId: "1", verbose: true });`,
  },
  {
    name: "query parameter style changed",
    bump: "patch",
    edit: (s) => Object.assign(getDog(s).parameters[1], { style: "form", explode: false }),
    code: `void c.getDog({ dogId: "1", verbose: true });`,
  },
  // Request bodies: the caller writes them.
  {
    name: "request enum value removed",
    bump: "major",
    edit: (s) => (schemas(s).NewDog.properties.size.enum = ["small"]),
    code: `void c.createDog({ name: "Rex", size: "large" });`,
  },
  {
    name: "request enum value added",
    bump: "minor",
    edit: (s) => schemas(s).NewDog.properties.size.enum.push("medium"),
    code: `void c.createDog({ name: "Rex", size: "large" });`,
  },
  {
    name: "request property added as required",
    bump: "major",
    edit: (s) => ((schemas(s).NewDog.properties.breed = { type: "string" }), schemas(s).NewDog.required.push("breed")),
    code: `void c.createDog({ name: "Rex" });`,
  },
  {
    name: "request property added as optional",
    bump: "minor",
    edit: (s) => (schemas(s).NewDog.properties.breed = { type: "string" }),
    code: `void c.createDog({ name: "Rex", tag: "t" });`,
  },
  {
    name: "request property becomes required",
    bump: "major",
    edit: (s) => schemas(s).NewDog.required.push("tag"),
    code: `void c.createDog({ name: "Rex" });`,
  },
  {
    name: "request property removed",
    bump: "major",
    edit: (s) => delete schemas(s).NewDog.properties.tag,
    code: `void c.createDog({ name: "Rex", tag: "t" });`,
  },
  {
    name: "request property becomes optional",
    bump: "minor",
    edit: (s) => (schemas(s).NewDog.required = []),
    code: `void c.createDog({ name: "Rex" });`,
  },
  {
    name: "request property type widened",
    bump: "minor",
    edit: (s) => (schemas(s).NewDog.properties.tag.type = ["string", "number"]),
    code: `void c.createDog({ name: "Rex", tag: "t" });`,
  },
  {
    name: "request property type narrowed",
    bump: "major",
    edit: (s) => (schemas(s).NewDog.properties.tag.type = "number"),
    code: `void c.createDog({ name: "Rex", tag: "t" });`,
  },
  {
    name: "request maxLength tightened (validators refuse it before sending)",
    bump: "major",
    runtime: true,
    edit: (s) => (schemas(s).NewDog.properties.name.maxLength = 2),
    code: `void c.createDog({ name: "Rex" });`,
  },
  {
    name: "request maxLength loosened",
    bump: "minor",
    edit: (s) => (schemas(s).NewDog.properties.name.maxLength = 80),
    code: `void c.createDog({ name: "Rex" });`,
  },
  // Responses: the caller reads them.
  {
    name: "response enum value added (exhaustive switch)",
    bump: "major",
    edit: (s) => schemas(s).Dog.properties.status.enum.push("lost"),
    code: `export function label(d: Dog): string { switch (d.status) { case "active": return "a"; case "retired": return "r"; } }`,
  },
  {
    name: "response enum value removed",
    bump: "minor",
    edit: (s) => (schemas(s).Dog.properties.status.enum = ["active"]),
    code: `const s: "active" | "retired" = dog.status; void s;`,
  },
  {
    name: "response property removed",
    bump: "major",
    edit: (s) => delete schemas(s).Dog.properties.age,
    code: `const a: number | undefined = dog.age; void a;`,
  },
  {
    name: "response property becomes optional",
    bump: "major",
    edit: (s) => (schemas(s).Dog.required = ["id", "color", "status"]),
    code: `const n: string = dog.name; void n;`,
  },
  {
    name: "response property becomes nullable",
    bump: "major",
    edit: (s) => (schemas(s).Dog.properties.name.type = ["string", "null"]),
    code: `const n: string = dog.name; void n;`,
  },
  {
    name: "response property added",
    bump: "minor",
    edit: (s) => (schemas(s).Dog.properties.breed = { type: "string" }),
    code: `const n: string = dog.name; void n;`,
  },
  {
    name: "response property becomes required",
    bump: "minor",
    edit: (s) => schemas(s).Dog.required.push("age"),
    code: `const a: number | undefined = dog.age; void a;`,
  },
  {
    name: "response anyOf option added",
    bump: "major",
    edit: (s) => schemas(s).Dog.properties.tagValue.anyOf.push({ type: "boolean" }),
    code: `const t: string | number | undefined = dog.tagValue; void t;`,
  },
  {
    name: "response anyOf option removed",
    bump: "minor",
    edit: (s) => schemas(s).Dog.properties.tagValue.anyOf.pop(),
    code: `const t: string | number | undefined = dog.tagValue; void t;`,
  },
  {
    name: "response allows other fields (a widened output)",
    bump: "major",
    edit: (s) => (schemas(s).Dog.additionalProperties = true),
    code: `const k: keyof Dog = "id"; const known: "id" | "name" | "color" | "status" | "age" | "tagValue" = k; void known;`,
  },
  // A schema reached both ways is judged both ways.
  {
    name: "shared enum value added (a response widens)",
    bump: "major",
    edit: (s) => schemas(s).Color.enum.push("brown"),
    code: `export function label(x: Color): number { switch (x) { case "black": return 1; case "white": return 2; } }`,
  },
  {
    name: "shared enum value removed (a request narrows)",
    bump: "major",
    edit: (s) => (schemas(s).Color.enum = ["black"]),
    code: `void c.createDog({ name: "Rex", color: "white" });`,
  },
  // Names of exported types.
  {
    name: "schema renamed (same wire)",
    bump: "major",
    edit: (s) => {
      const text = JSON.stringify(s).replaceAll("#/components/schemas/Dog", "#/components/schemas/Hound");
      Object.assign(s, JSON.parse(text));
      schemas(s).Hound = schemas(s).Dog;
      delete schemas(s).Dog;
    },
    code: `const n: string = dog.name; void n;`,
  },
  {
    name: "request body moved into components and referenced",
    bump: "none",
    edit: (s) => {
      s.components.requestBodies = { NewDog: createDog(s).requestBody };
      createDog(s).requestBody = { $ref: "#/components/requestBodies/NewDog" };
    },
    code: `void c.createDog({ name: "Rex", size: "large" });`,
  },
  {
    name: "inline schema moved into components (one more exported type)",
    bump: "minor",
    edit: (s) => {
      schemas(s).Status = schemas(s).Dog.properties.status;
      schemas(s).Dog.properties.status = { $ref: "#/components/schemas/Status" };
    },
    code: `const st: "active" | "retired" = dog.status; void st;`,
  },
  // Client options: servers, credentials.
  {
    name: "security scheme renamed (its option)",
    bump: "major",
    edit: (s) => renameScheme(s, "dogToken", "dogBearer"),
    code: `createClient({ dogToken: "t" });`,
  },
  {
    name: "credential header name changed",
    bump: "major",
    runtime: true,
    edit: (s) => {
      s.components.securitySchemes.dogKey.name = "X-Api-Key";
      createDog(s).security = [{ dogKey: [] }];
    },
    code: `void c.createDog({ name: "Rex" });`,
  },
  {
    name: "credential environment variable changed",
    bump: "major",
    runtime: true,
    edit: (s) => (s.components.securitySchemes.dogToken["x-zt-env"] = "DOG_TOKEN_V2"),
    code: `void c.getDog({ dogId: "1" });`,
  },
  {
    name: "operation server changed",
    bump: "major",
    runtime: true,
    edit: (s) => (createDog(s).servers = [{ url: "/v2" }]),
    code: `void c.createDog({ name: "Rex" });`,
  },
  {
    name: "security alternative added with a new scheme",
    bump: "minor",
    edit: (s) => (
      (s.components.securitySchemes.dogCookie = { type: "apiKey", in: "header", name: "X-Dog-Cookie" }),
      s.security.push({ dogCookie: [] })
    ),
    code: `void c.getDog({ dogId: "1" });`,
  },
  // A client configured with dogKey (option) and dogToken (environment) now sends dogKey: options win.
  {
    name: "security alternative added with a scheme clients may hold",
    bump: "major",
    runtime: true,
    edit: (s) => s.security.push({ dogKey: [] }),
    code: `void c.getDog({ dogId: "1" });`,
  },
  {
    name: "x-zt-idempotent removed (no retry)",
    bump: "major",
    runtime: true,
    edit: (s) => delete createDog(s)["x-zt-idempotent"],
    code: `void c.createDog({ name: "Rex" });`,
  },
  // Unions and discriminators.
  {
    name: "response oneOf member added",
    bump: "major",
    edit: (s) => (
      (schemas(s).Fish = {
        type: "object",
        required: ["kind", "fins"],
        properties: { kind: { type: "string" }, fins: { type: "integer" } },
      }),
      schemas(s).Pet.oneOf.push({ $ref: "#/components/schemas/Fish" })
    ),
    code: `const p: { kind: string; lives: number } | { kind: string; wings: number } | undefined = dog.pet; void p;`,
  },
  {
    name: "request oneOf member added",
    bump: "minor",
    edit: (s) => schemas(s).NewDog.properties.toy.oneOf.push({ type: "integer" }),
    code: `void c.createDog({ name: "Rex", toy: "ball" });`,
  },
  {
    name: "discriminator removed (options lose their literal discriminant)",
    bump: "major",
    edit: (s) => delete schemas(s).Pet.discriminator,
    code: `export function lives(d: Dog): number { return d.pet?.kind === "Cat" ? d.pet.lives : 0; }`,
  },
  {
    name: "discriminator property changed",
    bump: "major",
    edit: (s) => (schemas(s).Pet.discriminator.propertyName = "lives"),
    code: `export function lives(d: Dog): number { return d.pet?.kind === "Cat" ? d.pet.lives : 0; }`,
  },
  // allOf: an intersection; a member's properties come and go with it.
  {
    name: "response allOf member added",
    bump: "minor",
    edit: (s) => schemas(s).Dog.properties.owner.allOf.push({ type: "object", properties: { phone: { type: "string" } } }),
    code: `const o: { name: string; since?: number } | undefined = dog.owner; void o;`,
  },
  {
    name: "response allOf member removed",
    bump: "major",
    edit: (s) => schemas(s).Dog.properties.owner.allOf.pop(),
    code: `const since: number | undefined = dog.owner?.since; void since;`,
  },
  {
    name: "request allOf member added (with a required property)",
    bump: "major",
    edit: (s) =>
      schemas(s).NewDog.properties.owner.allOf.push({ type: "object", required: ["phone"], properties: { phone: { type: "string" } } }),
    code: `void c.createDog({ name: "Rex", owner: { name: "Ann" } });`,
  },
  {
    name: "request allOf member removed (its properties go)",
    bump: "major",
    edit: (s) => schemas(s).NewDog.properties.owner.allOf.pop(),
    code: `void c.createDog({ name: "Rex", owner: { name: "Ann", since: 2020 } });`,
  },
  // integer and number: one TypeScript type.
  {
    name: "response integer becomes number",
    bump: "minor",
    edit: (s) => (schemas(s).Dog.properties.age.type = "number"),
    code: `const a: number | undefined = dog.age; void a;`,
  },
  {
    name: "request integer becomes number",
    bump: "minor",
    edit: (s) => (schemas(s).NewDog.properties.litter.type = "number"),
    code: `void c.createDog({ name: "Rex", litter: 3 });`,
  },
  // Media types, envelopes and the argument's layout.
  {
    name: "success media type changed to text/plain (the Result type changes)",
    bump: "major",
    edit: (s) => (getDog(s).responses["200"].content = { "text/plain": { schema: { type: "string" } } }),
    code: `export async function name(): Promise<string> { return (await c.getDog({ dogId: "1" })).name; }`,
  },
  {
    name: "request media type changed to form (the body's type changes)",
    bump: "major",
    edit: (s) => {
      const body = createDog(s).requestBody;
      body.content = { "application/x-www-form-urlencoded": body.content["application/json"] };
    },
    code: `void c.createDog({ name: "Rex" });`,
  },
  {
    name: "request media type changed to another JSON type (its Content-Type)",
    bump: "major",
    runtime: true,
    edit: (s) => {
      const body = createDog(s).requestBody;
      body.content = { "application/vnd.dogs+json": body.content["application/json"] };
    },
    code: `void c.createDog({ name: "Rex" });`,
  },
  {
    name: "a parameter named like a body field (the argument becomes grouped)",
    bump: "major",
    edit: (s) => (createDog(s).parameters = [{ name: "name", in: "query", schema: { type: "string" } }]),
    code: `void c.createDog({ name: "Rex" });`,
  },
  // Dog gains `success` and `result`: the calls now resolve to its `result`.
  {
    name: "success body becomes an envelope",
    bump: "major",
    edit: (s) => Object.assign(schemas(s).Dog.properties, { success: { type: "boolean" }, result: { type: "string" } }),
    code: `export async function name(): Promise<string> { return (await c.getDog({ dogId: "1" })).name; }`,
  },
  // Response headers.
  {
    name: "response header added",
    bump: "minor",
    edit: (s) => (getDog(s).responses["200"].headers = { "X-Dog-Etag": { schema: { type: "string" } } }),
    code: `void c.getDog({ dogId: "1" });`,
  },
  // x-zt-generator options.
  {
    name: "errorClass set (ClientError stays, the new name is an alias)",
    bump: "minor",
    edit: (s) => (s["x-zt-generator"].errorClass = "DogError"),
    code: `export const isClientError = (e: unknown) => e instanceof pkg.ClientError;`,
  },
  {
    name: "validators turned off",
    bump: "major",
    edit: (s) => (s["x-zt-generator"].validators = false),
    code: `export { validators } from "./pkg/validators.js";`,
  },
  {
    name: "requestIdHeader set",
    bump: "minor",
    edit: (s) => (s["x-zt-generator"].requestIdHeader = "X-Request-Id"),
    code: `void c.getDog({ dogId: "1" });`,
  },
  // Documentation.
  { name: "deprecated", bump: "patch", edit: (s) => (getDog(s).deprecated = true), code: `void c.getDog({ dogId: "1" });` },
  {
    name: "summary and descriptions",
    bump: "patch",
    edit: (s) => ((getDog(s).summary = "Fetch one dog"), (schemas(s).Dog.properties.name.description = "Its name.")),
    code: `void c.getDog({ dogId: "1" });`,
  },
  {
    name: "examples",
    bump: "patch",
    edit: (s) =>
      (getDog(s).responses["200"].content["application/json"].example = { id: "1", name: "Rex", color: "black", status: "active" }),
    code: `void c.getDog({ dogId: "1" });`,
  },
  {
    name: "the same document reordered",
    bump: "none",
    edit: (s) => {
      const paths = s.paths;
      delete s.paths;
      s.paths = Object.fromEntries(Object.entries(paths).reverse());
    },
    code: `void c.getDog({ dogId: "1" });`,
  },
];

function renameScheme(s: Spec, from: string, to: string): void {
  s.components.securitySchemes[to] = s.components.securitySchemes[from];
  delete s.components.securitySchemes[from];
  s.security = s.security.map((r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k === from ? to : k, v])),
  );
}

const ARTIFACTS = path.join(SCRATCH, "api-diff-truth");
const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();

async function writePackage(spec: Spec, dir: string): Promise<string> {
  mkdirSync(path.join(dir, "pkg"), { recursive: true });
  const specPath = path.join(dir, "openapi.json");
  writeFileSync(specPath, JSON.stringify(spec, null, 2));
  const { files } = await generate(specPath);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, "pkg", file.path)), { recursive: true });
    writeFileSync(path.join(dir, "pkg", file.path), file.content);
  }
  return specPath;
}

interface Prepared {
  readonly verdict: Bump;
  readonly oldErrors: string[];
  readonly newErrors: string[];
  readonly oldDir: string;
  readonly newDir: string;
}

const prepared = new Map<string, Prepared>();
let server: LoopbackServer;

beforeAll(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  const baseDir = path.join(ARTIFACTS, "base");
  const baseSpec = await writePackage(base(), baseDir);
  const consumers: { name: string; side: "old" | "new"; file: string }[] = [];
  const verdicts = new Map<string, Bump>();
  const dirs = new Map<string, string>();
  for (const c of CASES) {
    const spec = base();
    c.edit(spec);
    const dir = path.join(ARTIFACTS, slug(c.name));
    const newSpec = await writePackage(spec, path.join(dir, "new"));
    verdicts.set(c.name, (await diffSpecFiles(baseSpec, newSpec)).bump);
    dirs.set(c.name, dir);
    // OLD's consumer sits beside OLD's package: one copy of the base package per case keeps imports alike.
    mkdirSync(path.join(dir, "old"), { recursive: true });
    writeFileSync(path.join(dir, "old", "consumer.ts"), `${IMPORTS}${c.code}\n`.replaceAll("./pkg/", "../../base/pkg/"));
    writeFileSync(path.join(dir, "new", "consumer.ts"), `${IMPORTS}${c.code}\n`);
    consumers.push(
      { name: c.name, side: "old", file: path.join(dir, "old", "consumer.ts") },
      { name: c.name, side: "new", file: path.join(dir, "new", "consumer.ts") },
    );
  }
  // One program for every consumer: the compiler runs once.
  const program = ts.createProgram(
    consumers.map((c) => c.file),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      types: [],
      skipLibCheck: true,
      noUncheckedIndexedAccess: true,
    },
  );
  const errorsOf = (file: string) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  for (const c of CASES) {
    const dir = dirs.get(c.name)!;
    prepared.set(c.name, {
      verdict: verdicts.get(c.name)!,
      oldErrors: errorsOf(path.join(dir, "old", "consumer.ts")),
      newErrors: errorsOf(path.join(dir, "new", "consumer.ts")),
      oldDir: baseDir,
      newDir: path.join(dir, "new"),
    });
  }
  server = await startLoopbackServer();
}, 600_000);

afterAll(async () => {
  await server?.close();
});

/**
 * What the standard calls do with a package: each call's requests as the loopback server
 * saw them (it answers the first with a 503, then with a dog) and how the call ended.
 */
async function standardRequests(dir: string): Promise<unknown[]> {
  const pkg = (await import(pathToFileURL(path.join(dir, "pkg", "index.ts")).href)) as Record<string, any>;
  const { validators } = (await import(pathToFileURL(path.join(dir, "pkg", "validators.ts")).href)) as Record<string, unknown>;
  // Valid under both specs of every case: a server that keeps its promises either way.
  const dogBody = { id: "1", name: "Rex", color: "black", status: "active", age: 3 };
  process.env.DOGS_TOKEN = "env-token";
  process.env.DOG_TOKEN_V2 = "";
  let client: Record<string, (params: unknown) => Promise<unknown>>;
  try {
    client = pkg.createClient({
      baseUrl: server.origin,
      dogKey: "key-1",
      validate: validators,
      initialRetryDelayMs: 1,
      maxRetryDelayMs: 1,
    });
  } catch (error) {
    return [`createClient: ${(error as Error).name}`];
  }
  const seen: unknown[] = [];
  for (const [method, params] of [
    ["getDog", { dogId: "1" }],
    ["createDog", { name: "Rex" }],
  ] as const) {
    server.requests.length = 0;
    server.reply(json(503, { error: "busy" }), json(200, dogBody));
    let outcome = "ok";
    try {
      await client[method]!(params);
    } catch (error) {
      outcome = (error as Error).name;
    }
    const requests = server.requests.map((r) => ({
      method: r.method,
      url: r.url,
      body: r.body,
      contentType: r.headers["content-type"],
      credentials: [r.headers.authorization, r.headers["x-dog-key"], r.headers["x-api-key"]],
    }));
    seen.push({ method, outcome, requests });
  }
  return seen;
}

describe("api-diff's verdicts, checked by the TypeScript compiler and a loopback server", () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.bump}`, async () => {
      const p = prepared.get(c.name)!;
      expect(p.verdict, "api-diff's verdict").toBe(c.bump);
      expect(p.oldErrors, "the consumer compiles against OLD").toEqual([]);
      if (c.bump === "major" && !c.runtime) {
        expect(p.newErrors.length, "the consumer no longer compiles against NEW").toBeGreaterThan(0);
        return;
      }
      expect(p.newErrors, "the consumer still compiles against NEW").toEqual([]);
      const before = await standardRequests(p.oldDir);
      const after = await standardRequests(p.newDir);
      if (c.runtime) expect(after, "the same calls send other requests").not.toEqual(before);
      else expect(after, "the same calls send the same requests").toEqual(before);
    });
  }
});
