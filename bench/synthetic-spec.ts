/**
 * A deterministic synthetic OpenAPI 3.1 document of N operations, shaped like Cloudflare's
 * API, for measuring how generation cost grows (bench row 3).
 *
 *   npx tsx bench/synthetic-spec.ts 1000 > spec-1000.json
 *
 * Operations come in resources of five — list, create, get, update, delete — on
 * `/accounts/{account_id}/<resource>` and `…/{<resource>_id}`. Every operation has path
 * parameters (a shared `$ref`'d `account_id`, plus the item id), one query parameter,
 * a Cloudflare envelope response (`allOf` of `ResponseCommon` and a `result`) and a
 * shared `4XX` failure response; create and update take a JSON body that `$ref`s the
 * resource's input schema. One string-enum component per 10 operations.
 * The same N always gives the same bytes (no randomness, no dates).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Json = { [key: string]: unknown };

const WORDS = [
  "access",
  "gateway",
  "tunnel",
  "device",
  "policy",
  "rule",
  "list",
  "route",
  "bucket",
  "worker",
  "queue",
  "zone",
  "record",
  "token",
  "member",
];
const VERBS = ["list", "create", "get", "update", "delete"] as const;
const ENUM_VALUES = [
  ["active", "paused", "deleted"],
  ["low", "medium", "high"],
  ["allow", "block", "log", "isolate"],
];

const ref = (name: string, kind = "schemas") => ({ $ref: `#/components/${kind}/${name}` });
const pad = (n: number) => String(n).padStart(4, "0");
const pascal = (s: string) => s.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** The name of resource `i`: a readable word plus a number, e.g. `gateway_rule_0012`. */
const resourceName = (i: number) => `${WORDS[i % WORDS.length]}_${WORDS[(i * 7 + 3) % WORDS.length]}${pad(i)}`;

const envelope = (result: unknown): Json => ({
  description: "Successful response.",
  content: {
    "application/json": {
      schema: { allOf: [ref("ResponseCommon"), { type: "object", properties: { result }, required: ["result"] }] },
    },
  },
});

