/**
 * `--root DIR` (issue 23): a multi-file spec whose entry sits in a subfolder and refers to
 * `../schemas/*.yaml` (OpenSearch's layout, documents/subfolder-entry/). By default the
 * guard keeps every file inside the entry's own folder and refuses those refs; `--root`
 * moves the fence up to DIR, and a ref that leaves DIR is still refused, before anything
 * outside it is read. The CLI runs on two threads (its worker lints), generate() on one.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { formatProblem, SpecError } from "../../generator/lib/spec-error.js";
import { readOutput } from "../../generator/write/output-folder.js";
import { cliBundle, runCli } from "../support/cli.js";
import { ARTIFACTS, ROOT } from "../support/spec-copy.js";
import { earlierOutput as earlierOutputOf } from "./support/earlier-output.js";

const LAYOUT = "test/real-world/documents/subfolder-entry/spec";
const ENTRY = `${LAYOUT}/namespaces/_core.yaml`;

/** A copy of the layout in a scratch folder, `outside/secret.yaml` beside its spec/; returns the copy's spec/. */
function layoutCopy(): string {
  const dir = mkdtempSync(path.join(ARTIFACTS, "root-"));
  cpSync(path.join(ROOT, LAYOUT), path.join(dir, "spec"), { recursive: true });
  mkdirSync(path.join(dir, "outside"));
  writeFileSync(path.join(dir, "outside/secret.yaml"), "Secret: { type: string, description: outside the root }\n");
  return path.join(dir, "spec");
}

/** `spec`'s entry with one more response whose schema is `ref`. */
function withRef(spec: string, ref: string): void {
  const entry = path.join(spec, "namespaces/_core.yaml");
  const text = readFileSync(entry, "utf8").replace(
    '        "404":\n',
    `        "418":\n          description: hostile\n          content:\n            application/json:\n              schema:\n                $ref: "${ref}"\n        "404":\n`,
  );
  writeFileSync(entry, text);
}

/** The problems generate() refuses the spec with (formatted), or [] when it generates. */
async function refusal(spec: string, root?: string): Promise<string[]> {
  try {
    await generate(spec, root === undefined ? {} : { root });
    return [];
  } catch (error) {
    if (error instanceof SpecError) return error.problems.map(formatProblem);
    throw error;
  }
}

/** A folder holding an earlier run's output, to see that a refusal leaves it alone. */
const earlierOutput = () => earlierOutputOf("root-out-");

beforeAll(() => {
  cliBundle();
});

