import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { readOutput, replaceOutput } from "../../generator/write/output-folder.js";
import { cliBundle, runCli, startCli } from "../support/cli.js";
import { ARTIFACTS, copySpec, editFile, ROOT } from "../support/spec-copy.js";
import { addEnumValue } from "../support/spec-values.js";

beforeAll(() => {
  cliBundle();
});

/** A temporary output folder holding a fresh generation of spec/. */
async function freshOutput(): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(ARTIFACTS, "out-")), "generated");
  // Generated for `dir`: the headers name the command that regenerates that folder.
  replaceOutput(dir, (await generate("spec/openapi.yaml", { out: dir })).files);
  return dir;
}

describe("npm run generate", () => {
  it("writes the output and says what it wrote and how long it took", async () => {
    const out = path.join(mkdtempSync(path.join(ARTIFACTS, "out-")), "gen");
    const { status, stdout } = runCli(["--spec", "spec/openapi.yaml", "--out", out]);
    expect(status).toBe(0);
    const { files, model } = await generate("spec/openapi.yaml", { out });
    const counts = `${model.operations.length} operations, ${model.schemas.length} schemas`;
    expect(stdout).toMatch(new RegExp(`^wrote ${files.length} files to .*gen/: ${counts}, from spec/openapi\\.yaml in \\d+ ms\n$`));
    expect([...readOutput(out)]).toEqual(files.map((f) => [f.path, f.content]));
  });

  it("--check exits 0 when in step, 1 with a unified diff and the fix when stale, and writes nothing", async () => {
    const out = await freshOutput();
    expect(runCli(["--check", "--out", out]).status).toBe(0);

    // A stale file: a line of types.ts changed (the tuple of an enum's values, whatever they are).
    const types = path.join(out, "types.ts");
    const fresh = readFileSync(types, "utf8").split("\n");
    const line = fresh.findIndex((l) => /^export const [A-Z_]+ = \[/.test(l));
    const stale = fresh[line]!.replace(" = [", ' = ["stale", ');
    writeFileSync(types, [...fresh.slice(0, line), stale, ...fresh.slice(line + 1)].join("\n"));
    const before = readOutput(out);
    const { status, stderr } = runCli(["--check", "--out", out]);
    expect(status).toBe(1);
    expect(stderr).toContain(`--- ${out}/types.ts`);
    expect(stderr).toContain(`\n-${stale}\n`);
    expect(stderr).toContain(`\n+${fresh[line]}\n`);
    // The command that regenerates this folder (not bare `npm run generate`, which writes generated/).
    expect(stderr).toContain(
      `run \`npm run generate -- --spec spec/openapi.yaml --out ${path.relative(ROOT, out).split(path.sep).join("/")}\``,
    );
    expect(readOutput(out)).toEqual(before);
  });

  it("an invalid spec exits 1, names file:line:col, prints no stack trace and leaves the output untouched", async () => {
    const out = await freshOutput();
    const before = readOutput(out);
    const spec = copySpec();
    editFile(path.join(spec, "paths/behaviors.yaml"), "  responses:\n    # Cloudflare", "  responses: [\n    # Cloudflare");
    const broken = runCli(["--spec", path.join(spec, "openapi.yaml"), "--out", out]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/paths\/behaviors\.yaml:\d+:\d+: /);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    expect(readOutput(out)).toEqual(before);

    const lint = copySpec();
    editFile(path.join(lint, "paths/behaviors.yaml"), "operationId: updateBehaviors", "operationId: getBehaviors");
    const line = readFileSync(path.join(lint, "paths/behaviors.yaml"), "utf8").split("\n").lastIndexOf("  operationId: getBehaviors") + 1;
    const duplicate = runCli(["--spec", path.join(lint, "openapi.yaml"), "--out", out]);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain(
      `paths/behaviors.yaml:${line}:3: Every operation must have a unique \`operationId\`. (operation-operationId-unique)`,
    );
    expect(readOutput(out)).toEqual(before);
  });

  it("bad usage exits 2 with the usage text", () => {
    for (const args of [["--bogus"], ["--check", "--watch"], ["stray"], ["--spec"]]) {
      const { status, stderr } = runCli(args);
      expect(status, args.join(" ")).toBe(2);
      expect(stderr).toContain("usage: npm run generate");
    }
    expect(runCli(["--help"])).toMatchObject({ status: 0, stdout: expect.stringContaining("--spec FILE") });
  });

  it("refuses an --out folder holding files it did not write, and the sentinel survives", () => {
    const out = mkdtempSync(path.join(ARTIFACTS, "out-"));
    writeFileSync(path.join(out, "sentinel.txt"), "keep me");
    const { status, stderr } = runCli(["--out", out]);
    expect(status).toBe(2);
    expect(stderr).toContain("sentinel.txt");
    expect(readOutput(out)).toEqual(new Map([["sentinel.txt", "keep me"]]));
  });
});

describe("npm run generate -- --watch", () => {
  it("regenerates on a change, keeps the last good output on a bad save, and exits cleanly on Ctrl-C", async () => {
    const spec = copySpec();
    const out = path.join(mkdtempSync(path.join(ARTIFACTS, "out-")), "gen");
    const child = startCli(["--watch", "--spec", path.join(spec, "openapi.yaml"), "--out", out]);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const waitFor = async (check: () => boolean, what: string) => {
      for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
      if (!check()) throw new Error(`timed out waiting for ${what}\nstdout: ${stdout}\nstderr: ${stderr}`);
    };
    const writes = () => stdout.split("wrote ").length - 1;

    await waitFor(() => stdout.includes("watching"), "the first run");
    expect(writes()).toBe(1);

    const levels = addEnumValue(path.join(spec, "components/schemas/RiskLevel.yaml"));
    await waitFor(() => writes() === 2, "the regeneration");
    expect(readFileSync(path.join(out, "types.ts"), "utf8")).toContain(`${levels.map((v) => JSON.stringify(v)).join(", ")}]`);

    const good = readOutput(out);
    writeFileSync(path.join(spec, "components/schemas/RiskLevel.yaml"), "type: [string\n");
    await waitFor(() => stderr.includes("RiskLevel.yaml:"), "the error");
    expect(stderr).toContain("was left as it was");
    expect(readOutput(out)).toEqual(good);

    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
  }, 30_000);
});
