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
  type LoadOptions,
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
import { headerFacts, withHeader, type GeneratedFile, type HeaderFacts } from "./emit/generated-file.js";

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
 * How to generate: `strict` refuses a spec with warnings (`--strict`, or the spec's own
 * `x-zt-generator: { strict: true }`); `out` is the folder the output is for (the headers
 * name the spec and the command from it; default "generated"); `testing: false` leaves out
 * the test kit (`--no-testing`), as the spec's `x-zt-generator: { testing: false }` does.
 */
export interface GenerateOptions extends LoadOptions {
  readonly out?: string;
  readonly testing?: boolean;
  /** true: emit validators.ts as `x-zt-generator: { validators: true }` would (the real-world corpus's end-to-end run). */
  readonly validators?: boolean;
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
  const opened = await openSpec(specPath, options.root); // parsing's errors come first
  const root = parsedRoot(opened, options);
  const linted = offload.lint(root);
  linted.catch(() => undefined); // awaited by verdict(), after the work it overlaps
  const bundled = await bundleOpened(opened).catch(async (error: unknown) => {
    await linted; // lint's verdict comes before bundling's
    throw error;
  });
  const schema = offload.emitSchema(bundled.document, source);
  schema.catch(() => undefined); // awaited below, unless an earlier step fails
  const built = attempt(() => {
    const fromSpec = buildModel(bundled.document, source);
    const model = options.validators ? { ...fromSpec, options: { ...fromSpec.options, validators: true } } : fromSpec;
    const settings = outputSettings(specPath, options, model);
    return { model, settings, others: attempt(() => emitFromModel(model, bundled.document, settings)) };
  });
  const warnings = await verdict(source, linted, bundled.sources, root.strict);
  if ("error" in built) throw built.error;
  const { model, settings, others } = built.value;
  const schemaText = await schema; // its error comes before the other files'
  if ("error" in others) throw others.error;
  return collectOutput(model, schemaText, others.value, { files: bundled.files, warnings }, settings);
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
 * lint's errors), the same spec text read by lint and bundle, and strictness (isStrict). Returns the
 * lint's warnings.
 */
async function verdict(display: string, linted: Promise<LintResult>, read: SpecSources, strict: boolean): Promise<readonly SpecProblem[]> {
  const { sources, warnings } = await linted;
  // An editor may save between the two reads: the bundled text must be the linted one.
  const same = sources.size === read.size && [...read].every(([file, text]) => sources.get(file) === text);
  if (!same) throw new SpecError([{ file: display, message: "the spec changed while it was being read: run again" }]);
  if (strict) refuseWarnings(warnings, display);
  return warnings;
}

/** The runtime's test-kit modules (they import msw): left out with testing.ts. */
const TEST_KIT_RUNTIME = new Set(["runtime/testing.ts", "runtime/testing-request.ts"]);

/** Every output file but schema.ts, with its header: what the model (and, for validators.ts, the document) makes. */
function emitFromModel(model: ApiModel, document: OpenApiDocument, settings: OutputSettings): GeneratedFile[] {
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
function collectOutput(
  model: ApiModel,
  schema: string,
  others: readonly GeneratedFile[],
  loaded: { readonly files: readonly string[]; readonly warnings: readonly SpecProblem[] },
  settings: OutputSettings,
): Generated {
  const { spec, command } = settings.header;
  const files = [{ path: "schema.ts", content: withHeader("generated", spec, schema, command) }, ...others].map((file) =>
    revealInvisible(file, model.source),
  );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, files, inputs: loaded.files, warnings: loaded.warnings };
}
