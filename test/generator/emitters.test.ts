import { describe, expect, it } from "vitest";
import { codeSamplesOf, emitCodeSamples } from "../../generator/emit/emit-code-samples.js";
import { emitClient } from "../../generator/emit/emit-client.js";
import { emitIndex } from "../../generator/emit/emit-index.js";
import { emitTesting } from "../../generator/emit/emit-testing.js";
import { emitTypes } from "../../generator/emit/emit-types.js";
import { emitValidators } from "../../generator/emit/emit-validators.js";
import { successParseAs } from "../../generator/emit/success-body.js";
import { runtimeExports } from "../../generator/lib/runtime-source.js";
import type { OperationModel } from "../../generator/model/api-model.js";
import { SMALL_MODEL } from "../support/small-model.js";

/**
 * Each emitter on its own, on a model built by hand (test/support/small-model.ts): what
 * each file says follows from the model, with no spec, load step or openapi-typescript in
 * between. The whole pipeline's output is covered by the snapshot tests.
 */
const [getThing, insertVectors] = SMALL_MODEL.operations as [OperationModel, OperationModel];

/** The line of `text` that starts (after indentation) with `start`. */
const lineOf = (text: string, start: string) => text.split("\n").find((line) => line.trimStart().startsWith(start)) ?? "";

describe("emitTypes", () => {
  const types = emitTypes(SMALL_MODEL);

  it("names every schema, and an enum's values as a constant", () => {
    expect(types).toContain('export type Thing = components["schemas"]["Thing"];');
    expect(types).toContain('export type Colour = components["schemas"]["Colour"];');
    expect(types).toContain('export const COLOURS = ["red", "green"] as const satisfies readonly Colour[];');
  });

  it("an enveloped operation resolves to its envelope's result; another to its body; a deprecated one says so", () => {
    expect(types).toContain('export type GetThingResult = GetThingEnvelope["result"];');
    expect(types).toContain("export type InsertVectorsResult = InsertVectorsEnvelope;");
    expect(types).toContain('["content"]["application/x-ndjson"]');
    const vectorsDocs = types.slice(types.indexOf("The path parameters of `insertVectors`"));
    expect(vectorsDocs.slice(0, 200)).toContain("@deprecated");
    expect(types.slice(0, types.indexOf("insertVectors"))).not.toContain("@deprecated");
  });
});

describe("emitClient", () => {
  const client = emitClient(SMALL_MODEL);

  it("describes each operation as data, with its body's media type and how a non-JSON success is read", () => {
    expect(lineOf(client, "getThing: {")).toContain(
      'method: "GET", path: "/things/{thing_id}", pathParams: ["thing_id"], queryParams: ["verbose"]',
    );
    expect(lineOf(client, "getThing: {")).not.toContain("parseAs");
    expect(lineOf(client, "insertVectors: {")).toContain('contentType: "application/x-ndjson"');
    expect(lineOf(client, "insertVectors: {")).toContain('parseAs: "text"');
  });

  it("one credential option per security scheme, read from its environment variable, and one method per operation", () => {
    expect(client).toContain('api_token: { option: "apiToken", kind: bearer, scheme: "bearer", env: "SMALL_API_TOKEN" }');
    expect(client).toMatch(/\n {2}apiToken\?: string;/);
    for (const op of SMALL_MODEL.operations) expect(client).toContain(`${op.name}: (params, options) => runtime.call<`);
  });
});

describe("emitIndex", () => {
  it("re-exports what generator/runtime/public.ts exports, types as types, and nothing internal", () => {
    const index = emitIndex(SMALL_MODEL);
    const runtimeLine = index.split("\n").find((line) => line.includes("./runtime/index.js")) ?? "";
    for (const { name, typeOnly } of runtimeExports().public) expect(runtimeLine).toContain(typeOnly ? `type ${name}` : ` ${name},`);
    expect(runtimeLine).not.toContain("createRuntime");
    expect(runtimeLine).not.toContain("BaseClientOptions");
  });

  it("the base error class under the spec's errorClass", () => {
    const index = emitIndex({ ...SMALL_MODEL, options: { validators: false, errorClass: "SmallError" } });
    expect(index).toContain("ClientError as SmallError");
  });
});

describe("emitTesting", () => {
  it("gives the test kit each operation, its parameters' types and the schemes' kinds", () => {
    const testing = emitTesting(SMALL_MODEL);
    expect(lineOf(testing, "getThing: {")).toContain(
      'pathParams: [{ name: "thing_id", required: true, type: "string" }], queryParams: [{ name: "verbose", type: "boolean" }]',
    );
    expect(lineOf(testing, "insertVectors: {")).toContain('contentType: "application/x-ndjson"');
    expect(testing).toContain('api_token: { kind: "bearer", scheme: "bearer" }');
    expect(testing).toContain('serverEnv: "SMALL_BASE_URL"');
  });
});

describe("emitCodeSamples", () => {
  it("a TypeScript and a curl sample per operation; a body that is not JSON is sent as its example says, with its media type", () => {
    const samples = codeSamplesOf(SMALL_MODEL);
    expect(samples.map((s) => s.name)).toEqual(["getThing", "insertVectors"]);
    const vectors = samples[1]!;
    expect(vectors.curl).toContain("  -H 'Content-Type: application/x-ndjson' \\");
    expect(vectors.curl.join("\n")).toContain(`--data-raw '{"id":"1"}\n'`);
    expect(samples[0]!.curl[0]).toBe("curl 'https://api.example.com/v1/things/t1' \\");
    expect(emitCodeSamples(SMALL_MODEL)).toContain("export const codeSamples");
  });
});

describe("emitValidators and parseAs: the one JSON rule (generator/runtime/media-type.ts)", () => {
  const document = {
    openapi: "3.1.0",
    components: { schemas: { Thing: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } },
  };

  it("a JSON success gets a validator; an application/x-ndjson body does not (it is not one JSON value)", () => {
    const withSchema: OperationModel = { ...insertVectors, body: { ...insertVectors.body!, schemaPointer: "#/components/schemas/Thing" } };
    const validators =
      emitValidators({ ...SMALL_MODEL, operations: [getThing, withSchema], options: { validators: true } }, document) ?? "";
    expect(lineOf(validators, "getThing:").trim()).toMatch(/^getThing: \{ response: v\d+ \},$/);
    expect(validators).not.toContain("insertVectors");
  });

  it.each([
    ["application/json", undefined],
    ["application/problem+json; charset=utf-8", undefined],
    ["application/x-ndjson", "text"],
    ["application/jsonl", "text"],
    ["text/csv", "text"],
    ["image/png", "blob"],
  ] as const)("a %s success is read as %s", (contentType, parseAs) => {
    expect(successParseAs({ ...getThing, success: { status: "200", contentType } })).toBe(parseAs);
  });
});
