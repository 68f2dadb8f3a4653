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
import { compareSchemas, sameJson, view, withoutDefault, type Direction } from "./schema-rules.js";

export interface RuleContext {
  readonly old: DiffInput;
  readonly now: DiffInput;
  readonly out: ChangeCollector;
  readonly compared: Set<string>;
  readonly unchanged: ReadonlySet<string>;
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
      ctx.out.add(
        "major",
        `method \`${op.name}\` (${op.method} ${op.path}) is removed (callers of it no longer compile)`,
        op.name,
        operationPointer(op),
        "old",
        `stop calling \`${op.name}\``,
      );
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
    ctx.out.add(
      "major",
      `method \`${o.name}\` is renamed \`${n.name}\` (operationId ${JSON.stringify(o.id)} → ${JSON.stringify(n.id)}; the wire is unchanged, callers' code is not)`,
      name,
      at,
      "new",
      `rename \`${o.name}\` to \`${n.name}\``,
    );
  } else if (o.typeName !== n.typeName) {
    ctx.out.add(
      "major",
      `the types of \`${name}\` are renamed from \`${o.typeName}…\` to \`${n.typeName}…\` (code that names them no longer compiles)`,
      name,
      at,
      "new",
      `rename \`${o.typeName}Params\` and the other \`${o.typeName}…\` types to \`${n.typeName}…\``,
    );
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
    const why = n.idempotent
      ? "the client now retries it as it retries a PUT"
      : "the client no longer retries it: calls that recovered by a retry now fail";
    ctx.out.add(bump, `\`${name}\`: x-zt-idempotent ${n.idempotent ? "added" : "removed"} (${why})`, name, at);
  }
  if (!sameJson(o.permissions as Json, n.permissions as Json)) {
    ctx.out.add("patch", `\`${name}\`: x-api-token-group changed (documentation only)`, name, at);
  }
  if (o.layout !== n.layout) {
    ctx.out.add(
      "major",
      `\`${name}\`'s argument changes from ${o.layout} to ${n.layout} (a body field now shares a parameter's name, or no longer does: fields move)`,
      name,
      at,
      "new",
      `pass \`${name}\`'s arguments ${n.layout === "grouped" ? "as { path, query, header, body }" : "flat"}`,
    );
  }
  compareSecurity(o, n, ctx, at);
  compareServer(o.server, n.server, ctx, name, at, `\`${name}\`'s server`);
  compareRawOperation(o, n, ctx, at);
  compareParameters(o, n, ctx);
  compareBody(o, n, ctx);
  compareResponses(o, n, ctx);
}

function compareSecurity(o: OperationModel, n: OperationModel, ctx: RuleContext, at: string): void {
  const key = (alternative: readonly string[]) => [...alternative].sort().join(" + ") || "no credentials";
  // A public operation (no requirement at all) is one that accepts no credentials.
  const alternatives = (op: OperationModel) => new Set(op.security.length === 0 ? ["no credentials"] : op.security.map(key));
  const before = alternatives(o);
  const after = alternatives(n);
  for (const alternative of before) {
    if (!after.has(alternative)) {
      ctx.out.add(
        "major",
        `\`${n.name}\` no longer accepts ${alternative} (a client configured with it is refused)`,
        n.name,
        `${at}/security`,
        "new",
        `give \`${n.name}\`'s client one of: ${[...after].join("; ") || "no credentials"}`,
      );
    }
  }
  // The client sends the first alternative its options meet, else one the environment helps
  // meet: a new alternative made of schemes a client may already hold can change what it sends.
  const held = new Set(ctx.old.model.securitySchemes.map((s) => s.key));
  for (const alternative of n.security) {
    const name = key(alternative);
    if (before.has(name)) continue;
    if (alternative.length > 0 && alternative.every((scheme) => held.has(scheme))) {
      ctx.out.add(
        "major",
        `\`${n.name}\` now also accepts ${name}, which clients may already hold (one that holds it in its options now sends it instead)`,
        n.name,
        `${at}/security`,
      );
    } else {
      ctx.out.add("minor", `\`${n.name}\` now also accepts ${name}`, n.name, `${at}/security`);
    }
  }
  if (n.security.length === 0 && !before.has("no credentials")) {
    ctx.out.add("minor", `\`${n.name}\` now accepts no credentials`, n.name, `${at}/security`);
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
    ctx.out.add(
      "major",
      `${what} changes from ${o?.url ?? "(none)"} to ${n?.url ?? "(none)"} (requests go elsewhere by default)`,
      operation,
      `${at}/servers`,
      "new",
      `check that ${n?.url ?? "the base URL you give"} is where you mean to send requests`,
    );
  }
  if (o?.env !== n?.env && o?.env === undefined) {
    ctx.out.add(
      "minor",
      `${what} may now be set by the environment variable ${n?.env} (when the client is not given a baseUrl)`,
      operation,
      `${at}/servers`,
    );
  } else if (o?.env !== n?.env) {
    ctx.out.add(
      "major",
      `${what}'s x-zt-env changes from ${o?.env ?? "(none)"} to ${n?.env ?? "(none)"} (deployments that set the old variable lose it)`,
      operation,
      `${at}/servers`,
      "new",
      `set ${n?.env ?? "baseUrl"} instead of ${o?.env ?? "nothing"}`,
    );
  }
  if (o !== undefined && n !== undefined && o.description !== n.description) {
    ctx.out.add("patch", `${what}: description changed (documentation only)`, operation, `${at}/servers`);
  }
}

