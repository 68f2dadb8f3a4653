/**
 * The worker thread of generator/parallel/parallel-generate.ts: runs each step posted to
 * it and replies with its value or its error. `npm run generate` bundles this file on its
 * own, beside the CLI's bundle (package.json): the worker evaluates the load step and
 * schema.ts's emitter, nothing else.
 */
import { parentPort } from "node:worker_threads";
import { emitSchema } from "../emit/emit-schema.js";
import { openapiTypescript } from "../lib/packages.js";
import { SpecError } from "../lib/spec-error.js";
import { lintParsedRoot } from "../load/load-spec.js";
import type { Job, Reply } from "./parallel-generate.js";

const port = parentPort;
if (port === null) throw new Error("generator/parallel/worker-entry.ts runs only as a worker thread");
port.on("message", (job: Job) => {
  void settle(job).then((reply) => {
    port.postMessage(reply);
    // Loaded now, while the main thread bundles: the next step is schema.ts.
    if (job.kind === "lint") openapiTypescript();
  });
});

/** One step's reply: its value, or the problems of its SpecError (rebuilt as the same error), or any other error's message. */
async function settle(job: Job): Promise<Reply> {
  try {
    const value = job.kind === "lint" ? await lintParsedRoot(job.root) : emitSchema(job.document, job.source);
    return { id: job.id, value };
  } catch (error) {
    if (error instanceof SpecError) return { id: job.id, problems: error.problems };
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}
