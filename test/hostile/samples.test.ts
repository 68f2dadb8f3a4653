/**
 * Hostile input in the docs' code samples (generated/code-samples.ts). For every case of
 * the corpus that generates (support/corpus.ts), each operation's samples must mean
 * exactly what the spec says and nothing more:
 * - the TypeScript sample parses to three statements (import, createClient, try/catch)
 *   whose argument and options are plain literals, read back here by a literal-only
 *   evaluator that never runs them, and equal to the spec's examples and names;
 * - the curl sample, run by sh with a `curl` function that only prints its arguments,
 *   passes the spec's examples through word for word and writes no file.
 * The case written for them (corpus/sample-breakouts.yaml) is also run for real: the
 * TypeScript sample against its own generated client and the curl sample with curl,
 * both against a loopback server, which must receive the spec's values intact, while
 * no payload runs (globalThis.__pwned stays unset, `touch pwned-sh` never happens).
 */
import { execFile as execFileCb, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inspect, promisify } from "node:util";
import { buildSync } from "esbuild";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeSamplesOf, type OperationSamples } from "../../generator/emit/emit-code-samples.js";
import { DEFAULT_IMPORT } from "../../generator/emit/sample-typescript.js";
import type { ApiModel, OperationModel, ParamModel } from "../../generator/model/api-model.js";
import { generate } from "../../generator/pipeline.js";
import { startLoopbackServer, type LoopbackServer, type RecordedRequest } from "../support/loopback-server.js";
import { ARTIFACTS } from "../support/spec-copy.js";
import { layOut, loadCorpus } from "./support/corpus.js";

const execFile = promisify(execFileCb);
const BREAKOUTS = "sample-breakouts";
const TOKEN = "hostile-token-0123";
/** Without curl the cURL sample cannot run: skipped locally, never in CI (.ci/run installs it). */
const noCurl = spawnSync("curl", ["--version"]).status !== 0 && !process.env.CI;

interface Case {
  readonly name: string;
  readonly model: ApiModel;
  readonly out: string;
  readonly samples: readonly OperationSamples[];
}

const cases: Case[] = [];
let scratch: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  scratch = mkdtempSync(path.join(ARTIFACTS, "hostile-samples-"));
  for (const hostile of loadCorpus().filter((c) => c.expect.outcome === "generated" && !c.isolate)) {
    const spec = layOut(hostile, path.join(scratch, "cases", hostile.name), {
      loopback: "http://127.0.0.1:9",
      outside: path.join(scratch, "outside"),
    });
    const { model, files } = await generate(spec);
    const out = path.join(scratch, "out", hostile.name);
    for (const file of files) {
      mkdirSync(path.dirname(path.join(out, "generated", file.path)), { recursive: true });
      writeFileSync(path.join(out, "generated", file.path), file.content);
    }
    cases.push({ name: hostile.name, model, out, samples: codeSamplesOf(model) });
  }
}, 120_000);

afterAll(() => {
  if (scratch && !process.env.HOSTILE_KEEP) rmSync(scratch, { recursive: true, force: true });
});

// ───────── the TypeScript sample, read without running it ─────────

/** `process.env["NAME"]` as the evaluator reads it. */
interface EnvRead {
  readonly env: string;
}

