/**
 * OpenAPI 3 §4.8.8 Paths Object, §4.8.9 Path Item Object and §4.8.10 Operation Object:
 * one OperationModel per operation, in document order, with its name, parameters, body,
 * responses, security and server.
 */
import type { HttpMethod, OperationModel } from "./api-model.js";
import { identifier, methodName, NameRegistry, pascalCase } from "./names.js";
import { collectParameters } from "./parameters.js";
import { buildRequestBody } from "./request-body.js";
import { isObject, pointerSegment, resolve, type JsonObject } from "./resolve-ref.js";
import { collectResponses } from "./responses.js";
import { operationSecurity } from "./security.js";
import { firstServer } from "./servers.js";
import { text } from "./text.js";

/** §4.8.9: the path item's operation fields, in the order the spec lists them. */
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** The suffixes of an operation's named types; all of them are claimed together. */
export const OPERATION_TYPE_SUFFIXES = [
  "PathParams",
  "QueryParams",
  "HeaderParams",
  "Body",
  "Params",
  "Envelope",
  "Result",
  "Error",
] as const;

/** Every operation under `paths`, in document order, each path item through its `$ref`. */
export function collectOperations(document: JsonObject, methodNames: NameRegistry, typeNames: NameRegistry): OperationModel[] {
  const operations: OperationModel[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolve(document, rawItem, `#/paths/${pointerSegment(path)}`);
    if (item?.pointer === undefined) continue;
    for (const method of METHODS) {
      const operation = item.node[method];
      if (!isObject(operation)) continue;
      const at = `${item.pointer}/${method}`;
      operations.push(buildOperation(document, { path, method, item: item.node, operation, at }, methodNames, typeNames));
    }
  }
  return operations;
}

interface Located {
  readonly path: string;
  readonly method: (typeof METHODS)[number];
  /** The path item, through its `$ref`. */
  readonly item: JsonObject;
  readonly operation: JsonObject;
  /** The operation's JSON pointer in the bundled document. */
  readonly at: string;
}

function buildOperation(document: JsonObject, where: Located, methodNames: NameRegistry, typeNames: NameRegistry): OperationModel {
  const { path, method, item, operation, at } = where;
  const operationId = typeof operation.operationId === "string" ? operation.operationId : undefined;
  const name = methodNames.claim(methodName(operationId ?? `${method} ${path}`));
  const typeName = claimOperationTypeName(pascalCase(name), typeNames);
  const params = collectParameters(document, item, operation, path);
  const paramNames = [...params.path, ...params.query, ...params.header].map((p) => p.name);
  const body = buildRequestBody(document, operation.requestBody, `${at}/requestBody`, paramNames);
  const responses = collectResponses(document, operation.responses, `${at}/responses`);
  const server = firstServer(operation.servers) ?? firstServer(item.servers);
  const permissions = Array.isArray(operation["x-api-token-group"])
    ? operation["x-api-token-group"].filter((p) => typeof p === "string")
    : [];

  return {
    id: operationId ?? `${method.toUpperCase()} ${path}`,
    name,
    typeName,
    method: method.toUpperCase() as HttpMethod,
    path,
    ...text("summary", operation.summary),
    ...text("description", operation.description),
    deprecated: operation.deprecated === true,
    pathParams: params.path,
    queryParams: params.query,
    headerParams: params.header,
    ...(body ? { body } : {}),
    layout: needsGrouping(paramNames, body?.shape) ? "grouped" : "flat",
    paramsOptional: params.path.length === 0 && ![...params.query, ...params.header].some((p) => p.required) && !body?.required,
    ...(responses.success ? { success: responses.success } : {}),
    envelope: responses.envelope,
    errors: responses.errors,
    security: operationSecurity(document, operation),
    ...(server ? { server } : {}),
    idempotent: operation["x-zt-idempotent"] === true,
    permissions,
  };
}

function claimOperationTypeName(wanted: string, typeNames: NameRegistry): string {
  const base = identifier(wanted, "Op");
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}${n}`;
    const names = OPERATION_TYPE_SUFFIXES.map((suffix) => candidate + suffix);
    if (names.every((name) => !typeNames.isTaken(name))) {
      for (const name of names) typeNames.claim(name);
      return candidate;
    }
  }
}

/** Flat unless two parameters share a name, or a `body` parameter would hide a body passed whole. */
function needsGrouping(paramNames: readonly string[], bodyShape: "fields" | "value" | undefined): boolean {
  if (new Set(paramNames).size !== paramNames.length) return true;
  return bodyShape === "value" && paramNames.includes("body");
}
