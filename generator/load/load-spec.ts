import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Document, NormalizedProblem, YamlParseError as YamlParseErrorType } from "@redocly/openapi-core";
import { displayPath } from "../lib/display-path.js";
import { escapeSegment, lookup } from "../lib/json-pointer.js";
import { openapiCore } from "../lib/packages.js";
import { countOf, SpecError, type SpecProblem } from "../lib/spec-error.js";
import { generatorRules, PLUGIN_ID } from "./generator-rules.js";
import { createGuardedResolver, isInside, RefusedDocumentError, type GuardedResolver, type RefusedRef } from "./guarded-resolver.js";
import { rewriteDeepRefs } from "./deep-refs.js";
import { locate } from "./json-location.js";
import { splitParentsFromChildren } from "./parent-child-schemas.js";
import { PATTERN_PLUGIN, SLOW_PATTERN_RULE } from "./pattern-rule.js";
import { problemVerdict } from "./problem-verdict.js";

/** The parts of an OpenAPI document the generator reads; everything else passes through untouched. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly [key: string]: unknown;
}

/** What a step read: each file's text, by absolute path. */
export type SpecSources = ReadonlyMap<string, string>;

/** What lintParsedRoot found: the files it read, and its warnings. */
export interface LintResult {
  readonly sources: SpecSources;
  readonly warnings: readonly SpecProblem[];
}

export interface LoadOptions {
  /** Refuses warnings too (`--strict`, or `x-zt-generator: { strict: true }` in the spec), after every other problem. */
  readonly strict?: boolean;
  /**
   * The folder every file of the spec must lie in (`--root`); by default the spec's own
   * folder. For a spec whose entry sits in a subfolder and refers to `../schemas/…`.
   */
  readonly root?: string;
}

/**
 * Whether warnings refuse the spec: `--strict`, or the spec's own `x-zt-generator: { strict: true }`
 * (spec/ says so: a slip in the project's own spec fails `npm run generate`, `--watch` included).
 */
export function isStrict(options: LoadOptions, root: unknown): boolean {
  if (options.strict === true) return true;
  const settings = typeof root === "object" && root !== null ? (root as Record<string, unknown>)["x-zt-generator"] : undefined;
  return typeof settings === "object" && settings !== null && (settings as Record<string, unknown>).strict === true;
}

/** `--strict`: warnings refuse the spec as errors do, after every other problem has had its say. */
export function refuseWarnings(warnings: readonly SpecProblem[], display: string): void {
  if (warnings.length > 0)
    throw new SpecError([...warnings, { file: display, message: `--strict refuses ${countOf(warnings.length, "warning")}` }]);
}

/** The spec's root document, parsed and vetted, with the resolver that will read the rest. */
export interface OpenedSpec {
  readonly resolver: GuardedResolver;
  readonly document: Document;
  readonly display: string;
  /** The folder every file must lie in (absolute), and whether `--root` named it. */
  readonly rootDir: string;
  readonly namedRoot: boolean;
}

/**
 * The parsed root as plain data, for another thread to lint without parsing it again
 * (the text, for line and column numbers; the parsed value, already vetted).
 */
export interface ParsedRoot {
  readonly path: string;
  readonly body: string;
  readonly mimeType: string | undefined;
  readonly parsed: unknown;
  /** Whether the run is strict (isStrict): examples are then checked against their schemas. */
  readonly strict: boolean;
  readonly rootDir: string;
  readonly namedRoot: boolean;
}

/** `opened`'s root as plain data (see ParsedRoot), for a run with `options`. */
export function parsedRoot(opened: OpenedSpec, options: LoadOptions = {}): ParsedRoot {
  const { source } = opened.document;
  const parsed: unknown = opened.document.parsed;
  return {
    path: source.absoluteRef,
    body: source.body,
    mimeType: source.mimeType,
    parsed,
    strict: isStrict(options, parsed),
    rootDir: opened.rootDir,
    namedRoot: opened.namedRoot,
  };
}

