/**
 * A child process of the real-world test: generates each document of a job list into its
 * folder (validators included, as `x-zt-generator: { validators: true }` would ask), then
 * type-checks all of them in one tsc run, then runs each generated client against its
 * generated test kit (exercise.ts), so that the corpus uses the second core while another
 * child does the same with other documents, and each child loads TypeScript, msw and the
 * generator once for all its documents.
 * Usage: node generate-batch.mjs JOBS_JSON OUT_DIR. Prints one line per document,
 * prefixed with RESULT, then one line TSC with tsc's output and exit status, then one
 * line per document prefixed with EXERCISE.
 */
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatProblem, SpecError } from "../../../generator/lib/spec-error.js";
import type { ApiModel } from "../../../generator/model/api-model.js";
import { generate, type Generated, type GenerateOptions } from "../../../generator/pipeline.js";
import { replaceOutput } from "../../../generator/write/output-folder.js";
import { typecheckFolder } from "../../support/tsc.js";
import { exercised, type ExerciseResult } from "./exercise.js";

export interface BatchJob {
  readonly name: string;
  readonly spec: string;
  readonly out: string;
  readonly root?: string;
  /** A file of type assertions, copied beside the output as probe.ts (type-checked with it). */
  readonly probe?: string;
  /**
   * Generated without validators, as generate() does, and exercised by another child
   * (exercise-batch.ts, which builds them) while this one type-checks: its RESULT line says when.
   */
  readonly exerciseElsewhere?: boolean;
}

export interface BatchResult {
  readonly name: string;
  readonly error?: string;
  readonly operations?: number;
  readonly inputs?: number;
  readonly warnings?: readonly string[];
  /** Why validators.ts could not be made (the output was generated without it). */
  readonly validatorsError?: string;
  readonly ms: number;
}

export type BatchExercise = ExerciseResult & { readonly name: string; readonly error?: string; readonly ms: number };

/** generate() with validators (the exercise turns them on); without them when Ajv cannot build them (said in the result). */
async function generateWithValidators(spec: string, options: GenerateOptions): Promise<{ generated: Generated; validatorsError?: string }> {
  try {
    return { generated: await generate(spec, { ...options, validators: true }) };
  } catch (error) {
    if (!(error instanceof SpecError) || !error.message.includes("cannot build validators")) throw error;
    return { generated: await generate(spec, options), validatorsError: error.message };
  }
}

const [jobsFile, outDir] = process.argv.slice(2) as [string, string];
const jobs = JSON.parse(readFileSync(jobsFile, "utf8")) as BatchJob[];
const models = new Map<string, ApiModel>();
for (const job of jobs) {
  const started = performance.now();
  let result: BatchResult;
  try {
    const options = job.root === undefined ? {} : { root: job.root };
    const { generated, validatorsError } = job.exerciseElsewhere
      ? { generated: await generate(job.spec, options) }
      : await generateWithValidators(job.spec, options);
    replaceOutput(job.out, generated.files);
    if (job.probe !== undefined) copyFileSync(job.probe, path.join(job.out, "probe.ts"));
    if (!job.exerciseElsewhere) models.set(job.name, generated.model);
    const ms = Math.round(performance.now() - started);
    result = {
      name: job.name,
      operations: generated.model.operations.length,
      inputs: generated.inputs.length,
      warnings: generated.warnings.map(formatProblem),
      ...(validatorsError === undefined ? {} : { validatorsError }),
      ms,
    };
  } catch (error) {
    result = { name: job.name, error: error instanceof Error ? error.message : String(error), ms: Math.round(performance.now() - started) };
  }
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}
const started = performance.now();
const { output, status } = typecheckFolder(outDir);
process.stdout.write(`TSC ${JSON.stringify({ output, status, ms: Math.round(performance.now() - started) })}\n`);
for (const job of jobs) {
  const model = models.get(job.name);
  if (model !== undefined) process.stdout.write(`EXERCISE ${JSON.stringify(await exercised(job.name, job.out, model))}\n`);
}
