// The validators honour what the spec says beyond types (issue 18): `format` (ajv-formats'
// rules, shipped as runtime/formats.ts), readOnly (never in a request) and writeOnly (never
// in a response); and a pattern from the spec cannot stall the event loop (issue 22 item 3):
// validation stops at the first failing keyword, `maxLength` is checked before `pattern`,
// and a pattern that can backtrack runs only on strings it can check quickly.
// Through the generated client against a loopback server, and the validators alone.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../generator/lib/spec-error.js";
import { generate } from "../../generator/pipeline.js";
import { canBacktrack, guardedRegExp, PATTERN_CHECK_LIMIT } from "../../generator/runtime/patterns.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { closeLoopbackServers, json, startLoopbackServer } from "../support/loopback-server.js";
import { ARTIFACTS, ROOT } from "../support/spec-copy.js";
import { typecheckFolder } from "../support/tsc.js";

const FIXTURE = path.join(ROOT, "test/fixtures/specs/validation-keywords.yaml");
/** Cloudflare's vectorize_index-name pattern: super-linear in V8. */
const CLOUDFLARE_PATTERN = "^([a-z]+[a-z0-9_-]*[a-z0-9]+)$";

type Validate = ((data: unknown) => boolean) & { errors?: { keyword: string; instancePath: string }[] | null };
let out: string;
let warnings: string[];
let validators: Record<string, { request?: Validate; response?: Validate }>;
let createClient: (options: Record<string, unknown>) => { createThing(params: Record<string, unknown>): Promise<unknown> };

beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(ARTIFACTS, "validation-keywords-")), "client");
  const generated = await generate(FIXTURE);
  warnings = generated.warnings.map(formatProblem);
  replaceOutput(out, generated.files);
  ({ validators } = await import(path.join(out, "validators.ts")));
  ({ createClient } = await import(path.join(out, "index.ts")));
}, 120_000);
afterEach(closeLoopbackServers);

const STORED = { id: "t1", last_updated: "2024-05-01T12:00:00Z", index_name: "my-index" };

describe("formats", () => {
  it("a date-time must be one: 'yesterday' fails, RFC 3339 passes", () => {
    const request = validators.createThing!.request!;
    expect(request({ secret: "s", last_updated: "yesterday" })).toBe(false);
    expect(request.errors?.[0]).toMatchObject({ keyword: "format", instancePath: "/last_updated" });
    expect(request({ secret: "s", last_updated: "2024-05-01T12:00:00Z" })).toBe(true);
    expect(request({ secret: "s", last_updated: "2024-02-30T12:00:00Z" })).toBe(false); // no 30 February
  });

  it("a response whose date-time is not one is a ValidationError", async () => {
    const server = await startLoopbackServer(json(200, { ...STORED, last_updated: "yesterday" }));
    const client = createClient({ baseUrl: server.origin, validate: validators, maxRetries: 0 });
    await expect(client.createThing({ secret: "s" })).rejects.toMatchObject({ name: "ValidationError", direction: "response" });
  });
});

describe("readOnly and writeOnly", () => {
  it("a request carrying a readOnly property is refused before sending; without it, a required readOnly property is not required", async () => {
    const server = await startLoopbackServer(json(200, STORED));
    const client = createClient({ baseUrl: server.origin, validate: validators, maxRetries: 0 });
    await expect(client.createThing({ id: "mine", secret: "s" })).rejects.toMatchObject({ name: "ValidationError", direction: "request" });
    expect(server.requests).toHaveLength(0);
    await expect(client.createThing({ secret: "s" })).resolves.toEqual(STORED);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ secret: "s" });
  });

  it("a response carrying a writeOnly property fails; a required writeOnly property is not required in one", () => {
    const response = validators.createThing!.response!;
    expect(response(STORED)).toBe(true);
    expect(response({ ...STORED, secret: "leaked" })).toBe(false);
    expect(response({ last_updated: STORED.last_updated })).toBe(false); // id, readOnly, is required in a response
  });
});

