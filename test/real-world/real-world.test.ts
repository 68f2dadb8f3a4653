/**
 * Real-world documents (documents.ts, README.md): each generates, warnings allowed, with
 * one method per operation, its output passes `tsc --strict` and holds no raw invisible
 * character; together they cover 3.0 and 3.1, YAML and JSON, a document split over many
 * files, webhooks, callbacks, form and multipart bodies, oneOf with discriminators and a
 * document of at least 4 MB. Two child processes share the work (two cores): one
 * generates and type-checks the large document, the other all the rest.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, ROOT } from "../support/spec-copy.js";
import { invisibleInFolder } from "../hostile/support/invisible.js";
import { DOCUMENTS, type RealWorldDocument } from "./documents.js";
import type { BatchExercise, BatchJob, BatchResult } from "./support/generate-batch.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

let scratch: string;
const results = new Map<string, BatchResult>();
const exercises = new Map<string, BatchExercise>();
const tscErrors = new Map<string, string[]>();
/** tsc's exit status for each batch ("large", "rest"). */
const tscStatus = new Map<string, number | null>();
/** Where each document was generated from (the split one: its new root file). */
const sources = new Map<string, string>();
const timings: Record<string, number> = {};

/**
 * Runs a child to completion; resolves with its stdout (its stderr goes into the error when
 * it fails). `onLine` sees each line of stdout as it comes.
 */
