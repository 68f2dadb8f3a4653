import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copySpec, editFile, ROOT } from "../support/spec-copy.js";

/** Runs Redocly's CLI the way `npm run lint` does, with redocly.yaml's rules, on a given root file. */
function lint(root: string) {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/@redocly/cli/bin/cli.js"), "lint", "--config", path.join(ROOT, "redocly.yaml"), "--format=stylish", root],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" } },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("npm run lint", () => {
  it("reports 0 errors and 0 warnings on spec/, with no ignore file", () => {
    const { status, output } = lint("spec/openapi.yaml");
    expect(output).toContain("Your API description is valid");
    expect(output).not.toMatch(/You have \d+ (error|warning)/);
    expect(status).toBe(0);
  }, 30_000);

  it("fails on an example that does not match its schema (a stricter rule than recommended's warning)", () => {
    const dir = copySpec();
    editFile(path.join(dir, "paths/behaviors.yaml"), "              enabled: true\n              risk_level: low", "              enabled: true\n              risk_level: extreme");
    const { status, output } = lint(path.join(dir, "openapi.yaml"));
    expect(status).toBe(1);
    expect(output).toContain("no-invalid-media-type-examples");
    expect(output).toMatch(/paths\/behaviors\.yaml:\n\s+\d+:\d+\s+error\s+no-invalid-media-type-examples/);
  }, 30_000);
});
