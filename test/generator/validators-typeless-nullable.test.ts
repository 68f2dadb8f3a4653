/**
 * A 3.0 `nullable` without `type` (GitHub's document has 135; the load step only warns)
 * used to stop validators.ts from being built at all: Ajv refuses the whole document
 * ("nullable" cannot be used without "type"). It changes nothing without `type`, so the
 * validators leave it out, and keep every other `nullable` (and a property named so).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { ARTIFACTS } from "../support/spec-copy.js";

const SPEC = `
openapi: 3.0.3
info: { title: t, version: 1.0.0 }
x-zt-generator: { validators: true }
paths:
  /things:
    get:
      operationId: getThing
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } }
components:
  schemas:
    Thing:
      type: object
      required: [anything, name, nullable]
      properties:
        anything: { nullable: true, description: "any value, null included" }
        name: { type: string, nullable: true }
        nullable: { type: boolean }
`;

describe("validators for a spec with `nullable` and no `type`", () => {
  it("are built, and validate as the spec says", async () => {
    const dir = mkdtempSync(path.join(ARTIFACTS, "typeless-nullable-"));
    writeFileSync(path.join(dir, "openapi.yaml"), SPEC);
    const generated = await generate(path.join(dir, "openapi.yaml"));
    expect(generated.warnings.map((w) => w.message)).toEqual([
      "The `type` field must be defined when the `nullable` field is used. (struct)",
    ]);
    replaceOutput(path.join(dir, "out"), generated.files);
    const { validators } = await import(pathToFileURL(path.join(dir, "out/validators.ts")).href);
    const response = validators.getThing.response;
    expect(response({ anything: null, name: null, nullable: true })).toBe(true);
    expect(response({ anything: [1], name: "n", nullable: false })).toBe(true);
    // The other nullable still only adds null to its type, and the property named "nullable" is still required.
    expect(response({ anything: 1, name: 5, nullable: true })).toBe(false);
    expect(response({ anything: 1, name: "n" })).toBe(false);
  });
});
