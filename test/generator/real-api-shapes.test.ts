/**
 * The rewrites of issue 23 on the bundled document, before anything is emitted:
 * `$ref`s into other objects (generator/load/deep-refs.ts) and a Java-style parent whose
 * `oneOf` lists children that `allOf` it (generator/load/parent-child-schemas.ts). The
 * real-world corpus (test/real-world/) generates, type-checks and exercises documents
 * with these shapes; this file pins the rewrites themselves.
 */
import { describe, expect, it } from "vitest";
import { kindOf, rewriteDeepRefs } from "../../generator/load/deep-refs.js";
import { splitParentsFromChildren } from "../../generator/load/parent-child-schemas.js";
import type { OpenApiDocument } from "../../generator/load/load-spec.js";

const ok = { "200": { description: "ok" } };

describe("$refs into other objects", () => {
  it("hoists a schema into components.schemas under its pointer's name, numbered when taken, and leaves a $ref where it stood", () => {
    const tag0 = { type: "object", properties: { id: { type: "integer" } } };
    const document: OpenApiDocument = {
      openapi: "3.0.3",
      paths: {
        "/api/1/items": {
          post: {
            requestBody: {
              content: {
                "application/json": { schema: { type: "object", properties: { tag: { $ref: "#/components/schemas/Tag/allOf/0" } } } },
              },
            },
            responses: ok,
          },
          put: {
            requestBody: {
              content: {
                "application/json": { schema: { $ref: "#/paths/~1api~11~1items/post/requestBody/content/application~1json/schema" } },
              },
            },
            responses: ok,
          },
        },
      },
      components: { schemas: { Tag: { allOf: [tag0, { type: "object" }] }, Tag_allOf_0: { type: "string" } } },
    };
    rewriteDeepRefs(document);
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas.Tag_allOf_0).toEqual({ type: "string" }); // the spec's own schema of that name is kept
    expect(schemas.Tag_allOf_0_2).toBe(tag0);
    expect(schemas.Tag).toEqual({ allOf: [{ $ref: "#/components/schemas/Tag_allOf_0_2" }, { type: "object" }] });
    const hoisted = "paths_api_1_items_post_requestBody_content_application_json_schema";
    expect(schemas[hoisted]).toEqual({ type: "object", properties: { tag: { $ref: "#/components/schemas/Tag_allOf_0_2" } } });
    expect(JSON.stringify(document.paths)).not.toMatch(/"\$ref":"#\/(paths|components\/schemas\/Tag\/)/);
    // The same document twice gives the same names.
    expect(Object.keys(schemas)).toEqual(["Tag", "Tag_allOf_0", "Tag_allOf_0_2", hoisted]);
  });

  it("inlines what is not a schema (a parameter of another operation), follows a ref on the way, and points a ref to a ref at its target", () => {
    const document: OpenApiDocument = {
      openapi: "3.1.0",
      paths: {
        "/a": { get: { parameters: [{ name: "id", in: "query", schema: { $ref: "#/components/parameters/Id/schema" } }], responses: ok } },
        "/b": { get: { parameters: [{ $ref: "#/paths/~1a/get/parameters/0", description: "the same" }], responses: ok } },
      },
      components: {
        parameters: {
          Id: { $ref: "#/components/parameters/RealId" },
          RealId: { name: "id", in: "query", schema: { $ref: "#/components/schemas/Id" } },
        },
        schemas: { Id: { type: "string" }, Holder: { properties: { id: { $ref: "#/components/parameters/Id/schema" } } } },
      },
    };
    rewriteDeepRefs(document);
    const paths = document.paths as Record<string, { get: { parameters: unknown[] } }>;
    // `#/components/parameters/Id/schema` goes through Id's $ref to RealId's schema, itself a ref: to Id.
    expect(paths["/a"]!.get.parameters[0]).toEqual({ name: "id", in: "query", schema: { $ref: "#/components/schemas/Id" } });
    expect(paths["/b"]!.get.parameters[0]).toEqual({
      name: "id",
      in: "query",
      schema: { $ref: "#/components/schemas/Id" },
      description: "the same",
    });
    expect((document.components as { schemas: Record<string, unknown> }).schemas.Holder).toEqual({
      properties: { id: { $ref: "#/components/schemas/Id" } },
    });
  });

  it("keeps a schema that refers into itself recursive, and leaves examples and whole components alone", () => {
    const example = { $ref: "#/components/schemas/Node/properties/child" };
    const document: OpenApiDocument = {
      openapi: "3.1.0",
      components: {
        schemas: {
          Node: {
            example,
            properties: {
              child: { type: "object", properties: { next: { $ref: "#/components/schemas/Node/properties/child" } } },
              whole: { $ref: "#/components/schemas/Node" },
            },
          },
        },
      },
    };
    rewriteDeepRefs(document);
    const schemas = (document.components as { schemas: Record<string, { properties?: unknown; example?: unknown }> }).schemas;
    expect(schemas.Node_properties_child).toEqual({
      type: "object",
      properties: { next: { $ref: "#/components/schemas/Node_properties_child" } },
    });
    expect(schemas.Node!.properties).toEqual({
      child: { $ref: "#/components/schemas/Node_properties_child" },
      whole: { $ref: "#/components/schemas/Node" },
    });
    expect(schemas.Node!.example).toEqual({ $ref: "#/components/schemas/Node/properties/child" });
  });

  it.each([
    [["components", "schemas", "A", "allOf", "0"], "schema"],
    [["components", "schemas", "A", "properties", "allOf"], "schema"],
    [["components", "parameters", "X", "schema"], "schema"],
    [["components", "parameters", "X"], "other"],
    [["components", "responses", "R", "content", "application/json", "schema", "items"], "schema"],
    [["components", "responses", "R", "headers", "H", "schema"], "schema"],
    [["paths", "/a", "post", "requestBody", "content", "application/json", "schema"], "schema"],
    [["paths", "/a", "get", "parameters", "0"], "other"],
    [["paths", "/a", "get", "parameters", "0", "schema"], "schema"],
    [["paths", "/a", "get", "responses", "200", "content", "application/json", "example"], "other"],
    [["components", "schemas", "A", "properties"], "other"],
  ] as const)("%j holds a %s", (pointer, kind) => {
    expect(kindOf(pointer)).toBe(kind);
  });
});