/**
 * The load step's first half: lints a root parsed by openSpec (possibly on another thread:
 * other files its refs reach are read here), throwing a SpecError for every problem that
 * refuses the spec, and returns what it read and its warnings. Lints for the errors that
 * would make generated code wrong: unresolved refs, duplicate operationIds, and parts of
 * the wrong type (a list where the spec wants a map: the emitters would crash on them);
 * what else the linter finds comes back as warnings (problem-verdict.ts draws the line).
 * Style is `npm run lint`'s job (redocly.yaml).
 */
export async function lintParsedRoot(root: ParsedRoot): Promise<LintResult> {
  const { Source } = openapiCore();
  const resolver = createGuardedResolver(root.rootDir, root.namedRoot);
  const document: Document = { source: new Source(root.path, root.body, root.mimeType), parsed: root.parsed };
  resolver.adopt(document);
  const warnings = await lint(document, resolver, displayPath(root.path), await lintConfig(resolver.sources, root.strict));
  return { sources: resolver.sources, warnings };
}

/** What bundleOpened gives: the bundled document, every file read (absolute, sorted), and their text. */
export interface BundledSpec {
  /** The bundled OpenAPI document (plain JSON data): every `$ref` points inside it. */
  readonly document: OpenApiDocument;
  readonly files: readonly string[];
  readonly sources: SpecSources;
}

/**
 * The load step's second half: bundles an opened spec with Redocly (the same library
 * openapi-typescript uses), refusing refs that leave the spec's folder, without linting.
 * What is made from its document may be kept only once the lint has passed on the same
 * sources (generator/pipeline.ts).
 */
export async function bundleOpened(opened: OpenedSpec): Promise<BundledSpec> {
  const { resolver, document, display } = opened;
  const bundled = await bundle(document, resolver, display, await lintConfig());
  return { document: bundled, files: [...resolver.getFiles()].sort(), sources: resolver.sources };
}

/**
 * Parses the root document (the resolver reads the rest as refs need it) and checks it is
 * OpenAPI 3.0/3.1. `root` (`--root`) is the folder its files must lie in: it must hold the spec.
 */
export async function openSpec(specPath: string, root?: string): Promise<OpenedSpec> {
  const absolute = path.resolve(specPath);
  const display = displayPath(absolute);
  if (!isFile(absolute)) throw new SpecError([{ file: display, message: "no such file" }]);
  const rootDir = root === undefined ? path.dirname(absolute) : checkedRoot(root, absolute, display);
  const resolver = createGuardedResolver(rootDir, root !== undefined);
  const document = await parseRoot(resolver, absolute, display);
  checkVersion(document, display);
  return { resolver, document, display, rootDir, namedRoot: root !== undefined };
}

/** `--root DIR`, absolute: a folder that holds the spec (symbolic links followed on both sides). */
function checkedRoot(root: string, spec: string, display: string): string {
  const rootDir = path.resolve(root);
  if (!isDirectory(rootDir)) throw new SpecError([{ file: display, message: `--root ${displayPath(rootDir)}: no such folder` }]);
  if (!isInside(realpathSync(rootDir), realpathSync(spec))) {
    throw new SpecError([{ file: display, message: `--root ${displayPath(rootDir)}: the spec is not inside that folder` }]);
  }
  return rootDir;
}

/**
 * The rules the load step lints with (see lintParsedRoot; problem-verdict.ts and README's
 * "Security" section say what refuses): Redocly's, and the generator's own
 * (generator-rules.ts), which name what an unresolved `$ref` missed from `sources`.
 * Examples are checked against their schemas only in a strict run (`strict`): Redocly
 * compiles an Ajv validator per example's schema, which takes GitHub's 1,500 examples
 * from seconds to many minutes; a strict spec is one whose examples must hold.
 */
