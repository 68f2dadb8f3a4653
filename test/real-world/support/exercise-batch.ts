/**
 * A child process of the real-world test: exercises one generated client (exercise.ts)
 * while the child that generated it type-checks it. That child generated it without
 * validators (its tsc run stays as it was); this one loads the spec again and builds
 * them, beside the output as validators.exercise.mts (tsc's include takes .ts files only, so that
 * the tsc run in progress never sees it), and removes them when done.
 * Usage: node exercise-batch.mjs JOB_JSON. Prints one line prefixed with EXERCISE, as
 * generate-batch.ts does.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emitValidators } from "../../../generator/emit/emit-validators.js";
import { displayPath } from "../../../generator/lib/display-path.js";
import { bundleOpened, openSpec } from "../../../generator/load/load-spec.js";
import { buildModel } from "../../../generator/model/build-model.js";
import type { BatchJob } from "./generate-batch.js";
import { exercised } from "./exercise.js";

const job = JSON.parse(process.argv[2]!) as BatchJob;
// Loaded as generate() loads it (the lint, which the generating child ran, is not needed again).
const loaded = await bundleOpened(await openSpec(job.spec, job.root));
const own = loaded.document["x-zt-generator"];
const document = { ...loaded.document, "x-zt-generator": { ...(typeof own === "object" && own !== null ? own : {}), validators: true } };
const model = buildModel(document, displayPath(path.resolve(job.spec)));
const file = "validators.exercise.mts";
writeFileSync(path.join(job.out, file), emitValidators(model, document)!);
try {
  process.stdout.write(`EXERCISE ${JSON.stringify(await exercised(job.name, job.out, model, file))}\n`);
} finally {
  rmSync(path.join(job.out, file), { force: true });
}
