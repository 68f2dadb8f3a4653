/**
 * Rules for operations (OpenAPI 3 §4.8.10): which exist, the client method each becomes,
 * its parameters (§4.8.12), request body (§4.8.13), responses (§4.8.16), security
 * alternatives, server and `x-zt-idempotent`. Operations are matched on the wire (method
 * and path, path parameter names ignored), so that a new operationId is reported as the
 * renamed method it is rather than as one method removed and another added.
 */
import { lookup } from "../lib/json-pointer.js";
import type { OperationModel, ResponseModel } from "../model/api-model.js";
import { isObject, pointerSegment, resolve, type Json, type JsonObject } from "../model/resolve-ref.js";
import type { ChangeCollector } from "./collector.js";
import type { DiffInput } from "./diff-input.js";
import { compareSchemas, sameJson, type Direction } from "./schema-rules.js";

export interface RuleContext {
  readonly old: DiffInput;
  readonly now: DiffInput;
  readonly out: ChangeCollector;
  readonly compared: Set<string>;
}

/** An operation's key on the wire: `GET /dogs/{}`. */
function wireKey(op: OperationModel): string {
  return `${op.method} ${op.path.replace(/\{[^}]*\}/g, "{}")}`;
}

export function operationPointer(op: OperationModel): string {
  return `#/paths/${pointerSegment(op.path)}/${op.method.toLowerCase()}`;
}

export function compareOperations(ctx: RuleContext): void {
  const after = new Map(ctx.now.model.operations.map((op) => [wireKey(op), op]));
  const before = new Map(ctx.old.model.operations.map((op) => [wireKey(op), op]));
  for (const [key, op] of before) {
    const match = after.get(key);
    if (match === undefined) {
      ctx.out.add("major", `method \`${op.name}\` (${op.method} ${op.path}) is removed (callers of it no longer compile)`, op.name, operationPointer(op), "old", `stop calling \`${op.name}\``);
    } else {
      compareOperation(op, match, ctx);
    }
  }
  for (const [key, op] of after) {
    if (!before.has(key)) ctx.out.add("minor", `method \`${op.name}\` (${op.method} ${op.path}) is added`, op.name, operationPointer(op));
  }
}

function compareOperation(o: OperationModel, n: OperationModel, ctx: RuleContext): void {
  const at = operationPointer(n);
  const name = n.name;
  if (o.name !== n.name) {
    ctx.out.add("major", `method \`${o.name}\` is renamed \`${n.name}\` (operationId ${JSON.stringify(o.id)} → ${JSON.stringify(n.id)}; the wire is unchanged, callers' code is not)`, name, at, "new", `rename \`${o.name}\` to \`${n.name}\``);
  } else if (o.typeName !== n.typeName) {
    ctx.out.add("major", `the types of \`${name}\` are renamed from \`${o.typeName}…\` to \`${n.typeName}…\` (code that names them no longer compiles)`, name, at, "new", `rename \`${o.typeName}Params\` and the other \`${o.typeName}…\` types to \`${n.typeName}…\``);
  }
  if (o.path !== n.path) ctx.out.add("patch", `\`${name}\`'s path template is respelled ${o.path} → ${n.path}`, name, at);
  for (const field of ["summary", "description"] as const) {
    if (o[field] !== n[field]) ctx.out.add("patch", `\`${name}\`: ${field} changed (documentation only)`, name, at);
  }
  if (o.deprecated !== n.deprecated) {
    ctx.out.add("patch", `\`${name}\` is ${n.deprecated ? "now" : "no longer"} deprecated (a JSDoc tag: code still compiles)`, name, at);
  }
  if (o.idempotent !== n.idempotent) {
    // A retried POST may run twice; one that stops being retried fails where it recovered.
    const bump = n.idempotent ? "minor" : "major";
    const why = n.idempotent ? "the client now retries it as it retries a PUT" : "the client no longer retries it: calls that recovered by a retry now fail";
    ctx.out.add(bump, `\`${name}\`: x-zt-idempotent ${n.idempotent ? "added" : "removed"} (${why})`, name, at);
  }
  if (!sameJson(o.permissions as Json, n.permissions as Json)) ctx.out.add("patch", `\`${name}\`: x-api-token-group changed (documentation only)`, name, at);
  if (o.layout !== n.layout) {
    ctx.out.add("major", `\`${name}\`'s argument changes from ${o.layout} to ${n.layout} (a body field now shares a parameter's name, or no longer does: fields move)`, name, at, "new", `pass \`${name}\`'s arguments ${n.layout === "grouped" ? "as { path, query, header, body }" : "flat"}`);
  }
  compareSecurity(o, n, ctx, at);
  compareServer(o.server, n.server, ctx, name, at, `\`${name}\`'s server`);
  compareParameters(o, n, ctx);
  compareBody(o, n, ctx);
  compareResponses(o, n, ctx);
}