function lintConfig(sources: SpecSources = new Map(), strict = false) {
  const examples = strict ? "warn" : "off";
  return openapiCore().createConfig({
    plugins: [generatorRules(sources), PATTERN_PLUGIN],
    rules: {
      struct: "warn",
      "operation-operationId-unique": "error",
      "no-unresolved-refs": "error",
      "no-invalid-media-type-examples": examples,
      "no-invalid-schema-examples": examples,
      "no-invalid-parameter-examples": examples,
      "no-required-schema-properties-undefined": "warn",
      [`${PLUGIN_ID}/ref-target`]: "error",
      [`${PLUGIN_ID}/path-slash`]: "error",
      [`${PLUGIN_ID}/server-url`]: "error",
      [`${PLUGIN_ID}/schema-type`]: "error",
      [`${PLUGIN_ID}/enum-unique`]: "warn",
      [SLOW_PATTERN_RULE]: "warn",
    },
  } as Parameters<ReturnType<typeof openapiCore>["createConfig"]>[0]);
}

type LintConfig = Awaited<ReturnType<typeof lintConfig>>;

/** Throws a SpecError for every problem that refuses the spec (and every refused ref); returns the warnings. */
async function lint(document: Document, resolver: GuardedResolver, display: string, config: LintConfig): Promise<SpecProblem[]> {
  const problems = await loaderStep(
    openapiCore().lintDocument({ document, config: config.styleguide, externalRefResolver: resolver }),
    document,
    display,
  );
  return throwIfErrors(problems, resolver.refused, resolver, document);
}

/** Bundles the document in place: every `$ref` then points inside it. */
async function bundle(document: Document, resolver: GuardedResolver, display: string, config: LintConfig): Promise<OpenApiDocument> {
  const bundleDocument = openapiCore().bundleDocument({
    document,
    config: config.styleguide,
    externalRefResolver: resolver,
    dereference: false,
  });
  const bundled = await loaderStep(bundleDocument, document, display);
  // Its warnings, if any, are lint's too.
  throwIfErrors(bundled.problems, resolver.refused, resolver, document);
  const result = bundled.bundle.parsed as OpenApiDocument;
  // Shapes real APIs use that openapi-typescript cannot type as written, rewritten to what they mean.
  rewriteDeepRefs(result);
  splitParentsFromChildren(result);
  return result;
}

async function parseRoot(resolver: GuardedResolver, absolute: string, display: string): Promise<Document> {
  const { YamlParseError } = openapiCore();
  let result: Awaited<ReturnType<GuardedResolver["resolveDocument"]>>;
  try {
    result = await resolver.resolveDocument(null, absolute, true);
  } catch (error) {
    result = error as YamlParseErrorType;
  }
  if (result instanceof YamlParseError) {
    throw new SpecError([
      { file: display, line: result.line, col: result.col, message: `not valid YAML or JSON: ${firstLine(result.originalError.message)}` },
    ]);
  }
  if (result instanceof Error) {
    const original = (result as { originalError?: Error }).originalError ?? result;
    const at = original instanceof RefusedDocumentError && original.line !== undefined ? { line: original.line, col: original.col } : {};
    throw new SpecError([{ file: display, ...at, message: firstLine(original.message) }]);
  }
  return result;
}

function checkVersion(document: Document, display: string): void {
  const parsed = document.parsed as { openapi?: unknown; swagger?: unknown } | null;
  const version = typeof parsed === "object" && parsed !== null ? parsed.openapi : undefined;
  if (typeof version !== "string" || !/^3\.[01]\.\d+$/.test(version)) {
    const found =
      parsed !== null && typeof parsed === "object" && "swagger" in parsed ? "Swagger 2.0" : `openapi: ${JSON.stringify(version ?? null)}`;
    throw new SpecError([{ file: display, line: 1, col: 1, message: `not an OpenAPI 3.0 or 3.1 document (found ${found})` }]);
  }
}

/** Throws the problems that refuse the spec (problem-verdict.ts); returns the warnings, each once. */
function throwIfErrors(
  problems: readonly NormalizedProblem[],
  refused: readonly RefusedRef[],
  resolver: GuardedResolver,
  document: Document,
): SpecProblem[] {
  const found: SpecProblem[] = refused.map((r) => locateRefusal(r, resolver));
  const warnings: SpecProblem[] = [];
  const named = new Set(problems.filter((p) => p.ruleId === `${PLUGIN_ID}/ref-target`).map(locationKey));
  for (const problem of problems) {
    // The refusals above already say why these refs were not followed.
    if (problem.ruleId === "no-unresolved-refs" && problem.message.includes("refused $ref")) continue;
    // Said with the missing target and the nearest name by the generator's own rule (generator-rules.ts).
    if (problem.ruleId === "no-unresolved-refs" && named.has(locationKey(problem))) continue;
    const verdict = problemVerdict(problem, document.parsed, document.source.absoluteRef);
    if (verdict === "refuse") found.push(toSpecProblem(problem));
    else if (verdict === "warn") warnings.push(toSpecProblem(problem));
  }
  if (found.length > 0) throw new SpecError(dedupe(found));
  return dedupe(warnings);
}

