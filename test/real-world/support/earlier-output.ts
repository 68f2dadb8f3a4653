/**
 * A fresh folder holding the output for the project's own spec, as an earlier run left
 * it, for the tests that check a refusal leaves the output alone. The output itself is
 * generated once per `vitest run` (test/support/once-per-run.ts) and copied into each
 * folder, instead of generated again for each test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate } from "../../../generator/pipeline.js";
import type { GeneratedFile } from "../../../generator/emit/generated-file.js";
import { replaceOutput } from "../../../generator/write/output-folder.js";
import { oncePerRun } from "../../support/once-per-run.js";
import { ARTIFACTS } from "../../support/spec-copy.js";

export async function earlierOutput(prefix: string): Promise<string> {
  const shared = await oncePerRun("spec-openapi-files", async (staging) => {
    writeFileSync(path.join(staging, "files.json"), JSON.stringify((await generate("spec/openapi.yaml")).files));
  });
  const files = JSON.parse(readFileSync(path.join(shared, "files.json"), "utf8")) as GeneratedFile[];
  const out = path.join(mkdtempSync(path.join(ARTIFACTS, prefix)), "generated");
  replaceOutput(out, files);
  return out;
}