function operation(verb: (typeof VERBS)[number], resource: string, schema: string, idParam: string | undefined): Json {
  const title = resource.replace(/\d+$/, "").replace(/_/g, " ");
  const parameters: Json[] = [];
  if (idParam)
    parameters.push({
      name: idParam,
      in: "path",
      required: true,
      description: `The ${title} identifier.`,
      schema: { type: "string", maxLength: 32 },
    });
  parameters.push(
    verb === "list"
      ? { name: "page", in: "query", description: "Page number of paginated results.", schema: { type: "integer", minimum: 1, default: 1 } }
      : { name: "dry_run", in: "query", description: "Validate only; change nothing.", schema: { type: "boolean" } },
  );
  const op: Json = {
    operationId: `${verb}${pascal(resource)}`,
    tags: [pascal(resource)],
    summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} ${title}${verb === "list" ? "s" : ""}`,
    description: `${verb === "list" ? "Lists" : `${pascal(verb)}s`} ${title} objects of an account. Generated for the benchmark.`,
    parameters,
    responses: {
      "200": envelope(
        verb === "list"
          ? { type: "array", items: ref(schema) }
          : verb === "delete"
            ? { type: "object", properties: { id: { type: "string" } } }
            : ref(schema),
      ),
      "4XX": ref("Failure", "responses"),
    },
  };
  if (verb === "create" || verb === "update") {
    op.requestBody = { required: true, content: { "application/json": { schema: ref(`${schema}Input`) } } };
  }
  return op;
}

export function syntheticSpec(operations: number): Json {
  const paths: Json = {};
  const schemas: Json = {
    Message: {
      type: "object",
      properties: { code: { type: "integer", minimum: 1000 }, message: { type: "string" }, documentation_url: { type: "string" } },
      required: ["code", "message"],
    },
    Messages: { type: "array", items: ref("Message") },
    ResponseCommon: {
      type: "object",
      properties: { errors: ref("Messages"), messages: ref("Messages"), success: { type: "boolean", enum: [true] } },
      required: ["success", "errors", "messages"],
    },
    ResponseCommonFailure: {
      type: "object",
      properties: {
        errors: ref("Messages"),
        messages: ref("Messages"),
        result: { type: "null" },
        success: { type: "boolean", enum: [false] },
      },
      required: ["success", "errors", "messages", "result"],
    },
  };
  const resources = Math.ceil(operations / VERBS.length);
  for (let i = 0; i < resources; i++) {
    const resource = resourceName(i);
    const schema = pascal(resource);
    // One enum per two resources, i.e. per ten operations, named after the first of the two.
    const enumName = `${pascal(resourceName(i - (i % 2)))}Status`;
    if (i % 2 === 0) {
      schemas[enumName] = { type: "string", description: "The state of the object.", enum: ENUM_VALUES[(i / 2) % ENUM_VALUES.length] };
    }
    const statusRef = ref(enumName);
    schemas[schema] = {
      type: "object",
      description: `One ${resource.replace(/\d+$/, "").replace(/_/g, " ")} object.`,
      properties: {
        id: { type: "string", readOnly: true, maxLength: 32 },
        name: { type: "string", maxLength: 255 },
        status: statusRef,
        created_on: { type: "string", format: "date-time", readOnly: true },
        settings: {
          type: "object",
          properties: { enabled: { type: "boolean" }, ttl: { type: "integer" }, tags: { type: "array", items: { type: "string" } } },
        },
      },
      required: ["id", "name", "status"],
    };
    schemas[`${schema}Input`] = {
      type: "object",
      properties: { name: { type: "string", maxLength: 255 }, status: statusRef, settings: { type: "object", additionalProperties: true } },
      required: ["name"],
    };
    const idParam = `${resource.replace(/\d+$/, "")}_id`;
    const collection = `/accounts/{account_id}/${resource}`;
    const item = `${collection}/{${idParam}}`;
    const verbs = VERBS.slice(0, Math.min(VERBS.length, operations - i * VERBS.length));
    for (const verb of verbs) {
      const onItem = verb === "get" || verb === "update" || verb === "delete";
      const key = onItem ? item : collection;
      const entry = (paths[key] ??= { parameters: [ref("account_id", "parameters")] }) as Json;
      entry[verb === "list" || verb === "get" ? "get" : verb === "create" ? "post" : verb === "update" ? "put" : "delete"] = operation(
        verb,
        resource,
        schema,
        onItem ? idParam : undefined,
      );
    }
  }
  return {
    openapi: "3.1.0",
    info: { title: `Synthetic Cloudflare-style API (${operations} operations)`, version: "1.0.0" },
    servers: [{ url: "https://api.cloudflare.com/client/v4" }],
    security: [{ api_token: [] }],
    paths,
    components: {
      securitySchemes: { api_token: { type: "http", scheme: "bearer" } },
      parameters: {
        account_id: {
          name: "account_id",
          in: "path",
          required: true,
          description: "Account identifier.",
          schema: { type: "string", maxLength: 32 },
        },
      },
      responses: {
        Failure: { description: "The request failed.", content: { "application/json": { schema: ref("ResponseCommonFailure") } } },
      },
      schemas,
    },
  };
}

/** Writes the spec for `operations` to `file` and returns the file. */
export function writeSyntheticSpec(operations: number, file: string): string {
  writeFileSync(file, `${JSON.stringify(syntheticSpec(operations))}\n`); // compact, like Cloudflare's published spec
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2]);
  if (!Number.isInteger(n) || n < 1) {
    console.error("usage: tsx bench/synthetic-spec.ts OPERATIONS [OUT.json]");
    process.exit(2);
  }
  if (process.argv[3]) writeSyntheticSpec(n, process.argv[3]);
  else process.stdout.write(`${JSON.stringify(syntheticSpec(n), null, 2)}\n`);
}