function run(args: readonly string[], env: Record<string, string> = {}, cwd = ROOT, onLine?: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    // Killed at the hook's own limit, so that no child (the large document's has a 2 GB heap) outlives the test.
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 420_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const seen = stdout.lastIndexOf("\n") + 1;
      stdout += chunk.toString();
      if (onLine)
        for (const line of stdout
          .slice(seen, stdout.lastIndexOf("\n") + 1)
          .split("\n")
          .slice(0, -1))
          onLine(line);
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${args.join(" ")} exited ${code}:\n${stderr.slice(-3000)}`)),
    );
  });
}

/** Reads a child's RESULT, EXERCISE and TSC lines into the maps above. */
function readLines(label: string, dir: string, stdout: string): void {
  for (const line of stdout.split("\n")) {
    if (line.startsWith("RESULT ")) {
      const result = JSON.parse(line.slice(7)) as BatchResult;
      results.set(result.name, result);
    } else if (line.startsWith("EXERCISE ")) {
      const exercise = JSON.parse(line.slice(9)) as BatchExercise;
      exercises.set(exercise.name, exercise);
    } else if (line.startsWith("TSC ")) {
      const { output, status } = JSON.parse(line.slice(4)) as { output: string; status: number | null };
      tscStatus.set(label, status);
      for (const error of output.split("\n").filter((l) => l.trim() !== "")) {
        // tsc names files relative to its working directory, the repository's root; a
        // line it does not start with a file (a continuation, a global error) goes to the batch.
        const file = /^(.+?)\(\d+,\d+\): /.exec(error)?.[1];
        const name = file === undefined ? label : path.relative(dir, path.resolve(ROOT, file)).split(path.sep)[0]!;
        tscErrors.set(name, [...(tscErrors.get(name) ?? []), error]);
      }
    }
  }
}

/**
 * Generates, type-checks and exercises `documents` in one child process, each into
 * `<dir>/<name>`. With `exerciseElsewhere`, each document is exercised by a child of its
 * own, started as soon as it is generated, while this one type-checks it (the large
 * document: its tsc run and its exercise then share the two cores).
 */
async function batch(label: string, dir: string, documents: readonly RealWorldDocument[], exerciseElsewhere = false): Promise<void> {
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  const jobs: BatchJob[] = documents.map((doc) => ({
    name: doc.name,
    spec: sources.get(doc.name)!,
    out: path.join(dir, doc.name),
    ...(doc.root === undefined ? {} : { root: path.join(ROOT, doc.root) }),
    ...(doc.probe ? { probe: path.join(ROOT, "test/real-world/probes", `${doc.name}.ts`) } : {}),
    ...(exerciseElsewhere ? { exerciseElsewhere } : {}),
  }));
  const jobsFile = path.join(scratch, `${label}.json`);
  writeFileSync(jobsFile, JSON.stringify(jobs));
  const elsewhere: Promise<void>[] = [];
  const onLine = (line: string) => {
    if (!exerciseElsewhere || !line.startsWith("RESULT ")) return;
    const result = JSON.parse(line.slice(7)) as BatchResult;
    const job = jobs.find((j) => j.name === result.name);
    if (result.error !== undefined || job === undefined) return;
    const exercise = run([
      "--max-old-space-size=2048",
      "--import",
      "tsx",
      path.join(ROOT, "test/real-world/support/exercise-batch.ts"),
      JSON.stringify(job),
    ]);
    elsewhere.push(exercise.then((stdout) => readLines(label, dir, stdout)));
  };
  const script = path.join(ROOT, "test/real-world/support/generate-batch.ts");
  const stdout = await run(["--max-old-space-size=2048", "--import", "tsx", script, jobsFile, dir], {}, ROOT, onLine);
  readLines(label, dir, stdout);
  await Promise.all(elsewhere);
  timings[label] = performance.now() - started;
}

/** Lays the document out over many files with Redocly's own `split` command; returns its new root. */
async function split(doc: RealWorldDocument): Promise<string> {
  const dir = path.join(scratch, "split", doc.name);
  const cli = path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js");
  // Under vitest's NODE_ENV=test, Redocly's CLI prints the files instead of writing them.
  const env = { NODE_ENV: "production", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
  await run([cli, "split", path.join(ROOT, doc.spec), "--outDir", dir], env, scratch);
  return path.join(dir, "openapi.yaml");
}

/** The document as parsed (YAML or JSON), from its one original file. */
function parsed(doc: RealWorldDocument): Record<string, unknown> {
  return parseYaml(readFileSync(path.join(ROOT, doc.spec), "utf8")) as Record<string, unknown>;
}

function operationsOf(document: Record<string, unknown>): Record<string, unknown>[] {
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.values(paths).flatMap((item) => (isObject(item) ? METHODS.map((m) => item[m]).filter(isObject) : []));
}

beforeAll(async () => {
  const started = performance.now();
  mkdirSync(ARTIFACTS, { recursive: true });
  scratch = mkdtempSync(path.join(ARTIFACTS, "real-world-"));
  for (const doc of DOCUMENTS) sources.set(doc.name, path.join(ROOT, doc.spec));
  const large = DOCUMENTS.filter((doc) => doc.large);
  const rest = DOCUMENTS.filter((doc) => !doc.large);
  await Promise.all([
    batch("large", path.join(scratch, "out-large"), large, true),
    (async () => {
      for (const doc of rest.filter((d) => d.split)) sources.set(doc.name, await split(doc));
      await batch("rest", path.join(scratch, "out-rest"), rest);
    })(),
  ]);
  timings.total = performance.now() - started;
}, 420_000);

afterAll(() => {
  const warned = DOCUMENTS.map((doc) => `${doc.name} ${results.get(doc.name)?.warnings?.length ?? "?"}`).join(", ");
  console.log(`real-world corpus: ${DOCUMENTS.length} documents; warnings: ${warned}`);
  for (const doc of DOCUMENTS) {
    const e = exercises.get(doc.name);
    if (e === undefined) continue;
    const notPassed = [
      ...e.failed.map((f) => `  ${f.at ?? doc.spec}: warning: ${f.operation} fails against its own test kit: ${f.reason}`),
      ...e.skipped.map((f) => `  not called ${f.operation}: ${f.reason}`),
    ];
    console.log(
      [`exercised ${doc.name}: ${e.passed} of ${e.operations} operations pass (${(e.ms / 1000).toFixed(1)} s)`, ...notPassed].join("\n"),
    );
  }
  console.log(
    `timings: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(", ")}`,
  );
  if (scratch && !process.env.REAL_WORLD_KEEP) rmSync(scratch, { recursive: true, force: true });
});

describe("real-world documents", () => {
  it.each(DOCUMENTS.map((doc) => [doc.name, doc] as const))(
    "%s generates, one method per operation, and its output passes tsc --strict",
    (name, doc) => {
      const result = results.get(name);
      expect(result?.error ?? "", `${doc.spec} was refused`).toBe("");
      expect(result?.operations).toBe(operationsOf(parsed(doc)).length);
      expect(tscErrors.get(name) ?? []).toEqual([]);
      const label = doc.large ? "large" : "rest";
      expect(tscStatus.get(label), `tsc failed on the ${label} batch\n${(tscErrors.get(label) ?? []).join("\n")}`).toBe(0);
      expect(invisibleInFolder(path.join(scratch, doc.large ? "out-large" : "out-rest", name))).toEqual([]);
    },
  );

  it.each(DOCUMENTS.map((doc) => [doc.name, doc] as const))("%s: warnings as expected, each with file:line:col", (name, doc) => {
    const warnings = results.get(name)?.warnings ?? [];
    expect(warnings.length > 0, warnings.slice(0, 5).join("\n")).toBe(doc.warns);
    // struct's findings, and the slips that warn (README's Security section): GitHub's `required` names 47 undeclared properties.
    for (const warning of warnings)
      expect(warning).toMatch(
        /^[^:]+\.(ya?ml|json):\d+:\d+: .+ \((struct|no-required-schema-properties-undefined|zt-generator\/enum-unique)\)$/,
      );
  });

  it.each(DOCUMENTS.map((doc) => [doc.name, doc] as const))(
    "%s: its client, against its own test kit with validators on, passes every operation the spec gives arguments for",
    (name, doc) => {
      const exercise = exercises.get(name);
      expect(results.get(name)?.validatorsError).toBeUndefined();
      expect(exercise?.error).toBeUndefined();
      expect(exercise!.operations).toBe(results.get(name)!.operations);
      // The model makes every required argument from the spec (examples, enums, formats, bounds): none is left out.
      expect(exercise!.skipped).toEqual([]);
      const alike = doc.exerciseFailuresAlike;
      if (alike !== undefined) {
        for (const failure of exercise!.failed) expect(failure.reason, failure.operation).toMatch(alike.reason);
        expect(exercise!.failed).toHaveLength(alike.count);
      } else {
        const expected = doc.exerciseFailures ?? {};
        expect(Object.fromEntries(exercise!.failed.map((f) => [f.operation, f.reason]))).toEqual(
          Object.fromEntries(Object.entries(expected).map(([operation, reason]) => [operation, expect.stringMatching(reason)])),
        );
      }
      // Each one that does not pass says where in the spec: the warning the run prints (see afterAll).
      for (const failure of exercise!.failed) expect(failure.at).toMatch(/\.(ya?ml|json):\d+:\d+$/);
      expect(exercise!.passed).toBe(exercise!.operations - exercise!.failed.length);
    },
  );

  it("3.0 leftovers in a 3.1 document (boolean exclusiveMinimum) are warnings where they stand, not refusals", () => {
    const warnings = results.get("schema-validation-3.0-leftovers")!.warnings!;
    const text = readFileSync(path.join(ROOT, DOCUMENTS.find((d) => d.name === "schema-validation-3.0-leftovers")!.spec), "utf8").split(
      "\n",
    );
    for (const warning of warnings) {
      const [, line] = /:(\d+):\d+: Expected type `number` but got `boolean`\. \(struct\)$/.exec(warning)!;
      expect(text[Number(line) - 1]).toMatch(/exclusive(Minimum|Maximum): true/);
    }
    expect(warnings).toHaveLength(10);
    // ReadMe's 3.1 document still says `nullable` 498 times: every one is a warning.
    expect(
      results.get("readme-split")!.warnings!.filter((w) => w.endsWith("Property `nullable` is not expected here. (struct)")),
    ).toHaveLength(498);
  });

  it("the corpus holds issue 23's four patterns, each generated and type-checked with its probe", () => {
    const text = (name: string) => readFileSync(path.join(ROOT, DOCUMENTS.find((d) => d.name === name)!.spec), "utf8");
    expect(text("deep-refs")).toMatch(/\$ref: "#\/components\/schemas\/Tag\/allOf\/0"/);
    expect(text("deep-refs")).toMatch(/\$ref: "#\/components\/parameters\/CompanyId\/schema"/);
    expect(text("deep-refs")).toMatch(/\$ref: "#\/paths\/~1api~11~1items\/post\/requestBody\/content\/application~1json\/schema"/);
    const schemaTs = (name: string) => readFileSync(path.join(scratch, "out-rest", name, "schema.ts"), "utf8");
    expect(schemaTs("nullable-allof")).toMatch(/options\?: WithRequired<BalanceOptions, "account_ids">;/);
    expect(schemaTs("java-oneof-children")).toMatch(/type RegexRule = ValidationRuleBase & \{/);
    expect(results.get("subfolder-entry")!.inputs).toBe(3);
    for (const doc of DOCUMENTS.filter((d) => d.probe))
      expect(readFileSync(path.join(scratch, "out-rest", doc.name, "probe.ts"), "utf8")).toContain("@ts-expect-error");
  });

  it("the corpus covers 3.0 and 3.1, YAML and JSON, a split document, webhooks, callbacks, form and multipart bodies, discriminators and 4 MB", () => {
    const documents = DOCUMENTS.map((doc) => ({ doc, document: parsed(doc) }));
    const operations = documents.flatMap(({ document }) => operationsOf(document));
    const mediaTypes = new Set(
      operations.flatMap((op) => (isObject(op.requestBody) && isObject(op.requestBody.content) ? Object.keys(op.requestBody.content) : [])),
    );
    const discriminated = (node: unknown): boolean =>
      isObject(node)
        ? (Array.isArray(node.oneOf) && isObject(node.discriminator)) || Object.values(node).some(discriminated)
        : Array.isArray(node) && node.some(discriminated);
    expect(new Set(documents.map(({ document }) => String(document.openapi).slice(0, 3)))).toEqual(new Set(["3.0", "3.1"]));
    expect(new Set(DOCUMENTS.map((doc) => path.extname(doc.spec)))).toEqual(new Set([".json", ".yaml"]));
    expect(Math.max(...DOCUMENTS.filter((doc) => doc.split).map((doc) => results.get(doc.name)!.inputs!))).toBeGreaterThan(10);
    expect(
      documents.filter(({ document }) => isObject(document.webhooks) || isObject(document["x-webhooks"])).length,
    ).toBeGreaterThanOrEqual(2);
    expect(operations.some((op) => isObject(op.callbacks))).toBe(true);
    expect(mediaTypes).toContain("application/x-www-form-urlencoded");
    expect(mediaTypes).toContain("multipart/form-data");
    expect(documents.some(({ document }) => discriminated(document))).toBe(true);
    expect(Math.max(...DOCUMENTS.map((doc) => statSync(path.join(ROOT, doc.spec)).size))).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(DOCUMENTS.length).toBeGreaterThanOrEqual(10);
  });
});
