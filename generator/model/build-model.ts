import type { LoadedSpec } from "../load/load-spec.js";
import { SpecError } from "../load/spec-error.js";
import type { ApiModel, BodyModel, HttpMethod, OperationModel, ParamModel, ResponseModel, SchemaModel } from "./api-model.js";
import { identifier, methodName, NameRegistry, pascalCase, pluralConstantCase } from "./names.js";
import { RESERVED_NAMES } from "./reserved-names.js";
import { deref, isObject, locate, pointerSegment, type Json, type JsonObject } from "./resolve-ref.js";

/** OpenAPI 3 §4.8.9: the path item's operation fields, in the order the spec lists them. */
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** The suffixes of an operation's named types; all of them are claimed together. */
export const OPERATION_TYPE_SUFFIXES = ["PathParams", "QueryParams", "HeaderParams", "Body", "Params", "Envelope", "Result", "Error"] as const;

/** Model step: reduce the bundled document to the plain data every later step reads. */
export function buildModel(spec: LoadedSpec, source: string): ApiModel {
  const document = spec.document as unknown as JsonObject;
  const typeNames = new NameRegistry(RESERVED_NAMES);
  const methodNames = new NameRegistry();
  const operations = collectOperations(document, methodNames, typeNames);
  const schemas = collectSchemas(document, typeNames, new NameRegistry(RESERVED_NAMES));
  const options = isObject(document["x-zt-generator"]) ? document["x-zt-generator"] : {};
  return { source, document: spec.document, operations, schemas, validators: options.validators === true };
}

function collectOperations(document: JsonObject, methodNames: NameRegistry, typeNames: NameRegistry): OperationModel[] {
  const operations: OperationModel[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(document, rawItem);
    const itemPointer = locate(document, `#/paths/${pointerSegment(path)}`);
    if (!item || itemPointer === undefined) continue;
    for (const method of METHODS) {
      const operation = isObject(item[method]) ? item[method] : undefined;
      if (operation) operations.push(buildOperation(document, path, method, item, operation, `${itemPointer}/${method}`, methodNames, typeNames));
    }
  }
  return operations;
}