/** The operation object as written, and its path item (through `$ref`s). */
function rawOperation(input: DiffInput, op: OperationModel): { item: JsonObject; operation: JsonObject; at: string } {
  const itemPointer = `#/paths/${pointerSegment(op.path)}`;
  const item = resolve(input.document, lookup(input.document, itemPointer) as Json, itemPointer);
  const operation =
    item !== undefined && isObject(item.node[op.method.toLowerCase()]) ? (item.node[op.method.toLowerCase()] as JsonObject) : {};
  return { item: item?.node ?? {}, operation, at: `${item?.pointer ?? itemPointer}/${op.method.toLowerCase()}` };
}

/** What the model leaves out but a reader of the docs sees: tags, external docs, scopes, server details. */
function compareRawOperation(o: OperationModel, n: OperationModel, ctx: RuleContext, at: string): void {
  const a = rawOperation(ctx.old, o);
  const b = rawOperation(ctx.now, n);
  for (const field of ["tags", "externalDocs"] as const) {
    if (!sameJson(a.operation[field], b.operation[field])) {
      ctx.out.add("patch", `\`${n.name}\`: ${field} changed (documentation only)`, n.name, at);
    }
  }
  const security = (input: DiffInput, raw: JsonObject) => raw.security ?? input.document.security;
  if (!sameJson(security(ctx.old, a.operation), security(ctx.now, b.operation)) && o.security.length === n.security.length) {
    // Same alternatives (compareSecurity says otherwise), other scopes: the client sends the same credential.
    const same = o.security.every((alt, i) => sameJson([...alt].sort(), [...(n.security[i] ?? [])].sort()));
    if (same) {
      ctx.out.add(
        "patch",
        `\`${n.name}\`: the OAuth scopes it asks for changed (the client sends the same credential; documentation only)`,
        n.name,
        `${at}/security`,
      );
    }
  }
  // Its own servers only: the document's are compared once (package-rules.ts).
  const servers = (raw: { operation: JsonObject; item: JsonObject }) => raw.operation.servers ?? raw.item.servers;
  if (!sameJson(servers(a), servers(b)) && o.server?.url === n.server?.url) {
    ctx.out.add(
      "patch",
      `\`${n.name}\`: its servers' descriptions or variables changed, not the URL the client uses (documentation only)`,
      n.name,
      at,
    );
  }
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
  for (const [list, base] of [
    [item.node.parameters, `${item.pointer}/parameters`],
    [operation.parameters, `${opPointer}/parameters`],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const param = view(input.document, raw, `${base}/${i}`);
      if (param === undefined || typeof param.node.name !== "string" || typeof param.node.in !== "string") return;
      byKey.set(`${param.node.in} ${param.node.name}`, {
        where: param.node.in,
        name: param.node.name,
        node: param.node,
        pointer: param.pointer ?? `${base}/${i}`,
      });
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
  const slot = (op: OperationModel, p: RawParam) =>
    p.where === "path" ? op.path.replace(/\{[^}]*\}/g, "{}") + ":" + op.path.split(/\{/).findIndex((s) => s.startsWith(`${p.name}}`)) : "";
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
      if (p.where === "cookie") {
        ctx.out.add("patch", `${label} is removed (the client does not send cookie parameters)`, name, p.pointer, "old");
      } else {
        ctx.out.add(
          "major",
          `${label} is removed (callers that pass it no longer compile)`,
          name,
          p.pointer,
          "old",
          `stop passing \`${p.name}\` to \`${name}\``,
        );
      }
      continue;
    }
    if (q.name !== p.name) {
      ctx.out.add(
        "major",
        `${label} is renamed \`${q.name}\` (the wire is unchanged; the argument's field is renamed)`,
        name,
        q.pointer,
        "new",
        `rename the \`${p.name}\` argument of \`${name}\` to \`${q.name}\``,
      );
    }
    compareParameter(p, q, ctx, name, label);
  }
  for (const q of after) {
    if (find(before, q) || renamedTo.has(q)) continue;
    const label = `${q.where} parameter \`${q.name}\` of \`${name}\``;
    const required = q.node.required === true || q.where === "path";
    if (q.where === "cookie") ctx.out.add("patch", `${label} is added (the client does not send cookie parameters)`, name, q.pointer);
    else if (required) {
      ctx.out.add(
        "major",
        `${label} is added as required (callers that leave it out no longer compile)`,
        name,
        q.pointer,
        "new",
        `pass \`${q.name}\` to \`${name}\``,
      );
    } else ctx.out.add("minor", `${label} is added (optional)`, name, q.pointer);
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
    const plain = (r: RawParam) => ({
      ...r.node,
      style: null,
      explode: null,
      deprecated: withoutDefault("deprecated", r.node.deprecated) ?? null,
    });
    if (serialization(p) !== serialization(q) || !sameJson(plain(p), plain(q))) {
      ctx.out.add("patch", `${label} changes (the client does not send cookie parameters)`, name, q.pointer);
    }
    return;
  }
  const was = p.node.required === true || p.where === "path";
  const is = q.node.required === true || q.where === "path";
  if (was !== is) {
    if (is) {
      ctx.out.add(
        "major",
        `${label} becomes required (callers that leave it out no longer compile)`,
        name,
        q.pointer,
        "new",
        `pass \`${q.name}\` to \`${name}\``,
      );
    } else ctx.out.add("minor", `${label} becomes optional`, name, q.pointer);
  }
  if (serialization(p) !== serialization(q)) {
    // openapi-fetch's one serializer sends every parameter the same way, whatever its style.
    ctx.out.add(
      "patch",
      `${label}: serialization (${serialization(p)} → ${serialization(q)}) changed in the docs; the client sends it as before`,
      name,
      q.pointer,
    );
  }
  if ((p.node.allowEmptyValue === true) !== (q.node.allowEmptyValue === true)) {
    ctx.out.add("patch", `${label}: allowEmptyValue changed (the client's types and requests do not change)`, name, q.pointer);
  }
  for (const field of ["description", "example", "examples", "deprecated", "content"] as const) {
    if (!sameJson(withoutDefault(field, p.node[field]), withoutDefault(field, q.node[field]))) {
      ctx.out.add("patch", `${label}: ${field} changed (documentation only)`, name, q.pointer);
    }
  }
  compareSchemas(
    { document: ctx.old.document, value: p.node.schema, pointer: `${p.pointer}/schema` },
    { document: ctx.now.document, value: q.node.schema, pointer: `${q.pointer}/schema` },
    { out: ctx.out, direction: "request", operation: name, what: label, compared: ctx.compared, unchanged: ctx.unchanged },
  );
}

