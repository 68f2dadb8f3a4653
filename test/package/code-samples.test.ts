// The docs' code samples (generated/code-samples.ts) and the README's "Using the client"
// example, as a downstream service runs them: copied into a fresh project that installs
// the packed package (test/support/packed-package.ts), type-checked under `tsc --strict`,
// and run with node against a loopback server, credentials and base URL coming from the
// environment. The curl samples run against the same server with the system's curl.
import { execFile as execFileCb, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspect, promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeSamples, type CodeSamples } from "../../generated/code-samples.js";
import { RISK_LEVELS } from "../../generated/types.js";
import { generate } from "../../generator/pipeline.js";
import type { ApiModel, OperationModel } from "../../generator/model/api-model.js";
import { startLoopbackServer, type Handler, type LoopbackServer, type RecordedRequest } from "../support/loopback-server.js";
import { childEnv, consumerProject, PACKAGE_NAME, ROOT, run } from "../support/packed-package.js";
import { TSC_7 } from "../support/tsc.js";
import { unlisted } from "../support/spec-values.js";
import { SERVICE_TSCONFIG } from "./service-tsconfig.js";

const execFile = promisify(execFileCb);

/** Without curl the cURL samples cannot run: skipped locally, never in CI (.ci/run installs it). */
const noCurl = spawnSync("curl", ["--version"]).status !== 0 && !process.env.CI;
if (noCurl) console.warn("test/package/code-samples.test.ts: cURL samples SKIPPED: curl not found (apt-get install -y curl)");

const TOKEN = "sample-token-0123";
const API_KEY = "sample-global-key-4567";
const RAY = "8f1e2d3c4b5a6978-SJC";

