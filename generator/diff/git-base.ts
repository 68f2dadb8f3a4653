/**
 * `--base <ref>`: the spec and package.json as they were at a git revision. The spec's
 * whole folder is extracted (a spec split over files needs its neighbours) into a
 * temporary folder with `git archive`, so that the generator's own loader reads it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export class GitBaseError extends Error {}

export interface BaseRevision {
  /** The repository's top folder (the working tree's package.json is there). */
  readonly root: string;
  /** The spec at the revision, on disk until `dispose`. */
  readonly specPath: string;
  /** `REF:spec/openapi.yaml`, for locations. */
  readonly display: string;
  /** package.json's version at the revision (undefined when it had none). */
  readonly version: string | undefined;
  readonly dispose: () => void;
}

function git(args: readonly string[], cwd: string): Buffer {
  try {
    return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? "")
      .trim()
      .split("\n")[0];
    throw new GitBaseError(`git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/** Whether the last commit (HEAD) of the repository that holds `dir` has it: the project commits that folder. */
export function isCommitted(dir: string): boolean {
  try {
    const absolute = path.resolve(dir);
    const root = git(["rev-parse", "--show-toplevel"], path.dirname(absolute)).toString().trim();
    const relative = path.relative(root, absolute).split(path.sep).join("/");
    if (relative === "" || relative.startsWith("..")) return false;
    git(["cat-file", "-e", `HEAD:${relative}`], root);
    return true;
  } catch {
    return false;
  }
}

export function readBase(ref: string, specPath: string): BaseRevision {
  if (ref.startsWith("-")) throw new GitBaseError(`not a git revision: ${ref}`);
  const absolute = path.resolve(specPath);
  const root = git(["rev-parse", "--show-toplevel"], path.dirname(absolute)).toString().trim();
  git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root);
  const relative = path.relative(root, absolute).split(path.sep).join("/");
  const folder = path.posix.dirname(relative);
  const scratch = mkdtempSync(path.join(tmpdir(), "api-diff-base-"));
  try {
    const archive = git(["archive", "--format=tar", ref, "--", folder === "." ? relative : folder], root);
    execFileSync("tar", ["-x", "-C", scratch], { input: archive });
    let version: string | undefined;
    try {
      version = (JSON.parse(git(["show", `${ref}:package.json`], root).toString()) as { version?: string }).version;
    } catch {
      version = undefined;
    }
    return {
      root,
      specPath: path.join(scratch, relative),
      display: `${ref}:${relative}`,
      version,
      dispose: () => rmSync(scratch, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
