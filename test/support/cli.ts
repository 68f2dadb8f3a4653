import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildSync } from "esbuild";
import { ARTIFACTS, ROOT } from "./spec-copy.js";

/** Where this test file bundles the CLI: its own scratch folder, inside the repository so that the bundle resolves node_modules. */
const BUNDLES = path.join(ARTIFACTS, "cli");
let built = false;

/** Bundles the CLI as `npm run generate` does, once per test file: generate.mjs and, beside it, the worker's generate-worker.mjs. */
export function cliBundle(): { readonly cli: string; readonly worker: string } {
  if (!built) {
    buildSync({
      entryPoints: { generate: path.join(ROOT, "generator/cli-entry.ts"), "generate-worker": path.join(ROOT, "generator/parallel/worker-entry.ts") },
      outdir: BUNDLES,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "warning",
    });
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