describe("a parent whose oneOf lists children that allOf it", () => {
  const shape = (extra: Record<string, unknown> = {}): OpenApiDocument => ({
    openapi: "3.0.1",
    components: {
      schemas: {
        Rule: {
          type: "object",
          properties: { ruleType: { type: "string" } },
          oneOf: [{ $ref: "#/components/schemas/Regex" }, { $ref: "#/components/schemas/Other" }],
          ...extra,
        },
        Regex: { allOf: [{ $ref: "#/components/schemas/Rule" }, { properties: { pattern: { type: "string" } } }] },
        Other: { type: "object" },
      },
    },
  });

  it("points each such child at <Parent>Base, the parent without its oneOf; the parent keeps it", () => {
    const document = shape();
    expect(splitParentsFromChildren(document)).toEqual(["Rule"]);
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas.RuleBase).toEqual({ type: "object", properties: { ruleType: { type: "string" } } });
    expect(schemas.Regex).toEqual({ allOf: [{ $ref: "#/components/schemas/RuleBase" }, { properties: { pattern: { type: "string" } } }] });
    expect(schemas.Other).toEqual({ type: "object" });
    expect((schemas.Rule as { oneOf: unknown[] }).oneOf).toHaveLength(2);
  });

  it("leaves a parent with a discriminator alone (openapi-typescript types that shape itself)", () => {
    const document = shape({ discriminator: { propertyName: "ruleType" } });
    expect(splitParentsFromChildren(document)).toEqual([]);
    expect(JSON.stringify(document)).not.toContain("RuleBase");
  });
});