/** The README's ```ts blocks under "## Using the client in a service". */
function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = /^## Using the client in a service\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? "";
  return [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

const README = readmeExamples();

describe("the docs' code samples and the README's example, against the packed package", () => {
  let model: ApiModel;
  let server: LoopbackServer;
  let project: string;
  let tsc: { code: number; out: string };
  /** How the server answers: each operation's success example, or a failure. */
  let answer: "example" | 404 | 400 = "example";

  const operationOf = (sample: CodeSamples): OperationModel => model.operations.find((op) => op.name === sample.name)!;
  const source = (name: string) => join(project, "src", `${name}.ts`);

  /** Answers `METHOD path` with that operation's 200 example, or with the failure the test asks for. */
  const handler: Handler = (_req, res, recorded) => {
    const op = model.operations.find(
      (o) => o.method === recorded.method && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(recorded.url),
    );
    const headers = { "content-type": "application/json", "cf-ray": RAY };
    const status = op ? answer : 404;
    if (status !== "example") {
      const errors = status === 404 ? [{ code: 7003, message: "No route for the URI" }] : [{ code: 10001, message: "behaviors: invalid" }];
      res.writeHead(status, headers);
      return res.end(JSON.stringify({ success: false, errors, messages: [], result: null }));
    }
    res.writeHead(200, headers);
    res.end(JSON.stringify(op!.success?.example));
  };

  beforeAll(async () => {
    ({ model } = await generate(join(ROOT, "spec/openapi.yaml")));
    server = await startLoopbackServer(handler);
    const files: Record<string, string> = { "tsconfig.json": JSON.stringify(SERVICE_TSCONFIG, null, 2) };
    for (const sample of codeSamples) files[`src/${sample.name}.ts`] = sample.typescript.join("\n") + "\n";
    README.forEach((code, i) => (files[`src/readme-${i + 1}.ts`] = code));
    project = await consumerProject("code-samples", { files });
    tsc = await run(process.execPath, [TSC_7, "-p", "tsconfig.json"], project);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  /** Runs a compiled module of the project with the credentials and base URL in its environment. */
  async function runModule(
    name: string,
    env: NodeJS.ProcessEnv = {},
  ): Promise<{ stdout: string; stderr: string; requests: RecordedRequest[] }> {
    const before = server.requests.length;
    const { stdout, stderr } = await execFile(process.execPath, [`out/${name}.js`], {
      cwd: project,
      env: { ...childEnv, CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_BASE_URL: server.origin, ...env },
      timeout: 60_000, // no child outlives its test
    });
    return { stdout, stderr, requests: server.requests.slice(before) };
  }

  /** The request a sample must send: its method, the path with the examples filled in, the token, the body example. */
  function expectedRequest(op: OperationModel) {
    const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(String(op.pathParams.find((p) => p.name === name)!.example)),
    );
    return { method: op.method, url, authorization: `Bearer ${TOKEN}`, body: op.body?.example };
  }

  function received(request: RecordedRequest) {
    return {
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      body: request.body === "" ? undefined : JSON.parse(request.body),
    };
  }

  it("the spec names this package, so the samples import what a service installs", () => {
    expect(model.options.package).toBe(PACKAGE_NAME);
    expect(codeSamples.map((s) => s.name)).toEqual(model.operations.map((op) => op.name));
    for (const sample of codeSamples) {
      expect(sample.typescript.join("\n")).toContain(`} from "${PACKAGE_NAME}";`);
      // The first security alternative (api_token), read from its x-zt-env variable. (The
      // client would read that variable by itself too, so running the sample cannot show it.)
      const [first] = operationOf(sample).security;
      const scheme = model.securitySchemes.find((s) => s.key === first![0])!;
      expect(sample.typescript).toContain(`  ${scheme.option}: process.env["${scheme.env}"],`);
    }
  });

  it("every sample and the README's example type-check under tsc --strict against the installed package", () => {
    expect(README.length).toBeGreaterThan(0);
    expect(tsc.out).toBe("");
    expect(tsc.code).toBe(0);
  });

  it.each(codeSamples.map((s) => [s.name, s] as const))(
    "%s: sends the request the docs describe and prints the typed result",
    async (_name, sample) => {
      answer = "example";
      const op = operationOf(sample);
      const { stdout, stderr, requests } = await runModule(sample.name);
      expect(stderr).toBe("");
      expect(requests.map(received)).toEqual([expectedRequest(op)]);
      const example = op.success!.example as { result: unknown };
      expect(stdout).toBe(`${inspect(op.envelope ? example.result : example)}\n`);
    },
  );

  it.each(codeSamples.map((s) => [s.name, s] as const))("%s: handles a 404 and a 400 as the README recommends", async (_name, sample) => {
    answer = 404;
    const notFound = await runModule(sample.name);
    expect(notFound.stdout).toBe("");
    expect(notFound.stderr).toBe(`not found: ${inspect([{ code: 7003, message: "No route for the URI" }])}\n`);
    answer = 400;
    const bad = await runModule(sample.name);
    expect(bad.stderr).toBe(`${sample.name}: HTTP 400: behaviors: invalid (10001) ${RAY}\n`);
    // A 400 is not retried: one request each.
    expect([...notFound.requests, ...bad.requests]).toHaveLength(2);
  });

  it.skipIf(noCurl).each(codeSamples.map((s) => [s.name, s] as const))(
    "%s: the cURL sample sends the same request",
    async (_name, sample) => {
      answer = "example";
      const op = operationOf(sample);
      const script = sample.curl.join("\n").replace(model.server!.url, server.origin);
      expect(script).toContain(server.origin);
      const before = server.requests.length;
      const { stdout } = await execFile("sh", ["-c", `${script} --silent --show-error`], {
        env: { ...childEnv, CLOUDFLARE_API_TOKEN: TOKEN },
        timeout: 60_000,
      });
      expect(server.requests.slice(before).map(received)).toEqual([expectedRequest(op)]);
      expect(JSON.parse(stdout)).toEqual(op.success!.example);
    },
  );

  it("the README's example updates with the token, reads back with email and key, and prints both", async () => {
    answer = "example";
    expect(README).toHaveLength(1);
    const { stdout, stderr, requests } = await runModule("readme-1", { CLOUDFLARE_API_KEY: API_KEY });
    expect(stderr).toBe("");
    const [put, get] = requests;
    expect(requests).toHaveLength(2);
    expect(put).toMatchObject({ method: "PUT", url: "/accounts/023e105f4ecef8ad9ca31a8372d0c353/zt_risk_scoring/behaviors" });
    expect(put!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(put!.body)).toEqual({ behaviors: { foo: { enabled: true, risk_level: "low" } } });
    expect(get).toMatchObject({ method: "GET", url: "/accounts/023e105f4ecef8ad9ca31a8372d0c353/zt_risk_scoring/behaviors" });
    expect(get!.headers).toMatchObject({ "x-auth-email": "user@example.com", "x-auth-key": API_KEY });
    expect(get!.headers.authorization).toBeUndefined();
    const update = model.operations.find((op) => op.name === "updateBehaviors")!.success!.example as { result: { behaviors: unknown } };
    const read = model.operations.find((op) => op.name === "getBehaviors")!.success!.example as {
      result: { behaviors: { foo: { name: string } } };
    };
    expect(stdout).toBe(`${inspect(update.result.behaviors)} ${read.result.behaviors.foo.name}\n`);
  });

  it("fails to compile when a sample's risk level is not one of the spec's, on that line", async () => {
    const sample = codeSamples.find((s) => s.name === "updateBehaviors")!;
    const text = sample.typescript.join("\n");
    const listed = new RegExp(`risk_level: (${RISK_LEVELS.map((v) => JSON.stringify(v)).join("|")})`);
    const line = sample.typescript.findIndex((l) => listed.test(l));
    expect(line).toBeGreaterThan(0);
    const wrong = unlisted(RISK_LEVELS);
    writeFileSync(source(sample.name), text.replace(listed, `risk_level: ${JSON.stringify(wrong)}`) + "\n");
    try {
      const broken = await run(process.execPath, [TSC_7, "-p", "tsconfig.json", "--noEmit"], project);
      expect(broken.code).not.toBe(0);
      const errors = broken.out.split("\n").filter((l) => /error TS\d+/.test(l));
      expect(errors, broken.out).toHaveLength(1);
      expect(errors[0]).toContain(`src/${sample.name}.ts(${line + 1},`);
      expect(errors[0]).toContain(JSON.stringify(wrong));
    } finally {
      writeFileSync(source(sample.name), text + "\n");
    }
  }, 60_000);
});
