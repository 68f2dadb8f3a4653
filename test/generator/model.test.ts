// The model step on small inline documents: security schemes and requirements, servers,
// generator options and examples, read the same way for any spec.
import { describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build-model.js";
import { exampleFromSchema } from "../../generator/model/examples.js";

const doc = (extra: Record<string, unknown>) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, ...extra });
const op = (extra: Record<string, unknown> = {}) => ({ responses: { "200": { description: "ok" } }, ...extra });

describe("security", () => {
  const schemes = {
    api_token: { type: "http", scheme: "Bearer", description: "A token.", "x-zt-env": "API_TOKEN" },
    user_service_key: { type: "apiKey", in: "header", name: "X-Auth-User-Service-Key" },
    basic: { type: "http", scheme: "basic" },
    digest: { type: "http", scheme: "Digest" },
    q: { type: "apiKey", in: "query", name: "api key" },
    c: { type: "apiKey", in: "cookie", name: "session" },
    oauth: { type: "oauth2", flows: {} },
    oidc: { type: "openIdConnect", openIdConnectUrl: "https://example.com" },
    tls: { type: "mutualTLS" },
    badHeader: { type: "apiKey", in: "header", name: "X Bad\n" },
    baseUrl: { type: "http", scheme: "bearer", "x-zt-env": "not a name" },
  };

  it("gives each scheme an option named the camelCase of its key, and says how it is sent", () => {
    const model = buildModel(doc({ components: { securitySchemes: schemes } }), "x");
    expect(model.securitySchemes).toEqual([
      { key: "api_token", option: "apiToken", kind: "bearer", type: "http", description: "A token.", env: "API_TOKEN" },
      { key: "user_service_key", option: "userServiceKey", kind: "apiKey", in: "header", name: "X-Auth-User-Service-Key", type: "apiKey" },
      { key: "basic", option: "basic", kind: "basic", type: "http" },
      { key: "digest", option: "digest", kind: "http", scheme: "Digest", type: "http" },
      { key: "q", option: "q", kind: "apiKey", in: "query", name: "api key", type: "apiKey" },
      { key: "c", option: "c", kind: "apiKey", in: "cookie", name: "session", type: "apiKey" },
      { key: "oauth", option: "oauth", kind: "bearer", type: "oauth2" },
      { key: "oidc", option: "oidc", kind: "bearer", type: "openIdConnect" },
      { key: "tls", option: "tls", kind: "unsupported", type: "mutualTLS" },
      { key: "badHeader", option: "badHeader", kind: "unsupported", type: "apiKey" },
      // An option name the client already uses is renamed; a bad x-zt-env is ignored.
      { key: "baseUrl", option: "baseUrl2", kind: "bearer", type: "http" },
    ]);
  });

  it("takes the operation's requirements, else the root's; [] and {} mean no credentials", () => {
    const paths = {
      "/a": {
        get: op(),
        post: op({ security: [] }),
        put: op({ security: [{}, { basic: [] }] }),
        delete: op({ security: [{ q: [], c: [] }] }),
      },
    };
    const secured = buildModel(doc({ paths, security: [{ api_token: [] }, { q: [], c: [] }] }), "x");
    // Document order of methods: get, put, post, delete.
    expect(secured.operations.map((o) => o.security)).toEqual([[["api_token"], ["q", "c"]], [[], ["basic"]], [], [["q", "c"]]]);
    const open = buildModel(doc({ paths }), "x");
    expect(open.operations[0]!.security).toEqual([]);
  });
});

describe("servers", () => {
  it("replaces variables by their defaults; the operation's server beats the path item's", () => {
    const model = buildModel(
      doc({
        servers: [
          {
            url: "https://{region}.example.com/{version}",
            variables: { region: { default: "eu" }, version: { default: "v2" } },
            "x-zt-env": "EX_BASE_URL",
          },
        ],
        paths: {
          "/a": { servers: [{ url: "https://files.example.com" }], get: op(), put: op({ servers: [{ url: "/upload" }] }) },
          "/b": { get: op() },
          "/c": { get: op({ servers: [{ url: "https://{missing}.example.com" }] }) },
        },
      }),
      "x",
    );
    expect(model.server).toEqual({ url: "https://eu.example.com/v2", env: "EX_BASE_URL" });
    expect(model.operations.map((o) => o.server)).toEqual([{ url: "https://files.example.com" }, { url: "/upload" }, undefined, undefined]);
  });
});

