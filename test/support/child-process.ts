/**
 * Runs one of scripts/*.ts in a child node process and reports how it ended. The script is
 * bundled with esbuild first: a plain `node x.mjs` starts in ~100 ms, where tsx's loader
 * takes a second or more on a loaded machine.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export interface ChildOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Date.now() when the process exited. */
  exitedAt: number;
  /** True when it had to be killed after `limitMs`. */
  killed: boolean;
}

export async function runScript(script: string, args: string[], limitMs: number): Promise<ChildOutcome> {
  const dir = mkdtempSync(path.join(tmpdir(), "zt-runtime-child-"));
  const bundle = path.join(dir, "script.mjs");
  try {
    await build({
      entryPoints: [fileURLToPath(new URL(`scripts/${script}`, import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: bundle,
      logLevel: "error",
    });
    return await new Promise((resolve) => {
      const child = spawn(process.execPath, [bundle, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      let killed = false;
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const limit = setTimeout(() => {
        killed = true;
        child.kill("SIGKILL"); // this child only, through its own handle
      }, limitMs);
      child.on("exit", (code) => {
        clearTimeout(limit);
        resolve({ code, stdout, stderr, exitedAt: Date.now(), killed });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