describe("--root: an entry in a subfolder", () => {
  it("without --root, the refs to ../schemas/ are refused as before, each at file:line:col, and the output is left alone", async () => {
    const out = await earlierOutput();
    const before = readOutput(out);
    const { status, stderr } = runCli(["--spec", ENTRY, "--out", out]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${ENTRY}:17:20: refused $ref "../schemas/_common.yaml": it leaves the spec's folder`);
    expect(stderr).toContain(`${ENTRY}:24:24: refused $ref "../schemas/_core.get.yaml": it leaves the spec's folder`);
    expect(readOutput(out)).toEqual(before);
  });

  it("with --root, the CLI (two threads) generates it, and generate() (one thread) gives the same files and inputs", async () => {
    const out = path.join(mkdtempSync(path.join(ARTIFACTS, "root-out-")), "generated");
    const { status, stdout, stderr } = runCli(["--spec", ENTRY, "--root", LAYOUT, "--out", out]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/: 2 operations, /);
    const generated = await generate(ENTRY, { root: LAYOUT, out });
    expect(generated.inputs.map((file) => path.relative(ROOT, file))).toEqual([
      ENTRY,
      `${LAYOUT}/schemas/_common.yaml`,
      `${LAYOUT}/schemas/_core.get.yaml`,
    ]);
    expect(readOutput(out)).toEqual(new Map(generated.files.map((f) => [f.path, f.content])));
    expect(generated.files.find((f) => f.path === "schema.ts")!.content).toMatch(/cluster_name: string;/);
  });

  it("--root with a trailing slash or as ./ works the same", async () => {
    expect(await refusal(ENTRY, `${LAYOUT}/`)).toEqual([]);
    expect(await refusal(`./${ENTRY}`, `./${LAYOUT}`)).toEqual([]);
  });
});

describe("--root: the hostile cases are still refused", () => {
  it.each([
    [
      "a ref that climbs out of the root with ../",
      "../../outside/secret.yaml#/Secret",
      /refused \$ref "\.\.\/\.\.\/outside\/secret\.yaml(#\/Secret)?": it leaves the root folder \(--root\)$/,
    ],
    ["a ref that climbs out through a subfolder", "../schemas/../../outside/secret.yaml", /it leaves the root folder \(--root\)$/],
    ["an absolute path", "/etc/passwd", /absolute paths are not followed/],
    ["a URL", "https://example.com/schemas.yaml", /URLs are not followed; keep every file inside the root folder \(--root\)$/],
  ])("%s", async (_what, ref, message) => {
    const spec = layoutCopy();
    withRef(spec, ref);
    const problems = await refusal(path.join(spec, "namespaces/_core.yaml"), spec);
    expect(problems).toEqual([expect.stringMatching(message)]);
    expect(problems[0]).toMatch(/namespaces\/_core\.yaml:\d+:\d+: refused/);
  });

  it("a symbolic link inside the root to a file outside it", async () => {
    const spec = layoutCopy();
    symlinkSync(path.join(spec, "../outside/secret.yaml"), path.join(spec, "schemas/linked.yaml"));
    withRef(spec, "../schemas/linked.yaml#/Secret");
    expect(await refusal(path.join(spec, "namespaces/_core.yaml"), spec)).toEqual([
      expect.stringMatching(
        /refused \$ref "\.\.\/schemas\/linked\.yaml(#\/Secret)?": it leaves the root folder \(--root\) through a symbolic link$/,
      ),
    ]);
  });

  it("a root given as a symbolic link to a folder is the folder, and the fence holds there too", async () => {
    const spec = layoutCopy();
    const link = path.join(spec, "../link-to-spec");
    symlinkSync(spec, link);
    expect(await refusal(path.join(link, "namespaces/_core.yaml"), link)).toEqual([]);
    withRef(spec, "../../outside/secret.yaml#/Secret");
    expect(await refusal(path.join(link, "namespaces/_core.yaml"), link)).toEqual([
      expect.stringMatching(/it leaves the root folder \(--root\)$/),
    ]);
  });

  it("an entry outside the root, and a root that is not a folder, are refused before anything is read; the CLI leaves the output alone", async () => {
    const spec = layoutCopy();
    expect(await refusal(path.join(spec, "namespaces/_core.yaml"), path.join(spec, "schemas"))).toEqual([
      expect.stringMatching(/_core\.yaml: --root .*spec\/schemas: the spec is not inside that folder$/),
    ]);
    expect(await refusal(path.join(spec, "namespaces/_core.yaml"), path.join(spec, "missing"))).toEqual([
      expect.stringMatching(/: --root .*spec\/missing: no such folder$/),
    ]);
    expect(await refusal(path.join(spec, "namespaces/_core.yaml"), path.join(spec, "schemas/_common.yaml"))).toEqual([
      expect.stringMatching(/: no such folder$/),
    ]);
    const out = await earlierOutput();
    const before = readOutput(out);
    const { status, stderr } = runCli(["--spec", ENTRY, "--root", `${LAYOUT}/schemas`, "--out", out]);
    expect(status).toBe(1);
    expect(stderr).toContain(`${ENTRY}: --root ${LAYOUT}/schemas: the spec is not inside that folder`);
    expect(readOutput(out)).toEqual(before);
  });

  it("--root without a value is a usage error (exit 2)", () => {
    const { status, stderr } = runCli(["--spec", ENTRY, "--root", " "]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^--root needs a value\nusage: npm run generate -- \[--spec FILE\] \[--root DIR\]/);
  });
});
