/**
 * A child process of the real-world test: generates each document of a job list into its
 * folder, then type-checks all of them in one tsc run, so that the corpus uses the second
 * core while another child does the same with other documents.
 * Usage: node generate-batch.mjs JOBS_JSON OUT_DIR. Prints one line per document,
 * prefixed with RESULT, then one line TSC with tsc's output and exit status.
 */
import { readFileSync } from "node:fs";
import { generate } from "../../../generator/pipeline.js";
import { formatProblem } from "../../../generator/lib/spec-error.js";
import { replaceOutput } from "../../../generator/write/output-folder.js";
import { typecheckFolder } from "../../support/tsc.js";

export interface BatchJob {
  readonly name: string;
  readonly spec: string;
  readonly out: string;
}

export interface BatchResult {
  readonly name: string;
  readonly error?: string;
  readonly operations?: number;
  readonly inputs?: number;
  readonly warnings?: readonly string[];
  readonly ms: number;
}

const [jobsFile, outDir] = process.argv.slice(2) as [string, string];
const jobs = JSON.parse(readFileSync(jobsFile, "utf8")) as BatchJob[];
for (const job of jobs) {
  const started = performance.now();
  let result: BatchResult;
  try {
    const generated = await generate(job.spec);
    replaceOutput(job.out, generated.files);
    const ms = Math.round(performance.now() - started);
    result = { name: job.name, operations: generated.model.operations.length, inputs: generated.inputs.length, warnings: generated.warnings.map(formatProblem), ms };
  } catch (error) {
    result = { name: job.name, error: error instanceof Error ? error.message : String(error), ms: Math.round(performance.now() - started) };
  }
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}
const started = performance.now();
const { output, status } = typecheckFolder(outDir);
process.stdout.write(`TSC ${JSON.stringify({ output, status, ms: Math.round(performance.now() - started) })}\n`);