function compareSecurity(o: OperationModel, n: OperationModel, ctx: RuleContext, at: string): void {
  const key = (alternative: readonly string[]) => [...alternative].sort().join(" + ") || "no credentials";
  const before = new Set(o.security.map(key));
  const after = new Set(n.security.map(key));
  for (const alternative of before) {
    if (!after.has(alternative)) {
      ctx.out.add("major", `\`${n.name}\` no longer accepts ${alternative} (a client configured with it is refused)`, n.name, `${at}/security`, "new", `give \`${n.name}\`'s client one of: ${[...after].join("; ") || "no credentials"}`);
    }
  }
  for (const alternative of after) {
    if (!before.has(alternative)) ctx.out.add("minor", `\`${n.name}\` now also accepts ${alternative}`, n.name, `${at}/security`);
  }
}

export function compareServer(
  o: { url: string; env?: string; description?: string } | undefined,
  n: { url: string; env?: string; description?: string } | undefined,
  ctx: RuleContext,
  operation: string | null,
  at: string,
  what: string,
): void {
  if ((o?.url ?? "") !== (n?.url ?? "")) {
    ctx.out.add("major", `${what} changes from ${o?.url ?? "(none)"} to ${n?.url ?? "(none)"} (requests go elsewhere by default)`, operation, `${at}/servers`, "new", `check that ${n?.url ?? "the base URL you give"} is where you mean to send requests`);
  }
  if (o?.env !== n?.env) {
    ctx.out.add("major", `${what}'s x-zt-env changes from ${o?.env ?? "(none)"} to ${n?.env ?? "(none)"} (deployments that set the old variable lose it)`, operation, `${at}/servers`, "new", `set ${n?.env ?? "baseUrl"} instead of ${o?.env ?? "nothing"}`);
  }
  if (o !== undefined && n !== undefined && o.description !== n.description) ctx.out.add("patch", `${what}: description changed (documentation only)`, operation, `${at}/servers`);
}

interface RawParam {
  readonly where: string;
  readonly name: string;
  readonly node: JsonObject;
  readonly pointer: string;
}

/** The operation's parameters as written (§4.8.9.1: the operation's override the path item's), cookies included. */
function rawParameters(input: DiffInput, op: OperationModel): RawParam[] {
  const itemPointer = `#/paths/${pointerSegment(op.path)}`;
  const item = resolve(input.document, lookup(input.document, itemPointer) as Json, itemPointer);
  const byKey = new Map<string, RawParam>();
  if (item === undefined) return [];
  const opPointer = `${item.pointer}/${op.method.toLowerCase()}`;
  const operation = isObject(item.node[op.method.toLowerCase()]) ? (item.node[op.method.toLowerCase()] as JsonObject) : {};
  for (const [list, base] of [[item.node.parameters, `${item.pointer}/parameters`], [operation.parameters, `${opPointer}/parameters`]] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const param = resolve(input.document, raw, `${base}/${i}`);
      if (param === undefined || typeof param.node.name !== "string" || typeof param.node.in !== "string") return;
      byKey.set(`${param.node.in} ${param.node.name}`, { where: param.node.in, name: param.node.name, node: param.node, pointer: param.pointer ?? `${base}/${i}` });
    });
  }
  return [...byKey.values()];
}

