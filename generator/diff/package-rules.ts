/**
 * Rules for what the package exports apart from its methods: a type alias (and, for a
 * string enum, a tuple of its values) per component schema; a `createClient` option per
 * security scheme, with the environment variable it falls back to; the default server;
 * and the root's `x-zt-generator` options. Exported names come from the model, so a
 * renamed schema is a renamed type even when no byte on the wire changes.
 */
import { escapeSegment } from "../lib/json-pointer.js";
import type { SchemaModel, SecuritySchemeModel } from "../model/api-model.js";
import { isObject, type JsonObject } from "../model/resolve-ref.js";
import { compareServer, type RuleContext } from "./operation-rules.js";
import { compareSchemas, reachedKey, sameJson, type Direction } from "./schema-rules.js";

const schemaPointer = (name: string) => `#/components/schemas/${escapeSegment(name)}`;

function componentSchemas(document: JsonObject): JsonObject {
  const components = isObject(document.components) ? document.components : {};
  return isObject(components.schemas) ? components.schemas : {};
}

export function compareExportedTypes(ctx: RuleContext): void {
  const before = new Map(ctx.old.model.schemas.map((s) => [s.name, s]));
  const after = new Map(ctx.now.model.schemas.map((s) => [s.name, s]));
  const rawBefore = componentSchemas(ctx.old.document);
  const rawAfter = componentSchemas(ctx.now.document);
  const added = [...after.values()].filter((s) => !before.has(s.name));
  for (const s of before.values()) {
    const t = after.get(s.name);
    if (t === undefined) {
      // The same schema under another key: a rename, which is how a caller should read it.
      const renamed = added.find((a) => sameJson(rawAfter[a.name], rawBefore[s.name]));
      if (renamed !== undefined) {
        added.splice(added.indexOf(renamed), 1);
        ctx.out.add(
          "major",
          `type \`${s.typeName}\` is renamed \`${renamed.typeName}\` (schema ${JSON.stringify(s.name)} → ${JSON.stringify(renamed.name)}; code that imports it no longer compiles)`,
          null,
          schemaPointer(renamed.name),
          "new",
          `rename the type \`${s.typeName}\` to \`${renamed.typeName}\``,
        );
        compareEnumTuple(s, renamed, ctx);
      } else {
        ctx.out.add(
          "major",
          `type \`${s.typeName}\` is no longer exported (schema ${JSON.stringify(s.name)} removed; code that imports it no longer compiles)`,
          null,
          schemaPointer(s.name),
          "old",
          `stop importing \`${s.typeName}\``,
        );
      }
      continue;
    }
    if (s.typeName !== t.typeName) {
      ctx.out.add(
        "major",
        `type \`${s.typeName}\` is now exported as \`${t.typeName}\` (another export took its name)`,
        null,
        schemaPointer(t.name),
        "new",
        `rename the type \`${s.typeName}\` to \`${t.typeName}\``,
      );
    }
    compareEnumTuple(s, t, ctx);
  }
  for (const t of added)
    ctx.out.add("minor", `type \`${t.typeName}\` is exported (schema ${JSON.stringify(t.name)} added)`, null, schemaPointer(t.name));
  // Exported types no operation reaches: a caller may use them either way.
  for (const s of before.values()) {
    if (!after.has(s.name) || reached(ctx.compared, schemaPointer(s.name))) continue;
    for (const direction of ["request", "response"] as Direction[]) {
      compareSchemas(
        { document: ctx.old.document, value: rawBefore[s.name], pointer: schemaPointer(s.name) },
        { document: ctx.now.document, value: rawAfter[s.name], pointer: schemaPointer(s.name) },
        { out: ctx.out, direction, operation: null, what: `type \`${s.typeName}\``, compared: ctx.compared, unchanged: ctx.unchanged },
      );
    }
  }
}

function reached(compared: Set<string>, pointer: string): boolean {
  return compared.has(reachedKey(pointer));
}

function compareEnumTuple(s: SchemaModel, t: SchemaModel, ctx: RuleContext): void {
  if (s.enum === undefined) return;
  if (t.enum === undefined) {
    ctx.out.add(
      "major",
      `the tuple \`${s.enum.constName}\` is no longer exported (schema ${JSON.stringify(t.name)} is no longer a string enum)`,
      null,
      schemaPointer(t.name),
      "new",
      `stop importing \`${s.enum.constName}\``,
    );
  } else if (s.enum.constName !== t.enum.constName) {
    ctx.out.add(
      "major",
      `the tuple \`${s.enum.constName}\` is renamed \`${t.enum.constName}\``,
      null,
      schemaPointer(t.name),
      "new",
      `rename \`${s.enum.constName}\` to \`${t.enum.constName}\``,
    );
  }
}

