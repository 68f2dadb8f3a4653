// `npm run lint` prints Redocly's report and nothing else: no Node 20 end-of-life box
// (scripts/lint.ts drops it), and it keeps Redocly's exit code.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copySpec, editFile, ROOT } from "../support/spec-copy.js";

/** `npm run lint` with extra arguments, from the repository's root. */
function lint(...args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const result = spawnSync("npm", ["run", "--silent", "lint", "--", ...args], { cwd: ROOT, encoding: "utf8", env: { ...env, NO_COLOR: "1" }, timeout: 120_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("npm run lint's output", () => {
  it("is Redocly's report without the Node 20 banner", () => {
    const { status, output } = lint();
    expect(status, output).toBe(0);
    expect(output).toContain("Your API description is valid");
    expect(output).not.toMatch(/Node\.js 20|[╔║╚]/);
  }, 120_000);

  it("keeps Redocly's exit code and problems", () => {
    const dir = copySpec();
    editFile(path.join(dir, "paths/behaviors.yaml"), "operationId: updateBehaviors", "operationId: getBehaviors");
    const { status, output } = lint(path.join(dir, "openapi.yaml"));
    expect(status).toBe(1);
    expect(output).toContain("operation-operationId-unique");
    expect(output).not.toMatch(/Node\.js 20|[╔║╚]/);
  }, 120_000);
});
