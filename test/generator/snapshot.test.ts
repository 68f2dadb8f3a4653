import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { diffOutput } from "../../generator/write/output-folder.js";
import { copySpec, editFile, ROOT } from "../support/spec-copy.js";
import { addEnumValue } from "../support/spec-values.js";

const SPEC = "spec/openapi.yaml";

/** Regenerates a spec and returns its files by path. */
async function filesOf(spec: string): Promise<Map<string, string>> {
  const { files } = await generate(spec);
  return new Map(files.map((f) => [f.path, f.content]));
}

/** How the committed generated/ differs from these files: the check `npm run check` makes ("" when in step). */
function staleness(files: ReadonlyMap<string, string>): string {
  return diffOutput(
    path.join(ROOT, "generated"),
    [...files].map(([p, content]) => ({ path: p, content })),
  );
}

/** The lines of `after` that `before` lacks, and the other way round. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = new Set(before.split("\n"));
  const b = new Set(after.split("\n"));
  return { added: [...b].filter((l) => !a.has(l)), removed: [...a].filter((l) => !b.has(l)) };
}

describe("generated/ is in step with spec/", () => {
  // Compared in memory, never through a vitest snapshot file: `vitest -u` would rewrite generated/ and pass.
  it("regenerating spec/ in memory gives exactly the committed files", async () => {
    const diff = staleness(await filesOf(SPEC));
    expect(diff, `generated/ is stale; run npm run generate:\n${diff}`).toBe("");
  });

  it("is byte-identical run after run, with no dates or machine paths", async () => {
    const first = await filesOf(SPEC);
    // Another day on the clock: the output must not depend on it (the spec's own example dates are its content, not a clock's).
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("1999-12-31T23:59:59Z") });
    const second = await filesOf(SPEC).finally(() => vi.useRealTimers());
    expect([...second]).toEqual([...first]);
    for (const [name, content] of first) {
      expect(content, name).not.toContain(ROOT);
      const header = content.slice(0, content.indexOf("\n"));
      expect(header, name).toBe(
        `// ${name.startsWith("runtime/") ? `copied from generator/${name}` : "generated from spec/openapi.yaml"} by the zt-risk-scoring generator — do not edit; regenerate: npm run generate`,
      );
    }
  });
});

describe("the snapshot is live: editing the spec changes the output where it should, and the comparison above fails", () => {
  it("adding a value to the risk levels changes RiskLevel and RISK_LEVELS, and nothing else", async () => {
    const dir = copySpec();
    const values = addEnumValue(path.join(dir, "components/schemas/RiskLevel.yaml"));
    const list = (levels: string[]) => `[${levels.map((v) => JSON.stringify(v)).join(", ")}]`;
    const before = await filesOf(SPEC);
    const after = await filesOf(path.join(dir, "openapi.yaml"));

    const types = changedLines(before.get("types.ts")!, after.get("types.ts")!);
    expect(types.added.filter((l) => !l.startsWith("//"))).toEqual([
      `export const RISK_LEVELS = ${list(values)} as const satisfies readonly RiskLevel[];`,
    ]);
    const schema = changedLines(before.get("schema.ts")!, after.get("schema.ts")!);
    expect(schema.added.join("\n")).toContain(values.map((v) => JSON.stringify(v)).join(" | "));
    expect(after.get("client.ts")!.split("\n").slice(1)).toEqual(before.get("client.ts")!.split("\n").slice(1));

    // The committed files no longer match, with a diff that names the change.
    const diff = staleness(after);
    expect(diff).toContain(`+export const RISK_LEVELS = ${list(values)}`);
    expect(diff).toContain(`-export const RISK_LEVELS = ${list(values.slice(0, -1))}`);
  });

  it("adding an operation adds its method, descriptor and named types", async () => {
    const dir = copySpec();
    editFile(
      path.join(dir, "paths/behaviors.yaml"),
      "put:\n",
      [
        "delete:",
        "  operationId: resetBehaviors",
        "  tags: [Zero Trust Risk Scoring]",
        "  summary: Reset every behavior",
        "  description: Puts every behavior back to its default configuration.",
        "  responses:",
        "    '200':",
        "      description: The reset behaviors.",
        "      content:",
        "        application/json:",
        "          schema:",
        "            allOf:",
        "              - $ref: ../components/schemas/ResponseCommon.yaml",
        "              - type: object",
        "                properties:",
        "                  result:",
        "                    $ref: ../components/schemas/Behaviors.yaml",
        "                required: [result]",
        "    4XX:",
        "      $ref: ../components/responses/Failure.yaml",
        "put:",
        "",
      ].join("\n"),
    );
    const after = await filesOf(path.join(dir, "openapi.yaml"));
    const client = after.get("client.ts")!;
    expect(client).toContain("resetBehaviors(params: ResetBehaviorsParams, options?: RequestOptions): ApiPromise<ResetBehaviorsResult>;");
    expect(client).toContain(
      'resetBehaviors: { id: "resetBehaviors", method: "DELETE", path: "/accounts/{account_id}/zt_risk_scoring/behaviors"',
    );
    expect(client).toContain("Reset every behavior");
    const types = after.get("types.ts")!;
    for (const suffix of ["PathParams", "Body", "Params", "Envelope", "Result", "Error"]) {
      expect(types).toContain(`export type ResetBehaviors${suffix} =`);
    }
    expect(after.get("schema.ts")).toContain("resetBehaviors: {");
    expect(staleness(after)).toContain(
      "+  resetBehaviors(params: ResetBehaviorsParams, options?: RequestOptions): ApiPromise<ResetBehaviorsResult>;",
    );
  });

  it("a changed description reaches the JSDoc of the method and its types", async () => {
    const dir = copySpec();
    editFile(
      path.join(dir, "paths/behaviors.yaml"),
      "Updates risk score behavior configurations",
      "Replaces risk score behavior configurations",
    );
    const after = await filesOf(path.join(dir, "openapi.yaml"));
    expect(after.get("client.ts")).toContain("* Replaces risk score behavior configurations");
    expect(after.get("types.ts")!.split("Replaces risk score behavior configurations").length - 1).toBe(6); // its six named types
    expect(readFileSync(path.join(ROOT, "generated/client.ts"), "utf8")).not.toContain("Replaces");
    expect(staleness(after)).toMatch(/^\+ +\* Replaces risk score behavior configurations/m);
  });
});
