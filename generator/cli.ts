/**
 * `npm run generate` — spec/ to generated/. This module only defines the CLI; its entry
 * file (cli-entry.ts) calls main().
 *
 *   npm run generate                              regenerate generated/ from spec/openapi.yaml
 *   npm run generate -- --check                   write nothing; exit 1 with a diff when stale
 *   npm run generate -- --spec FILE --out DIR     any OpenAPI 3.0/3.1 document
 *   npm run generate -- --watch                   regenerate on every change under the spec's folder
 *   npm run generate -- --strict                  refuse a spec with warnings, as one with errors
 *   npm run generate -- --no-testing              leave out the test kit (testing.ts: it needs msw)
 *   npm run generate -- --spec F --root DIR       a spec whose files lie in DIR, above F's own folder
 *
 * Exit codes: 0 ok, 1 stale output or invalid spec, 2 bad usage.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { generate, type Generated, type GenerateOptions } from "./pipeline.js";
import { startParallelGenerator } from "./parallel/parallel-generate.js";
import { SpecError, warningLines } from "./lib/spec-error.js";
import { showInvisible } from "./lib/invisible-characters.js";
import { headerFacts } from "./emit/generated-file.js";
import { diffOutput, OutputFolderError, recoverInterruptedSwap, replaceOutput } from "./write/output-folder.js";
import { watchSpec } from "./watch.js";
import { regenerationSummary } from "./diff/regeneration.js";

const USAGE = `usage: npm run generate -- [--spec FILE] [--root DIR] [--out DIR] [--check | --watch] [--strict]
  --spec FILE   the OpenAPI 3.0/3.1 document (default: spec/openapi.yaml)
  --root DIR    the folder every file of the spec must lie in (default: FILE's own folder)
  --out DIR     the folder to (re)generate (default: generated)
  --check       write nothing; exit 1 and print a diff when DIR is not in step with FILE
  --watch       regenerate whenever a file under FILE's folder changes (Ctrl-C stops)
  --strict      refuse a spec with warnings (exit 1, DIR untouched), as one with errors
                (a spec can ask for it: x-zt-generator: { strict: true })
  --no-testing  leave out the test kit (testing.ts needs msw; also x-zt-generator: { testing: false })`;

export interface CliOptions {
  readonly spec: string;
  readonly out: string;
  readonly check: boolean;
  readonly watch: boolean;
  readonly strict?: boolean;
  /** false: leave out the test kit (`--no-testing`). */
  readonly testing?: boolean;
  /** `--root DIR`: the folder every file of the spec must lie in. */
  readonly root?: string;
}

/** Runs one generation and reports it; returns the exit code. `generateSpec` is generate() unless main() passes the two-thread one. */
export async function runOnce(
  options: CliOptions,
  log: (line: string) => void = console.log,
  fail: (line: string) => void = console.error,
  generateSpec: (specPath: string, options: GenerateOptions) => Promise<Generated> = generate,
): Promise<number> {
  const started = performance.now();
  try {
    // Before anything can fail: a run killed mid-swap left the previous output aside.
    recoverInterruptedSwap(path.resolve(options.out));
    const generateOptions = {
      strict: options.strict ?? false,
      out: options.out,
      testing: options.testing ?? true,
      ...(options.root === undefined ? {} : { root: options.root }),
    };
    const { files, model, warnings } = await generateSpec(options.spec, generateOptions);
    for (const line of warningLines(warnings)) fail(line);
    const elapsed = `${Math.round(performance.now() - started)} ms`;
    if (options.check) {
      const diff = diffOutput(options.out, files);
      if (diff === "") {
        log(`${options.out}/ is in step with ${model.source} (${elapsed})`);
        return 0;
      }
      fail(`${diff}\n${options.out}/ is stale: run \`${headerFacts(options.spec, options.out).command}\` and commit the result.`);
      return 1;
    }
    const changed = outputChanged(options.out, files);
    replaceOutput(options.out, files);
    log(
      `wrote ${files.length} files to ${options.out}/: ${model.operations.length} operations, ${model.schemas.length} schemas, from ${model.source} in ${elapsed}`,
    );
    // What the change does to the package's users, in one line (generator/diff/regeneration.ts).
    const summary = changed ? await regenerationSummary(options.spec, options.out) : undefined;
    if (summary !== undefined) log(summary);
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      fail(`${error.message}\n${options.out}/ was left as it was.`);
      return 1;
    }
    if (error instanceof OutputFolderError) {
      fail(error.message);
      return 2;
    }
    // Not the spec's own words, but they may quote it (openapi-typescript's "invalid property …").
    fail(`error: ${showInvisible(error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
}

/** True when writing `files` changes `dir` (a folder that cannot be compared counts as changed). */
function outputChanged(dir: string, files: Parameters<typeof diffOutput>[1]): boolean {
  try {
    return diffOutput(dir, files) !== "";
  } catch {
    return true;
  }
}

/** The CLI's options, or a usage problem to print ("" for --help). */
export function parseCliArgs(argv: readonly string[]): CliOptions | string {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        spec: { type: "string", default: "spec/openapi.yaml" },
        root: { type: "string" },
        out: { type: "string", default: "generated" },
        check: { type: "boolean", default: false },
        watch: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        "no-testing": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) return "";
    if (positionals.length > 0) return `unexpected argument: ${positionals[0]}`;
    if (values.check && values.watch) return "--check and --watch cannot be used together";
    if (values.spec.trim() === "" || values.out.trim() === "") return "--spec and --out need a value";
    if (values.root?.trim() === "") return "--root needs a value";
    const root = values.root === undefined ? {} : { root: values.root };
    const out = values.out.replace(/(.)[\\/]+$/, "$1");
    return {
      spec: values.spec,
      out,
      check: values.check,
      watch: values.watch,
      strict: values.strict,
      testing: !values["no-testing"],
      ...root,
    };
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The whole CLI: parses `argv`, generates on two threads (the worker runs `workerEntry`,
 * see parallel/parallel-generate.ts), once or on every change; returns the exit code.
 */
export async function main(argv: readonly string[], workerEntry: URL): Promise<number> {
  const options = parseCliArgs(argv);
  if (typeof options === "string") {
    if (options === "") {
      console.log(USAGE);
      return 0;
    }
    console.error(`${options}\n${USAGE}`);
    return 2;
  }
  const parallel = startParallelGenerator(workerEntry);
  const once = () => runOnce(options, console.log, console.error, (spec, generateOptions) => parallel.generate(spec, generateOptions));
  try {
    if (!options.watch) return await once();
    await watchSpec(options.spec, once, console.log, options.root);
    return 0;
  } finally {
    await parallel.close();
  }
}
