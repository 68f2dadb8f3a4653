// copied from generator/runtime/testing-request.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * How the test kit (testing.ts) reads a request the generated client sent: which
 * operation's URL it is, its parameters decoded as the client encodes them, its
 * credentials, and its body, each checked against the spec. What breaks the spec is a
 * violation, answered by a 400 that names it. Hand-written like the rest of the runtime,
 * copied verbatim into generated/runtime/; only generated/testing.ts imports it.
 */
import type { Validators } from "./index.js";
import { isJsonMediaType as isJson } from "./media-type.js";
import type { Operation } from "./operation.js";
import { isMet, isPublic } from "./security-rule.js";
import type { KeyLocation, ParamType, SchemeType } from "./operation.js";

export type { ParamType };

/** A path, query or header parameter of a {@link MockOperation}. */
export interface MockParam {
  readonly name: string;
  readonly required?: boolean;
  readonly type?: ParamType;
  /** For an array: its items' type. */
  readonly items?: ParamType;
}

/** How a request carries a security scheme's credential (the model's SecuritySchemeModel, trimmed). */
export interface MockScheme {
  readonly kind: SchemeType;
  /** For "http": the `Authorization` scheme. */
  readonly scheme?: string;
  /** For "apiKey": where it goes, and the header, query parameter or cookie name. */
  readonly in?: KeyLocation;
  readonly name?: string;
}

/**
 * One operation as the kit matches, checks and answers it; generated/testing.ts holds one
 * per operation. What it shares with the client's Operation (method, path, how the body
 * and the params are laid out, the envelope) means the same, so the kit reads a request
 * into exactly the argument the client's method took.
 */
export interface MockOperation extends Omit<Operation, "pathParams" | "queryParams" | "headerParams"> {
  /** In template order. */
  readonly pathParams: readonly MockParam[];
  readonly queryParams: readonly MockParam[];
  readonly headerParams: readonly MockParam[];
  readonly bodyRequired?: boolean;
  /** For a JSON object body: its required properties, checked when there are no validators. */
  readonly requiredFields?: readonly string[];
  /** Alternatives, each the scheme keys it needs together; `[]` (or no alternative at all) is public. */
  readonly security: readonly (readonly string[])[];
  /** The operation's own server URL, which replaces the kit's base URL (a relative one is resolved against it). */
  readonly server?: string;
  /** The success status. */
  readonly status: number;
  /** The success body's media type; none for a bodiless success (a 204). */
  readonly responseType?: string;
  /** The success body's example, as JSON text: the default answer. */
  readonly example?: string;
  /**
   * The spec's JSON error responses that have an example, by their key (`404`, `4XX`,
   * `default`): apiError's default bodies, each an index into MockSpec's `errorExamples`
   * (operations share most of them).
   */
  readonly failures?: readonly { readonly status: string; readonly example: number }[];
}

/** An operation's URL as a pattern: an origin (none when the base URL has none: any origin), and the path. */
export interface Route {
  readonly origin?: string;
  readonly pattern: RegExp;
  /** The path parameter names, in the order of the pattern's groups. */
  readonly names: readonly string[];
}

/** What a request said, once read: the client's one-object params, and what in it broke the spec. */
export interface ReadRequest {
  readonly params: Record<string, unknown>;
  readonly violations: Violation[];
}

/** One way a request broke the spec; `pointer` is the JSON pointer into the body, when it is about the body. */
export interface Violation {
  readonly message: string;
  readonly pointer?: string;
}

const essence = (type: string) => type.split(";")[0]!.trim().toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
/** A value for a message: quoted, and short. */
const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/**
 * The URL the client sends for `path` below `base` (its trailing slashes dropped, as the
 * client drops them): parsed once with a numbered placeholder per path parameter, so the
 * URL parser normalises the template (percent-encoding, dot segments, case of the host)
 * exactly as it normalises the request. A base without an origin ("/v1", or "") matches any.
 */