describe("x-zt-generator and operation extensions", () => {
  it("reads validators, requestIdHeader and errorClass, and ignores values of the wrong shape", () => {
    expect(
      buildModel(doc({ "x-zt-generator": { validators: true, requestIdHeader: "CF-Ray", errorClass: "PetstoreError" } }), "x").options,
    ).toEqual({
      validators: true,
      requestIdHeader: "cf-ray",
      errorClass: "PetstoreError",
    });
    expect(buildModel(doc({ "x-zt-generator": { validators: "yes", requestIdHeader: "a b", errorClass: "class" } }), "x").options).toEqual({
      validators: false,
    });
    // A name the package already exports is not taken over.
    expect(buildModel(doc({ "x-zt-generator": { errorClass: "ApiError" } }), "x").options).toEqual({ validators: false });
  });

  it("an errorClass named like an enum's tuple keeps its name, and the tuple takes another (an export cannot hide the other)", () => {
    const model = buildModel(
      doc({
        "x-zt-generator": { errorClass: "RISK_LEVELS" },
        components: { schemas: { RiskLevel: { type: "string", enum: ["low", "high"] } } },
      }),
      "x",
    );
    expect(model.options.errorClass).toBe("RISK_LEVELS");
    expect(model.schemas.map((s) => s.enum?.constName)).toEqual(["RISK_LEVELS2"]);
  });

  it("reads package, the npm name the docs' code samples import, and ignores what npm would not accept", () => {
    const named = (name: unknown) => buildModel(doc({ "x-zt-generator": { package: name } }), "x").options.package;
    expect(named("zt-risk-scoring")).toBe("zt-risk-scoring");
    expect(named("@acme/petstore.client")).toBe("@acme/petstore.client");
    for (const bad of ["Petstore", "a b", 'x"; process.exit(1); "', "../evil", "@scope/", "", "a".repeat(215), 42])
      expect(named(bad), String(bad)).toBeUndefined();
  });

  it("reads x-zt-idempotent and x-api-token-group", () => {
    const model = buildModel(
      doc({ paths: { "/a": { post: op({ "x-zt-idempotent": true, "x-api-token-group": ["Zero Trust Write", 3] }), patch: op() } } }),
      "x",
    );
    expect(model.operations.map((o) => [o.idempotent, o.permissions])).toEqual([
      [true, ["Zero Trust Write"]],
      [false, []],
    ]);
  });
});

describe("examples", () => {
  it("prefers the spec's example, then examples, then one made from the schema", () => {
    const schema = { type: "object", required: ["n"], properties: { n: { type: "integer", minimum: 3 } } };
    const paths = {
      "/a/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        put: op({
          parameters: [{ name: "q", in: "query", example: "given", schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/json": { examples: { one: { value: { n: 7 } } }, schema } } },
          responses: { "200": { description: "ok", content: { "application/json": { schema } } } },
        }),
      },
    };
    const [put] = buildModel(doc({ paths }), "x").operations;
    expect(put!.pathParams[0]!.example).toBe("00000000-0000-0000-0000-000000000000");
    expect(put!.queryParams[0]!.example).toBe("given");
    expect(put!.body!.example).toEqual({ n: 7 });
    expect(put!.success!.example).toEqual({ n: 3 });
  });

  it("makes values that fit the schema: allOf merged, first alternative, bounds, read/write-only, recursion", () => {
    const document = {
      components: {
        schemas: {
          Node: {
            type: "object",
            required: ["child", "name"],
            properties: { name: { type: "string", minLength: 8 }, child: { $ref: "#/components/schemas/Node" } },
          },
        },
      },
    };
    const x = (schema: unknown, direction: "request" | "response" = "request") => exampleFromSchema(document, schema as never, direction);
    expect(
      x({
        allOf: [
          { type: "object", required: ["a"], properties: { a: { const: 1 } } },
          { required: ["b"], properties: { b: { type: "boolean" } } },
        ],
      }),
    ).toEqual({ a: 1, b: true });
    expect(x({ oneOf: [{ type: "null" }, { type: "string", enum: [null, "x"] }] })).toBe("x");
    expect(x({ type: "integer", exclusiveMinimum: 5, multipleOf: 4 })).toBe(8);
    expect(x({ type: "number", maximum: -2.5 })).toBe(-2.5);
    expect(x({ type: "string", maxLength: 3 })).toBe("str");
    expect(x({ type: "array", items: { type: "string", format: "date" } })).toEqual(["2024-01-01"]);
    const rw = {
      type: "object",
      required: ["id", "secret"],
      properties: { id: { type: "string", readOnly: true }, secret: { type: "string", writeOnly: true } },
    };
    expect(x(rw, "request")).toEqual({ secret: "string" });
    expect(x(rw, "response")).toEqual({ id: "string" });
    // A property named __proto__ stays an own key, also through allOf: it never becomes the example's prototype.
    const proto = JSON.parse(
      '{ "type": "object", "required": ["__proto__"], "properties": { "__proto__": { "type": "object", "required": ["polluted"], "properties": { "polluted": { "type": "boolean" } } } } }',
    );
    for (const merged of [x(proto), x({ allOf: [proto, { type: "object", required: ["b"], properties: { b: { type: "string" } } }] })]) {
      expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
      expect(Object.hasOwn(merged as object, "__proto__")).toBe(true);
      expect(JSON.stringify(merged)).toContain('"__proto__":{"polluted":true}');
    }
    // Recursion stops at a fixed depth; the result is the same every time.
    const node = x({ $ref: "#/components/schemas/Node" });
    expect(JSON.stringify(node)).toBe(JSON.stringify(x({ $ref: "#/components/schemas/Node" })));
    expect(JSON.stringify(node).split('"child"').length - 1).toBe(8);
  });
});