function compareParameters(o: OperationModel, n: OperationModel, ctx: RuleContext): void {
  const before = rawParameters(ctx.old, o);
  const after = rawParameters(ctx.now, n);
  const name = n.name;
  const find = (list: RawParam[], p: RawParam) => list.find((q) => q.where === p.where && q.name === p.name);
  // A path parameter is renamed when the template keeps its place: the same slot, another name.
  const slot = (op: OperationModel, p: RawParam) => (p.where === "path" ? op.path.replace(/\{[^}]*\}/g, "{}") + ":" + op.path.split(/\{/).findIndex((s) => s.startsWith(`${p.name}}`)) : "");
  const renamed = new Map<RawParam, RawParam>();
  for (const p of before.filter((p) => p.where === "path" && !find(after, p))) {
    const q = after.find((q) => q.where === "path" && !find(before, q) && slot(n, q) === slot(o, p));
    if (q !== undefined) renamed.set(p, q);
  }
  const renamedTo = new Set(renamed.values());
  for (const p of before) {
    const q = find(after, p) ?? renamed.get(p);
    const label = `${p.where} parameter \`${p.name}\` of \`${name}\``;
    if (q === undefined) {
      if (p.where === "cookie") ctx.out.add("patch", `${label} is removed (the client does not send cookie parameters)`, name, p.pointer, "old");
      else ctx.out.add("major", `${label} is removed (callers that pass it no longer compile)`, name, p.pointer, "old", `stop passing \`${p.name}\` to \`${name}\``);
      continue;
    }
    if (q.name !== p.name) {
      ctx.out.add("major", `${label} is renamed \`${q.name}\` (the wire is unchanged; the argument's field is renamed)`, name, q.pointer, "new", `rename the \`${p.name}\` argument of \`${name}\` to \`${q.name}\``);
    }
    compareParameter(p, q, ctx, name, label);
  }
  for (const q of after) {
    if (find(before, q) || renamedTo.has(q)) continue;
    const label = `${q.where} parameter \`${q.name}\` of \`${name}\``;
    const required = q.node.required === true || q.where === "path";
    if (q.where === "cookie") ctx.out.add("patch", `${label} is added (the client does not send cookie parameters)`, name, q.pointer);
    else if (required) ctx.out.add("major", `${label} is added as required (callers that leave it out no longer compile)`, name, q.pointer, "new", `pass \`${q.name}\` to \`${name}\``);
    else ctx.out.add("minor", `${label} is added (optional)`, name, q.pointer);
  }
}

/** How a parameter is serialized (§4.8.12.4), its defaults spelled out. */
function serialization(p: RawParam): string {
  const style = typeof p.node.style === "string" ? p.node.style : p.where === "query" || p.where === "cookie" ? "form" : "simple";
  const explode = typeof p.node.explode === "boolean" ? p.node.explode : style === "form";
  return `style ${style}, explode ${explode}${p.node.allowReserved === true ? ", allowReserved" : ""}`;
}

function compareParameter(p: RawParam, q: RawParam, ctx: RuleContext, name: string, label: string): void {
  if (p.where === "cookie") {
    if (!sameJson(p.node, q.node)) ctx.out.add("patch", `${label} changes (the client does not send cookie parameters)`, name, q.pointer);
    return;
  }
  const was = p.node.required === true || p.where === "path";
  const is = q.node.required === true || q.where === "path";
  if (was !== is) {
    if (is) ctx.out.add("major", `${label} becomes required (callers that leave it out no longer compile)`, name, q.pointer, "new", `pass \`${q.name}\` to \`${name}\``);
    else ctx.out.add("minor", `${label} becomes optional`, name, q.pointer);
  }
  if (serialization(p) !== serialization(q)) {
    ctx.out.add("major", `${label} is serialized differently (${serialization(p)} → ${serialization(q)}: the same call sends another request)`, name, q.pointer);
  }
  for (const field of ["description", "example", "examples", "deprecated"] as const) {
    if (!sameJson(p.node[field], q.node[field])) ctx.out.add("patch", `${label}: ${field} changed (documentation only)`, name, q.pointer);
  }
  compareSchemas(
    { document: ctx.old.document, value: p.node.schema, pointer: `${p.pointer}/schema` },
    { document: ctx.now.document, value: q.node.schema, pointer: `${q.pointer}/schema` },
    { out: ctx.out, direction: "request", operation: name, what: label, compared: ctx.compared },
  );
}

function compareBody(o: OperationModel, n: OperationModel, ctx: RuleContext): void {
  const name = n.name;
  const at = `${operationPointer(n)}/requestBody`;
  const a = o.body;
  const b = n.body;
  if (a === undefined && b === undefined) return;
  if (b === undefined) {
    ctx.out.add("major", `\`${name}\` no longer takes a request body (callers that pass it no longer compile)`, name, `${operationPointer(o)}/requestBody`, "old", `stop passing a body to \`${name}\``);
    return;
  }
  if (a === undefined) {
    if (b.required) ctx.out.add("major", `\`${name}\` now requires a request body (callers that leave it out no longer compile)`, name, at, "new", `pass \`${name}\` its new body`);
    else ctx.out.add("minor", `\`${name}\` now takes an optional request body`, name, at);
    return;
  }
  if (a.required !== b.required) {
    if (b.required) ctx.out.add("major", `\`${name}\`'s request body becomes required (callers that leave it out no longer compile)`, name, at, "new", `pass \`${name}\` a body`);
    else ctx.out.add("minor", `\`${name}\`'s request body becomes optional`, name, at);
  }
  if (a.contentType !== b.contentType) {
    ctx.out.add("major", `\`${name}\` sends its body as ${b.contentType} instead of ${a.contentType} (the same call sends another request)`, name, at);
  }
  if (a.shape !== b.shape) {
    ctx.out.add("major", `\`${name}\`'s body ${b.shape === "fields" ? "is now flattened into the argument" : "is now passed whole as \`body\`"} (callers' arguments no longer compile)`, name, at, "new", b.shape === "fields" ? `pass \`${name}\`'s body fields directly` : `pass \`${name}\`'s body as \`body\``);
  }
  compareMedia(ctx, name, "request", `the request body of \`${name}\``, a.schemaPointer, b.schemaPointer, at);
}

