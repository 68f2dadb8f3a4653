/**
 * `npm run generate` on two threads. Two steps need nothing from the others but the spec
 * and, for schema.ts, the bundled document: linting and openapi-typescript's transform,
 * together nearly half of a one-thread run on Cloudflare's whole API. On a second core a
 * worker thread (worker-entry.ts) lints while this thread parses and bundles, then emits
 * schema.ts while this thread builds the model and emits the other files; this thread
 * never loads openapi-typescript or its TypeScript compiler.
 *
 * The result, files and errors alike, is generate()'s (pipeline.ts), which runs every
 * step in one thread: test/generator/worker.test.ts compares the two on every fixture.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { bundleSpec, displayPath, refuseWarnings, type LintResult, type LoadedSpec } from "../load/load-spec.js";
import { SpecError, type SpecProblem } from "../load/spec-error.js";
import { buildModel } from "../model/build-model.js";
import { collectOutput, emitFromModel, type Generated, type GenerateOptions } from "../pipeline.js";
import type { GeneratedFile } from "../write/generated-file.js";

/**
 * The main thread's stack (V8's default, 984 KB) plus the 192 KB Node keeps in reserve
 * in a worker: a spec nested too deeply for the loader is refused as it would be in one thread.
 */
const MAIN_THREAD_STACK_MB = 1.15;

/** A step the worker runs: lintSpec(specPath), or emitSchema(document, source). */
type Step = { readonly kind: "lint"; readonly specPath: string } | { readonly kind: "emitSchema"; readonly document: unknown; readonly source: string };

/** A step as posted to the worker, numbered so that its reply finds it. */
export type Job = Step & { readonly id: number };

/** The worker's answer to a job: its value, the problems of its SpecError, or another error's message. */
export type Reply =
  | { readonly id: number; readonly value: unknown }
  | { readonly id: number; readonly problems: readonly SpecProblem[] }
  | { readonly id: number; readonly error: string };

/** generate() on two threads; close() it when done. */
export interface ParallelGenerator {
  /** What generate(specPath, options) gives, or the error it throws. */
  generate(specPath: string, options?: GenerateOptions): Promise<Generated>;
  /** Stops the worker thread; a later generate() starts a new one. */
  close(): Promise<void>;
}

/**
 * Starts the worker thread on `workerEntry` (worker-entry.ts, bundled: Node runs no
 * TypeScript) at once, so that it is up by the time the first lint is posted.
 */
export function startParallelGenerator(workerEntry: URL): ParallelGenerator {
  const worker = startWorker(workerEntry);
  return {
    async generate(specPath, options = {}) {
      const loaded = await load(specPath, worker, options);
      const source = displayPath(path.resolve(specPath));
      // Posted before the model is built: schema.ts needs only the document, and the worker is free.
      const schema = worker.run<string>({ kind: "emitSchema", document: loaded.document, source });
      schema.catch(() => undefined); // awaited below, unless the model step fails first
      const model = buildModel(loaded.document, source);
      let others: GeneratedFile[];
      try {
        others = emitFromModel(model, loaded.document);
      } catch (error) {
        // In one thread schema.ts is emitted first: its error, if it has one, is the one to report.
        await schema;
        throw error;
      }
      return collectOutput(model, await schema, others, loaded);
    },
    close: () => worker.close(),
  };
}

/** loadSpec() with the lint on the worker and the bundle here. */
async function load(specPath: string, worker: WorkerHandle, options: GenerateOptions): Promise<LoadedSpec> {
  const linted = worker.run<LintResult>({ kind: "lint", specPath });
  linted.catch(() => undefined); // awaited below, once bundling has settled
  const bundling = bundleSpec(specPath);
  await bundling.catch(() => undefined);
  // The verdicts in the order loadSpec() reaches them: lint's (parsing's included) first.
  const { sources, warnings } = await linted;
  const { document, files, sources: read } = await bundling;
  const display = displayPath(path.resolve(specPath));
  // An editor may save between the two reads: the bundled text must be the linted one.
  const same = sources.size === read.size && [...read].every(([file, text]) => sources.get(file) === text);
  if (!same) throw new SpecError([{ file: display, message: "the spec changed while it was being read: run again" }]);
  if (options.strict) refuseWarnings(warnings, display);
  return { document, files, warnings };
}

interface WorkerHandle {
  /** Posts one step to the worker; settles with its value or the error it would throw in one thread. */
  run<T>(step: Step): Promise<T>;
  close(): Promise<void>;
}

/**
 * The worker and its pending steps. It is unref'd while idle, so it never keeps the
 * process alive by itself; if it dies, its pending steps reject and the next step starts
 * a new one.
 */
function startWorker(entry: URL): WorkerHandle {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let worker: Worker | undefined;

  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const spawn = (): Worker => {
    const started = new Worker(entry, { resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB } });
    started.unref();
    started.on("message", (reply: Reply) => {
      const job = pending.get(reply.id);
      if (job === undefined) return;
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if ("value" in reply) job.resolve(reply.value);
      else if ("problems" in reply) job.reject(new SpecError(reply.problems));
      else job.reject(new Error(reply.error));
    });
    started.on("error", (error) => failAll(new Error(`the generator's worker thread failed: ${error.message}`)));
    started.on("messageerror", (error) => failAll(new Error(`the generator's worker thread sent an unreadable reply: ${error.message}`)));
    started.on("exit", (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the generator's worker thread stopped unexpectedly (exit code ${code})`));
    });
    return started;
  };
  worker = spawn();

  return {
    run<T>(step: Step): Promise<T> {
      const current = (worker ??= spawn());
      const job: Job = { ...step, id: nextId++ };
      return new Promise<T>((resolve, reject) => {
        pending.set(job.id, { resolve: resolve as (value: unknown) => void, reject });
        current.ref();
        try {
          current.postMessage(job);
        } catch (error) {
          // The document could not be copied to the worker (not plain data).
          pending.delete(job.id);
          if (pending.size === 0) current.unref();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    async close() {
      const current = worker;
      worker = undefined;
      if (current !== undefined) await current.terminate();
    },
  };
}
