import type { StatementStructures, WriterFunction } from "ts-morph";
import { tsMorph } from "../lib/packages.js";
import type { ApiModel, OperationModel, SecuritySchemeModel } from "../model/api-model.js";
import { docText, literal, propertyKey } from "../lib/ts-text.js";
import { operationDocs } from "./operation-docs.js";
import { printStructure } from "./print-structure.js";
import { successParseAs } from "./success-body.js";

/**
 * client.ts: what the spec says the client does, as plain data (the API's credentials,
 * server and request id; each operation), a `ClientOptions` interface with one credential
 * option per security scheme, a `Client` interface with one documented method per
 * operation, and `createClient`, whose methods only hand their operation to the runtime
 * (generator/runtime/), which does all the work.
 */
export function emitClient(model: ApiModel): string {
  const { StructureKind } = tsMorph();
  const ops = model.operations;
  const schemes = model.securitySchemes.filter((s) => s.kind !== "unsupported");
  const security = defaultSecurity(ops);
  const typeImports = ops.flatMap((op) => [`${op.typeName}Params`, `${op.typeName}Result`]);
  const kinds = [...new Set(schemes.map(schemeKind))].sort();
  const statements: (StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/index.js", namedImports: [...kinds, "createRuntime"] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "./runtime/index.js",
      namedImports: ["ApiDescription", "ApiPromise", "BaseClientOptions", "Operation", "RequestOptions"],
    },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["paths"] },
  ];
  if (typeImports.length > 0) {
    statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./types.js", namedImports: typeImports });
  }
  statements.push(
    // Writers, not VariableStatement structures: ts-morph gives a multi-line initializer a
    // hanging indent, and the tables read better flush left.
    (writer) => {
      writer.writeLine(
        "/** What the spec says about the whole API: its security schemes, default security, server and request id header. */",
      );
      writer.write("export const api = ").inlineBlock(() => {
        writer.write("schemes: ").inlineBlock(() => {
          for (const scheme of schemes) writer.writeLine(`${propertyKey(scheme.key)}: ${schemeData(scheme)},`);
        });
        writer.write(",").newLine();
        writer.writeLine(`security: ${literal(security)},`);
        if (model.server)
          writer.writeLine(
            `server: ${literal(model.server.env ? { url: model.server.url, env: model.server.env } : { url: model.server.url })},`,
          );
        if (model.options.requestIdHeader) writer.writeLine(`requestIdHeader: ${literal(model.options.requestIdHeader)},`);
      });
      writer.write(" as const satisfies ApiDescription;").newLine().blankLine();
      writer.writeLine("/** Every operation of the spec as plain data; the runtime builds requests from these. */");
      writer.write("export const operations = ").inlineBlock(() => {
        for (const op of ops) writer.writeLine(`${op.name}: ${literal(descriptor(op, security))},`);
      });
      writer.write(" as const satisfies Record<string, Operation>;");
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "ClientOptions",
      extends: ["BaseClientOptions"],
      docs: ["Options of `createClient`: one credential per security scheme of the spec, and the options every client takes."],
      properties: schemes.map((scheme) => ({
        name: scheme.option,
        hasQuestionToken: true,
        type: scheme.kind === "basic" ? "{ username: string; password: string }" : "string",
        docs: [docText([scheme.description, howSent(scheme)])],
      })),
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "Client",
      docs: ["A client for the API: one method per operation, each resolving to the operation's result."],
      properties: [
        {
          name: "raw",
          isReadonly: true,
          type: 'ReturnType<typeof createRuntime<paths>>["raw"]',
          docs: ["The openapi-fetch client typed by `paths`, sending each operation's credentials to its server as the methods do."],
        },
      ],
      methods: ops.map((op) => ({
        name: op.name,
        docs: operationDocs(op),
        parameters: [
          { name: "params", type: `${op.typeName}Params`, hasQuestionToken: op.paramsOptional },
          { name: "options", type: "RequestOptions", hasQuestionToken: true },
        ],
        returnType: `ApiPromise<${op.typeName}Result>`,
      })),
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "createClient",
      docs: [createClientDocs(model, schemes)],
      parameters: [{ name: "options", type: "ClientOptions", hasQuestionToken: true }],
      returnType: "Client",
      statements: [
        "const runtime = createRuntime<paths>(api, operations, options);",
        (writer) => {
          writer.write("return ").inlineBlock(() => {
            writer.writeLine("raw: runtime.raw,");
            for (const op of ops) {
              writer.writeLine(
                `${op.name}: (params, options) => runtime.call<${op.typeName}Result>(operations.${op.name}, params, options),`,
              );
            }
          });
          writer.write(";");
        },
      ],
    },
  );
  return printStructure({ statements });
}

