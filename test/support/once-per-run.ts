/**
 * Work whose result several test files need, done once per `vitest run`. The first file
 * that asks takes the work's lock (a folder: mkdir is atomic), makes the result in a
 * folder of its own, then publishes it by renaming that folder into the run's shared
 * folder (global-setup.ts) and drops the lock. A file that asks meanwhile waits for the
 * lock, then finds the result published (or, if the maker failed, makes it itself).
 * Nothing ever reads a half-made result, and nothing writes into a published folder:
 * readers only read.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { generate, type Generated } from "../../generator/pipeline.js";
import { build } from "../../scripts/build.js";
import { CLOUDFLARE_2024 } from "./fixtures.js";

/** The folder that holds `name`'s result, made by `make` (into the empty folder it is given) if no file of this run has made it yet. */
export async function oncePerRun(name: string, make: (dir: string) => Promise<void> | void): Promise<string> {
  const published = path.join(inject("sharedDir"), name);
  const lock = `${published}.lock`;
  for (;;) {
    if (existsSync(published)) return published;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another file is making it: its hook's own timeout bounds the wait.
      await sleep(100);
    }
  }
  try {
    if (existsSync(published)) return published;
    const staging = mkdtempSync(`${published}.tmp-`);
    try {
      await make(staging);
      renameSync(staging, published);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    return published;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Cloudflare's whole API, generated in one thread by generate(), once per run (several files compare against it). */
export async function cloudflareGenerated(): Promise<Generated> {
  const dir = await oncePerRun("cloudflare-2024", async (staging) => {
    writeFileSync(path.join(staging, "generated.json"), JSON.stringify(await generate(CLOUDFLARE_2024)));
  });
  return JSON.parse(readFileSync(path.join(dir, "generated.json"), "utf8")) as Generated;
}

/** The package's dist/ as `npm run build` makes it, built once per run (never the repository's own dist/); read it, never write to it. */
export async function builtPackage(): Promise<string> {
  const dir = await oncePerRun("package", (staging) => void build(path.join(staging, "dist")));
  return path.join(dir, "dist");
}
