import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpecError } from "../../generator/lib/spec-error.js";
import { startParallelGenerator, type ParallelGenerator } from "../../generator/parallel/parallel-generate.js";
import { generate } from "../../generator/pipeline.js";
import { cliBundle } from "../support/cli.js";
import { ARTIFACTS, copySpec, editFile, ROOT } from "../support/spec-copy.js";

/**
 * The worker-thread Offload (generator/parallel/: lint and schema.ts on a worker thread,
 * as under `npm run generate`) against the in-thread one every other test runs: the
 * sequence is generate()'s either way (generator/pipeline.ts), so this file checks what the
 * thread boundary adds: values and SpecErrors copied across it, a worker that dies, a spec
 * that changes between the two threads' reads. The worker runs its own bundle.
 */
let parallel: ParallelGenerator;

beforeAll(() => {
  parallel = startParallelGenerator(pathToFileURL(cliBundle().worker));
});

afterAll(async () => {
  await parallel.close();
});

/** The error a run rejects with, or undefined when it succeeds. */
async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** The SpecError generate() throws for `spec`, once the two-thread run has thrown the same one. */
async function sameSpecError(spec: string): Promise<SpecError> {
  const inThread = await failure(generate(spec));
  expect(inThread).toBeInstanceOf(SpecError);
  expect(await failure(parallel.generate(spec))).toEqual(inThread);
  return inThread as SpecError;
}

/** A file of this test file's scratch folder with `text` in it. */
function scratchFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(ARTIFACTS, "worker-")), name);
  writeFileSync(file, text);
  return file;
}

/** A one-operation spec in the scratch folder: `operation` (YAML, indented for /a) and whatever `rest` adds at the root. */
function oneOperationSpec(operation: string, rest = ""): string {
  return scratchFile("openapi.yaml", `openapi: 3.1.0\ninfo: { title: t, version: 1.0.0 }\npaths:\n  /a:\n${operation}${rest}`);
}

/** Schemas that contain each other through unions alone: schema.ts's emitter refuses them. */
const UNTYPABLE = `components:
  schemas:
    A: { anyOf: [{ $ref: "#/components/schemas/B" }, { type: string }] }
    B: { anyOf: [{ $ref: "#/components/schemas/A" }, { type: number }] }
`;
const RETURNS_A = `      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/A" } } } }
`;

