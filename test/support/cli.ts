import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildSync } from "esbuild";
import { ARTIFACTS, ROOT } from "./spec-copy.js";

/** The CLI's entry points as `npm run generate` bundles them (package.json): generate.mjs and, beside it, its worker thread's generate-worker.mjs. */
export const CLI_ENTRY_POINTS: Readonly<Record<string, string>> = {
  generate: path.join(ROOT, "generator/cli-entry.ts"),
  "generate-worker": path.join(ROOT, "generator/parallel/worker-entry.ts"),
};

/** Bundles each entry point (by output name) into `outdir` as NAME.mjs, with esbuild's options of `npm run generate`: ESM for Node, packages left to node_modules. */
export function bundleForNode(entryPoints: Readonly<Record<string, string>>, outdir: string): void {
  buildSync({
    entryPoints: { ...entryPoints },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
  });
}

/** Where this test file bundles the CLI: its own scratch folder, inside the repository so that the bundle resolves node_modules. */
const BUNDLES = path.join(ARTIFACTS, "cli");
let built = false;

/** Bundles the CLI as `npm run generate` does, once per test file; returns the two bundles' paths. */
export function cliBundle(): { readonly cli: string; readonly worker: string } {
  if (!built) {
    bundleForNode(CLI_ENTRY_POINTS, BUNDLES);
    built = true;
  }
  return { cli: path.join(BUNDLES, "generate.mjs"), worker: path.join(BUNDLES, "generate-worker.mjs") };
}

/** Runs the generator CLI to completion in the repository root. */
export function runCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliBundle().cli, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the generator CLI and keeps it running (for --watch). */
export function startCli(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [cliBundle().cli, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
}
