import { mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/load-spec.js";
import { SpecError } from "../../generator/load/spec-error.js";
import { generate } from "../../generator/pipeline.js";
import { startPipelineWorker, type PipelineWorker } from "../../generator/pipeline-worker.js";
import { cliBundle } from "../support/cli.js";
import { ARTIFACTS, copySpec, editFile, ROOT } from "../support/spec-copy.js";

/**
 * generate() with the CLI's worker thread (lint and schema.ts there) against generate()
 * in-thread, as every other test runs it: the same files, the same errors. The worker's
 * entry is the CLI bundle, as under `npm run generate`.
 */
let worker: PipelineWorker;

beforeAll(() => {
  worker = startPipelineWorker(pathToFileURL(cliBundle()));
});

afterAll(async () => {
  await worker.close();
});

/** The error generate() rejects with, or undefined when it succeeds. */
async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** A one-file spec under test/.artifacts. */
function specFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(ARTIFACTS, "worker-")), "openapi.yaml");
  writeFileSync(file, text);
  return file;
}

describe("generate() with the CLI's worker thread", () => {
  it.each([
    "spec/openapi.yaml",
    "test/fixtures/specs/params-and-responses.yaml",
    "test/fixtures/specs/composition.yaml",
    "test/fixtures/specs/collisions.yaml",
    "test/fixtures/specs/split/openapi.yaml",
    path.resolve(ROOT, "../shared/specs/cloudflare-openapi-2024-08-07.json"),
  ])("%s: the same files as in-thread", async (spec) => {
    const inThread = await generate(spec);
    const withWorker = await generate(spec, { worker });
    expect(withWorker.files).toEqual(inThread.files);
    expect(withWorker.inputs).toEqual(inThread.inputs);
  }, 60_000);

  it("a lint error in a referenced file: the same SpecError, at the same file:line:col", async () => {
    const spec = copySpec();
    editFile(path.join(spec, "paths/behaviors.yaml"), "operationId: updateBehaviors", "operationId: getBehaviors");
    const root = path.join(spec, "openapi.yaml");
    const inThread = await failure(generate(root));
    expect(inThread).toBeInstanceOf(SpecError);
    expect((inThread as SpecError).message).toMatch(/paths\/behaviors\.yaml:\d+:\d+: .*operation-operationId-unique/);
    const withWorker = await failure(generate(root, { worker }));
    expect(withWorker).toBeInstanceOf(SpecError);
    expect((withWorker as SpecError).message).toBe((inThread as SpecError).message);
  });

  it("a file that is not YAML, and a missing file: the same SpecError", async () => {
    for (const spec of [specFile("openapi: [3.1.0\n"), path.join(ARTIFACTS, "no-such-spec.yaml")]) {
      const inThread = await failure(generate(spec));
      expect(inThread).toBeInstanceOf(SpecError);
      expect(await failure(generate(spec, { worker }))).toEqual(inThread);
    }
  });

  it("schema.ts's own refusal (schemas that contain each other through unions alone) comes back as the same SpecError", async () => {
    const spec = specFile(`openapi: 3.1.0
info: { title: untypable, version: 1.0.0 }
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/A" } } } }
components:
  schemas:
    A: { anyOf: [{ $ref: "#/components/schemas/B" }, { type: string }] }
    B: { anyOf: [{ $ref: "#/components/schemas/A" }, { type: number }] }
`);
    const inThread = await failure(generate(spec));
    expect((inThread as SpecError).message).toContain("contain each other with no object, array or tuple in between");
    const withWorker = await failure(generate(spec, { worker }));
    expect(withWorker).toBeInstanceOf(SpecError);
    expect((withWorker as SpecError).message).toBe((inThread as SpecError).message);
  });

  it("a spec that changed between the worker's read and this thread's is refused, not generated from two versions", async () => {
    const error = await failure(loadSpec("spec/openapi.yaml", { lint: async () => ({ sources: new Map([["elsewhere.yaml", ""]]), warnings: [] }) }));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toBe("spec/openapi.yaml: the spec changed while it was being read: run again");
  });

  it("a worker that dies fails the run with a clear error instead of hanging, and the next run gets a fresh worker", async () => {
    const entry = path.join(mkdtempSync(path.join(ARTIFACTS, "worker-")), "dies.mjs");
    writeFileSync(entry, "process.exit(3);\n");
    const dying = startPipelineWorker(pathToFileURL(entry));
    try {
      const first = await failure(generate("spec/openapi.yaml", { worker: dying }));
      expect((first as Error).message).toBe("the generator's worker thread stopped unexpectedly (exit code 3)");
      const second = await failure(generate("spec/openapi.yaml", { worker: dying }));
      expect((second as Error).message).toBe("the generator's worker thread stopped unexpectedly (exit code 3)");
    } finally {
      await dying.close();
    }

    const throws = entry.replace("dies.mjs", "throws.mjs");
    writeFileSync(throws, 'throw new Error("boom");\n');
    const throwing = startPipelineWorker(pathToFileURL(throws));
    try {
      const error = await failure(generate("spec/openapi.yaml", { worker: throwing }));
      expect((error as Error).message).toMatch(/^the generator's worker thread (failed: boom|stopped unexpectedly)/);
    } finally {
      await throwing.close();
    }
  });
});
