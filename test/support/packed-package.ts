/**
 * The package as a downstream service installs it: built once per run into the run's own
 * folder (never the repository's dist/, see once-per-run.ts), packed with `npm pack` in
 * this file's temporary folder, and installed into fresh consumer projects with
 * `npm ci --offline`.
 *
 * The tests never reach the npm registry. `npm ci` at the repository's root leaves only
 * tarballs in npm's cache, not the registry documents a plain `npm install` resolves
 * versions with, so each consumer gets a lockfile: the tarball, plus the entries of the
 * repository's own package-lock.json for the tarball's dependencies and the consumer's
 * (the same versions, resolved URLs and integrity hashes). When the cache lacks a
 * package, the install fails with a message that says so.
 */
import { execFile as execFileCb } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll } from "vitest";
import { builtPackage } from "./once-per-run.js";

const execFile = promisify(execFileCb);
export const ROOT = resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string };
export const PACKAGE_NAME = pkg.name;

/**
 * The environment for child processes, without what `npm test` exports to scripts
 * (npm_config_local_prefix & co. would point a nested npm back at this repo) and
 * without credentials a client would otherwise pick up.
 */
export const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_|cloudflare_)/i.test(key)),
);

/**
 * For every npm this module runs: the offline cache only, and none of the registry calls
 * npm makes on its own (the update check, audit, funding).
 */
const NPM_OFFLINE: NodeJS.ProcessEnv = {
  npm_config_offline: "true",
  npm_config_update_notifier: "false",
  npm_config_audit: "false",
  npm_config_fund: "false",
};

export interface Run {
  code: number;
  out: string;
}

/**
 * Runs a command; resolves with its exit code and combined output instead of throwing.
 * Killed after 5 minutes (npm ci, tsc and vitest take seconds), so that no child outlives its test.
 */
export async function run(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await execFile(cmd, args, { cwd, env: { ...childEnv, ...extraEnv }, maxBuffer: 64 << 20, timeout: 300_000 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === "number" ? e.code : 1, out: `${e.stdout ?? ""}${e.stderr ?? ""}${e.message}` };
  }
}

/** Like run(), but throws with the command's output when it fails. */
export async function ok(cmd: string, args: string[], cwd: string, extraEnv?: NodeJS.ProcessEnv): Promise<string> {
  const result = await run(cmd, args, cwd, extraEnv);
  if (result.code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${result.code}):\n${result.out}`);
  return result.out;
}

/** This process's temporary folder, made on first use and removed when its test file ends. */
let scratch: string | undefined;
const scratchDir = (): string => (scratch ??= mkdtempSync(join(tmpdir(), "zt-package-")));
// Registered when a test file imports this module: hooks added from inside a hook never run.
afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

let packing: Promise<string> | undefined;

/** The packed tarball's path, built and packed once per test file. */
export function packedTarball(): Promise<string> {
  return (packing ??= pack());
}

async function pack(): Promise<string> {
  const stage = join(scratchDir(), "stage");
  mkdirSync(stage, { recursive: true });
  for (const file of ["package.json", "README.md", "LICENSE"]) copyFileSync(join(ROOT, file), join(stage, file));
  cpSync(await builtPackage(), join(stage, "dist"), { recursive: true });
  // --ignore-scripts: prepack would build again, into the stage's missing sources.
  const out = await ok("npm", ["pack", "--ignore-scripts", "--pack-destination", scratchDir()], stage, NPM_OFFLINE);
  const tarball = join(scratchDir(), `${pkg.name}-${pkg.version}.tgz`);
  if (!out.includes(`${pkg.name}-${pkg.version}.tgz`)) throw new Error(`npm pack did not report ${tarball}:\n${out}`);
  return tarball;
}

export interface ConsumerOptions {
  /** Files by path relative to the project, e.g. { "src/service.ts": "…" }. */
  readonly files: Readonly<Record<string, string>>;
  /** Extra dependencies by name, at the version this repository's lockfile has (they must be installed here). */
  readonly dependencies?: readonly string[];
}

/**
 * A fresh project in this process's temporary folder that depends on the packed tarball
 * (and `dependencies`), installed with `npm ci --offline` from a lockfile made as the
 * module comment says. Returns its folder.
 */
export async function consumerProject(name: string, options: ConsumerOptions): Promise<string> {
  const tarball = await packedTarball();
  const dir = join(scratchDir(), name);
  mkdirSync(dir, { recursive: true });
  const lock = consumerLockfile(name, tarball, options.dependencies ?? []);
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name, private: true, type: "module", dependencies: lock.packages[""]!.dependencies }, null, 2),
  );
  writeFileSync(join(dir, "package-lock.json"), JSON.stringify(lock, null, 2));
  for (const [file, content] of Object.entries(options.files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  const installed = await run("npm", ["ci", "--offline", "--ignore-scripts"], dir, NPM_OFFLINE);
  if (installed.code !== 0) {
    throw new Error(
      `npm ci --offline failed in ${dir}: npm's cache lacks a package the consumer needs ` +
        `(run \`npm ci\` in the repository first; the tests never reach the registry).\n${installed.out}`,
    );
  }
  return dir;
}

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  [key: string]: unknown;
}
interface Lockfile {
  name: string;
  lockfileVersion: 3;
  requires: true;
  packages: Record<string, LockEntry>;
}