function compareBody(o: OperationModel, n: OperationModel, ctx: RuleContext): void {
  const name = n.name;
  const at = `${operationPointer(n)}/requestBody`;
  compareRawBody(o, n, ctx, at);
  const a = o.body;
  const b = n.body;
  if (a === undefined && b === undefined) return;
  if (b === undefined) {
    ctx.out.add(
      "major",
      `\`${name}\` no longer takes a request body (callers that pass it no longer compile)`,
      name,
      `${operationPointer(o)}/requestBody`,
      "old",
      `stop passing a body to \`${name}\``,
    );
    return;
  }
  if (a === undefined) {
    if (b.required) {
      ctx.out.add(
        "major",
        `\`${name}\` now requires a request body (callers that leave it out no longer compile)`,
        name,
        at,
        "new",
        `pass \`${name}\` its new body`,
      );
    } else ctx.out.add("minor", `\`${name}\` now takes an optional request body`, name, at);
    return;
  }
  if (a.required !== b.required) {
    if (b.required) {
      ctx.out.add(
        "major",
        `\`${name}\`'s request body becomes required (callers that leave it out no longer compile)`,
        name,
        at,
        "new",
        `pass \`${name}\` a body`,
      );
    } else ctx.out.add("minor", `\`${name}\`'s request body becomes optional`, name, at);
  }
  if (a.contentType !== b.contentType) {
    ctx.out.add(
      "major",
      `\`${name}\` sends its body as ${b.contentType} instead of ${a.contentType} (the same call sends another request)`,
      name,
      at,
    );
  }
  if (a.shape !== b.shape) {
    ctx.out.add(
      "major",
      `\`${name}\`'s body ${b.shape === "fields" ? "is now flattened into the argument" : "is now passed whole as `body`"} (callers' arguments no longer compile)`,
      name,
      at,
      "new",
      b.shape === "fields" ? `pass \`${name}\`'s body fields directly` : `pass \`${name}\`'s body as \`body\``,
    );
  }
  compareMedia(ctx, name, "request", `the request body of \`${name}\``, a.schemaPointer, b.schemaPointer, at);
}

