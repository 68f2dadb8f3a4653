// Every path that reads generated/ refuses a stale one (issue 18): `npm run docs`,
// `npm pack` (prepack runs `npm run build`) and `npm run bench` check generated/ against
// spec/ first, in-process as `npm run generate -- --check` does, and stop with the diff
// and the command that fixes it. Run in a copy of the repository whose spec was edited
// without `npm run generate`.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertGeneratedFresh } from "../../scripts/fresh-output.js";
import { copyRepository, runIn } from "../support/repo-copy.js";
import { ROOT } from "../support/spec-copy.js";
import { addEnumValue } from "../support/spec-values.js";

/** A hang guard for each npm command (they refuse within seconds). */
const LIMIT_MS = 180_000;

describe("a stale generated/ is refused by every path that reads it", () => {
  let copy: string;
  let levels: string[];

  beforeAll(() => {
    copy = copyRepository();
    levels = addEnumValue(path.join(copy, "spec/components/schemas/RiskLevel.yaml"));
  });

  it("the check passes on the repository's own generated/ (in step)", async () => {
    expect(process.cwd()).toBe(ROOT);
    await expect(assertGeneratedFresh("npm run docs", ROOT)).resolves.toBeUndefined();
  }, 60_000);

  const refusals: [string, string[], string][] = [
    ["npm run docs", ["run", "docs"], "npm run docs"],
    ["npm pack (prepack: npm run build)", ["pack", "--pack-destination", "packed"], "npm run build"],
    ["npm run bench", ["run", "bench", "--", "--rows", "5"], "npm run bench"],
  ];
  it.each(refusals)(
    "%s exits non-zero with the diff and the fix, and writes nothing",
    async (_title, args, command) => {
      const { code, output } = await runIn(copy, "npm", args, LIMIT_MS);
      expect(code, output).not.toBe(0);
      expect(output).toContain(`${command}: generated/ is stale`);
      // The diff names the change: the new value in the regenerated tuple.
      expect(output).toContain(JSON.stringify(levels.at(-1)));
      expect(output).toContain("Run `npm run generate`");
      expect(existsSync(path.join(copy, "dist"))).toBe(false);
      expect(existsSync(path.join(copy, "packed")) ? readdirSync(path.join(copy, "packed")) : []).toEqual([]);
    },
    LIMIT_MS,
  );
});
