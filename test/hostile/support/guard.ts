/**
 * Preload (`node --import guard.mjs …`) for the children that generate or load hostile
 * code: every network primitive records the attempt and throws, and every file read or
 * write outside the allowed folders is recorded. Events go, one JSON line each, to the
 * file named by HOSTILE_GUARD_LOG (written at once, so they survive a crash or a SIGKILL).
 *
 * Allowed folders come from HOSTILE_ALLOW_READ / HOSTILE_ALLOW_WRITE (path-delimited
 * prefixes), or per case from `globalThis.__hostileGuard` (the batch runner sets it).
 */
import dns from "node:dns";
import fs from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import { fileURLToPath } from "node:url";

export interface GuardEvent {
  readonly kind: "net" | "read" | "write" | "exit" | "unhandled";
  readonly api: string;
  readonly target: string;
  readonly case?: string;
  readonly maxRssKb?: number;
  readonly ms?: number;
}

interface GuardScope {
  case?: string;
  allowRead?: readonly string[];
  allowWrite?: readonly string[];
}

const started = performance.now();
const logFile = process.env.HOSTILE_GUARD_LOG;
// Opened before anything is patched, written with writeSync (never patched): fs's own
// helpers call each other through the patched exports.
const logFd = logFile ? fs.openSync(logFile, "a") : undefined;
const writeSync = fs.writeSync;
const split = (value: string | undefined) => (value ?? "").split(path.delimiter).filter((p) => p !== "");
const staticRead = split(process.env.HOSTILE_ALLOW_READ);
const staticWrite = split(process.env.HOSTILE_ALLOW_WRITE);
const scope = (): GuardScope => (globalThis as { __hostileGuard?: GuardScope }).__hostileGuard ?? {};

function record(event: Omit<GuardEvent, "case">): void {
  if (logFd === undefined) return;
  writeSync(logFd, JSON.stringify({ ...event, case: scope().case }) + "\n");
}

function targetOf(value: unknown): string | undefined {
  if (typeof value === "string") return path.resolve(value);
  if (value instanceof URL) return value.protocol === "file:" ? fileURLToPath(value) : value.href;
  if (Buffer.isBuffer(value)) return path.resolve(value.toString());
  return undefined; // a file descriptor: its open() was checked
}

const inside = (target: string, prefixes: readonly string[]) =>
  prefixes.some((p) => target === p || target.startsWith(p.endsWith(path.sep) ? p : p + path.sep));

function check(kind: "read" | "write", api: string, file: unknown): void {
  const target = targetOf(file);
  if (target === undefined) return;
  const allowed = kind === "read" ? [...staticRead, ...(scope().allowRead ?? [])] : [...staticWrite, ...(scope().allowWrite ?? [])];
  if (!inside(target, allowed)) record({ kind, api, target });
}

type AnyFn = (...args: unknown[]) => unknown;

function wrap(owner: object, name: string, before: (args: unknown[]) => void): void {
  const original = (owner as Record<string, unknown>)[name];
  if (typeof original !== "function") return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    before(args);
    return (original as AnyFn).apply(this, args);
  };
  Object.defineProperty(wrapped, "name", { value: name });
  (owner as Record<string, unknown>)[name] = wrapped;
}

const writesFlag = (flags: unknown) =>
  typeof flags === "number"
    ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0
    : typeof flags === "string" && /[wa+]/.test(flags);

// ── file reads ──
for (const owner of [fs, fs.promises] as object[]) {
  for (const name of [
    "readFile",
    "readFileSync",
    "readdir",
    "readdirSync",
    "opendir",
    "opendirSync",
    "createReadStream",
    "readlink",
    "readlinkSync",
  ]) {
    wrap(owner, name, (args) => check("read", name, args[0]));
  }
  for (const name of ["open", "openSync"]) {
    wrap(owner, name, (args) => check(writesFlag(args[1]) ? "write" : "read", name, args[0]));
  }
  // ── file writes ──
  for (const name of [
    "writeFile",
    "writeFileSync",
    "appendFile",
    "appendFileSync",
    "mkdir",
    "mkdirSync",
    "rm",
    "rmSync",
    "rmdir",
    "rmdirSync",
    "unlink",
    "unlinkSync",
    "truncate",
    "truncateSync",
    "createWriteStream",
    "utimes",
    "utimesSync",
    "chmod",
    "chmodSync",
  ]) {
    wrap(owner, name, (args) => check("write", name, args[0]));
  }
  for (const name of ["rename", "renameSync", "copyFile", "copyFileSync", "cp", "cpSync", "symlink", "symlinkSync", "link", "linkSync"]) {
    wrap(owner, name, (args) => {
      check(name.startsWith("rename") ? "write" : "read", name, args[0]);
      check("write", name, args[1]);
    });
  }
}

// ── network: recorded and refused ──
function refuse(api: string, target: unknown): never {
  const text =
    typeof target === "string"
      ? target
      : target instanceof URL
        ? target.href
        : (JSON.stringify(target ?? null)?.slice(0, 200) ?? String(target));
  record({ kind: "net", api, target: text });
  throw new Error(`hostile-input guard: ${api}(${text}) refused: no network while generating`);
}
for (const [owner, names, label] of [
  [http, ["request", "get"], "http"],
  [https, ["request", "get"], "https"],
  [net, ["connect", "createConnection"], "net"],
  [tls, ["connect"], "tls"],
  [http2, ["connect"], "http2"],
  [dns, ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"], "dns"],
  [dns.promises, ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"], "dns.promises"],
] as const) {
  for (const name of names) {
    (owner as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => refuse(`${label}.${name}`, args[0]);
  }
}
net.Socket.prototype.connect = function connect(...args: unknown[]) {
  return refuse("net.Socket.connect", args[0]);
};
globalThis.fetch = (input: unknown) => Promise.reject(safely(() => refuse("fetch", input)));
/** The Error `refuse` throws, to reject with. */
function safely(fn: () => never): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
}

syncBuiltinESMExports();

process.on("exit", () => {
  record({
    kind: "exit",
    api: "exit",
    target: String(process.exitCode ?? 0),
    maxRssKb: process.resourceUsage().maxRSS,
    ms: Math.round(performance.now() - started),
  });
});
