/**
 * `npm run generate` on two threads. Two steps need nothing from the others but the spec
 * and, for schema.ts, the bundled document: linting and openapi-typescript's transform,
 * together nearly half of a one-thread run on Cloudflare's whole API. On a second core a
 * worker thread (worker-entry.ts) lints the root document this thread has parsed while
 * this thread bundles it, then emits schema.ts while this thread builds the model and
 * emits the other files. This thread
 * starts on the model as soon as its bundle is ready, without waiting for the lint's
 * verdict, and throws that work away when the lint refuses the spec. It never loads
 * openapi-typescript or its TypeScript compiler.
 *
 * The result, files and errors alike, is generate()'s (pipeline.ts), which runs every
 * step in one thread: test/generator/worker.test.ts compares the two on every fixture.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { bundleOpened, displayPath, openSpec, parsedRoot, refuseWarnings, type LintResult, type ParsedRoot, type SpecSources } from "../load/load-spec.js";
import { SpecError, type SpecProblem } from "../load/spec-error.js";
import { buildModel } from "../model/build-model.js";
import { collectOutput, emitFromModel, type Generated, type GenerateOptions } from "../pipeline.js";

/**
 * The main thread's stack (V8's default, 984 KB) plus the 192 KB Node keeps in reserve
 * in a worker: a spec nested too deeply for the loader is refused as it would be in one thread.
 */
const MAIN_THREAD_STACK_MB = 1.15;

/** A step the worker runs: lintParsedRoot(root), or emitSchema(document, source). */
type Step = { readonly kind: "lint"; readonly root: ParsedRoot } | { readonly kind: "emitSchema"; readonly document: unknown; readonly source: string };

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
      const source = displayPath(path.resolve(specPath));
      // Parsed once, here (its errors come first, as in one thread); the worker lints a
      // copy, posted before bundling changes the document in place.
      const opened = await openSpec(specPath, options.root);
      const linted = worker.run<LintResult>({ kind: "lint", root: parsedRoot(opened) });
      linted.catch(() => undefined); // awaited by verdict(), after the work it overlaps
      const bundled = await bundleOpened(opened).catch(async (error: unknown) => {
        await linted; // lint's verdict (parsing's included) comes first, as in one thread
        throw error;
      });
      // Queued now: the worker emits schema.ts as soon as it has linted.
      const schema = worker.run<string>({ kind: "emitSchema", document: bundled.document, source });
      schema.catch(() => undefined); // awaited below, unless an earlier step fails
      // Built while the worker still lints (this thread would otherwise wait), and thrown
      // away, errors included, when the lint refuses the spec.
      const built = attempt(() => {
        const model = buildModel(bundled.document, source);
        return { model, others: attempt(() => emitFromModel(model, bundled.document)) };
      });
      const warnings = await verdict(source, linted, bundled.sources, options);
      if ("error" in built) throw built.error;
      const { model, others } = built.value;
      if ("error" in others) {
        // In one thread schema.ts is emitted first: its error, if it has one, is the one to report.
        await schema;
        throw others.error;
      }
      return collectOutput(model, await schema, others.value, { files: bundled.files, warnings });
    },
    close: () => worker.close(),
  };
}

/** A step's value, or what it threw. */
type Attempt<T> = { readonly value: T } | { readonly error: unknown };

function attempt<T>(step: () => T): Attempt<T> {
  try {
    return { value: step() };
  } catch (error) {
    return { error };
  }
}

/**
 * What loadSpec() would conclude once its bundle has passed: the lint's verdict (it
 * throws the lint's errors), the same spec text read by both threads, and `--strict`.
 * Returns the lint's warnings.
 */
async function verdict(display: string, linted: Promise<LintResult>, read: SpecSources, options: GenerateOptions): Promise<readonly SpecProblem[]> {
  const { sources, warnings } = await linted;
  // An editor may save between the two reads: the bundled text must be the linted one.
  const same = sources.size === read.size && [...read].every(([file, text]) => sources.get(file) === text);
  if (!same) throw new SpecError([{ file: display, message: "the spec changed while it was being read: run again" }]);
  if (options.strict) refuseWarnings(warnings, display);
  return warnings;
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
