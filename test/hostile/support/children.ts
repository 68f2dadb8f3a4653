import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleForNode, CLI_ENTRY_POINTS } from "../../support/cli.js";
import { ARTIFACTS, ROOT } from "../../support/spec-copy.js";
import type { GuardEvent } from "./guard.js";

/**
 * This test process's own scratch folder: several test runs may share the work tree (and
 * test/.artifacts), so nothing here is shared between processes. Removed by removeScratch().
 */
mkdirSync(ARTIFACTS, { recursive: true });
export const HOSTILE = mkdtempSync(path.join(ARTIFACTS, "hostile-"));
export const BIN = path.join(HOSTILE, "bin");

/** For afterAll: removes the scratch folder, unless HOSTILE_KEEP is set (to look at what a failing run left). */
export function removeScratch(): void {
  if (!process.env.HOSTILE_KEEP) rmSync(HOSTILE, { recursive: true, force: true });
}

/**
 * Bundles the generator CLI (as `npm run generate` does: its entry and, beside it, its
 * worker thread's), the CLI module on its own (for batch.ts) and the test's child
 * programs into BIN, once per test process.
 */
export function buildChildren(): void {
  bundleForNode(
    {
      ...CLI_ENTRY_POINTS,
      cli: path.join(ROOT, "generator/cli.ts"),
      guard: path.join(ROOT, "test/hostile/support/guard.ts"),
      batch: path.join(ROOT, "test/hostile/support/batch.ts"),
      "load-check": path.join(ROOT, "test/hostile/support/load-check.ts"),
      writer: path.join(ROOT, "test/hostile/support/writer.ts"),
    },
    BIN,
  );
}

export const bin = (name: string) => path.join(BIN, `${name}.mjs`);
export const guardImport = () => ["--import", pathToFileURL(bin("guard")).href];

export interface ChildResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
}

/** Runs `node ...args` to completion (SIGKILL after timeoutMs). */
export function runNode(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs: number },
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: Math.round(performance.now() - started), timedOut });
    });
  });
}

export function readGuardLog(file: string): GuardEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as GuardEvent);
}

/**
 * Every entry under `dir` (relative path → content hash, link target or size), so two
 * snapshots compare byte for byte. Files above 64 MiB are listed by size (sparse test files).
 */
export function snapshot(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(dir)) return found;
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = sub === "" ? entry.name : `${sub}/${entry.name}`;
      const full = path.join(dir, relative);
      if (entry.isDirectory()) {
        found.set(`${relative}/`, "dir");
        walk(relative);
      } else if (entry.isSymbolicLink()) found.set(relative, `-> ${readlinkSync(full)}`);
      else if (entry.isFile()) {
        const { size } = lstatSync(full);
        found.set(relative, size > 64 * 1048576 ? `size ${size}` : createHash("sha256").update(readFileSync(full)).digest("hex"));
      } else found.set(relative, "special");
    }
  };
  walk("");
  return found;
}

/** Every file's text under `dir` (for "does the sentinel appear anywhere"). */
export function allText(dir: string): string {
  if (!existsSync(dir)) return "";
  return [...snapshotFiles(dir)].map((file) => readFileSync(file, "utf8")).join("\n");
}

function* snapshotFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* snapshotFiles(full);
    else if (entry.isFile() && lstatSync(full).size < 64 * 1048576) yield full;
  }
}
