import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { emitSchema } from "./emit/emit-schema.js";
import { openapiTypescript } from "./lib/packages.js";
import { lintSpec, type LintResult } from "./load/load-spec.js";
import { SpecError, type SpecProblem } from "./load/spec-error.js";

/**
 * The CLI's second thread. Two steps need nothing from the others but the spec's path
 * and, for schema.ts, the bundled document: linting and openapi-typescript's transform,
 * together nearly half of a one-thread run on Cloudflare's whole API. On a second core
 * the worker lints while the main thread bundles, then emits schema.ts while the main
 * thread emits types.ts and client.ts; the main thread never loads openapi-typescript or
 * its TypeScript compiler.
 *
 * Its entry is the CLI's own bundle (one file to build): the bundle sees
 * isPipelineWorker() and serves instead of running the CLI. generate() runs both steps
 * in-thread unless handed a worker, as most tests call it; test/generator/worker.test.ts
 * and the CLI tests cover the worker.
 */

/** Marks the threads started here (workerData), so that the bundle knows what to do in them. */
const ROLE = "zt-risk-scoring/pipeline-worker";

/**
 * The main thread's stack (V8's default, 984 KB) plus the 192 KB Node keeps in reserve
 * in a worker: a spec nested too deeply for the loader is refused as it would be in-thread.
 */
const MAIN_THREAD_STACK_MB = 1.15;

type Job =
  | { readonly id: number; readonly kind: "lint"; readonly specPath: string }
  | { readonly id: number; readonly kind: "emitSchema"; readonly document: unknown; readonly source: string };

type Reply =
  | { readonly id: number; readonly value: unknown }
  | { readonly id: number; readonly problems: readonly SpecProblem[] }
  | { readonly id: number; readonly error: string };

/** The main thread's handle on the worker. Each step rejects with the same SpecError it throws in-thread. */
export interface PipelineWorker {
  /** lintSpec(specPath), in the worker. */
  lint(specPath: string): Promise<LintResult>;
  /** emitSchema(document, source), in the worker (the document is copied there). */
  emitSchema(document: unknown, source: string): Promise<string>;
  /** Stops the worker; a later call starts a new one. */
  close(): Promise<void>;
}

/**
 * Starts a worker on `entry` (a module that calls servePipelineWorker() when
 * isPipelineWorker()). It is unref'd while idle, so it never keeps the process alive by
 * itself; if it dies, its pending steps reject and the next call starts a new one.
 */
export function startPipelineWorker(entry: URL): PipelineWorker {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let worker: Worker | undefined;

  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const spawn = (): Worker => {
    const started = new Worker(entry, { workerData: { role: ROLE }, resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB } });
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
  /** Posts one step to the worker and resolves with its result. */
  const run = <T>(job: Job): Promise<T> => {
    const current = (worker ??= spawn());
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
  };
  worker = spawn();

  return {
    lint: (specPath) => run<LintResult>({ id: nextId++, kind: "lint", specPath }),
    emitSchema: (document, source) => run<string>({ id: nextId++, kind: "emitSchema", document, source }),
    async close() {
      const current = worker;
      worker = undefined;
      if (current !== undefined) await current.terminate();
    },
  };
}

/** True in a thread started by startPipelineWorker(). */
export function isPipelineWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE;
}

/** The worker's side: runs each step posted to it and replies with its result or its error. */
export function servePipelineWorker(): void {
  const port = parentPort!;
  port.on("message", (job: Job) => {
    void settle(job).then((reply) => {
      port.postMessage(reply);
      // Loaded now, while the main thread bundles: the next step is schema.ts.
      if (job.kind === "lint") openapiTypescript();
    });
  });
}

/** One step's reply: its value, or the problems of its SpecError, or any other error's message. */
async function settle(job: Job): Promise<Reply> {
  try {
    const value = job.kind === "lint" ? await lintSpec(job.specPath) : emitSchema(job.document, job.source);
    return { id: job.id, value };
  } catch (error) {
    if (error instanceof SpecError) return { id: job.id, problems: error.problems };
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}
