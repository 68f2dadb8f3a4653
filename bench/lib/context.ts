/**
 * What every row needs: where things are, how many rounds to run, and a way to turn a
 * TypeScript helper into a plain Node script (so child processes start without tsx).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Git-ignored work folder: bundles, consumers and outputs that must resolve node_modules/. */
export const WORK = path.join(ROOT, ".bench");
export const NODE = process.execPath;
export const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");
export const OPENAPI_TS = path.join(ROOT, "node_modules/openapi-typescript/bin/cli.js");
export const GENERATE_MJS = path.join(ROOT, "node_modules/.cache/zt-risk-scoring/generate.mjs");
export const FRAGMENT = path.join(ROOT, "spec/openapi.yaml");
/** Cloudflare's whole API, from the repository's test fixtures (test/fixtures/cloudflare/README.md). */
export const LARGE_SPEC = path.join(ROOT, "test/fixtures/cloudflare/cloudflare-openapi-2024-08-07.json");

export interface Context {
  readonly quick: boolean;
  /** Progress goes to stderr, so stdout stays the table. */
  readonly log: (line: string) => void;
}

/** Rounds for a row: the default keeps the whole bench near 10 minutes on 2 cores. */
export const rounds = (ctx: Context, normal: number, quick: number): number => (ctx.quick ? quick : normal);

/** A fresh, empty folder under .bench/. */
export function workDir(...parts: string[]): string {
  const dir = path.join(WORK, ...parts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Bundles a bench helper (and whatever it imports from the repo, e.g. generated/) into
 * one ESM file; npm packages stay external and load from node_modules/ as for a user.
 */
export async function bundleScript(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return outfile;
}

/** Newest modification time of the files under `dir` (0 when it does not exist). */
export function newestMtime(dir: string, filter: (file: string) => boolean = () => true): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (filter(full)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

/**
 * dist/ is used as "the package" only when `npm run build` produced it from the current
 * generated/ (it is someone else's build and may be stale or absent).
 */
export function freshDist(): { fresh: boolean; why: string } {
  const distIndex = path.join(ROOT, "dist/index.js");
  if (!existsSync(distIndex)) return { fresh: false, why: "dist/ does not exist (run npm run build)" };
  const built = statSync(distIndex).mtimeMs;
  const source = newestMtime(path.join(ROOT, "generated"), (f) => f.endsWith(".ts"));
  return built >= source
    ? { fresh: true, why: "dist/ (npm run build)" }
    : { fresh: false, why: "dist/ is older than generated/ (run npm run build)" };
}