export function compileRoute(base: string, path: string, params: readonly string[]): Route {
  const names: string[] = [];
  const template = path.replace(/\{([^{}]*)\}/g, (whole, name: string) => (params.includes(name) ? `{${names.push(name) - 1}}` : whole));
  const trimmed = base.replace(/\/+$/, "");
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(trimmed);
  const url = new URL(trimmed + template, "http://any.invalid");
  const pieces = url.pathname.split(/%7B(\d+)%7D/);
  const source = pieces.map((piece, i) => (i % 2 ? "([^/]*)" : escapeRegExp(piece))).join("");
  const order = pieces.filter((_, i) => i % 2).map((i) => names[+i]!);
  return { ...(absolute ? { origin: url.origin } : {}), pattern: new RegExp(`^${source}$`), names: order };
}

/** The path parameters of `url` as sent (still percent-encoded), or undefined when it is not this route's URL. */
export function matchRoute(route: Route, url: URL): Record<string, string> | undefined {
  if (route.origin !== undefined && url.origin !== route.origin) return undefined;
  const match = route.pattern.exec(url.pathname);
  return match ? Object.fromEntries(route.names.map((name, i) => [name, match[i + 1]!])) : undefined;
}

/** A value as its schema type reads it, or a violation message (about `what`) when it cannot be one. */
function typed(value: string, type: ParamType | undefined, what: string): { value: unknown } | string {
  if (type === "integer" || type === "number") {
    const number = Number(value);
    const ok = value.trim() !== "" && Number.isFinite(number) && (type === "number" || Number.isInteger(number));
    return ok ? { value: number } : `${what} must be ${type === "integer" ? "an integer" : "a number"} (got ${shown(value)})`;
  }
  if (type === "boolean")
    return value === "true" || value === "false" ? { value: value === "true" } : `${what} must be true or false (got ${shown(value)})`;
  return { value };
}

/** Keeps a value `typed` read, or records why it could not be read. */
function keep(values: Record<string, unknown>, name: string, read: { value: unknown } | string, violations: Violation[]): void {
  if (typeof read === "string") violations.push({ message: read });
  else define(values, name, read.value);
}

/** Path parameters, each one segment the client encoded with encodeURIComponent. */
function readPath(op: MockOperation, raw: Record<string, string>, violations: Violation[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const param of op.pathParams) {
    const what = `path parameter ${param.name}`;
    const sent = raw[param.name] ?? "";
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(sent);
    } catch {
      violations.push({ message: `${what} is not percent-encoded UTF-8 (got ${shown(sent)})` });
      continue;
    }
    if (decoded === "") {
      violations.push({ message: `${what} is empty` });
      continue;
    }
    keep(values, param.name, typed(decoded, param.type, what), violations);
  }
  return values;
}

/**
 * Query parameters as openapi-fetch's default serialiser writes them: `name=value`,
 * arrays as `name=a&name=b`, objects as `name[key]=value` (deepObject).
 */
function readQuery(op: MockOperation, search: URLSearchParams, violations: Violation[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const param of op.queryParams) {
    const what = `query parameter ${param.name}`;
    const sent = search.getAll(param.name);
    const prefix = `${param.name}[`;
    const members = [...search].filter(([key]) => key.startsWith(prefix) && key.endsWith("]"));
    if (sent.length === 0 && members.length === 0) {
      if (param.required) violations.push({ message: `${what} is required` });
      continue;
    }
    if (param.type === "object" || (param.type === undefined && sent.length === 0)) {
      const object: Record<string, unknown> = {};
      for (const [key, value] of members) define(object, key.slice(prefix.length, -1), value);
      define(values, param.name, object);
    } else if (param.type === "array" || (param.type === undefined && sent.length > 1)) {
      const items = sent.map((value) => typed(value, param.items, `${what} item`));
      const wrong = items.find((item) => typeof item === "string");
      keep(values, param.name, wrong ?? { value: items.map((item) => (item as { value: unknown }).value) }, violations);
    } else {
      keep(values, param.name, typed(sent[0]!, param.type, what), violations);
    }
  }
  return values;
}

