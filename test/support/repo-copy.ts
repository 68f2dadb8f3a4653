/**
 * A copy of the repository in this test file's scratch folder, for tests that run npm
 * scripts or test files on an edited spec without touching the real one.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { ARTIFACTS, ROOT } from "./spec-copy.js";

/** What git does not track (or what this copy must not share): never copied. */
const SKIP = new Set(["node_modules", "dist", ".git", ".bench", ".scratch", "test/.artifacts"]);

/** Copies the repository (sources, spec, generated/, tests), with node_modules linked entry by entry; returns its folder. */
export function copyRepository(): string {
  const copy = mkdtempSync(path.join(ARTIFACTS, "repo-"));
  // Entry by entry down to test/: cpSync refuses to copy a folder into itself (the copy is under test/.artifacts).
  const copyFolder = (relative: string): void => {
    for (const entry of readdirSync(path.join(ROOT, relative))) {
      const item = path.join(relative, entry);
      if (SKIP.has(item) || entry.endsWith(".tgz")) continue;
      if (item === "test") {
        mkdirSync(path.join(copy, item));
        copyFolder(item);
      } else cpSync(path.join(ROOT, item), path.join(copy, item), { recursive: true });
    }
  };
  copyFolder("");
  // Linked one by one, not as a whole: `npm run generate` writes its bundle to node_modules/.cache,
  // which must be the copy's own, never the repository's.
  mkdirSync(path.join(copy, "node_modules"));
  for (const entry of readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry !== ".cache") symlinkSync(path.join(ROOT, "node_modules", entry), path.join(copy, "node_modules", entry));
  }
  return copy;
}

/** Runs a command in `cwd`; resolves with its exit code and output. The child is killed (by its own handle) past `limitMs`. */
export function runIn(
  cwd: string,
  command: string,
  args: readonly string[],
  limitMs: number,
): Promise<{ code: number | null; output: string }> {
  // Without vitest's and npm's variables: the child is a run of its own, as a maintainer's would be.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TINYPOOL|npm_)/i.test(key)));
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const limit = setTimeout(() => child.kill("SIGKILL"), limitMs);
    child.on("exit", (code) => {
      clearTimeout(limit);
      resolve({ code, output });
    });
  });
}
