import path from "node:path";
import { loadSpec, displayPath, type LoadOptions, type OpenApiDocument } from "./load/load-spec.js";
import type { SpecProblem } from "./load/spec-error.js";
import { buildModel } from "./model/build-model.js";
import type { ApiModel } from "./model/api-model.js";
import { emitSchema } from "./emit/emit-schema.js";
import { emitTypes } from "./emit/emit-types.js";
import { emitClient } from "./emit/emit-client.js";
import { emitIndex } from "./emit/emit-index.js";
import { emitValidators } from "./emit/emit-validators.js";
import { emitTesting } from "./emit/emit-testing.js";
import { emitCodeSamples } from "./emit/emit-code-samples.js";
import { runtimeFiles } from "./emit/runtime-files.js";
import { revealInvisible } from "./emit/reveal-invisible.js";
import { headerFacts, withHeader, type GeneratedFile, type HeaderFacts } from "./write/generated-file.js";

export interface Generated {
  readonly model: ApiModel;
  /** The output, sorted by path, each file with its header. */
  readonly files: readonly GeneratedFile[];
  /** Every spec file that was read: the root and every file its `$ref`s reach. */
  readonly inputs: readonly string[];
  /** What is wrong with the spec but does not make the output wrong (load/problem-verdict.ts). */
  readonly warnings: readonly SpecProblem[];
}

/**
 * How to generate: `strict` refuses a spec with warnings (`--strict`); `out` is the folder
 * the output is for (the headers name the spec and the command from it; default
 * "generated"); `testing: false` leaves out the test kit (`--no-testing`), as the spec's
 * `x-zt-generator: { testing: false }` does.
 */
export interface GenerateOptions extends LoadOptions {
  readonly out?: string;
  readonly testing?: boolean;
}

/** What the emitters need of the run beside the model: the headers' facts and whether to emit the test kit. */
export interface OutputSettings {
  readonly header: HeaderFacts;
  readonly testing: boolean;
}

/** The run's OutputSettings, from its options and the model (`x-zt-generator.testing`). */
export function outputSettings(specPath: string, options: GenerateOptions, model: ApiModel): OutputSettings {
  return { header: headerFacts(specPath, options.out), testing: options.testing !== false && model.options.testing !== false };
}

/** The pipeline, in memory and in this thread: load → model → emit. Writing is the caller's choice (write/). */
export async function generate(specPath: string, options: GenerateOptions = {}): Promise<Generated> {
  const loaded = await loadSpec(specPath, options);
  const source = displayPath(path.resolve(specPath));
  const model = buildModel(loaded.document, source);
  // A copy, as the worker of `npm run generate` gets one (emitSchema changes what it is given).
  const schema = emitSchema(structuredClone(loaded.document), source);
  const settings = outputSettings(specPath, options, model);
  return collectOutput(model, schema, emitFromModel(model, loaded.document, settings), loaded, settings);
}

/** The runtime's test-kit modules (they import msw): left out with testing.ts. */
const TEST_KIT_RUNTIME = new Set(["runtime/testing.ts", "runtime/testing-request.ts"]);

/** Every output file but schema.ts, with its header: what the model (and, for validators.ts, the document) makes. */
export function emitFromModel(model: ApiModel, document: OpenApiDocument, settings: OutputSettings): GeneratedFile[] {
  const { spec, command } = settings.header;
  const fromSpec = (path: string, content: string): GeneratedFile => ({ path, content: withHeader("generated", spec, content, command) });
  const optional = (path: string, content: string | undefined) => (content === undefined ? [] : [fromSpec(path, content)]);
  const runtime = runtimeFiles().filter((f) => settings.testing || !TEST_KIT_RUNTIME.has(f.path));
  return [
    fromSpec("types.ts", emitTypes(model)),
    fromSpec("client.ts", emitClient(model)),
    fromSpec("index.ts", emitIndex(model)),
    ...optional("testing.ts", settings.testing ? emitTesting(model) : undefined),
    fromSpec("code-samples.ts", emitCodeSamples(model)),
    ...optional("validators.ts", emitValidators(model, document)),
    ...runtime.map((f) => ({ path: f.path, content: withHeader("copied", `generator/${f.path}`, f.content, command) })),
  ];
}

/**
 * The run's result: schema.ts (openapi-typescript's output) beside the other files, sorted
 * by path, each through the final pass that escapes or shows invisible characters
 * (emit/reveal-invisible.ts), with the load step's inputs and warnings.
 */
export function collectOutput(
  model: ApiModel,
  schema: string,
  others: readonly GeneratedFile[],
  loaded: { readonly files: readonly string[]; readonly warnings: readonly SpecProblem[] },
  settings: OutputSettings,
): Generated {
  const { spec, command } = settings.header;
  const files = [{ path: "schema.ts", content: withHeader("generated", spec, schema, command) }, ...others].map((file) => revealInvisible(file, model.source));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, files, inputs: loaded.files, warnings: loaded.warnings };
}
