/**
 * The package as a downstream service installs it: built once per run into the run's own
 * folder (never the repository's dist/, see once-per-run.ts), packed with `npm pack` in
 * this file's temporary folder, and installed into fresh consumer projects from npm's
 * offline cache only.
 * The tests never reach the npm registry: when the cache lacks a package, the install
 * fails with a message that says so.
 */
import { execFile as execFileCb } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll } from "vitest";
import { builtPackage } from "./once-per-run.js";

const execFile = promisify(execFileCb);
export const ROOT = resolve(import.meta.dirname, "../..");
export const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
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
const NPM_OFFLINE: NodeJS.ProcessEnv = { npm_config_offline: "true", npm_config_update_notifier: "false", npm_config_audit: "false", npm_config_fund: "false" };

export interface Run {
  code: number;
  out: string;
}

/** Runs a command; resolves with its exit code and combined output instead of throwing. */
export async function run(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await execFile(cmd, args, { cwd, env: { ...childEnv, ...extraEnv }, maxBuffer: 64 << 20 });
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
  for (const file of ["package.json", "README.md"]) copyFileSync(join(ROOT, file), join(stage, file));
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
  /** Extra dependencies by name and version, installed from npm's cache (they must be devDependencies here). */
  readonly dependencies?: Readonly<Record<string, string>>;
}

/**
 * A fresh project in this process's temporary folder that depends on the packed tarball
 * (and `dependencies`), installed with `npm install --offline`: from npm's cache, never
 * the registry. Returns its folder.
 */
export async function consumerProject(name: string, options: ConsumerOptions): Promise<string> {
  const tarball = await packedTarball();
  const dir = join(scratchDir(), name);
  mkdirSync(dir, { recursive: true });
  const manifest = { name, private: true, type: "module", dependencies: { [pkg.name]: `file:${tarball}`, ...options.dependencies } };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  for (const [file, content] of Object.entries(options.files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  const installed = await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock"], dir, NPM_OFFLINE);
  if (installed.code !== 0) {
    throw new Error(
      `npm install --offline failed in ${dir}: npm's cache lacks a package the consumer needs ` +
        `(run \`npm ci\` in the repository first; the tests never reach the registry).\n${installed.out}`,
    );
  }
  return dir;
}