describe("patterns cannot stall validation", () => {
  it("Cloudflare's vectorize_index-name pattern is flagged as able to backtrack; a linear one is not", () => {
    expect(canBacktrack(CLOUDFLARE_PATTERN)).toBe(true);
    expect(canBacktrack("^[0-9a-f]{32}$")).toBe(false);
    // Flagged: the guarded engine, not a bare RegExp; it refuses a long string without running the pattern.
    const guarded = guardedRegExp(CLOUDFLARE_PATTERN, "u");
    expect(guarded).not.toBeInstanceOf(RegExp);
    expect(guarded.test("a".repeat(PATTERN_CHECK_LIMIT - 1) + "b")).toBe(true);
    expect(guarded.test("a".repeat(PATTERN_CHECK_LIMIT + 1))).toBe(false);
    expect(guardedRegExp("^[0-9a-f]{32}$", "u")).toBeInstanceOf(RegExp);
  });

  it("the generator warns about the pattern that can backtrack, at its file:line:col, and not about the one a maxLength bounds", () => {
    const lines = readFileSync(FIXTURE, "utf8").split("\n");
    const label = lines.findIndex((l) => l.startsWith("        label:"));
    const line = lines.findIndex((l, i) => i > label && l.includes("pattern:")) + 1;
    const col = lines[line - 1]!.indexOf(CLOUDFLARE_PATTERN) + 1;
    expect(warnings).toEqual([
      `test/fixtures/specs/validation-keywords.yaml:${line}:${col}: pattern ${JSON.stringify(CLOUDFLARE_PATTERN)} can backtrack ` +
        `(its time grows faster than the string): the validators check it only on strings of at most ${PATTERN_CHECK_LIMIT} characters ` +
        `and fail longer ones; give the schema a maxLength of ${PATTERN_CHECK_LIMIT} or less, or a pattern without overlapping repetitions (zt/slow-pattern)`,
    ]);
  });

  it("maxLength fails first and alone: the pattern beside it is not run", () => {
    const response = validators.createThing!.response!;
    expect(response({ ...STORED, index_name: "a".repeat(3000) + "!" })).toBe(false);
    expect(response.errors).toEqual([expect.objectContaining({ keyword: "maxLength", instancePath: "/index_name" })]);
  });

  it("the hostile response (30,000 `a`s and a `!`) is refused at once, in a child with a hard limit", () => {
    // Unguarded, this string takes V8 minutes (6.9 s at 3,000 characters, growing with the square):
    // a child, so that a regression fails here instead of freezing the test worker.
    const script = path.join(path.dirname(out), "hostile.ts");
    writeFileSync(
      script,
      [
        `import { validators } from ${JSON.stringify(path.join(out, "validators.ts"))};`,
        `const ok = validators.createThing.response({ id: "t1", label: "a".repeat(30000) + "!" });`,
        `console.log(JSON.stringify({ ok, keyword: validators.createThing.response.errors?.[0]?.keyword }));`,
      ].join("\n"),
    );
    const child = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      killSignal: "SIGKILL",
    });
    expect(child.signal, `killed after 60 s: the pattern ran on the whole string\n${child.stderr}`).toBeNull();
    expect(JSON.parse(child.stdout)).toEqual({ ok: false, keyword: "pattern" });
  }, 90_000);
});

describe("the types follow readOnly and writeOnly too (openapi-typescript's read/write markers)", () => {
  it("a request type has no readOnly property, a response type no writeOnly one; each line marked is a type error, and only those", () => {
    // A consumer of the generated client, type-checked with tsc --strict beside it.
    writeFileSync(
      path.join(out, "consumer.ts"),
      [
        'import type { CreateThingBody, CreateThingParams, CreateThingResult, Thing } from "./index.js";',
        'import type { paths } from "./schema.js";',
        'import { createClient } from "./index.js";',
        "declare const result: CreateThingResult;",
        "const id: string = result.id;",
        'const stored: Thing = { id: "t1" };',
        'const body: CreateThingBody = { secret: "s", last_updated: "2024-05-01T12:00:00Z" };',
        'const params: CreateThingParams = { secret: "s" };',
        "// @ts-expect-error readOnly: not in a request",
        'const withId: CreateThingBody = { id: "mine", secret: "s" };',
        "// @ts-expect-error writeOnly: not in a response",
        "const leaked: string | undefined = result.secret;",
        "// @ts-expect-error writeOnly: not in the schema's alias either (what a response holds)",
        'const aliased: Thing = { id: "t1", secret: "s" };',
        'const client = createClient({ baseUrl: "https://api.example.test/v1" });',
        "// @ts-expect-error the typed method refuses a readOnly field",
        'void client.createThing({ id: "mine", secret: "s" });',
        'void client.createThing({ secret: "s" });',
        "// openapi-fetch reads the same markers: its raw call refuses the readOnly field too.",
        "// @ts-expect-error readOnly in client.raw",
        'void client.raw.POST("/things", { body: { id: "mine", secret: "s" } });',
        'void client.raw.POST("/things", { body: { secret: "s" } });',
        'type Raw = paths["/things"]["post"];',
        "export type { Raw };",
        "export { id, stored, body, params, withId, leaked, aliased };",
        "",
      ].join("\n"),
    );
    const { status, output } = typecheckFolder(out);
    expect(output).toBe("");
    expect(status).toBe(0);
  }, 120_000);
});

describe("the test kit checks requests with the same validators", () => {
  it("answers a readOnly field, a bad date-time and a label that would stall the pattern with a 400 naming the keyword", async () => {
    const { handlers } = (await import(path.join(out, "testing.ts"))) as { handlers: unknown[] };
    const { setupServer } = await import("msw/node");
    const server = setupServer(...(handlers as Parameters<typeof setupServer>));
    server.listen({ onUnhandledRequest: "error" });
    try {
      const post = async (body: unknown) => {
        const response = await fetch("https://api.example.test/v1/things", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        return {
          status: response.status,
          errors: ((await response.json()) as { errors: { message: string }[] }).errors.map((e) => e.message),
        };
      };
      expect(await post({ id: "mine", secret: "s" })).toEqual({ status: 400, errors: [expect.stringMatching(/^\/id /)] });
      expect(await post({ secret: "s", last_updated: "yesterday" })).toEqual({
        status: 400,
        errors: [expect.stringContaining('must match format "date-time"')],
      });
      expect(await post({ secret: "s", label: "a".repeat(3000) + "!" })).toEqual({
        status: 400,
        errors: [expect.stringContaining("must match pattern")],
      });
    } finally {
      server.close();
    }
  });
});
