// The spec maintainer's promise (issue 18): an edit that keeps the spec valid and faithful
// to Cloudflare's definition needs only `npm run generate` for the tests to pass. A copy of
// the repository gets four such edits at once (a risk level added, an optional property
// with a date-time example, a description fixed, an operation added; each made to the
// copy of Cloudflare's definition too where test/spec/fidelity.test.ts compares them),
// then `npm run generate`, then the test files that read the spec's content, in one
// vitest child, which must pass. Nothing in the copy's tests is edited.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyRepository, runIn } from "../support/repo-copy.js";
import { ROOT } from "../support/spec-copy.js";
import { addEnumValue, setIn } from "../support/spec-values.js";

/**
 * The test files a spec edit reaches: those that read the spec's content or the generated
 * code (snapshot, CLI, types, validators, test kit, docs page, packed package, fidelity, lint).
 */
const AFFECTED = [
  "test/generator/snapshot.test.ts",
  "test/generator/cli.test.ts",
  "test/spec/fidelity.test.ts",
  "test/spec/lint.test.ts",
  "test/client/validators.test.ts",
  "test/client/client.test.ts",
  "test/testing-kit/kit.test.ts",
  "test/testing-kit/kit.test-d.ts",
  "test/types/generated-types.test-d.ts",
  "test/package/code-samples.test.ts",
  "test/package/consumer.test.ts",
  "test/docs/docs.test.ts",
];

/** Hard limit for each child: a hang guard, far above what they take (about 4 minutes for the tests on a loaded machine). */
const LIMIT_MS = 15 * 60_000;

const CLOUDFLARE = "test/fixtures/cloudflare/cloudflare-behaviors.openapi.yaml";

/** The four edits a maintainer could make the day Cloudflare changes its API. */
function applyLegitimateEdits(copy: string): void {
  const spec = (file: string) => path.join(copy, "spec", file);
  const cloudflare = path.join(copy, CLOUDFLARE);

  // 1. A new risk level, in ours and in Cloudflare's definition.
  addEnumValue(spec("components/schemas/RiskLevel.yaml"), [], "critical");
  addEnumValue(cloudflare, ["components", "schemas", "dlp_RiskLevel"], "critical");

  // 2. An optional property whose example is a date (the "no dates" test must not mistake it for the generator's).
  const lastUpdated = { type: "string", format: "date-time", description: "When the behavior was last changed.", example: "2024-05-01T12:00:00Z" };
  setIn(spec("components/schemas/Behavior.yaml"), ["properties", "last_updated"], lastUpdated);
  setIn(cloudflare, ["components", "schemas", "dlp_Behavior", "properties", "last_updated"], { type: "string", format: "date-time" });

  // 3. A description fixed (fidelity ignores descriptions of parameters).
  setIn(spec("components/parameters/account_id.yaml"), ["description"], "The account's identifier (32 hexadecimal characters).");

  // 4. An operation added: Cloudflare's risk-score summary, on a path of its own.
  const summaryPath = "/accounts/{account_id}/zt_risk_scoring/summary";
  writeFileSync(
    spec("paths/summary.yaml"),
    [
      "parameters:",
      "  - $ref: ../components/parameters/account_id.yaml",
      "get:",
      "  operationId: getRiskSummary",
      "  tags:",
      "    - Zero Trust Risk Scoring",
      "  summary: Get risk score summary",
      "  description: Gets the risk score of every user of the account that has one.",
      "  x-api-token-group:",
      "    - Zero Trust Read",
      "  responses:",
      "    '200':",
      "      description: The users' risk scores.",
      "      content:",
      "        application/json:",
      "          schema:",
      "            allOf:",
      "              - $ref: ../components/schemas/ResponseCommon.yaml",
      "              - type: object",
      "                properties:",
      "                  result:",
      "                    type: object",
      "                    properties:",
      "                      users:",
      "                        type: array",
      "                        items:",
      "                          type: object",
      "                          properties:",
      "                            user_id:",
      "                              type: string",
      "                            risk_level:",
      "                              $ref: ../components/schemas/RiskLevel.yaml",
      "                          required: [user_id, risk_level]",
      "                    required: [users]",
      "                required: [result]",
      "          example:",
      "            errors: []",
      "            messages: []",
      "            success: true",
      "            result:",
      "              users:",
      "                - user_id: 4a3d2a2e-5b8c-4f6d-9e3a-1c2b3d4e5f60",
      "                  risk_level: medium",
      "    4XX:",
      "      $ref: ../components/responses/Failure.yaml",
      "",
    ].join("\n"),
  );
  setIn(path.join(copy, "spec/openapi.yaml"), ["paths", summaryPath], { $ref: "paths/summary.yaml" });
  setIn(cloudflare, ["paths", summaryPath], {
    get: {
      operationId: "dlp-zt-risk-score-summary-get",
      summary: "Get risk score summary",
      parameters: [{ name: "account_id", in: "path", required: true, schema: { type: "string" } }],
      responses: { "200": { description: "Risk score summary." } },
    },
  });
}

describe("a legitimate spec edit needs only npm run generate", () => {
  let copy: string;
  let generated: { code: number | null; output: string };

  beforeAll(async () => {
    copy = copyRepository();
    applyLegitimateEdits(copy);
    generated = await runIn(copy, "npm", ["run", "generate"], LIMIT_MS);
  }, LIMIT_MS);

  it("npm run generate succeeds on the edited spec and changes generated/", () => {
    expect(generated.code, generated.output).toBe(0);
    expect(generated.output).toMatch(/wrote \d+ files to generated\/: 3 operations/);
    const types = readFileSync(path.join(copy, "generated/types.ts"), "utf8");
    expect(types).toContain('"high", "critical"]');
    expect(types).toContain("export type GetRiskSummaryResult =");
    expect(readFileSync(path.join(copy, "generated/schema.ts"), "utf8")).toContain("last_updated?: string;");
  });

  it("the tests that read the spec pass in the copy, unedited", async () => {
    expect(generated.code, generated.output).toBe(0);
    const vitest = path.join(ROOT, "node_modules/vitest/vitest.mjs");
    // Hang guards only, raised: these files run here while the outer suite runs beside them.
    const guards = ["--testTimeout=600000", "--hookTimeout=600000"];
    const { code, output } = await runIn(copy, process.execPath, [vitest, "run", ...guards, ...AFFECTED], LIMIT_MS);
    expect(code, output).toBe(0);
    // Every file ran (none skipped for a missing Chromium or curl when CI is set).
    expect(output).toMatch(new RegExp(`Test Files\\s+${AFFECTED.length} passed`));
  }, LIMIT_MS);
});