describe("generate() on two threads", () => {
  it.each([
    "spec/openapi.yaml",
    "test/fixtures/specs/params-and-responses.yaml",
    "test/fixtures/specs/composition.yaml",
    "test/fixtures/specs/collisions.yaml",
    "test/fixtures/specs/split/openapi.yaml",
  ])("%s: the same files as in one thread", async (spec) => {
    const inThread = await generate(spec);
    const twoThreads = await parallel.generate(spec);
    expect(twoThreads.files).toEqual(inThread.files);
    expect(twoThreads.inputs).toEqual(inThread.inputs);
  });

  it("a lint error in a referenced file: the same SpecError, at the same file:line:col", async () => {
    const spec = copySpec();
    editFile(path.join(spec, "paths/behaviors.yaml"), "operationId: updateBehaviors", "operationId: getBehaviors");
    const error = await sameSpecError(path.join(spec, "openapi.yaml"));
    expect(error.message).toMatch(/paths\/behaviors\.yaml:\d+:\d+: .*operation-operationId-unique/);
  });

  it("a $ref to a missing file, which lint and bundling both report, each in its own words: lint's SpecError, as in one thread", async () => {
    const spec = oneOperationSpec(`    get:
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "./schemas/Missing.yaml" } } } }
`);
    expect((await sameSpecError(spec)).message).toMatch(
      /openapi\.yaml:\d+:\d+: Can't resolve \$ref: ENOENT: .*Missing\.yaml.* \("\.\/schemas\/Missing\.yaml" names no file\) \(zt-generator\/ref-target\)$/,
    );
  });

  it("a file that is not YAML, and a missing file: the same SpecError", async () => {
    await sameSpecError(scratchFile("openapi.yaml", "openapi: [3.1.0\n"));
    await sameSpecError(path.join(ARTIFACTS, "no-such-spec.yaml"));
  });

  it("schema.ts's own refusal (schemas that contain each other through unions alone) comes back as the same SpecError", async () => {
    const error = await sameSpecError(oneOperationSpec(`    get:\n${RETURNS_A}`, UNTYPABLE));
    expect(error.message).toContain("contain each other with no object, array or tuple in between");
  });

  it("schema.ts and validators.ts both refused: schema.ts's SpecError, which one thread reaches first", async () => {
    // validators.ts: Ajv cannot compile the pattern "(".
    const put = `    put:
      requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { s: { type: string, pattern: "(" } } } } } }
${RETURNS_A}`;
    const error = await sameSpecError(oneOperationSpec(put, `x-zt-generator: { validators: true }\n${UNTYPABLE}`));
    expect(error.message).toContain("contain each other with no object, array or tuple in between");
  });

  it("a oneOf with a discriminator and validators: the same files; Ajv sees the spec's schemas, not openapi-typescript's additions", async () => {
    // openapi-typescript's scanDiscriminators adds an enum and `required` to Cat and Dog in the document it is given.
    const post = `    post:
      requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
${RETURNS_A}`;
    const spec = oneOperationSpec(
      post,
      `x-zt-generator: { validators: true }
components:
  schemas:
    Pet: { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }], discriminator: { propertyName: kind } }
    Cat: { type: object, properties: { kind: { type: string }, meows: { type: boolean } } }
    Dog: { type: object, properties: { kind: { type: string }, barks: { type: boolean } } }
    A: { type: object }
`,
    );
    const inThread = await generate(spec);
    const twoThreads = await parallel.generate(spec);
    expect(twoThreads.files).toEqual(inThread.files);
    const validators = inThread.files.find((f) => f.path === "validators.ts")?.content ?? "";
    expect(validators).toContain("meows");
    expect(validators).not.toContain("added by openapi-typescript");
  });

  it("a spec that changed between the worker's read and this thread's is refused, not generated from two versions", async () => {
    // A worker whose lint read other text than this thread bundles.
    const entry = scratchFile(
      "other-text.mjs",
      `import { parentPort } from "node:worker_threads";
parentPort.on("message", (job) => parentPort.postMessage({ id: job.id, value: { sources: new Map([["elsewhere.yaml", ""]]), warnings: [] } }));
`,
    );
    const stale = startParallelGenerator(pathToFileURL(entry));
    try {
      const error = await failure(stale.generate("spec/openapi.yaml"));
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).message).toBe("spec/openapi.yaml: the spec changed while it was being read: run again");
    } finally {
      await stale.close();
    }
  });

  it("a worker that dies fails the run with a clear error instead of hanging, and the next run gets a fresh worker", async () => {
    const dying = startParallelGenerator(pathToFileURL(scratchFile("dies.mjs", "process.exit(3);\n")));
    try {
      const first = await failure(dying.generate("spec/openapi.yaml"));
      expect((first as Error).message).toBe("the generator's worker thread stopped unexpectedly (exit code 3)");
      const second = await failure(dying.generate("spec/openapi.yaml"));
      expect((second as Error).message).toBe("the generator's worker thread stopped unexpectedly (exit code 3)");
    } finally {
      await dying.close();
    }

    const throwing = startParallelGenerator(pathToFileURL(scratchFile("throws.mjs", 'throw new Error("boom");\n')));
    try {
      const error = await failure(throwing.generate("spec/openapi.yaml"));
      expect((error as Error).message).toMatch(/^the generator's worker thread (failed: boom|stopped unexpectedly)/);
    } finally {
      await throwing.close();
    }
  });

  it("a reply that lands while close() stops the worker keeps the process alive until it has stopped (a CLI run exited 13 before)", () => {
    // The worker replies, says so through shared memory, and keeps busy; the main thread waits
    // for that word (the reply still unread), then closes: the reply is read during the stop.
    const entry = scratchFile(
      "replies.mjs",
      [
        'import { parentPort } from "node:worker_threads";',
        'parentPort.on("message", (job) => {',
        "  const flag = new Int32Array(job.root);",
        '  parentPort.postMessage({ id: job.id, value: "done" });',
        "  Atomics.store(flag, 0, 1);",
        "  Atomics.notify(flag, 0);",
        "  for (const end = Date.now() + 200; Date.now() < end; );",
        "});",
        "",
      ].join("\n"),
    );
    const child = scratchFile(
      "closes.ts",
      [
        `import { startWorker } from ${JSON.stringify(pathToFileURL(path.join(ROOT, "generator/parallel/parallel-generate.ts")).href)};`,
        `const handle = startWorker(new URL(${JSON.stringify(pathToFileURL(entry).href)}));`,
        "const flag = new Int32Array(new SharedArrayBuffer(4));",
        'handle.run({ kind: "lint", root: flag.buffer } as never).catch(() => undefined);',
        "Atomics.wait(flag, 0, 0, 10_000);",
        "await handle.close();",
        'console.log("closed");',
        "",
      ].join("\n"),
    );
    for (let run = 0; run < 3; run++) {
      const { status, stdout, stderr } = spawnSync(process.execPath, ["--import", "tsx", child], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(status, stderr).toBe(0);
      expect(stdout).toBe("closed\n");
    }
  });
});