/**
 * The consumer's lockfile: the root, the tarball (its integrity computed here), and every
 * package the tarball and `extra` need, copied from the repository's lockfile at the same
 * place in the tree (so nested copies stay nested).
 */
function consumerLockfile(name: string, tarball: string, extra: readonly string[]): Lockfile {
  const repo = (JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as Lockfile).packages;
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as LockEntry;
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  const own: LockEntry = {
    version: pkg.version,
    resolved: `file:${tarball}`,
    integrity,
    license: manifest.license,
    dependencies: manifest.dependencies,
    peerDependencies: manifest.peerDependencies,
    peerDependenciesMeta: manifest.peerDependenciesMeta,
    engines: manifest.engines,
  };
  const packages: Record<string, LockEntry> = { [`node_modules/${pkg.name}`]: JSON.parse(JSON.stringify(own)) as LockEntry };
  const rootDeps: Record<string, string> = { [pkg.name]: `file:${tarball}` };

  /** The lockfile path npm resolves `dep` to from the package at `from` (Node's lookup: nearest node_modules up the tree). */
  const locate = (dep: string, from: string): string | undefined => {
    for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf("/node_modules/")))) {
      const candidate = `${at ? `${at}/` : ""}node_modules/${dep}`;
      if (repo[candidate]) return candidate;
      if (!at) return undefined;
    }
  };
  const visit = (dep: string, from: string, optional: boolean): void => {
    const at = locate(dep, from);
    if (at === undefined) {
      if (optional) return;
      throw new Error(
        `${dep} (needed by ${from || "the consumer"}) is not in this repository's package-lock.json: add it as a devDependency`,
      );
    }
    if (packages[at]) return;
    const { dev: _, ...entry } = repo[at]!;
    packages[at] = entry;
    const optionalPeers = entry.peerDependenciesMeta ?? {};
    for (const child of Object.keys(entry.dependencies ?? {})) visit(child, at, false);
    for (const child of Object.keys(entry.optionalDependencies ?? {})) visit(child, at, true);
    for (const child of Object.keys(entry.peerDependencies ?? {})) visit(child, at, optionalPeers[child]?.optional === true);
  };
  // The tarball's dependencies as if it sat where the repository's own packages do.
  for (const dep of Object.keys(own.dependencies ?? {})) visit(dep, "", false);
  for (const dep of extra) {
    const at = locate(dep, "");
    if (at === undefined) throw new Error(`${dep} is not in this repository's package-lock.json: add it as a devDependency`);
    rootDeps[dep] = repo[at]!.version!;
    visit(dep, "", false);
  }
  return { name, lockfileVersion: 3, requires: true, packages: { "": { name, dependencies: rootDeps }, ...packages } };
}