/** A header's value; null when absent, or when the spec's name is not a valid header name (fetch throws on those). */
function header(headers: Headers, name: string): string | null {
  try {
    return headers.get(name);
  } catch {
    return null;
  }
}

function readHeaders(op: MockOperation, headers: Headers, violations: Violation[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const param of op.headerParams) {
    const what = `header parameter ${param.name}`;
    const sent = header(headers, param.name);
    if (sent === null) {
      if (param.required) violations.push({ message: `${what} is required` });
      continue;
    }
    keep(values, param.name, typed(sent, param.type, what), violations);
  }
  return values;
}

/** The cookies of a `Cookie` header, by name. */
function cookies(header: string | null): Map<string, string> {
  const found = new Map<string, string>();
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) found.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return found;
}

/** Whether `request` carries `scheme`'s credential: true, false (absent), or why it is not usable. */
function credentialOf(scheme: MockScheme | undefined, request: Request, url: URL): boolean | string {
  if (!scheme) return false;
  const authorization = request.headers.get("authorization");
  const fromAuthorization = (name: string, hint: string, usable: (value: string) => boolean = () => true) => {
    if (authorization === null) return false;
    const match = new RegExp(`^${escapeRegExp(name)} +(\\S+)$`, "i").exec(authorization.trim());
    return (match !== null && usable(match[1]!)) || `Authorization is not "${name} ${hint}"`;
  };
  switch (scheme.kind) {
    case "bearer":
      return fromAuthorization("Bearer", "<token>");
    case "http":
      return fromAuthorization(scheme.scheme ?? "", "<credentials>");
    case "basic":
      return fromAuthorization(
        "Basic",
        "<base64 of username:password>",
        (value) => /^[A-Za-z0-9+/]+=*$/.test(value) && base64Has(value, ":"),
      );
    case "apiKey": {
      const name = scheme.name ?? "";
      const value =
        scheme.in === "query"
          ? url.searchParams.get(name)
          : scheme.in === "cookie"
            ? (cookies(request.headers.get("cookie")).get(name) ?? null)
            : request.headers.get(name);
      const where = scheme.in === "query" ? "query parameter" : scheme.in === "cookie" ? "cookie" : "header";
      return value === null ? false : value.trim() !== "" || `${where} ${name} is empty`;
    }
    default:
      return false; // mutualTLS and the like: the client cannot send them either
  }
}

function base64Has(value: string, text: string): boolean {
  try {
    return atob(value).includes(text);
  } catch {
    return false;
  }
}

/**
 * The operation's security, by the client's own rule (security-rule.ts): met when every
 * scheme of one alternative has its credential (an empty alternative, or none at all, is
 * public). Otherwise one violation naming the alternatives it accepts, and any credential
 * that was there but unusable.
 */
export function checkCredentials(
  op: MockOperation,
  schemes: Readonly<Record<string, MockScheme>>,
  request: Request,
  url: URL,
): Violation[] {
  if (isPublic(op.security)) return [];
  const found = new Map<string, boolean | string>();
  const has = (key: string) => {
    if (!found.has(key)) found.set(key, credentialOf(Object.hasOwn(schemes, key) ? schemes[key] : undefined, request, url));
    return found.get(key) === true;
  };
  if (op.security.some((alternative) => isMet(alternative, has))) return [];
  const accepted = op.security.map((alternative) => alternative.join(" and ")).join(", or ");
  const wrong = [...found].filter(([, state]) => typeof state === "string").map(([key, why]) => `${key} (${why})`);
  return [
    { message: wrong.length > 0 ? `wrong credentials: ${wrong.join(", ")}; accepted: ${accepted}` : `missing credentials: ${accepted}` },
  ];
}