function compareMedia(ctx: RuleContext, operation: string, direction: Direction, what: string, oldPointer: string | undefined, newPointer: string | undefined, at: string): void {
  compareSchemas(
    { document: ctx.old.document, value: oldPointer === undefined ? undefined : (lookup(ctx.old.document, oldPointer) as Json), pointer: oldPointer ?? at },
    { document: ctx.now.document, value: newPointer === undefined ? undefined : (lookup(ctx.now.document, newPointer) as Json), pointer: newPointer ?? at },
    { out: ctx.out, direction, operation, what, compared: ctx.compared },
  );
}

function compareResponses(o: OperationModel, n: OperationModel, ctx: RuleContext): void {
  const name = n.name;
  const at = `${operationPointer(n)}/responses`;
  const a = o.success;
  const b = n.success;
  if (a !== undefined || b !== undefined) {
    if (a?.status !== b?.status) ctx.out.add("minor", `\`${name}\` succeeds with ${b?.status ?? "no 2xx response"} instead of ${a?.status ?? "none"} (the call still resolves to its body)`, name, at);
    if (a?.contentType !== b?.contentType) {
      ctx.out.add("major", `\`${name}\`'s response is ${b?.contentType ?? "empty"} instead of ${a?.contentType ?? "empty"} (it is parsed differently: code that reads it breaks)`, name, at);
    }
    if (o.envelope !== n.envelope) {
      ctx.out.add("major", `\`${name}\`'s response ${n.envelope ? "is now" : "is no longer"} an envelope the call unwraps (it resolves to ${n.envelope ? "`result`" : "the whole body"})`, name, at, "new", `read \`${name}\`'s result ${n.envelope ? "without `.result`" : "as `.result`"}`);
    }
    if (a?.description !== b?.description) ctx.out.add("patch", `\`${name}\`'s success response: description changed (documentation only)`, name, at);
    const pointerOf = (r: ResponseModel | undefined) => (r?.schemaPointer !== undefined && o.envelope === n.envelope ? r.schemaPointer : undefined);
    if (a?.contentType === b?.contentType) compareMedia(ctx, name, "response", `the response of \`${name}\``, pointerOf(a), pointerOf(b), at);
    compareExamples(ctx, name, "success response", a, b, at);
  }
  const errorsBefore = new Map(o.errors.map((r) => [r.status, r]));
  const errorsAfter = new Map(n.errors.map((r) => [r.status, r]));
  for (const [status, r] of errorsBefore) {
    const s = errorsAfter.get(status);
    if (s === undefined) ctx.out.add("minor", `\`${name}\`'s ${status} response is removed (a rejection callers may still handle)`, name, at, "old");
    else {
      if (r.description !== s.description) ctx.out.add("patch", `\`${name}\`'s ${status} response: description changed (documentation only)`, name, at);
      if (r.contentType === s.contentType) compareMedia(ctx, name, "response", `the ${status} response of \`${name}\``, r.schemaPointer, s.schemaPointer, at);
      else ctx.out.add("major", `\`${name}\`'s ${status} response is ${s.contentType ?? "empty"} instead of ${r.contentType ?? "empty"} (the error's body is parsed differently)`, name, at);
      compareExamples(ctx, name, `${status} response`, r, s, at);
    }
  }
  for (const status of errorsAfter.keys()) {
    if (!errorsBefore.has(status)) ctx.out.add("minor", `\`${name}\` documents a ${status} response (it rejects as before, now with a typed body)`, name, at);
  }
}

function compareExamples(ctx: RuleContext, name: string, what: string, a: ResponseModel | undefined, b: ResponseModel | undefined, at: string): void {
  if (!sameJson(a?.example as Json, b?.example as Json)) ctx.out.add("patch", `\`${name}\`'s ${what}: example changed (documentation and the test kit's sample data only)`, name, at);
}
