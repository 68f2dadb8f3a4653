/**
 * `npm run generate` on two threads: generate() (pipeline.ts) with lint and schema.ts
 * offloaded to a worker thread (worker-entry.ts) on the second core. The worker lints the
 * root this thread has parsed while this thread bundles it, then emits schema.ts while
 * this thread builds the model and emits the other files. This thread never loads
 * openapi-typescript or its TypeScript compiler.
 */
import { Worker } from "node:worker_threads";
import { SpecError, type SpecProblem } from "../lib/spec-error.js";
import type { LintResult, OpenApiDocument, ParsedRoot } from "../load/load-spec.js";
import { generate, type Generated, type GenerateOptions, type Offload } from "../pipeline.js";

/**
 * The main thread's stack (V8's default, 984 KB) plus the 192 KB Node keeps in reserve
 * in a worker: a spec nested too deeply for the loader is refused as it would be in one thread.
 */
const MAIN_THREAD_STACK_MB = 1.15;

/** A step the worker runs: lintParsedRoot(root), or emitSchema(document, source). */
type Step =
  | { readonly kind: "lint"; readonly root: ParsedRoot }
  | { readonly kind: "emitSchema"; readonly document: unknown; readonly source: string };

/** A step as posted to the worker, numbered so that its reply finds it. */
export type Job = Step & { readonly id: number };

/** The worker's answer to a job: its value, the problems of its SpecError, or another error's message. */
export type Reply =
  | { readonly id: number; readonly value: unknown }
  | { readonly id: number; readonly problems: readonly SpecProblem[] }
  | { readonly id: number; readonly error: string };

/** generate() on two threads; close() it when done. */
export interface ParallelGenerator {
  /** generate(specPath, options) with lint and schema.ts on the worker thread. */
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
  // postMessage copies what it posts, as the pipeline asks of every Offload.
  const offload: Offload = {
    lint: (root) => worker.run<LintResult>({ kind: "lint", root }),
    emitSchema: (document: OpenApiDocument, source) => worker.run<string>({ kind: "emitSchema", document, source }),
  };
  return {
    generate: (specPath, options = {}) => generate(specPath, options, offload),
    close: () => worker.close(),
  };
}

export interface WorkerHandle {
  /** Posts one step to the worker; settles with its value or the error it would throw in one thread. */
  run<T>(step: Step): Promise<T>;
  close(): Promise<void>;
}

/**
 * The worker and its pending steps. It is unref'd while idle, so it never keeps the
 * process alive by itself; if it dies, its pending steps reject and the next step starts
 * a new one.
 */
export function startWorker(entry: URL): WorkerHandle {
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
      // Idle again: unref'd, unless close() is stopping it. terminate() refs the worker until it
      // has stopped; a reply that lands in between must not undo that, or the process can run
      // out of work while close() still waits (a CLI run then exits 13, a top-level await unsettled).
      if (pending.size === 0 && worker === started) started.unref();
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