/**
 * The request body as the client sent it: JSON parsed, forms as FormData, text as a
 * string, anything else as a Blob. Checked by the operation's request validator when the
 * spec has validators, else for being JSON with its required fields.
 */
async function readBody(
  op: MockOperation,
  request: Request,
  validators: Validators | undefined,
  violations: Violation[],
): Promise<unknown> {
  const type = op.contentType ?? "application/json";
  const sentType = request.headers.get("content-type");
  const text = op.body === "none" ? "" : await request.clone().text();
  if (op.body === "none" || text === "") {
    if (op.bodyRequired) violations.push({ message: "request body is required" });
    return undefined;
  }
  const expected = isJson(type)
    ? sentType !== null && isJson(sentType)
    : type.includes("*") || (sentType !== null && essence(sentType) === essence(type));
  if (!expected)
    violations.push({ message: `request body has content-type ${sentType === null ? "(none)" : shown(sentType)}, expected ${type}` });
  if (!isJson(type)) {
    if (/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) return request.clone().formData();
    return /^text\//i.test(type) ? text : request.clone().blob();
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    violations.push({ message: `request body is not JSON: ${(error as Error).message}` });
    return undefined;
  }
  const validate = validators && Object.hasOwn(validators, op.id) ? validators[op.id]?.request : undefined;
  if (validate) {
    let ok: boolean;
    try {
      ok = validate(body);
    } catch (error) {
      violations.push({ message: `request body could not be validated: ${String(error)}` });
      return body;
    }
    for (const issue of ok ? [] : (validate.errors ?? [{}])) {
      const pointer = issue.instancePath || "/";
      violations.push({ message: `${pointer} ${issue.message ?? "is invalid"}`, pointer });
    }
  } else if (op.requiredFields) {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      violations.push({ message: "/ must be object", pointer: "/" });
    } else {
      for (const name of op.requiredFields) {
        if (!Object.hasOwn(body, name)) violations.push({ message: `/ must have required property '${name}'`, pointer: "/" });
      }
    }
  }
  return body;
}

/** Sets an own property, "__proto__" included (plain assignment would set the prototype). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Reads a request for `op` whose URL matched with path parameters `raw`: the one object
 * the client's method took (path, query and header parameters and body fields side by
 * side, or grouped as `{ path, query, header, body }`), and every violation of the spec.
 */
export async function readRequest(
  op: MockOperation,
  raw: Record<string, string>,
  request: Request,
  schemes: Readonly<Record<string, MockScheme>>,
  validators: Validators | undefined,
): Promise<ReadRequest> {
  const url = new URL(request.url);
  const violations: Violation[] = [];
  const path = readPath(op, raw, violations);
  violations.push(...checkCredentials(op, schemes, request, url));
  const query = readQuery(op, url.searchParams, violations);
  const header = readHeaders(op, request.headers, violations);
  const body = await readBody(op, request, validators, violations);
  const params: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => define(params, key, value);
  if (op.grouped) {
    if (op.pathParams.length > 0) put("path", path);
    if (op.queryParams.length > 0) put("query", query);
    if (op.headerParams.length > 0) put("header", header);
    if (body !== undefined) put("body", body);
  } else {
    for (const values of [path, query, header]) for (const [key, value] of Object.entries(values)) put(key, value);
    if (op.body === "fields" && typeof body === "object" && body !== null && !Array.isArray(body)) {
      // As the client's method reads its argument (params.ts): a key named like a parameter is
      // that parameter, never a body field, so a body field of that name cannot replace it.
      const isParam = (key: string) =>
        op.pathParams.some((p) => p.name === key) ||
        op.queryParams.some((p) => p.name === key) ||
        op.headerParams.some((p) => p.name === key);
      for (const [key, value] of Object.entries(body)) if (!isParam(key)) put(key, value);
    } else if (body !== undefined) put("body", body);
  }
  return { params, violations };
}