/**
 * The request body as written: its description and examples, and a `required` or media
 * types the model has nothing to hang on (a body with no content takes no argument, yet a
 * server that now requires one refuses the calls that worked).
 */
function compareRawBody(o: OperationModel, n: OperationModel, ctx: RuleContext, at: string): void {
  const a = rawOperation(ctx.old, o);
  const b = rawOperation(ctx.now, n);
  const x = view(ctx.old.document, a.operation.requestBody, `${a.at}/requestBody`)?.node;
  const y = view(ctx.now.document, b.operation.requestBody, `${b.at}/requestBody`)?.node;
  if (x === undefined || y === undefined) return;
  if (x.description !== y.description) {
    ctx.out.add("patch", `\`${n.name}\`'s request body: description changed (documentation only)`, n.name, at);
  }
  if (o.body === undefined && n.body === undefined && (x.required === true) !== (y.required === true)) {
    if (y.required === true) {
      ctx.out.add("major", `\`${n.name}\`'s request body becomes required (the client sends none: calls are now refused)`, n.name, at);
    } else ctx.out.add("minor", `\`${n.name}\`'s request body becomes optional`, n.name, at);
  }
  compareContentExamples(ctx, n.name, "request body", x.content, y.content, at);
}

/** Each media type's `example`, `examples` and `encoding`: documentation and the test kit's sample data. */
function compareContentExamples(ctx: RuleContext, name: string, what: string, x: Json | undefined, y: Json | undefined, at: string): void {
  const before = isObject(x) ? x : {};
  const after = isObject(y) ? y : {};
  for (const type of Object.keys(after)) {
    const m = isObject(before[type]) ? before[type] : undefined;
    const k = isObject(after[type]) ? after[type] : undefined;
    if (m === undefined || k === undefined) continue;
    // `encoding` is left out: the client sends a multipart body as FormData does, whatever it says.
    for (const field of ["example", "examples"] as const) {
      if (!sameJson(m[field], k[field])) {
        ctx.out.add("patch", `\`${name}\`'s ${what} (${type}): ${field} changed (documentation only)`, name, at);
      }
    }
  }
  const removed = Object.keys(before).filter((t) => !(t in after));
  const added = Object.keys(after).filter((t) => !(t in before));
  if (removed.length + added.length > 0) {
    ctx.out.add(
      "patch",
      `\`${name}\`'s ${what} lists other media types (${[...removed.map((t) => `-${t}`), ...added.map((t) => `+${t}`)].join(", ")}); the one the client uses is judged apart`,
      name,
      at,
    );
  }
}