export function compareSecuritySchemes(ctx: RuleContext): void {
  const before = new Map(ctx.old.model.securitySchemes.map((s) => [s.key, s]));
  const after = new Map(ctx.now.model.securitySchemes.map((s) => [s.key, s]));
  const at = (key: string) => `#/components/securitySchemes/${escapeSegment(key)}`;
  for (const s of before.values()) {
    const t = after.get(s.key);
    if (t === undefined) {
      ctx.out.add(
        "major",
        `the client option \`${s.option}\` is removed (security scheme ${JSON.stringify(s.key)} removed: createClient calls that set it no longer compile)`,
        null,
        at(s.key),
        "old",
        `stop passing \`${s.option}\` to createClient`,
      );
      continue;
    }
    if (s.option !== t.option) {
      ctx.out.add(
        "major",
        `the client option \`${s.option}\` is renamed \`${t.option}\``,
        null,
        at(t.key),
        "new",
        `rename the createClient option \`${s.option}\` to \`${t.option}\``,
      );
    }
    if (sending(s) !== sending(t)) {
      ctx.out.add(
        "major",
        `the credential \`${t.option}\` is sent as ${sending(t)} instead of ${sending(s)} (the same client sends another request)`,
        null,
        at(t.key),
      );
    }
    if (s.env === undefined && t.env !== undefined) {
      ctx.out.add(
        "minor",
        `the credential \`${t.option}\` may now come from the environment variable ${t.env} (when the option is not given)`,
        null,
        at(t.key),
      );
    } else if (s.env !== t.env) {
      ctx.out.add(
        "major",
        `the credential \`${t.option}\` is read from ${t.env ?? "no environment variable"} instead of ${s.env ?? "none"} (deployments that set the old variable lose their credential)`,
        null,
        at(t.key),
        "new",
        `set ${t.env ?? `the \`${t.option}\` option`} instead of ${s.env ?? "nothing"}`,
      );
    }
    if (s.description !== t.description) {
      ctx.out.add("patch", `security scheme ${JSON.stringify(t.key)}: description changed (documentation only)`, null, at(t.key));
    }
  }
  for (const t of after.values()) {
    if (!before.has(t.key)) {
      ctx.out.add("minor", `the client option \`${t.option}\` is added (security scheme ${JSON.stringify(t.key)})`, null, at(t.key));
    }
  }
}

/** How a scheme's credential goes on the wire. */
function sending(s: SecuritySchemeModel): string {
  if (s.kind === "apiKey") return `the ${s.in} ${JSON.stringify(s.name)}`;
  if (s.kind === "http") return `Authorization: ${s.scheme}`;
  return s.kind === "unsupported" ? "nothing (unsupported scheme)" : `Authorization: ${s.kind === "bearer" ? "Bearer" : "Basic"}`;
}

export function comparePackageOptions(ctx: RuleContext): void {
  compareServer(ctx.old.model.server, ctx.now.model.server, ctx, null, "#", "the default server");
  const servers = (document: JsonObject) =>
    Array.isArray(document.servers) ? document.servers.map((s) => (isObject(s) ? { ...s, "x-zt-env": null } : s)) : [];
  if (!sameJson(servers(ctx.old.document), servers(ctx.now.document)) && ctx.old.model.server?.url === ctx.now.model.server?.url) {
    ctx.out.add(
      "patch",
      "the document's servers: descriptions, variables or other servers changed, not the URL the client uses (documentation only)",
      null,
      "#/servers",
    );
  }
  const o = ctx.old.model.options;
  const n = ctx.now.model.options;
  const at = "#/x-zt-generator";
  // The base error class is exported as ClientError always, and also under `errorClass` (emit-index.ts).
  if (o.errorClass !== n.errorClass) {
    if (o.errorClass === undefined) {
      ctx.out.add("minor", `the base error class is also exported as \`${n.errorClass}\``, null, at);
    } else {
      const is = n.errorClass ?? "ClientError";
      ctx.out.add(
        "major",
        `the base error class is no longer exported as \`${o.errorClass}\` (code that imports it no longer compiles; use \`${is}\`)`,
        null,
        at,
        "new",
        `rename \`${o.errorClass}\` to \`${is}\``,
      );
    }
  }
  if (o.validators !== n.validators) {
    if (n.validators) {
      ctx.out.add("minor", "the package now exports request and response validators (zt-risk-scoring/validators)", null, at);
    } else {
      ctx.out.add(
        "major",
        "the package no longer exports validators (code that imports zt-risk-scoring/validators no longer compiles)",
        null,
        at,
        "old",
        "stop importing the validators",
      );
    }
  }
  if (o.requestIdHeader === undefined && n.requestIdHeader !== undefined) {
    ctx.out.add("minor", `errors now carry \`requestId\`, read from ${n.requestIdHeader}`, null, at);
  } else if (o.requestIdHeader !== n.requestIdHeader) {
    ctx.out.add(
      "major",
      `\`requestId\` on errors is read from ${n.requestIdHeader ?? "no header"} instead of ${o.requestIdHeader ?? "none"}`,
      null,
      at,
    );
  }
  if (o.package !== n.package) ctx.out.add("patch", "the package name in the docs' code samples changes", null, at);
}