function locationKey(problem: NormalizedProblem): string {
  const location = problem.location[0];
  return `${location?.source.absoluteRef}#${location?.pointer}`;
}

/**
 * Redocly throws, rather than reports, on a `$ref` chain that loops without reaching a
 * value ("Self-referencing circular pointer"): says which one. Its walkers recurse
 * through every `$ref`, so a chain of ~1,000 schemas exhausts the stack. Any other throw
 * is reported as the loader's, without a stack trace.
 */
async function loaderStep<T>(step: Promise<T>, document: Document, display: string): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (error instanceof SpecError) throw error;
    const message = firstLine(error instanceof Error ? error.message : String(error));
    if (error instanceof RangeError && /call stack/.test(message)) {
      throw new SpecError([
        { file: display, message: `the spec nests too deeply for the OpenAPI loader (through $ref or allOf chains): ${message}` },
      ]);
    }
    const cause = refCycle(document.parsed);
    if (cause === undefined) throw new SpecError([{ file: display, message: `the OpenAPI loader failed: ${message}` }]);
    const start = locate(document.source, cause.pointer, true);
    throw new SpecError([
      { file: display, line: start.line, col: start.col, message: `${cause.message} (the OpenAPI loader failed: ${message})` },
    ]);
  }
}

type Cause = { pointer: string; message: string };

/** Every object in the parsed document with its JSON pointer ("#/a/b"), depth first. */
function* objects(node: unknown, pointer = "#"): Generator<[Record<string, unknown>, string]> {
  if (typeof node !== "object" || node === null) return;
  yield [node as Record<string, unknown>, pointer];
  for (const [key, value] of Object.entries(node)) yield* objects(value, `${pointer}/${escapeSegment(key)}`);
}

function refCycle(root: unknown): Cause | undefined {
  for (const [node, pointer] of objects(root)) {
    const chain: string[] = [];
    let current: unknown = node;
    while (typeof current === "object" && current !== null && typeof (current as { $ref?: unknown }).$ref === "string") {
      const ref = (current as { $ref: string }).$ref;
      if (!ref.startsWith("#/")) break;
      if (chain.includes(ref)) {
        return { pointer: `${pointer}/$ref`, message: `$ref cycle with no schema in it: ${[...chain, ref].join(" → ")}` };
      }
      chain.push(ref);
      current = lookup(root, ref);
    }
  }
  return undefined;
}

function toSpecProblem(problem: NormalizedProblem): SpecProblem {
  const location = problem.location[0];
  if (!location) return { file: "(spec)", message: problem.message };
  const start = location.pointer === undefined ? location.start : locate(location.source, location.pointer, !!location.reportOnKey);
  return {
    file: displayPath(location.source.absoluteRef),
    line: start.line,
    col: start.col,
    message: `${problem.message} (${problem.ruleId})`,
  };
}

/** A refusal knows its file and ref text, not its line: find the ref in the file's text. */
function locateRefusal(refused: RefusedRef, resolver: GuardedResolver): SpecProblem {
  const message = `refused $ref "${refused.ref}": ${refused.reason}`;
  const text = resolver.sources.get(refused.from);
  const offset = text === undefined ? -1 : text.indexOf(refused.ref);
  if (text === undefined || offset < 0) return { file: displayPath(refused.from), message };
  const before = text.slice(0, offset).split("\n");
  return { file: displayPath(refused.from), line: before.length, col: (before.at(-1)?.length ?? 0) + 1, message };
}

function dedupe(problems: SpecProblem[]): SpecProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.col}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