function compareMedia(
  ctx: RuleContext,
  operation: string,
  direction: Direction,
  what: string,
  oldPointer: string | undefined,
  newPointer: string | undefined,
  at: string,
): void {
  compareSchemas(
    {
      document: ctx.old.document,
      value: oldPointer === undefined ? undefined : (lookup(ctx.old.document, oldPointer) as Json),
      pointer: oldPointer ?? at,
    },
    {
      document: ctx.now.document,
      value: newPointer === undefined ? undefined : (lookup(ctx.now.document, newPointer) as Json),
      pointer: newPointer ?? at,
    },
    { out: ctx.out, direction, operation, what, compared: ctx.compared, unchanged: ctx.unchanged },
  );
}

function compareResponses(o: OperationModel, n: OperationModel, ctx: RuleContext): void {
  const name = n.name;
  const at = `${operationPointer(n)}/responses`;
  const a = o.success;
  const b = n.success;
  if (a !== undefined || b !== undefined) {
    if (a?.status !== b?.status) {
      ctx.out.add(
        "minor",
        `\`${name}\` succeeds with ${b?.status ?? "no 2xx response"} instead of ${a?.status ?? "none"} (the call still resolves to its body)`,
        name,
        at,
      );
    }
    if (a?.contentType !== b?.contentType) {
      ctx.out.add(
        "major",
        `\`${name}\`'s response is ${b?.contentType ?? "empty"} instead of ${a?.contentType ?? "empty"} (it is parsed differently: code that reads it breaks)`,
        name,
        at,
      );
    }
    if (o.envelope !== n.envelope) {
      ctx.out.add(
        "major",
        `\`${name}\`'s response ${n.envelope ? "is now" : "is no longer"} an envelope the call unwraps (it resolves to ${n.envelope ? "`result`" : "the whole body"})`,
        name,
        at,
        "new",
        `read \`${name}\`'s result ${n.envelope ? "without `.result`" : "as `.result`"}`,
      );
    }
    const pointerOf = (r: ResponseModel | undefined) =>
      r?.schemaPointer !== undefined && o.envelope === n.envelope ? r.schemaPointer : undefined;
    if (a?.contentType === b?.contentType)
      compareMedia(ctx, name, "response", `the response of \`${name}\``, pointerOf(a), pointerOf(b), at);
    compareExamples(ctx, name, "success response", a, b, at);
  }
  compareRawResponses(o, n, ctx, at);
  const errorsBefore = new Map(o.errors.map((r) => [r.status, r]));
  const errorsAfter = new Map(n.errors.map((r) => [r.status, r]));
  for (const [status, r] of errorsBefore) {
    const s = errorsAfter.get(status);
    if (s === undefined) {
      ctx.out.add("minor", `\`${name}\`'s ${status} response is removed (a rejection callers may still handle)`, name, at, "old");
    } else {
      if (r.contentType === s.contentType)
        compareMedia(ctx, name, "response", `the ${status} response of \`${name}\``, r.schemaPointer, s.schemaPointer, at);
      else {
        ctx.out.add(
          "major",
          `\`${name}\`'s ${status} response is ${s.contentType ?? "empty"} instead of ${r.contentType ?? "empty"} (the error's body is parsed differently)`,
          name,
          at,
        );
      }
      compareExamples(ctx, name, `${status} response`, r, s, at);
    }
  }
  for (const status of errorsAfter.keys()) {
    if (!errorsBefore.has(status)) {
      ctx.out.add("minor", `\`${name}\` documents a ${status} response (it rejects as before, now with a typed body)`, name, at);
    }
  }
}

