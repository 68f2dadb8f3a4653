import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { HEADER_PREFIXES, type GeneratedFile } from "../emit/generated-file.js";
import { unifiedDiff } from "./unified-diff.js";

/** Raised when --out points somewhere the generator must not write; the CLI exits 2. */
export class OutputFolderError extends Error {
  override name = "OutputFolderError";
}

/** Reads every file under `dir` (relative paths, forward slashes); an absent folder is empty. */
export function readOutput(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(dir)) return found;
  if (!statSync(dir).isDirectory()) throw new OutputFolderError(`${dir} is not a folder`);
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else found.set(relative, entry.isFile() ? readFileSync(path.join(dir, relative), "utf8") : "");
    }
  };
  walk("");
  return found;
}

/** The differences between the folder and the files it should hold, as one unified diff ("" when in step). */
export function diffOutput(dir: string, files: readonly GeneratedFile[]): string {
  refuseForeignFiles(dir, "compare");
  const current = readOutput(dir);
  const wanted = new Map(files.map((f) => [f.path, f.content]));
  const names = [...new Set([...current.keys(), ...wanted.keys()])].sort();
  const label = dir.split(path.sep).join("/");
  return names
    .map((name) =>
      unifiedDiff(
        current.has(name) ? `${label}/${name}` : "/dev/null",
        wanted.has(name) ? `${label}/${name} (regenerated)` : "/dev/null",
        current.get(name) ?? "",
        wanted.get(name) ?? "",
      ),
    )
    .join("");
}

/**
 * Replaces the folder's contents with `files`, all or nothing: the new files are written
 * to a sibling folder, which then takes the old one's place by two renames, so an
 * interrupted run leaves the old files or the new ones, never a mix. A folder holding
 * any file the generator did not write is refused, untouched.
 */
export function replaceOutput(dir: string, files: readonly GeneratedFile[]): void {
  const absolute = path.resolve(dir);
  recoverInterruptedSwap(absolute);
  refuseForeignFiles(dir, "write to");
  const staging = `${absolute}.tmp-${process.pid}`;
  const retired = `${absolute}.old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(staging, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  if (existsSync(absolute)) renameSync(absolute, retired);
  renameSync(staging, absolute);
  rmSync(retired, { recursive: true, force: true });
}

/**
 * Refuses a folder holding anything the generator did not write. Stops at the first such
 * file and reads only the first bytes of each, so `--out .` or `--out ~` is refused at
 * once instead of after reading the whole tree into memory.
 */
function refuseForeignFiles(dir: string, verb: "write to" | "compare"): void {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute)) return;
  if (!statSync(absolute).isDirectory()) throw new OutputFolderError(`${dir} is not a folder`);
  const headerBytes = Math.max(...HEADER_PREFIXES.map((prefix) => Buffer.byteLength(prefix)));
  const head = Buffer.alloc(headerBytes);
  const walk = (sub: string): string | undefined => {
    for (const entry of readdirSync(path.join(absolute, sub), { withFileTypes: true })) {
      const relative = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) {
        const found = walk(relative);
        if (found !== undefined) return found;
        continue;
      }
      // Links, FIFOs and devices are never the generator's: and a FIFO would block a read.
      if (!entry.isFile()) return relative;
      const fd = openSync(path.join(absolute, relative), "r");
      let text: string;
      try {
        text = head.toString("utf8", 0, readSync(fd, head, 0, headerBytes, 0));
      } finally {
        closeSync(fd);
      }
      if (!HEADER_PREFIXES.some((prefix) => text.startsWith(prefix))) return relative;
    }
    return undefined;
  };
  const foreign = walk("");
  if (foreign !== undefined)
    throw new OutputFolderError(`refusing to ${verb} ${dir}: it holds ${foreign}, which the generator did not write`);
}

/** A run killed between its two renames leaves the old folder under `.old-<pid>`: put it back. */
export function recoverInterruptedSwap(absolute: string): void {
  const parent = path.dirname(absolute);
  if (!existsSync(parent)) return;
  const base = path.basename(absolute);
  for (const entry of readdirSync(parent)) {
    const match = /^(.*)\.(old|tmp)-(\d+)$/.exec(entry);
    if (!match || match[1] !== base || isAlive(Number(match[3]))) continue;
    const leftover = path.join(parent, entry);
    if (match[2] === "old" && !existsSync(absolute)) renameSync(leftover, absolute);
    else rmSync(leftover, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
