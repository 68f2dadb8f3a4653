/**
 * `npm run api-diff`: what a spec change does to the package generated from it
 * (DESIGN.md, "What a regeneration does to the package"). This module only defines the
 * CLI; cli-entry.ts calls main().
 *
 *   npm run api-diff -- OLD NEW [--json | --markdown]       two spec files
 *   npm run api-diff -- --base REF [--spec FILE] [--check-version] [--json | --markdown]
 *
 * Exit codes: 0 reported, 1 a spec that cannot be read or (--check-version) a version
 * that does not announce the bump, 2 bad usage.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SpecError } from "../lib/spec-error.js";
import { showInvisible } from "../lib/invisible-characters.js";
import { diffSpecFiles } from "./diff-specs.js";
import { GitBaseError, readBase } from "./git-base.js";
import { formatJson, formatMarkdown, formatText, safe } from "./report.js";
import { announcedBump, nextVersion, versionCovers } from "./version-gate.js";
import type { DiffReport } from "./change.js";

const USAGE = `usage: npm run api-diff -- OLD NEW [--json | --markdown]
       npm run api-diff -- --base REF [--spec FILE] [--check-version] [--json | --markdown]
  OLD NEW          two OpenAPI 3.0/3.1 documents (YAML or JSON, split over files or not)
  --base REF       compare FILE at git revision REF with the working tree's
  --spec FILE      the spec for --base (default: spec/openapi.yaml)
  --check-version  with --base: exit 1 when package.json's version change since REF is smaller
                   than the bump the spec change needs (while the major is 0, a breaking change
                   needs the minor digit and an addition the patch digit)
  --json           print { bump, changes: [{ bump, message, operation, pointer, location }] }
  --markdown       print a CHANGELOG.md section, breaking changes first`;

export interface DiffCliOptions {
  readonly old?: string;
  readonly new?: string;
  readonly base?: string;
  readonly spec: string;
  readonly format: "text" | "json" | "markdown";
  readonly checkVersion: boolean;
}

export function parseDiffArgs(argv: readonly string[]): DiffCliOptions | string {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        base: { type: "string" },
        spec: { type: "string", default: "spec/openapi.yaml" },
        json: { type: "boolean", default: false },
        markdown: { type: "boolean", default: false },
        "check-version": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) return "";
    if (values.json && values.markdown) return "--json and --markdown cannot be used together";
    const format = values.json ? "json" : values.markdown ? "markdown" : "text";
    const checkVersion = values["check-version"];
    if (values.base !== undefined) {
      if (positionals.length > 0) return "--base compares the working tree's spec: give no OLD NEW with it";
      if (values.base.trim() === "") return "--base needs a git revision";
      return { base: values.base, spec: values.spec, format, checkVersion };
    }
    if (checkVersion) return "--check-version needs --base REF (the revision whose version the change is measured from)";
    if (positionals.length !== 2) return `expected two specs, OLD and NEW (got ${positionals.length})`;
    return { old: positionals[0]!, new: positionals[1]!, spec: values.spec, format, checkVersion };
  } catch (error) {
    return (error as Error).message;
  }
}

function print(report: DiffReport, options: DiffCliOptions, names: { old: string; new: string }, log: (line: string) => void): void {
  if (options.format === "json") log(formatJson(report));
  else if (options.format === "markdown") log(formatMarkdown(report));
  else log(formatText(report, names.old, names.new));
}

/** The whole CLI; returns the exit code. */
export async function main(
  argv: readonly string[],
  log: (line: string) => void = console.log,
  fail: (line: string) => void = console.error,
): Promise<number> {
  const options = parseDiffArgs(argv);
  if (typeof options === "string") {
    if (options === "") {
      log(USAGE);
      return 0;
    }
    fail(`${options}\n${USAGE}`);
    return 2;
  }
  try {
    if (options.base === undefined) {
      const report = await diffSpecFiles(options.old!, options.new!);
      print(report, options, { old: options.old!, new: options.new! }, log);
      return 0;
    }
    return await againstBase(options, options.base, log, fail);
  } catch (error) {
    if (error instanceof SpecError) {
      fail(error.message);
      return 1;
    }
    if (error instanceof GitBaseError) {
      fail(`error: ${safe(error.message)}`);
      return 2;
    }
    fail(`error: ${showInvisible(error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
}

async function againstBase(
  options: DiffCliOptions,
  ref: string,
  log: (line: string) => void,
  fail: (line: string) => void,
): Promise<number> {
  const base = readBase(ref, options.spec);
  try {
    const report = await diffSpecFiles(base.specPath, options.spec, { old: base.display });
    print(report, options, { old: base.display, new: options.spec }, log);
    if (!options.checkVersion) return 0;
    const before = base.version ?? "0.0.0";
    const after = (JSON.parse(readFileSync(path.join(base.root, "package.json"), "utf8")) as { version?: string }).version ?? "0.0.0";
    if (versionCovers(report.bump, before, after)) {
      fail(`version gate: ${before} → ${after} announces ${announcedBump(before, after)}; the spec change needs ${report.bump}: ok`);
      return 0;
    }
    const reasons = report.changes.filter((c) => c.bump === report.bump).map((c) => `  ${safe(c.location)}: ${safe(c.message)}`);
    fail(
      [
        `version gate: the spec change since ${safe(ref)} needs a ${report.bump} release, but package.json goes ${before} → ${after} (${announcedBump(before, after)}).`,
        ...reasons,
        `Set "version" to ${nextVersion(report.bump, before)} or higher (while the major is 0, a breaking change needs the minor digit).`,
      ].join("\n"),
    );
    return 1;
  } finally {
    base.dispose();
  }
}
