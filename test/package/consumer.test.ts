// A real downstream service: pack this project (see test/support/packed-package.ts), install
// the tarball into a fresh temp project from npm's offline cache, type-check a consumer under
// `strict` with NodeNext under TypeScript 5.9 and 7, and run it against a local HTTP server. Also lints the tarball
// with publint and attw.
import { execFile as execFileCb } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { childEnv as env, consumerProject, ok, packedTarball, ROOT, run } from "../support/packed-package.js";
import { TSC_5, TSC_7 } from "../support/tsc.js";
import { RISK_LEVELS } from "../../generated/types.js";
import { unlisted } from "../support/spec-values.js";
import { SERVICE_TSCONFIG } from "./service-tsconfig.js";

const execFile = promisify(execFileCb);

/**
 * The compilers a consumer may be on, each run over the consumer project: 5.9 (this
 * repository's, and most codebases') emits out/, which the calls below run; 7 (what
 * `npm i typescript` installs) only checks.
 */
const COMPILERS = {
  "5.9": [TSC_5, "-p", "tsconfig.json"],
  "7": [TSC_7, "-p", "tsconfig.json", "--noEmit"],
} as const;
const BIN = join(ROOT, "node_modules/.bin");

/** A risk level the spec does not list, whatever it lists. */
const WRONG_LEVEL = unlisted(RISK_LEVELS);
const EXPECT_ERROR = `      // @ts-expect-error ${JSON.stringify(WRONG_LEVEL)} is not a RiskLevel`;
const SERVICE = `import {
  ApiError,
  createClient,
  RISK_LEVELS,
  type RiskLevel,
  type UpdateBehaviorsParams,
  type UpdateBehaviorsResult,
} from "zt-risk-scoring";
import type { components, paths } from "zt-risk-scoring/schema";
import spec from "zt-risk-scoring/openapi.json" with { type: "json" };
import { validators } from "zt-risk-scoring/validators";
import { ValidationError } from "zt-risk-scoring";

type PutBody =
  paths["/accounts/{account_id}/zt_risk_scoring/behaviors"]["put"]["requestBody"]["content"]["application/json"];

const client = createClient({ apiToken: "t", baseUrl: process.env.ZT_BASE_URL! });

const result: UpdateBehaviorsResult = await client.updateBehaviors({
  account_id: "abc",
  behaviors: { foo: { enabled: true, risk_level: "low" } },
});
const level: RiskLevel | undefined = result.behaviors["foo"]?.risk_level;
const fromSchema: components["schemas"]["RiskLevel"][] = [...RISK_LEVELS];
const params: UpdateBehaviorsParams = { account_id: "abc", behaviors: {} };
const body: PutBody = { behaviors: params.behaviors };

export function wrongLevel() {
  return client.updateBehaviors({
    account_id: "abc",
    behaviors: {
      foo: {
        enabled: true,
${EXPECT_ERROR}
        risk_level: ${JSON.stringify(WRONG_LEVEL)},
      },
    },
  });
}

// Opt-in validation from the ./validators subpath: a bad body is refused before sending.
const checked = createClient({ apiToken: "t", baseUrl: process.env.ZT_BASE_URL!, validate: validators });
const refused = await checked
  .updateBehaviors({ account_id: "abc", behaviors: { foo: { enabled: "yes" as unknown as boolean, risk_level: "low" } } })
  .then(() => "sent", (e: unknown) => (e instanceof ValidationError ? e.direction : String(e)));

console.log(
  JSON.stringify({ result, level, levels: fromSchema, body, title: spec.info.title, isError: ApiError.name, refused }),
);
`;

