/**
 * `npm run generate` ends with one api-diff line when generated/ changes: the bump the spec
 * change since HEAD needs and its top reasons. Driven through runOnce in a scratch git
 * repository holding a copy of spec/.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runOnce } from "../../generator/cli.js";
import { ROOT } from "../support/fixtures.js";

const repo = mkdtempSync(path.join(tmpdir(), "api-diff-regen-"));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("npm run generate's regeneration line", () => {
  it("says the bump and the reason when the spec change regenerates generated/, and nothing otherwise", async () => {
    cpSync(path.join(ROOT, "spec"), path.join(repo, "spec"), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
        cwd: repo,
        stdio: "pipe",
      });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "spec");
    const options = { spec: path.join(repo, "spec/openapi.yaml"), out: path.join(repo, "generated"), check: false, watch: false };
    const run = async () => {
      const lines: string[] = [];
      expect(
        await runOnce(
          options,
          (line) => lines.push(line),
          (line) => lines.push(line),
        ),
      ).toBe(0);
      return lines;
    };
    // A new output folder, the spec as committed: generated/ changes, the spec does not.
    const first = await run();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^wrote \d+ files/);

    // An output folder the last commit does not hold gets no line, whatever the spec's change
    // (so a run into another folder writes nothing outside it): here, before it is committed.
    const riskLevelFile = path.join(repo, "spec/components/schemas/RiskLevel.yaml");
    const committed = readFileSync(riskLevelFile, "utf8");
    writeFileSync(riskLevelFile, committed.replace(/^ {2}- medium\n/m, ""));
    expect(await run()).toHaveLength(1);
    writeFileSync(riskLevelFile, committed);
    await run();
    git("add", "-A");
    git("commit", "-qm", "generated");

    const riskLevel = path.join(repo, "spec/components/schemas/RiskLevel.yaml");
    writeFileSync(riskLevel, readFileSync(riskLevel, "utf8").replace(/^ {2}- medium\n/m, ""));
    const changed = await run();
    expect(changed).toHaveLength(2);
    expect(changed[1]).toMatch(
      /^api-diff: needs a major release: `behaviors\[key\]\.risk_level` in the request body of `updateBehaviors` loses the value "medium"/,
    );
    expect(changed[1]).toContain("(full report: npm run api-diff -- --base HEAD)");

    const again = await run();
    expect(again).toHaveLength(1); // generated/ did not change: the "wrote" line only
    expect(again[0]).toMatch(/^wrote \d+ files/);
  });
});
