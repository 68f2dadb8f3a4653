import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildSync } from "esbuild";
import { ARTIFACTS, ROOT } from "./spec-copy.js";

const BUNDLE = path.join(ARTIFACTS, "cli/generate.mjs");
let built = false;

/** Bundles generator/cli.ts the way `npm run generate` does, once per test process. */
export function cliBundle(): string {
  if (!built) {
    buildSync({ entryPoints: [path.join(ROOT, "generator/cli.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile: BUNDLE, logLevel: "warning" });
    built = true;
  }
  return BUNDLE;
}

/** Runs the generator CLI to completion in the repository root. */
export function runCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the generator CLI and keeps it running (for --watch). */
export function startCli(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [cliBundle(), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
}