describe("the packed package in a downstream service", () => {
  let tmp: string;
  let tarball: string;
  let files: string[];
  let consumer: string;
  /** Each compiler's output for the consumer, and its error lines: src/service.ts, and src/wrong-level.ts (the same file without the @ts-expect-error). */
  const compiled: Record<string, { output: string; errors: string[] }> = {};
  let server: Server;
  let baseUrl: string;
  const seen: { method?: string; url?: string; auth?: string; type?: string; body: string }[] = [];

  beforeAll(async () => {
    tarball = await packedTarball();
    tmp = dirname(tarball);
    files = (await ok("tar", ["-tzf", tarball], tmp)).split("\n").filter(Boolean).sort();
    expect(SERVICE.split("\n").indexOf(EXPECT_ERROR)).toBeGreaterThan(0);
    consumer = await consumerProject("service", {
      files: {
        "tsconfig.json": JSON.stringify(SERVICE_TSCONFIG, null, 2),
        "src/service.ts": SERVICE,
        "src/wrong-level.ts": SERVICE.replace(`${EXPECT_ERROR}\n`, ""),
      },
    });
    // One run per compiler for both files (5.9's emits out/ in spite of wrong-level.ts's error).
    for (const [version, args] of Object.entries(COMPILERS)) {
      const { out } = await run(process.execPath, [...args], consumer);
      compiled[version] = { output: out, errors: out.split("\n").filter((line) => /error TS\d+/.test(line)) };
    }

    server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers["content-type"], body });
        const sent = JSON.parse(body || "{}") as { behaviors?: unknown };
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ success: true, errors: [], messages: [], result: { behaviors: sent.behaviors ?? {} } }));
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 300_000); // a hang guard: building, packing and installing took over 120 s with eight suites beside it

  afterAll(async () => {
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
  });

  it("packs only what a consumer needs", () => {
    const unexpected = files.filter(
      (f) =>
        !/^package\/(package\.json|README(\.md)?|LICENSE(\.md|\.txt)?)$/i.test(f) &&
        !/^package\/dist\/.+\.(js|d\.ts|d\.ts\.map)$/.test(f) &&
        !/^package\/dist\/openapi\.(json|yaml)$/.test(f),
    );
    expect(unexpected, "files in the tarball no consumer needs").toEqual([]);
    expect(files.filter((f) => /\/(docs|test|fixtures)\//.test(f))).toEqual([]);
    expect(files).toContain("package/LICENSE"); // BSD-3-Clause: redistributions carry the notice
    // No declaration maps: they would point at generated/*.ts, which the tarball lacks (scripts/build.ts).
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const f of [
      "index.js",
      "index.d.ts",
      "schema.js",
      "schema.d.ts",
      "validators.js",
      "validators.d.ts",
      "testing.js",
      "testing.d.ts",
      "openapi.json",
      "openapi.yaml",
    ]) {
      expect(files).toContain(`package/dist/${f}`);
    }
  });

  it("passes publint and attw (esm-only)", async () => {
    const publint = await run(join(BIN, "publint"), ["run", tarball, "--strict"], tmp);
    expect(publint.code, publint.out).toBe(0);
    expect(publint.out, publint.out).not.toMatch(/suggestion|warning|error/i);
    // openapi.yaml is an asset export (for import.meta.resolve / tooling), not a module:
    // no TypeScript resolution can succeed for it, so attw skips it (as `npm run lint:package` does).
    const attw = await run(
      join(BIN, "attw"),
      [tarball, "--profile", "esm-only", "--format", "ascii", "--exclude-entrypoints", "./openapi.yaml"],
      tmp,
    );
    expect(attw.code, attw.out).toBe(0);
  }, 60_000);

  it.each(Object.keys(COMPILERS))("type-checks a strict NodeNext consumer, @ts-expect-error included, under TypeScript %s", (version) => {
    const { output, errors } = compiled[version]!;
    // Every error tsc reports is wrong-level.ts's (see the last test): none in service.ts, none global.
    expect(
      errors.filter((line) => !line.startsWith("src/wrong-level.ts(")),
      output,
    ).toEqual([]);
    expect(existsSync(join(consumer, "out/service.js"))).toBe(true);
  });

  it("calls updateBehaviors against a local server and resolves to the result", async () => {
    const { stdout } = await execFile(process.execPath, ["out/service.js"], {
      cwd: consumer,
      env: { ...env, ZT_BASE_URL: baseUrl },
    });
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(printed).toEqual({
      result: { behaviors: { foo: { enabled: true, risk_level: "low" } } },
      level: "low",
      levels: [...RISK_LEVELS],
      body: { behaviors: {} },
      title: (parse(readFileSync(join(ROOT, "spec/openapi.yaml"), "utf8")) as { info: { title: string } }).info.title,
      isError: "ApiError",
      refused: "request",
    });
    // The body refused by the validator never reached the server.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "PUT", url: "/accounts/abc/zt_risk_scoring/behaviors", auth: "Bearer t" });
    expect(seen[0]!.type).toMatch(/^application\/json/);
    expect(JSON.parse(seen[0]!.body)).toEqual({ behaviors: { foo: { enabled: true, risk_level: "low" } } });
  });

  it.each(Object.keys(COMPILERS))(
    "rejects a wrong risk level: without the @ts-expect-error, TypeScript %s fails on that line",
    (version) => {
      const { output } = compiled[version]!;
      const directive = SERVICE.split("\n").indexOf(EXPECT_ERROR);
      const errors = compiled[version]!.errors.filter((line) => line.startsWith("src/wrong-level.ts("));
      // Exactly one error, on the wrong `risk_level` line (the directive's line once removed).
      expect(errors, output).toHaveLength(1);
      expect(errors[0]).toContain(`src/wrong-level.ts(${directive + 1},`);
      expect(errors[0]).toContain(JSON.stringify(WRONG_LEVEL));
    },
  );
});
