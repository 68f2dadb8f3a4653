/**
 * `npm run api-diff` as a user runs it: the CLI bundled as package.json's script bundles it,
 * in a child process. Reports, JSON, the changelog section, bad input and usage, and the
 * version gate in a scratch git repository.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { bundleForNode } from "../support/cli.js";
import { ARTIFACTS, ROOT } from "../support/spec-copy.js";

const BUNDLE_DIR = path.join(ARTIFACTS, "api-diff-cli");
const BUNDLE = path.join(BUNDLE_DIR, "api-diff.mjs");
let scratch: string;

function apiDiff(args: readonly string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BUNDLE, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SPEC = (extra: { operationId?: string; sizes?: string[]; description?: string } = {}) => `openapi: 3.1.0
info: { title: Dogs, version: "1" }
paths:
  /dogs/{dogId}:
    get:
      operationId: ${extra.operationId ?? "getDog"}
      description: ${extra.description ?? "Get a dog."}
      parameters:
        - { name: dogId, in: path, required: true, schema: { type: string } }
      responses:
        "200": { description: OK, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
  /dogs:
    post:
      operationId: createDog
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, properties: { size: { type: string, enum: [${(extra.sizes ?? ["small", "large"]).join(", ")}] } } }
      responses:
        "201": { description: Created }
`;

function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  bundleForNode({ "api-diff": path.join(ROOT, "generator/diff/cli-entry.ts") }, BUNDLE_DIR);
  scratch = mkdtempSync(path.join(tmpdir(), "api-diff-cli-"));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("npm run api-diff -- OLD NEW", () => {
  it("groups the changes by bump, one line each with file:line:col and the method name", () => {
    const old = write("old.yaml", SPEC());
    const now = write("new.yaml", SPEC({ operationId: "fetchDog", sizes: ["small", "large", "medium"] }));
    const { status, stdout } = apiDiff([old, now]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/needs a major release/);
    expect(stdout).toMatch(/MAJOR \(breaks callers\): 1\n {2}.*new\.yaml:\d+:\d+: fetchDog: method `getDog` is renamed `fetchDog`/);
    expect(stdout).toMatch(
      /minor \(adds\): 1\n {2}.*new\.yaml:\d+:\d+: createDog: `size` in the request body of `createDog` gains the value "medium"/,
    );
  });

  it("--json prints DESIGN.md's shape", () => {
    const old = write("old.yaml", SPEC());
    const now = write("new.yaml", SPEC({ sizes: ["small"] }));
    const { status, stdout } = apiDiff([old, now, "--json"]);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { bump: string; changes: Record<string, unknown>[] };
    expect(report.bump).toBe("major");
    expect(report.changes).toHaveLength(1);
    expect(Object.keys(report.changes[0]!).sort()).toEqual(["bump", "location", "message", "operation", "pointer"]);
    expect(report.changes[0]).toMatchObject({
      bump: "major",
      operation: "createDog",
      pointer: expect.stringMatching(/^#\/paths\/~1dogs\/post\/requestBody\/content\/application~1json\/schema\/properties\/size$/),
    });
    expect(report.changes[0]!.location).toMatch(/new\.yaml:\d+:\d+$/);
  });

  it("--markdown prints a CHANGELOG section, breaking changes first with what a caller must change", () => {
    const old = write("old.yaml", SPEC());
    const now = write("new.yaml", SPEC({ operationId: "fetchDog", description: "Fetch a dog." }));
    const { status, stdout } = apiDiff([old, now, "--markdown"]);
    expect(status).toBe(0);
    expect(stdout.indexOf("### Breaking changes")).toBeLessThan(stdout.indexOf("### Documentation"));
    expect(stdout).toContain("**What to change:** rename `getDog` to `fetchDog`.");
  });

  it("reports none for the same document reformatted", () => {
    const old = write("old.yaml", SPEC());
    const now = write("new.json", JSON.stringify(parseYaml(SPEC()), null, 1));
    const { status, stdout } = apiDiff([old, now, "--json"]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ bump: "none", changes: [] });
  });

  it("still reports two documents with no operation in common", () => {
    const old = write("old.yaml", SPEC());
    const now = write("new.yaml", SPEC().replaceAll("/dogs", "/cats"));
    const { status, stdout } = apiDiff([old, now]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/method `getDog` \(GET \/dogs\/\{dogId\}\) is removed/);
    expect(stdout).toMatch(/method `getDog` \(GET \/cats\/\{dogId\}\) is added/);
  });

  it("refuses an unreadable document with file:line:col, exit 1 and no stack trace", () => {
    const old = write("old.yaml", SPEC());
    const broken = write("broken.yaml", "openapi: 3.1.0\ninfo: { title: x\npaths: {}\n");
    const { status, stderr } = apiDiff([old, broken]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/broken\.yaml:\d+:\d+: not valid YAML or JSON/);
    expect(stderr).not.toMatch(/\n\s+at /);
    const missing = apiDiff([old, path.join(scratch, "nope.yaml")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.yaml: no such file/);
  });

  it("exits 2 on bad usage", () => {
    expect(apiDiff([]).status).toBe(2);
    expect(apiDiff(["a.yaml"]).status).toBe(2);
    expect(apiDiff(["a.yaml", "b.yaml", "--json", "--markdown"]).status).toBe(2);
    expect(apiDiff(["a.yaml", "b.yaml", "--check-version"]).status).toBe(2);
    expect(apiDiff(["--bogus"]).stderr).toMatch(/usage: npm run api-diff/);
  });
});

describe("npm run api-diff -- --base REF --check-version", () => {
  const git = (repo: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
      cwd: repo,
      stdio: "pipe",
    });

  function repoAt(version: string): string {
    const repo = mkdtempSync(path.join(scratch, "repo-"));
    git(repo, "init", "-q");
    execFileSync("mkdir", ["-p", path.join(repo, "spec")]);
    writeFileSync(path.join(repo, "spec", "openapi.yaml"), SPEC());
    writeFileSync(path.join(repo, "package.json"), JSON.stringify({ name: "dogs", version }));
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "base");
    return repo;
  }

  const setVersion = (repo: string, version: string) =>
    writeFileSync(
      path.join(repo, "package.json"),
      JSON.stringify({ ...JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")), version }),
    );

  it("fails an unannounced break, naming the change, and passes once the version says it (0.x: the minor digit)", () => {
    const repo = repoAt("0.1.0");
    writeFileSync(path.join(repo, "spec", "openapi.yaml"), SPEC({ sizes: ["small"] }));
    const unannounced = apiDiff(["--base", "HEAD", "--check-version"], repo);
    expect(unannounced.status).toBe(1);
    expect(unannounced.stderr).toMatch(/needs a major release, but package.json goes 0\.1\.0 → 0\.1\.0/);
    expect(unannounced.stderr).toMatch(/spec\/openapi\.yaml:\d+:\d+: `size` in the request body of `createDog` loses the value "large"/);
    expect(unannounced.stderr).toContain('Set "version" to 0.2.0');

    setVersion(repo, "0.1.1"); // a patch digit announces additions only while the major is 0
    expect(apiDiff(["--base", "HEAD", "--check-version"], repo).status).toBe(1);

    setVersion(repo, "0.2.0");
    const bumped = apiDiff(["--base", "HEAD", "--check-version"], repo);
    expect(bumped.status).toBe(0);
    expect(bumped.stderr).toMatch(/version gate: 0\.1\.0 → 0\.2\.0 announces major; the spec change needs major: ok/);
  });

  it("lets an addition through with the patch digit while the major is 0, and a documentation change with none", () => {
    const repo = repoAt("0.3.0");
    writeFileSync(path.join(repo, "spec", "openapi.yaml"), SPEC({ sizes: ["small", "large", "medium"] }));
    expect(apiDiff(["--base", "HEAD", "--check-version"], repo).status).toBe(1);
    setVersion(repo, "0.3.1");
    expect(apiDiff(["--base", "HEAD", "--check-version"], repo).status).toBe(0);
    setVersion(repo, "0.3.0");
    writeFileSync(path.join(repo, "spec", "openapi.yaml"), SPEC({ description: "Fetch one dog." }));
    expect(apiDiff(["--base", "HEAD", "--check-version"], repo).status).toBe(0);
  });

  it("exits 2 for a revision git does not know", () => {
    const repo = repoAt("1.0.0");
    const { status, stderr } = apiDiff(["--base", "no-such-ref", "--check-version"], repo);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^error: git rev-parse failed/);
  });
});