/** A literal's value; anything that is not a literal (a call, a template, an identifier…) throws. */
function evaluate(node: ts.Expression): unknown {
  if (ts.isStringLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand))
    return -Number(node.operand.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(evaluate);
  if (ts.isObjectLiteralExpression(node)) {
    const object: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) throw new Error(`not a plain property: ${property.getText()}`);
      const { name } = property;
      const key =
        ts.isIdentifier(name) || ts.isStringLiteral(name)
          ? name.text
          : ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)
            ? name.expression.text
            : undefined;
      if (key === undefined) throw new Error(`not a literal key: ${name.getText()}`);
      Object.defineProperty(object, key, { value: evaluate(property.initializer), enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  // process.env["NAME"], and `?? ""` after one (http basic).
  if (ts.isElementAccessExpression(node) && node.expression.getText() === "process.env" && ts.isStringLiteral(node.argumentExpression)) {
    return { env: node.argumentExpression.text } satisfies EnvRead;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && node.right.getText() === '""')
    return evaluate(node.left);
  throw new Error(`not a literal: ${ts.SyntaxKind[node.kind]} ${node.getText().slice(0, 200)}`);
}

/** What a TypeScript sample says, read from its syntax tree. */
interface ReadSample {
  readonly specifier: string;
  readonly imports: string[];
  readonly clientOptions: unknown;
  readonly method: string;
  readonly argument: unknown;
  readonly catchClause: string;
}

function readSample(source: string): ReadSample {
  const file = ts.createSourceFile("sample.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const syntax = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
  expect(syntax).toEqual([]);
  expect(file.statements.map((s) => ts.SyntaxKind[s.kind])).toEqual(["ImportDeclaration", "FirstStatement", "TryStatement"]);
  const [imported, client, attempt] = file.statements as unknown as [ts.ImportDeclaration, ts.VariableStatement, ts.TryStatement];
  const bindings = imported.importClause?.namedBindings;
  const clientCall = client.declarationList.declarations[0]!.initializer as ts.CallExpression;
  expect(clientCall.expression.getText()).toBe("createClient");
  const [first, print] = attempt.tryBlock.statements;
  expect(attempt.tryBlock.statements).toHaveLength(2);
  const awaited = (
    ts.isVariableStatement(first!) ? first.declarationList.declarations[0]!.initializer : (first as ts.ExpressionStatement).expression
  ) as ts.AwaitExpression;
  const call = awaited.expression as ts.CallExpression;
  expect(ts.isPropertyAccessExpression(call.expression) && call.expression.expression.getText() === "client").toBe(true);
  expect(print!.getText()).toMatch(/^console\.log\((result|"done")\);$/);
  return {
    specifier: (imported.moduleSpecifier as ts.StringLiteral).text,
    imports: bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.getText()) : [],
    clientOptions: clientCall.arguments.length === 0 ? undefined : evaluate(clientCall.arguments[0]!),
    method: (call.expression as ts.PropertyAccessExpression).name.text,
    argument: call.arguments.length === 0 ? undefined : evaluate(call.arguments[0]!),
    catchClause: attempt.catchClause!.getText(),
  };
}

/** The argument a sample must pass, from the model: every path parameter, the required others, a required body. */
function expectedArgument(op: OperationModel): unknown {
  const fields = (params: readonly ParamModel[]) =>
    Object.fromEntries(params.filter((p) => p.required).map((p) => [p.name, p.example ?? p.name]));
  const body = op.body?.required ? (op.body.example ?? {}) : undefined;
  let argument: Record<string, unknown>;
  if (op.layout === "grouped") {
    argument = {};
    for (const [group, params] of [
      ["path", op.pathParams],
      ["query", op.queryParams],
      ["header", op.headerParams],
    ] as const) {
      if (params.some((p) => p.required)) argument[group] = fields(params);
    }
    if (body !== undefined) argument.body = body;
  } else {
    const flattened = op.body?.shape === "fields" && typeof body === "object" && body !== null && !Array.isArray(body);
    argument = {
      ...fields(op.pathParams),
      ...fields(op.queryParams),
      ...fields(op.headerParams),
      ...(flattened ? body : body !== undefined ? { body } : {}),
    };
  }
  return Object.keys(argument).length === 0 ? undefined : argument;
}

/** The schemes the sample must send: the first alternative that names any, all of whose schemes the client can send. */
function expectedSchemes(model: ApiModel, op: OperationModel) {
  const usable = op.security.find(
    (alt) => alt.length > 0 && alt.every((key) => model.securitySchemes.some((s) => s.key === key && s.kind !== "unsupported")),
  );
  return (usable ?? []).map((key) => model.securitySchemes.find((s) => s.key === key)!);
}

// ───────── the curl sample, run with a curl that only prints its words ─────────

/** The words sh passes to curl, with the sample's variables set to `NAME-value`; also what the run left in its folder. */
async function curlWords(sample: OperationSamples, env: Record<string, string>): Promise<{ words: string[]; left: string[] }> {
  const cwd = mkdtempSync(path.join(scratch, "sh-"));
  const script = `curl() { for word in "$@"; do printf '%s\\0' "$word"; done; }\n${sample.curl.join("\n")}\n`;
  const { stdout } = await execFile("sh", ["-c", script], { cwd, env: { PATH: process.env.PATH, ...env } });
  return { words: stdout.split("\0").slice(0, -1), left: readdirSync(cwd) };
}

/** The variables a sample reads (every `$NAME` in its curl command), each set to a value of its own. */
function variablesOf(sample: OperationSamples): Record<string, string> {
  return Object.fromEntries(
    [...sample.curl.join("\n").matchAll(/"[^"']*\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => [m[1]!, `${m[1]}-value`]),
  );
}

/** The option following `flag` (e.g. each `-H`'s header). */
const after = (words: readonly string[], flag: string) =>
  words.flatMap((w, i) => (w === flag && i + 1 < words.length ? [words[i + 1]!] : []));

/** A path's segments, decoded: the template's own `/`s split it, a parameter's value (or name) never does. */
/** `text` with each lone surrogate replaced by U+FFFD, as UTF-8 encoding does (String.prototype.toWellFormed, ES2024). */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function expectedSegments(op: OperationModel): string[] {
  const values = new Map(
    op.pathParams.map((p) => [p.name, typeof p.example === "string" ? p.example : JSON.stringify(p.example ?? p.name)]),
  );
  const segments: string[] = [];
  let current = "";
  for (const part of op.path.split(/(\{[^{}]*\})/)) {
    const name = /^\{(.*)\}$/.exec(part)?.[1];
    if (name !== undefined && values.has(name)) current += values.get(name);
    else {
      const [first = "", ...rest] = part.split("/");
      current += first;
      for (const next of rest) {
        segments.push(current);
        current = next;
      }
    }
  }
  segments.push(current);
  // The path's leading "/" follows the server's own path: compare what comes after it.
  return segments[0] === "" ? segments.slice(1) : segments;
}

describe("hostile specs: the docs' code samples hold the spec's values and nothing runs", () => {
  it("the corpus gives samples to check, the breakout case among them", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(cases.map((c) => c.name)).toContain(BREAKOUTS);
    expect(cases.find((c) => c.name === BREAKOUTS)!.samples).toHaveLength(1);
  });

  it("every TypeScript sample parses to the spec's values: literals only, the method, the credentials, the package", () => {
    let checked = 0;
    for (const { name, model, samples } of cases) {
      for (const sample of samples) {
        const op = model.operations.find((o) => o.name === sample.name)!;
        const where = `${name}: ${sample.name}`;
        const read = readSample(sample.typescript.join("\n"));
        expect(read.specifier, where).toBe(model.options.package ?? DEFAULT_IMPORT);
        expect(read.imports, where).toEqual(["ApiError", "createClient", "NotFoundError", "RateLimitError"]);
        expect(read.method, where).toBe(op.name);
        expect(read.argument, where).toEqual(expectedArgument(op));
        const credentials = expectedSchemes(model, op).map((s): [string, unknown] => [
          s.option,
          s.kind === "basic" ? { username: expect.anything(), password: expect.anything() } : expect.anything(),
        ]);
        const baseUrl = model.server && /^https?:\/\//i.test(model.server.url) ? [] : [["baseUrl", "https://api.example.com"]];
        expect(read.clientOptions ?? {}, where).toEqual(Object.fromEntries([...credentials, ...baseUrl]));
        expect(read.catchClause, where).toBe(readSample(cases[0]!.samples[0]!.typescript.join("\n")).catchClause);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(50);
  });

  it("every curl sample passes the spec's values to curl word for word, and runs nothing else", async () => {
    for (const { name, model, samples } of cases) {
      for (const sample of samples) {
        const op = model.operations.find((o) => o.name === sample.name)!;
        const where = `${name}: ${sample.name}`;
        const env = variablesOf(sample);
        const { words, left } = await curlWords(sample, env);
        expect(left, `${where}: files written`).toEqual([]);
        const url = new URL(words.find((w) => /^https?:\/\//.test(w))!);
        const segments = url.pathname.split("/").map(decodeURIComponent);
        // A lone surrogate cannot be written to the script file or sent in a URL: it arrives as U+FFFD.
        const expected = expectedSegments(op).map(wellFormed);
        expect(segments.slice(-expected.length), where).toEqual(expected);
        for (const param of op.queryParams.filter((p) => p.required)) {
          const value = param.example ?? param.name;
          expect(url.searchParams.getAll(param.name), where).toEqual(
            (Array.isArray(value) ? value : [value]).map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
          );
        }
        const headers = after(words, "-H");
        for (const param of op.headerParams.filter((p) => p.required && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(p.name))) {
          const value = typeof param.example === "string" ? param.example : JSON.stringify(param.example ?? param.name);
          // eslint-disable-next-line no-control-regex -- control characters are exactly what a header value cannot carry
          expect(headers, where).toContain(`${param.name}: ${value.replace(/[\u0000-\u001f\u007f]/g, " ")}`);
        }
        for (const scheme of expectedSchemes(model, op).filter((s) => s.kind === "bearer")) {
          expect(
            headers.filter((h) => h.startsWith("Authorization: Bearer ")).map((h) => h.slice(22)),
            where,
          ).toEqual([Object.values(env)[0]]);
          expect(scheme.option).toBeTruthy();
        }
        const data = after(words, "--data-raw");
        if (op.body?.required && /json/i.test(op.body.contentType))
          expect(
            data.map((d) => JSON.parse(d)),
            where,
          ).toEqual([op.body.example ?? {}]);
      }
    }
  }, 120_000);
});

describe(`the ${BREAKOUTS} case, run against a loopback server`, () => {
  let server: LoopbackServer;
  let breakouts: Case;
  let op: OperationModel;

  beforeAll(async () => {
    breakouts = cases.find((c) => c.name === BREAKOUTS)!;
    op = breakouts.model.operations[0]!;
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(op.success!.example));
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** What the server must see: the spec's values, decoded. */
  function expectReceived(request: RecordedRequest): void {
    const url = new URL(request.url, server.origin);
    expect(request.method).toBe("PUT");
    expect(url.pathname.split("/").map(decodeURIComponent)).toEqual(["", "things", op.pathParams[0]!.example]);
    expect([...url.searchParams]).toEqual([[op.queryParams[0]!.name, op.queryParams[0]!.example]]);
    expect(request.headers["x-note"]).toBe(op.headerParams[0]!.example);
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(request.body)).toEqual(op.body!.example);
  }

  it("the TypeScript sample, bundled with its generated client and run by node, sends the values intact and runs no payload", async () => {
    const [sample] = breakouts.samples;
    // The spec's package name is not one npm accepts: the sample imports ./generated/index.js, beside it here.
    expect(sample!.typescript).toContain(`} from "${DEFAULT_IMPORT}";`);
    writeFileSync(path.join(breakouts.out, "sample.ts"), sample!.typescript.join("\n"));
    buildSync({
      entryPoints: [path.join(breakouts.out, "sample.ts")],
      outfile: path.join(breakouts.out, "sample.mjs"),
      bundle: true,
      platform: "node",
      format: "esm",
      logLevel: "silent",
    });
    const cwd = mkdtempSync(path.join(scratch, "node-"));
    const report = `data:text/javascript,${encodeURIComponent('process.on("exit", () => process.stdout.write(`PWNED=${String(globalThis.__pwned)}\\n`));')}`;
    const before = server.requests.length;
    const { stdout, stderr } = await execFile(process.execPath, ["--import", report, path.join(breakouts.out, "sample.mjs")], {
      cwd,
      env: { PATH: process.env.PATH, API_TOKEN: TOKEN, CLOUDFLARE_BASE_URL: server.origin },
    });
    expect(stderr).toBe("");
    expect(stdout).toBe(`${inspect(op.success!.example)}\nPWNED=undefined\n`);
    expect(server.requests.slice(before)).toHaveLength(1);
    expectReceived(server.requests[before]!);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.skipIf(noCurl)("the curl sample, run by sh with curl, sends the same request and writes no file", async () => {
    const [sample] = breakouts.samples;
    const serverUrl = breakouts.model.server!.url;
    const script = sample!.curl.join("\n");
    expect(script).toContain(`'${serverUrl}/things/`);
    const cwd = mkdtempSync(path.join(scratch, "curl-"));
    const before = server.requests.length;
    const { stdout } = await execFile("sh", ["-c", `${script.replace(serverUrl, server.origin)} --silent --show-error`], {
      cwd,
      env: { PATH: process.env.PATH, API_TOKEN: TOKEN },
    });
    expect(JSON.parse(stdout)).toEqual(op.success!.example);
    expect(server.requests.slice(before)).toHaveLength(1);
    expectReceived(server.requests[before]!);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
