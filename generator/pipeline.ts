/**
 * The pipeline, written once: load → model → emit, in memory. Writing is the caller's
 * choice (write/). Two steps need nothing from the others but the spec and, for schema.ts,
 * the bundled document: linting, and openapi-typescript's transform (together nearly half
 * of a run on Cloudflare's whole API). Where they run is a parameter (Offload): in this
 * thread (generate()'s default, what the tests run), or on a worker thread on the second
 * core (parallel/worker-steps.ts, what `npm run generate` runs). Either way the sequence,
 * the files and the errors are this function's.
 *
 * The root is parsed once, here; the lint gets a copy of it, posted before bundling changes
 * the document in place. The model is built while the lint runs and thrown away,
 * errors included, when the lint refuses the spec. Errors come in the order the steps
 * would meet them one after another: parsing, lint, bundling, the model, schema.ts, the
 * other files.
 */
import path from "node:path";
import { displayPath } from "./lib/display-path.js";
import { SpecError, type SpecProblem } from "./lib/spec-error.js";
import {
  bundleOpened,
  lintParsedRoot,
  openSpec,
  parsedRoot,
  refuseWarnings,
  type LintResult,
  type OpenApiDocument,
  type ParsedRoot,
  type SpecSources,
} from "./load/load-spec.js";
import { buildModel } from "./model/build-model.js";
import type { ApiModel } from "./model/api-model.js";
import { emitSchema } from "./emit/emit-schema.js";
import { emitTypes } from "./emit/emit-types.js";
import { emitClient } from "./emit/emit-client.js";
import { emitIndex } from "./emit/emit-index.js";
import { emitValidators } from "./emit/emit-validators.js";
import { emitTesting } from "./emit/emit-testing.js";
import { emitCodeSamples } from "./emit/emit-code-samples.js";
import { runtimeFiles } from "./lib/runtime-source.js";
import { revealInvisible } from "./emit/reveal-invisible.js";
import { withHeader, type GeneratedFile } from "./emit/generated-file.js";

export interface Generated {
  readonly model: ApiModel;
  /** The output, sorted by path, each file with its header. */
  readonly files: readonly GeneratedFile[];
  /** Every spec file that was read: the root and every file its `$ref`s reach. */
  readonly inputs: readonly string[];
  /** What is wrong with the spec but does not make the output wrong (load/problem-verdict.ts). */
  readonly warnings: readonly SpecProblem[];
}

/** How to generate. */
export interface GenerateOptions {
  /** Refuses warnings too (`--strict`), after every other problem. */
  readonly strict?: boolean;
}

/**
 * Where the two self-contained steps run. Each settles with the step's value or the error
 * it throws in this thread (a SpecError as a SpecError); each gets its own copy of what
 * it is given, and they run one after the other, in the order they are asked for.
 */
export interface Offload {
  /** lintParsedRoot(root): the lint's warnings and the text it read, or its SpecError. */
  lint(root: ParsedRoot): Promise<LintResult>;
  /** emitSchema(document, source): schema.ts's content. */
  emitSchema(document: OpenApiDocument, source: string): Promise<string>;
}

/** Both steps in this thread, one after the other (as a worker takes them), each on a copy. */
export function inThisThread(): Offload {
  let previous: Promise<unknown> = Promise.resolve();
  const queue = <T>(step: () => T | Promise<T>): Promise<T> => {
    const result = previous.then(step);
    previous = result.catch(() => undefined);
    return result;
  };
  return {
    // The copy is taken now, before bundling changes the root in place.
    lint: (root) => {
      const copy = structuredClone(root);
      return queue(() => lintParsedRoot(copy));
    },
    // emitSchema changes what it is given (openapi-typescript adds to discriminated schemas).
    emitSchema: (document, source) => {
      const copy = structuredClone(document);
      return queue(() => emitSchema(copy, source));
    },
  };
}

/** The pipeline (see the top of this file); `offload` says where lint and schema.ts run. */
export async function generate(specPath: string, options: GenerateOptions = {}, offload: Offload = inThisThread()): Promise<Generated> {
  const source = displayPath(path.resolve(specPath));
  const opened = await openSpec(specPath); // parsing's errors come first
  const linted = offload.lint(parsedRoot(opened));
  linted.catch(() => undefined); // awaited by verdict(), after the work it overlaps
  const bundled = await bundleOpened(opened).catch(async (error: unknown) => {
    await linted; // lint's verdict comes before bundling's
    throw error;
  });
  const schema = offload.emitSchema(bundled.document, source);
  schema.catch(() => undefined); // awaited below, unless an earlier step fails
  const built = attempt(() => {
    const model = buildModel(bundled.document, source);
    return { model, others: attempt(() => emitFromModel(model, bundled.document)) };
  });
  const warnings = await verdict(source, linted, bundled.sources, options);
  if ("error" in built) throw built.error;
  const { model, others } = built.value;
  const schemaText = await schema; // its error comes before the other files'
  if ("error" in others) throw others.error;
  return collectOutput(model, schemaText, others.value, { files: bundled.files, warnings });
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
 * The load step's conclusion once the bundle has passed: the lint's verdict (it throws the
 * lint's errors), the same spec text read by lint and bundle, and `--strict`. Returns the
 * lint's warnings.
 */
async function verdict(
  display: string,
  linted: Promise<LintResult>,
  read: SpecSources,
  options: GenerateOptions,
): Promise<readonly SpecProblem[]> {
  const { sources, warnings } = await linted;
  // An editor may save between the two reads: the bundled text must be the linted one.
  const same = sources.size === read.size && [...read].every(([file, text]) => sources.get(file) === text);
  if (!same) throw new SpecError([{ file: display, message: "the spec changed while it was being read: run again" }]);
  if (options.strict) refuseWarnings(warnings, display);
  return warnings;
}

/** Every output file but schema.ts, with its header: what the model (and, for validators.ts, the document) makes. */
function emitFromModel(model: ApiModel, document: OpenApiDocument): GeneratedFile[] {
  const fromSpec = (path: string, content: string): GeneratedFile => ({ path, content: withHeader("generated", model.source, content) });
  const optional = (path: string, content: string | undefined) => (content === undefined ? [] : [fromSpec(path, content)]);
  return [
    fromSpec("types.ts", emitTypes(model)),
    fromSpec("client.ts", emitClient(model)),
    fromSpec("index.ts", emitIndex(model)),
    fromSpec("testing.ts", emitTesting(model)),
    fromSpec("code-samples.ts", emitCodeSamples(model)),
    ...optional("validators.ts", emitValidators(model, document)),
    ...runtimeFiles().map((f) => ({ path: f.path, content: withHeader("copied", `generator/${f.path}`, f.content) })),
  ];
}

/**
 * The run's result: schema.ts (openapi-typescript's output) beside the other files, sorted
 * by path, each through the final pass that escapes or shows invisible characters
 * (emit/reveal-invisible.ts), with the load step's inputs and warnings.
 */
function collectOutput(
  model: ApiModel,
  schema: string,
  others: readonly GeneratedFile[],
  loaded: { readonly files: readonly string[]; readonly warnings: readonly SpecProblem[] },
): Generated {
  const files = [{ path: "schema.ts", content: withHeader("generated", model.source, schema) }, ...others].map((file) =>
    revealInvisible(file, model.source),
  );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, files, inputs: loaded.files, warnings: loaded.warnings };
}