/**
 * The security most operations have: it is written once, in `api.security`, and only the
 * operations that differ carry their own (a 1,533-operation spec measured used eleven lists).
 */
function defaultSecurity(ops: readonly OperationModel[]): readonly (readonly string[])[] {
  const counts = new Map<string, { security: readonly (readonly string[])[]; count: number }>();
  for (const op of ops) {
    const key = JSON.stringify(op.security);
    const entry = counts.get(key) ?? { security: op.security, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { security: readonly (readonly string[])[]; count: number } = { security: [], count: 0 };
  for (const entry of counts.values()) if (entry.count > best.count) best = entry;
  return best.security;
}

/**
 * The runtime's SchemeKind for a scheme (generator/runtime/schemes.ts): client.ts imports
 * only the kinds its spec uses, so a bundle holds no other.
 */
function schemeKind(scheme: SecuritySchemeModel): string {
  if (scheme.kind === "apiKey") return { header: "apiKeyHeader", query: "apiKeyQuery", cookie: "apiKeyCookie" }[scheme.in!];
  return scheme.kind === "http" ? "httpScheme" : scheme.kind;
}

/** How the runtime sends a scheme's credential: see generator/runtime/operation.ts (SecurityScheme). */
function schemeData(scheme: SecuritySchemeModel): string {
  const fields = [
    `option: ${literal(scheme.option)}`,
    `kind: ${schemeKind(scheme)}`,
    ...(scheme.name ? [`name: ${literal(scheme.name)}`] : []),
    ...(scheme.scheme ? [`scheme: ${literal(scheme.scheme)}`] : []),
    ...(scheme.env ? [`env: ${literal(scheme.env)}`] : []),
  ];
  return `{ ${fields.join(", ")} }`;
}

/** The data the runtime needs: see generator/runtime/operation.ts. */
function descriptor(op: OperationModel, security: readonly (readonly string[])[]) {
  const parseAs = successParseAs(op);
  return {
    id: op.id,
    // Error messages name the method called; only when it is not the operationId itself.
    ...(op.name !== op.id ? { name: op.name } : {}),
    method: op.method,
    path: op.path,
    pathParams: op.pathParams.map((p) => p.name),
    queryParams: op.queryParams.map((p) => p.name),
    headerParams: op.headerParams.map((p) => p.name),
    body: op.body ? op.body.shape : "none",
    ...(op.body && !op.body.required ? { optionalBody: true } : {}),
    ...(op.body ? { contentType: op.body.contentType } : {}),
    ...(op.layout === "grouped" ? { grouped: true } : {}),
    envelope: op.envelope,
    ...(JSON.stringify(op.security) !== JSON.stringify(security) ? { security: op.security } : {}),
    ...(op.server ? { server: op.server.url } : {}),
    ...(op.idempotent ? { idempotent: true } : {}),
    ...(parseAs ? { parseAs } : {}),
  };
}

/** The second paragraph of a credential option's JSDoc: how it is sent, and its environment variable. */
function howSent(scheme: SecuritySchemeModel): string {
  const sent =
    scheme.kind === "basic"
      ? "Sent as `Authorization: Basic …` (base64 of `username:password`)."
      : scheme.kind === "bearer"
        ? `Sent as \`Authorization: Bearer …\`${scheme.type === "http" ? "" : ` (an ${scheme.type} access token)`}.`
        : scheme.kind === "http"
          ? `Sent as \`Authorization: ${scheme.scheme} …\`.`
          : scheme.in === "header"
            ? `Sent as the \`${scheme.name}\` header.`
            : scheme.in === "query"
              ? `Sent as the query parameter \`${scheme.name}\`.`
              : `Sent as the cookie \`${scheme.name}\`.`;
  const env = scheme.env
    ? ` Default: the environment variable ${scheme.env}${scheme.kind === "basic" ? " (`username:password`)" : ""}.`
    : "";
  return sent + env;
}

/** createClient's JSDoc: where its credentials and base URL come from, as this spec says. */
function createClientDocs(model: ApiModel, schemes: readonly SecuritySchemeModel[]): string {
  const envs = schemes.flatMap((s) => (s.env ? [s.env] : []));
  const server = model.server;
  return docText([
    "Creates a client. Each call sends the credentials its operation's security asks for, from the options in ClientOptions" +
      (envs.length > 0 ? `, else from the environment variables ${envs.join(", ")}.` : "."),
    server && /^https?:/i.test(server.url)
      ? `Requests go to ${server.url}, unless \`baseUrl\`${server.env ? ` or the environment variable ${server.env}` : ""} says otherwise.`
      : `\`baseUrl\`${server?.env ? ` (or the environment variable ${server.env})` : ""} is required: the spec names no absolute server URL.`,
    "Throws ConfigurationError at once when no operation could be called with what it is given.",
  ]);
}
