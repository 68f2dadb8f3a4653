/**
 * Body flattening (test/fixtures/specs/flattening.yaml): a JSON object body whose
 * properties are all known is flattened into the method's argument whether its schema is
 * written in one object or through `allOf` parts, required or not; a body field named
 * like a parameter, a union or unknown properties keep the body whole. The generated
 * types are type-checked against calls that must compile and calls that must not
 * (`@ts-expect-error`: tsc fails when such a call compiles after all).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type Generated } from "../../generator/pipeline.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { ARTIFACTS } from "../support/spec-copy.js";
import { typecheckFolder } from "../support/tsc.js";

let generated: Generated;
let dir: string;

beforeAll(async () => {
  generated = await generate("test/fixtures/specs/flattening.yaml");
  dir = mkdtempSync(path.join(ARTIFACTS, "flattening-"));
  replaceOutput(path.join(dir, "generated"), generated.files);
});

const shapes = () => Object.fromEntries(generated.model.operations.map((op) => [op.name, [op.layout, op.body?.shape, op.body?.required]]));

/** Calls a consumer writes: each `@ts-expect-error` marks one that must not compile. */
const USAGE = `
import type { Client, ReplaceWidgetParams, ReplaceWidgetComposedParams, UpdateWidgetParams } from "./generated/index.js";

declare const client: Client;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The same fields, in one object or through allOf: the same argument.
export const same: Same<ReplaceWidgetParams, ReplaceWidgetComposedParams> = true;
// @ts-expect-error an optional body's argument is not the required one's
export const notSame: Same<ReplaceWidgetParams, UpdateWidgetParams> = true;
void client.replaceWidget({ widget_id: "w", name: "n", color: "red", size: 1 });
void client.replaceWidgetComposed({ widget_id: "w", name: "n", color: "red", size: 1 });
void client.replaceWidgetComposed({ widget_id: "w", name: "n" });
// @ts-expect-error name is required, through allOf too
void client.replaceWidgetComposed({ widget_id: "w", color: "red" });
// @ts-expect-error a field the body does not have
void client.replaceWidgetComposed({ widget_id: "w", name: "n", colour: "red" });
// @ts-expect-error the composed body is flattened, not passed as body
void client.replaceWidgetComposed({ widget_id: "w", body: { name: "n" } });

// An optional body: no body field at all, or a whole valid body.
void client.updateWidget({ widget_id: "w" });
void client.updateWidget({ widget_id: "w", name: "n" });
void client.updateWidget({ widget_id: "w", name: "n", color: "green", size: 2 });
// @ts-expect-error some body fields without the required name
void client.updateWidget({ widget_id: "w", color: "red" });
// @ts-expect-error some body fields without the required name
void client.updateWidget({ widget_id: "w", size: 1, color: "green" });
// @ts-expect-error the path parameter is still required
void client.updateWidget({ name: "n" });

// A body field named like the path parameter: the body is passed whole.
void client.renameWidget({ widget_id: "w", body: { widget_id: "v", name: "n" } });
// @ts-expect-error not flattened
void client.renameWidget({ widget_id: "w", name: "n" });

// Two parameters named id: grouped, the allOf body as body.
void client.moveWidget({ path: { id: "a" }, query: { id: "b" }, body: { name: "n" } });
// @ts-expect-error not flat
void client.moveWidget({ id: "a", name: "n" });

// A union, unknown properties, known ones and more: whole.
void client.createShape({ body: { radius: 1 } });
void client.putShapes({ body: { a: 1 } });
void client.patchShapes({ body: { name: "n", extra: true } });

// A body that may be null: flattened when required, whole (null, a body or none) when optional.
void client.replaceGadget({ gadget_id: "g", name: "n" });
// @ts-expect-error name is required
void client.replaceGadget({ gadget_id: "g" });
void client.updateGadget({ gadget_id: "g", body: null });
void client.updateGadget({ gadget_id: "g" });
`;

describe("body flattening", () => {
  it("flattens the same fields written in one object or through allOf, and an optional body; keeps a colliding, union, open or optional nullable body whole", () => {
    expect(shapes()).toEqual({
      replaceWidget: ["flat", "fields", true],
      replaceWidgetComposed: ["flat", "fields", true],
      updateWidget: ["flat", "fields", false],
      renameWidget: ["flat", "value", true],
      moveWidget: ["grouped", "fields", true],
      createShape: ["flat", "value", true],
      putShapes: ["flat", "value", true],
      patchShapes: ["flat", "value", true],
      replaceGadget: ["flat", "fields", true],
      updateGadget: ["flat", "value", false],
    });
  });

  it("an optional flattened body's argument takes all of its fields or none of them", () => {
    const types = generated.files.find((f) => f.path === "types.ts")!.content;
    expect(types).toContain(
      "export type UpdateWidgetParams = UpdateWidgetPathParams & (UpdateWidgetBody | { [K in keyof UpdateWidgetBody]?: never });",
    );
    expect(types).toContain("export type ReplaceWidgetComposedParams = ReplaceWidgetComposedPathParams & ReplaceWidgetComposedBody;");
  });

  it("the generated types accept the calls they should and refuse the others (tsc --strict)", () => {
    writeFileSync(path.join(dir, "usage.ts"), USAGE);
    const { status, output } = typecheckFolder(dir);
    expect(output).toBe("");
    expect(status).toBe(0);
  }, 60_000);
});
