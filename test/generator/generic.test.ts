import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type Generated } from "../../generator/pipeline.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { cloudflareGenerated } from "../support/once-per-run.js";
import { ARTIFACTS, ROOT } from "../support/spec-copy.js";
import { typecheckFolder } from "../support/tsc.js";

/** Nothing in generator/ names the behaviors endpoint: every spec gets the same treatment. */
const FIXTURES = {
  "params-and-responses": "test/fixtures/specs/params-and-responses.yaml",
  composition: "test/fixtures/specs/composition.yaml",
  collisions: "test/fixtures/specs/collisions.yaml",
  split: "test/fixtures/specs/split/openapi.yaml",
} as const;
const OUT = path.join(ARTIFACTS, "generic");

const results = new Map<keyof typeof FIXTURES | "cloudflare", Generated>();

beforeAll(async () => {
  for (const [name, spec] of Object.entries(FIXTURES) as [keyof typeof FIXTURES, string][]) results.set(name, await generate(spec));
  // Cloudflare's whole API (test/fixtures/cloudflare/), generated once for every file of the run that needs it.
  results.set("cloudflare", await cloudflareGenerated());
  for (const [name, generated] of results) replaceOutput(path.join(OUT, name), generated.files);
}, 180_000);

describe("any OpenAPI 3.0/3.1 document", () => {
  it("every output type-checks under tsc --strict, with no Node types", () => {
    const { status, output } = typecheckFolder(OUT);
    expect(output).toBe("");
    expect(status).toBe(0);
  }, 180_000);

  it("Cloudflare's whole API: a method and named types for each of its 1,533 operations, an alias per schema", () => {
    const { model, files } = results.get("cloudflare")!;
    expect(model.operations).toHaveLength(1533);
    expect(model.schemas).toHaveLength(3716);
    const client = files.find((f) => f.path === "client.ts")!.content;
    const types = files.find((f) => f.path === "types.ts")!.content;
    expect(new Set(model.operations.map((op) => op.name)).size).toBe(1533);
    for (const op of model.operations) {
      expect(client).toContain(`\n  ${op.name}(params`);
      expect(types).toContain(`export type ${op.typeName}Result =`);
    }
    // In 2024 the behaviors path still used {account_identifier}.
    const behaviors = model.operations.find((op) => op.id === "dlp-zt-risk-score-put-behaviors");
    expect(behaviors).toMatchObject({
      name: "dlpZtRiskScorePutBehaviors",
      method: "PUT",
      path: "/accounts/{account_identifier}/zt_risk_scoring/behaviors",
      envelope: true,
      body: { shape: "fields" },
    });
  });

  it("query and header parameters, 204, default and non-JSON responses", () => {
    const { model, files } = results.get("params-and-responses")!;
    const [list, remove, health, upload] = model.operations;
    expect(list).toMatchObject({
      name: "listItems",
      pathParams: [{ name: "zone_id", required: true }],
      queryParams: [
        { name: "page", required: false },
        { name: "per_page", required: true },
      ],
      headerParams: [{ name: "X-Request-Id", required: false }],
      success: { status: "200", contentType: "application/json" },
      errors: [{ status: "default", contentType: "application/problem+json" }],
      layout: "flat",
    });
    expect(remove).toMatchObject({ name: "deleteItems", success: { status: "204" }, envelope: false });
    expect(remove!.success!.contentType).toBeUndefined();
    expect(health).toMatchObject({ id: "GET /health", name: "getHealth", paramsOptional: true, success: { contentType: "text/plain" } });
    expect(upload).toMatchObject({ name: "upload", body: { contentType: "application/octet-stream", shape: "value", required: false } });
    const types = files.find((f) => f.path === "types.ts")!.content;
    expect(types).toContain("export type ListItemsParams = ListItemsPathParams & ListItemsQueryParams & ListItemsHeaderParams;");
    expect(types).toContain("export type UploadParams = { body?: UploadBody };");
    expect(types).toContain("export type DeleteItemsEnvelope = undefined;");
  });

  it("oneOf, allOf, recursive schemas and 3.0 nullable", () => {
    const { model, files } = results.get("composition")!;
    expect(model.operations.map((op) => [op.name, op.body?.shape, op.envelope])).toEqual([
      ["putTree", "fields", false],
      ["createPet", "fields", true],
    ]);
    const types = files.find((f) => f.path === "types.ts")!.content;
    expect(types).toContain('export const PET_KINDS = ["cat", "dog", "bird of prey"] as const satisfies readonly PetKind[];');
    expect(types).toContain('export const STATUSES = ["on", "off"] as const satisfies readonly Status[];');
    const schema = files.find((f) => f.path === "schema.ts")!.content;
    expect(schema).toContain("children?: Tree[]");
    expect(schema).toContain("Tree: Tree;");
  });

  it("a spec split over several files is bundled into one", () => {
    const { model, inputs } = results.get("split")!;
    expect(inputs.map((f) => path.relative(path.join(ROOT, "test/fixtures/specs/split"), f))).toEqual([
      "openapi.yaml",
      "paths/widgets.yaml",
      "schemas/Color.yaml",
      "schemas/Widget.yaml",
    ]);
    expect(model.schemas.map((s) => [s.typeName, s.enum?.constName])).toContainEqual(["Color", "COLORS"]);
  });

  it("name collisions are resolved deterministically", () => {
    const { model } = results.get("collisions")!;
    // Two operationIds that camelCase alike: the first in document order keeps the name.
    // A body field named like a path parameter: the body is passed whole, as `body`.
    // Two parameters named alike, or a `body` parameter beside a whole body: grouped.
    // `then` would make the client a thenable, `raw` would hide the escape hatch, `constructor` shadows Object.prototype.
    expect(model.operations.map((op) => [op.id, op.name, op.layout, op.body?.shape ?? "none"])).toEqual([
      ["get-thing", "getThing", "grouped", "none"],
      ["getThing", "getThing2", "flat", "value"],
      ["constructor", "constructorOperation", "grouped", "value"],
      ["then", "thenOperation", "flat", "none"],
      ["raw", "rawOperation", "flat", "none"],
    ]);
    // Component aliases step aside for the operations' names, the runtime's exports and the globals types.ts uses.
    expect(model.schemas.map((s) => s.typeName)).toEqual(["GetThingParamsSchema", "ApiErrorSchema", "RecordSchema", "Default"]);
  });
});
