import type { ApiModel, OperationModel } from "../../generator/model/api-model.js";

/**
 * A small API model built by hand, for testing each emitter on its own (test/generator/
 * emitters.test.ts) without the load step or the spec: one read with a path parameter and
 * a JSON envelope, one write whose body is newline-delimited JSON (Cloudflare's Vectorize)
 * and whose success is text, one enum schema, a bearer token and a server.
 */
const getThing: OperationModel = {
  id: "getThing",
  name: "getThing",
  typeName: "GetThing",
  method: "GET",
  path: "/things/{thing_id}",
  summary: "Get a thing",
  deprecated: false,
  pathParams: [{ name: "thing_id", required: true, type: "string", example: "t1" }],
  queryParams: [{ name: "verbose", required: false, type: "boolean" }],
  headerParams: [],
  layout: "flat",
  paramsOptional: false,
  success: { status: "200", contentType: "application/json", schemaPointer: "#/components/schemas/Thing", example: { id: "t1" } },
  envelope: true,
  errors: [{ status: "404", description: "no such thing", contentType: "application/json" }],
  security: [["api_token"]],
  idempotent: true,
  permissions: [],
};

const insertVectors: OperationModel = {
  id: "insertVectors",
  name: "insertVectors",
  typeName: "InsertVectors",
  method: "POST",
  path: "/indexes/{index_name}/insert",
  deprecated: true,
  pathParams: [{ name: "index_name", required: true, type: "string" }],
  queryParams: [],
  headerParams: [],
  body: { contentType: "application/x-ndjson", required: true, shape: "value", example: '{"id":"1"}\n' },
  layout: "flat",
  paramsOptional: false,
  success: { status: "200", contentType: "text/plain" },
  envelope: false,
  errors: [],
  security: [["api_token"]],
  idempotent: false,
  permissions: [],
};

export const SMALL_MODEL: ApiModel = {
  source: "small.yaml",
  operations: [getThing, insertVectors],
  schemas: [
    { name: "Thing", typeName: "Thing", description: "A thing." },
    { name: "Colour", typeName: "Colour", enum: { constName: "COLOURS", values: ["red", "green"] } },
  ],
  securitySchemes: [{ key: "api_token", option: "apiToken", kind: "bearer", type: "http", scheme: "bearer", env: "SMALL_API_TOKEN" }],
  server: { url: "https://api.example.com/v1", env: "SMALL_BASE_URL" },
  options: { validators: false },
};
