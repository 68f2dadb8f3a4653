import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bundleOpened, openSpec } from "../../generator/load/load-spec.js";
import { CLOUDFLARE_BEHAVIORS, SEED_PAGE } from "../support/fixtures.js";

/**
 * spec/ against Cloudflare's own definition of the two operations and the seed page
 * (test/fixtures/cloudflare/): the same API, with three corrections where Cloudflare's
 * definition is wrong (security alternatives, response texts, operationIds).
 */
type Doc = { paths: Record<string, any>; components: Record<string, any>; security?: unknown; servers?: any[] };

let ours: Doc;
let theirs: Doc;
const PATH = "/accounts/{account_id}/zt_risk_scoring/behaviors";
const SEED = readFileSync(SEED_PAGE, "utf8");

/** Follows local refs, merges allOf, and drops documentation keywords, so two schemas can be compared by meaning. */
function normalize(doc: Doc, schema: any, seen = new Set<any>()): any {
  if (schema === null || typeof schema !== "object") return schema;
  if (typeof schema.$ref === "string") {
    const target = schema.$ref.slice(2).split("/").reduce((node: any, key: string) => node[key.replace(/~1/g, "/")], doc);
    return normalize(doc, target, seen);
  }
  if (Array.isArray(schema)) return schema.map((s) => normalize(doc, s, seen));
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s: any) => normalize(doc, s, seen));
    const { allOf: _, ...rest } = schema;
    const merged = Object.assign({}, ...parts, rest);
    const properties = Object.assign({}, ...parts.map((p: any) => p.properties ?? {}), rest.properties ?? {});
    const required = [...new Set(parts.flatMap((p: any) => p.required ?? []).concat(rest.required ?? []))];
    if (Object.keys(properties).length > 0) merged.properties = properties;
    if (required.length > 0) merged.required = required;
    return normalize(doc, merged, seen);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (["description", "example", "examples", "uniqueItems", "minLength", "minItems", "nullable"].includes(key)) continue;
    out[key] = key === "required" && Array.isArray(value) ? [...value].sort() : normalize(doc, value, seen);
  }
  return out;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
/** The HTTP methods of a path item, in document order. */
const methodsOf = (item: Record<string, unknown>): string[] => Object.keys(item).filter((k) => METHODS.includes(k));

beforeAll(async () => {
  ours = (await bundleOpened(await openSpec("spec/openapi.yaml"))).document as unknown as Doc;
  theirs = parse(readFileSync(CLOUDFLARE_BEHAVIORS, "utf8"));
});

describe("spec/ is faithful to Cloudflare's definition and the seed page", () => {
  it("has the same path, methods, server and account_id parameter", () => {
    // Every path and method of Cloudflare's definition, and no other (README: "When Cloudflare changes").
    expect(Object.keys(ours.paths)).toEqual(Object.keys(theirs.paths));
    for (const path of Object.keys(theirs.paths)) expect(methodsOf(ours.paths[path]), path).toEqual(methodsOf(theirs.paths[path]));
    expect(methodsOf(ours.paths[PATH])).toEqual(expect.arrayContaining(["get", "put"]));
    expect(ours.servers?.[0]?.url).toBe(theirs.servers?.[0]?.url);
    const param = normalize(ours, ours.paths[PATH].parameters[0]);
    expect(param).toMatchObject({ name: "account_id", in: "path", required: true, schema: { type: "string" } });
  });

  it("uses the seed's summaries and descriptions", () => {
    for (const method of ["get", "put"]) {
      expect(ours.paths[PATH][method].summary).toBe(theirs.paths[PATH][method].summary);
      expect(ours.paths[PATH][method].description).toBe(theirs.paths[PATH][method].description);
      expect(ours.paths[PATH][method].tags).toEqual(theirs.paths[PATH][method].tags);
    }
    expect(SEED).toContain(ours.paths[PATH].put.summary);
    expect(SEED).toContain(ours.paths[PATH].put.description);
  });

  it("has the same request body, success results and failure envelope, schema for schema", () => {
    const body = (doc: Doc) => normalize(doc, doc.paths[PATH].put.requestBody.content["application/json"].schema);
    expect(body(ours)).toEqual(body(theirs));
    for (const method of ["get", "put"]) {
      const success = (doc: Doc) => normalize(doc, doc.paths[PATH][method].responses["200"].content["application/json"].schema);
      // Ours also requires `result` on success: Cloudflare always sends it.
      const { required: ourRequired, ...ourRest } = success(ours);
      const { required: theirRequired, ...theirRest } = success(theirs);
      expect(ourRest).toEqual(theirRest);
      expect(ourRequired).toEqual([...theirRequired, "result"].sort());
      const failure = (doc: Doc) => normalize(doc, normalize(doc, doc.paths[PATH][method].responses["4XX"]).content["application/json"].schema);
      const { result: ourResult, ...ourFailure } = failure(ours).properties;
      const { result: theirResult, ...theirFailure } = failure(theirs).properties;
      expect(ourFailure).toEqual(theirFailure);
      // 3.1 writes "null only" as type 'null'; Cloudflare's 3.0 says type object, enum [null], nullable.
      expect(ourResult).toEqual({ type: "null" });
      expect(theirResult.enum).toEqual([null]);
    }
  });

  it("has the same security schemes, offered as alternatives: a token, or email + key", () => {
    const schemes = ours.components.securitySchemes;
    const env = { api_token: "CLOUDFLARE_API_TOKEN", api_email: "CLOUDFLARE_EMAIL", api_key: "CLOUDFLARE_API_KEY" };
    for (const name of ["api_token", "api_email", "api_key"] as const) {
      // x-zt-env is ours: the environment variable the generated client reads the credential from.
      const { description: _, "x-zt-env": variable, ...scheme } = schemes[name];
      expect(scheme).toEqual(theirs.components.securitySchemes[name]);
      expect(variable).toBe(env[name]);
    }
    expect(ours.security).toEqual([{ api_token: [] }, { api_email: [], api_key: [] }]);
    expect(theirs.paths[PATH].put.security).toEqual([{ api_email: [], api_key: [], api_token: [] }]);
  });

  it("names the operations getBehaviors and updateBehaviors and describes their responses truthfully", () => {
    expect(ours.paths[PATH].get.operationId).toBe("getBehaviors");
    expect(ours.paths[PATH].put.operationId).toBe("updateBehaviors");
    expect(JSON.stringify(ours)).not.toContain("Dataset");
  });

  it("carries the seed's request and response examples", () => {
    const seedJson = SEED.slice(SEED.indexOf('{\n  "errors"'), SEED.indexOf("Returns Examples")).trim();
    expect(ours.paths[PATH].put.responses["200"].content["application/json"].example).toEqual(JSON.parse(seedJson));
    expect(ours.paths[PATH].put.requestBody.content["application/json"].example).toEqual({ behaviors: { foo: { enabled: true, risk_level: "low" } } });
  });
});
