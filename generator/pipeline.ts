import path from "node:path";
import { loadSpec, displayPath } from "./load/load-spec.js";
import { buildModel } from "./model/build-model.js";
import type { ApiModel } from "./model/api-model.js";
import { emitSchema } from "./emit/emit-schema.js";
import { emitTypes } from "./emit/emit-types.js";
import { emitClient } from "./emit/emit-client.js";
import { emitIndex } from "./emit/emit-index.js";
import { emitValidators } from "./emit/emit-validators.js";
import { runtimeFiles } from "./emit/runtime-files.js";
import { revealInvisible } from "./emit/reveal-invisible.js";
import type { PipelineWorker } from "./pipeline-worker.js";
import { withHeader, type GeneratedFile } from "./write/generated-file.js";
import type { SpecProblem } from "./load/spec-error.js";

export interface Generated {
  readonly model: ApiModel;
  /** The output, sorted by path, each file with its header. */
  readonly files: readonly GeneratedFile[];
  /** Every spec file that was read. */
  readonly inputs: readonly string[];
  /** What is wrong with the spec but does not make the output wrong (load/problem-verdict.ts). */
  readonly warnings: readonly SpecProblem[];
}

export interface GenerateOptions {
  /**
   * Where linting and schema.ts run: in this thread by default. The CLI passes its worker
   * thread (pipeline-worker.ts), which lints while this thread bundles and emits schema.ts
   * while this thread emits the other files.
   */
  readonly worker?: PipelineWorker;
  /** Refuses the spec when it has warnings (`--strict`). */
  readonly strict?: boolean;
}

/** The pipeline, in memory: load → model → emit. Writing is the caller's choice (write/). */
export async function generate(specPath: string, options: GenerateOptions = {}): Promise<Generated> {
  const { worker, strict } = options;
  const loaded = await loadSpec(specPath, { strict, ...(worker ? { lint: (spec: string) => worker.lint(spec) } : {}) });
  const source = displayPath(path.resolve(specPath));
  // Posted before the model is built: schema.ts needs only the document, and the worker is free.
  const inWorker = worker?.emitSchema(loaded.document, source);
  inWorker?.catch(() => undefined); // awaited below, unless the model step fails first
  const model = buildModel(loaded.document, source);
  const fromSpec = (path: string, content: string): GeneratedFile => ({ path, content: withHeader("generated", model.source, content) });
  const optional = (path: string, content: string | undefined) => (content === undefined ? [] : [fromSpec(path, content)]);
  const schema = inWorker ?? emitSchema(loaded.document, source);
  let others: GeneratedFile[];
  try {
    others = [
      fromSpec("types.ts", emitTypes(model)),
      fromSpec("client.ts", emitClient(model)),
      fromSpec("index.ts", emitIndex()),
      ...optional("validators.ts", emitValidators(model, loaded.document)),
      ...runtimeFiles().map((f) => ({ path: f.path, content: withHeader("copied", `generator/${f.path}`, f.content) })),
    ];
  } catch (error) {
    // schema.ts's error, if it has one, is the one to report, as when it runs first in-thread.
    await schema;
    throw error;
  }
  const files = [fromSpec("schema.ts", await schema), ...others].map((file) => revealInvisible(file, model.source));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, files, inputs: loaded.files, warnings: loaded.warnings };
}