function buildOperation(
  document: JsonObject,
  path: string,
  method: (typeof METHODS)[number],
  item: JsonObject,
  operation: JsonObject,
  at: string,
  methodNames: NameRegistry,
  typeNames: NameRegistry,
): OperationModel {
  const id = typeof operation.operationId === "string" ? operation.operationId : `${method.toUpperCase()} ${path}`;
  const name = methodNames.claim(methodName(typeof operation.operationId === "string" ? id : `${method} ${path}`));
  const typeName = claimOperationTypeName(pascalCase(name), typeNames);
  const params = collectParams(document, item, operation);
  const pathParams = orderByTemplate(params.filter((p) => p.in === "path"), path);
  const queryParams = params.filter((p) => p.in === "query").map(toParam);
  const headerParams = params.filter((p) => p.in === "header").map(toParam);
  const paramNames = [...pathParams, ...queryParams, ...headerParams].map((p) => p.name);
  const body = buildBody(document, operation, paramNames, `${at}/requestBody`);
  const responses = deref(document, operation.responses) ?? {};
  const responsesAt = locate(document, `${at}/responses`) ?? `${at}/responses`;
  const success = pickSuccess(document, responses, responsesAt);

  return {
    id,
    name,
    typeName,
    method: method.toUpperCase() as HttpMethod,
    path,
    ...text("summary", operation.summary),
    ...text("description", operation.description),
    deprecated: operation.deprecated === true,
    pathParams,
    queryParams,
    headerParams,
    ...(body ? { body } : {}),
    layout: needsGrouping(paramNames, body) ? "grouped" : "flat",
    paramsOptional: pathParams.length === 0 && ![...queryParams, ...headerParams].some((p) => p.required) && !body?.required,
    ...(success ? { success } : {}),
    envelope: success !== undefined && isEnvelope(document, responses[success.status], success.contentType),
    errors: pickErrors(document, responses, success, responsesAt),
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

interface RawParam {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
}

/** OpenAPI 3 §4.8.9.1: operation-level parameters override path-level ones with the same name and location. */
function collectParams(document: JsonObject, item: JsonObject, operation: JsonObject): RawParam[] {
  const byKey = new Map<string, RawParam>();
  for (const list of [item.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const param = deref(document, raw);
      if (!param || typeof param.name !== "string" || typeof param.in !== "string") continue;
      byKey.set(`${param.in}\u0000${param.name}`, { name: param.name, in: param.in, required: param.required === true || param.in === "path" });
    }
  }
  return [...byKey.values()];
}

function orderByTemplate(params: RawParam[], path: string): ParamModel[] {
  const position = (name: string) => {
    const at = path.indexOf(`{${name}}`);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return params
    .map(toParam)
    .sort((a, b) => position(a.name) - position(b.name));
}

function toParam(param: RawParam): ParamModel {
  return { name: param.name, required: param.required };
}

function buildBody(document: JsonObject, operation: JsonObject, paramNames: readonly string[], at: string): BodyModel | undefined {
  const requestBody = deref(document, operation.requestBody);
  const content = requestBody && isObject(requestBody.content) ? requestBody.content : undefined;
  const contentType = content ? pickContentType(content) : undefined;
  if (!requestBody || !content || contentType === undefined) return undefined;
  const required = requestBody.required === true;
  const schema = deref(document, (content[contentType] as JsonObject | undefined)?.schema);
  const flattenable =
    required &&
    isJsonType(contentType) &&
    schema !== undefined &&
    isObject(schema.properties) &&
    !("oneOf" in schema || "anyOf" in schema || "allOf" in schema) &&
    (schema.type === undefined || schema.type === "object") &&
    !Object.keys(schema.properties).some((key) => paramNames.includes(key));
  const located = locate(document, at);
  const schemaPointer = located === undefined ? undefined : `${located}/content/${pointerSegment(contentType)}/schema`;
  return { contentType, required, shape: flattenable ? "fields" : "value", ...(schemaPointer && schema ? { schemaPointer } : {}) };
}

/** Flat unless two parameters share a name, or a `body` parameter would hide the body. */
function needsGrouping(paramNames: readonly string[], body: BodyModel | undefined): boolean {
  if (new Set(paramNames).size !== paramNames.length) return true;
  return body?.shape === "value" && paramNames.includes("body");
}

function pickSuccess(document: JsonObject, responses: JsonObject, at: string): ResponseModel | undefined {
  const codes = Object.keys(responses).filter((code) => /^2(\d\d|XX)$/i.test(code));
  codes.sort((a, b) => rank(a) - rank(b));
  const status = codes[0];
  return status === undefined ? undefined : toResponse(document, status, responses[status], at);
}

/** Exact codes before ranges, lower codes first. */
function rank(code: string): number {
  return /^\d+$/.test(code) ? Number(code) : 1000;
}

function pickErrors(document: JsonObject, responses: JsonObject, success: ResponseModel | undefined, at: string): ResponseModel[] {
  return Object.keys(responses)
    .filter((code) => code !== success?.status && (/^[45](\d\d|XX)$/i.test(code) || code === "default"))
    .map((code) => toResponse(document, code, responses[code], at));
}

function toResponse(document: JsonObject, status: string, raw: Json | undefined, at: string): ResponseModel {
  const response = deref(document, raw);
  const content = response && isObject(response.content) ? response.content : undefined;
  const contentType = content ? pickContentType(content) : undefined;
  if (contentType === undefined) return { status };
  const located = locate(document, `${at}/${pointerSegment(status)}`);
  const hasSchema = isObject(content![contentType]) && (content![contentType] as JsonObject).schema !== undefined;
  return located && hasSchema ? { status, contentType, schemaPointer: `${located}/content/${pointerSegment(contentType)}/schema` } : { status, contentType };
}

/** Prefers `application/json`, then any JSON media type, then the first one listed. */
function pickContentType(content: JsonObject): string | undefined {
  const types = Object.keys(content);
  return types.find((t) => t === "application/json") ?? types.find(isJsonType) ?? types[0];
}

function isJsonType(contentType: string): boolean {
  return /^application\/([\w.-]+\+)?json\b/i.test(contentType);
}

/** A Cloudflare envelope: an object (possibly through allOf) with both `success` and `result`. */
function isEnvelope(document: JsonObject, raw: Json | undefined, contentType: string | undefined): boolean {
  if (contentType === undefined || !isJsonType(contentType)) return false;
  const content = deref(document, raw)?.content;
  const schema = isObject(content) && isObject(content[contentType]) ? (content[contentType] as JsonObject).schema : undefined;
  const properties = collectPropertyNames(document, schema, new Set());
  return properties.has("success") && properties.has("result");
}

function collectPropertyNames(document: JsonObject, raw: Json | undefined, seen: Set<JsonObject>): Set<string> {
  const names = new Set<string>();
  const schema = deref(document, raw);
  if (!schema || seen.has(schema)) return names;
  seen.add(schema);
  if (isObject(schema.properties)) for (const key of Object.keys(schema.properties)) names.add(key);
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) for (const key of collectPropertyNames(document, part, seen)) names.add(key);
  }
  return names;
}

function collectSchemas(document: JsonObject, typeNames: NameRegistry, valueNames: NameRegistry): SchemaModel[] {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return Object.entries(schemas).map(([name, raw]) => {
    const wanted = identifier(pascalCase(name), "Schema");
    const typeName = typeNames.isTaken(wanted) ? typeNames.claim(`${wanted}Schema`) : typeNames.claim(wanted);
    const schema = deref(document, raw);
    const values = schema ? stringEnum(schema) : undefined;
    return {
      name,
      typeName,
      ...text("description", schema?.description),
      ...(values ? { enum: { constName: valueNames.claim(identifier(pluralConstantCase(typeName), "VALUES")), values } } : {}),
    };
  });
}

function stringEnum(schema: JsonObject): string[] | undefined {
  const values = schema.enum;
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "string")) return undefined;
  const type = schema.type;
  const stringTyped = type === undefined || type === "string" || (Array.isArray(type) && type.every((t) => t === "string" || t === "null"));
  return stringTyped ? (values as string[]) : undefined;
}

function text<K extends string>(key: K, value: Json | undefined): { [P in K]?: string } {
  return (typeof value === "string" && value.trim() !== "" ? { [key]: value } : {}) as { [P in K]?: string };
}