/** Every response as written: statuses the model does not keep (a second 2xx, 1xx, 3xx), descriptions, headers, examples. */
function compareRawResponses(o: OperationModel, n: OperationModel, ctx: RuleContext, at: string): void {
  const a = rawOperation(ctx.old, o);
  const b = rawOperation(ctx.now, n);
  const x = resolve(ctx.old.document, a.operation.responses, `${a.at}/responses`);
  const y = resolve(ctx.now.document, b.operation.responses, `${b.at}/responses`);
  const before = x?.node ?? {};
  const after = y?.node ?? {};
  const kept = new Set([o.success?.status, ...o.errors.map((r) => r.status), n.success?.status, ...n.errors.map((r) => r.status)]);
  for (const status of Object.keys(before)) {
    if (!(status in after) && !kept.has(status)) {
      ctx.out.add(
        "minor",
        `\`${n.name}\`'s ${status} response is removed (the call resolves as before: to its lowest 2xx, rejecting the rest)`,
        n.name,
        at,
        "old",
      );
    }
  }
  for (const status of Object.keys(after)) {
    if (!(status in before) && !kept.has(status)) ctx.out.add("minor", `\`${n.name}\` documents a ${status} response`, n.name, at);
  }
  for (const status of Object.keys(before)) {
    if (!(status in after)) continue;
    const r = view(ctx.old.document, before[status], `${x!.pointer}/${status}`);
    const s = view(ctx.now.document, after[status], `${y!.pointer}/${status}`);
    if (r === undefined || s === undefined) continue;
    const where = s.pointer ?? at;
    if (r.node.description !== s.node.description) {
      ctx.out.add("patch", `\`${n.name}\`'s ${status} response: description changed (documentation only)`, n.name, where);
    }
    compareHeaders(ctx, n.name, status, r.node.headers, s.node.headers, r.pointer ?? at, where);
    compareContentExamples(ctx, n.name, `${status} response`, r.node.content, s.node.content, where);
  }
}

/** Response headers are read: one removed may be missing (major), one added is more (minor); their schemas are outputs. */
function compareHeaders(
  ctx: RuleContext,
  name: string,
  status: string,
  x: Json | undefined,
  y: Json | undefined,
  oldAt: string,
  newAt: string,
): void {
  const before = isObject(x) ? x : {};
  const after = isObject(y) ? y : {};
  const lower = (o: JsonObject) => new Map(Object.keys(o).map((k) => [k.toLowerCase(), k]));
  const keysAfter = lower(after);
  const keysBefore = lower(before);
  for (const [lc, key] of keysBefore) {
    const other = keysAfter.get(lc);
    if (other === undefined) {
      ctx.out.add(
        "major",
        `\`${name}\`'s ${status} response no longer has the header ${key} (code that reads it from the typed response no longer compiles or gets nothing)`,
        name,
        `${oldAt}/headers`,
        "old",
      );
      continue;
    }
    const h = view(ctx.old.document, before[key], `${oldAt}/headers/${key}`);
    const k = view(ctx.now.document, after[other], `${newAt}/headers/${other}`);
    if (h === undefined || k === undefined) continue;
    if (h.node.description !== k.node.description) {
      ctx.out.add(
        "patch",
        `\`${name}\`'s ${status} response header ${other}: description changed (documentation only)`,
        name,
        k.pointer ?? newAt,
      );
    }
    if ((h.node.required === true) !== (k.node.required === true)) {
      ctx.out.add(
        k.node.required === true ? "minor" : "major",
        `\`${name}\`'s ${status} response header ${other} becomes ${k.node.required === true ? "required" : "optional (it may be missing now)"}`,
        name,
        k.pointer ?? newAt,
      );
    }
    compareSchemas(
      { document: ctx.old.document, value: h.node.schema, pointer: `${h.pointer ?? oldAt}/schema` },
      { document: ctx.now.document, value: k.node.schema, pointer: `${k.pointer ?? newAt}/schema` },
      {
        out: ctx.out,
        direction: "response",
        operation: name,
        what: `the ${status} response header ${other} of \`${name}\``,
        compared: ctx.compared,
        unchanged: ctx.unchanged,
      },
    );
  }
  for (const [lc, key] of keysAfter) {
    if (!keysBefore.has(lc)) ctx.out.add("minor", `\`${name}\`'s ${status} response has a new header ${key}`, name, `${newAt}/headers`);
  }
}

function compareExamples(
  ctx: RuleContext,
  name: string,
  what: string,
  a: ResponseModel | undefined,
  b: ResponseModel | undefined,
  at: string,
): void {
  if (!sameJson(a?.example as Json, b?.example as Json)) {
    ctx.out.add("patch", `\`${name}\`'s ${what}: example changed (documentation and the test kit's sample data only)`, name, at);
  }
}
