import type { StatementStructures } from "ts-morph";
import { tsMorph } from "../lib/packages.js";
import type { ApiModel, OperationModel, ResponseModel, SchemaModel } from "../model/api-model.js";
import { docText, indexed, literal } from "../lib/ts-text.js";
import { operationDocs } from "./operation-docs.js";
import { printStructure } from "./print-structure.js";
import { successParseAs } from "./success-body.js";

/**
 * types.ts: a named alias for every component schema, each string enum's values as a
 * readonly tuple, and per operation `<Op>PathParams`, `<Op>QueryParams`,
 * `<Op>HeaderParams` (when it has them), `<Op>Body`, `<Op>Params`, `<Op>Envelope`,
 * `<Op>Result` and `<Op>Error`. Every type is an indexed access into schema.ts, so the
 * two can never disagree.
 */
export function emitTypes(model: ApiModel): string {
  const { StructureKind } = tsMorph();
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "./schema.js",
      namedImports: [
        ...(model.schemas.length > 0 ? ["components", "paths"] : ["paths"]),
        // `$`: no spec name can take it (identifiers from the spec are letters and digits).
        ...(model.readWriteMarkers ? ["Readable as $Readable", "Writable as $Writable"] : []),
      ],
    },
  ];
  const access = accessOf(model);
  for (const schema of model.schemas) statements.push(...schemaStatements(schema, access));
  for (const op of model.operations) statements.push(...operationStatements(op, access));
  if (model.operations.length === 0 && model.schemas.length === 0) statements.push({ kind: StructureKind.ExportDeclaration });
  return printStructure({ statements });
}

/** How a request type and a response type are wrapped: by openapi-typescript's Writable/Readable when the spec has read/write markers. */
interface Access {
  readonly marked: boolean;
  // Function-typed properties, not methods: they use no `this`, and are passed around as callbacks.
  readonly request: (type: string) => string;
  readonly response: (type: string) => string;
}

function accessOf(model: ApiModel): Access {
  if (!model.readWriteMarkers) return { marked: false, request: (type) => type, response: (type) => type };
  return { marked: true, request: (type) => `$Writable<${type}>`, response: (type) => `$Readable<${type}>` };
}

/** A component schema's alias is what a response holds (readOnly properties in, writeOnly out). */
function schemaStatements(schema: SchemaModel, access: Access): StatementStructures[] {
  const { StructureKind, VariableDeclarationKind } = tsMorph();
  const alias: StatementStructures = {
    kind: StructureKind.TypeAlias,
    isExported: true,
    name: schema.typeName,
    type: access.response(indexed("components", "schemas", schema.name)),
    docs: [{ description: docText([schema.description ?? `The \`${schema.name}\` schema.`]) }],
  };
  if (!schema.enum) return [alias];
  return [
    alias,
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: `Every value of {@link ${schema.typeName}}, in the order the spec lists them.` }],
      declarations: [
        { name: schema.enum.constName, initializer: `${literal(schema.enum.values)} as const satisfies readonly ${schema.typeName}[]` },
      ],
    },
  ];
}

function operationStatements(op: OperationModel, access: Access): StatementStructures[] {
  const { StructureKind } = tsMorph();
  const operation = indexed("paths", op.path, op.method.toLowerCase());
  const t = op.typeName;
  const alias = (suffix: string, type: string, lead: string): StatementStructures => ({
    kind: StructureKind.TypeAlias,
    isExported: true,
    name: t + suffix,
    type,
    docs: operationDocs(
      op,
      lead.replace("%s", () => `\`${op.name}\``),
    ),
  });

  const statements = [
    alias("PathParams", op.pathParams.length > 0 ? `${operation}["parameters"]["path"]` : "never", "The path parameters of %s."),
  ];
  if (op.queryParams.length > 0)
    statements.push(alias("QueryParams", `NonNullable<${operation}["parameters"]["query"]>`, "The query parameters of %s."));
  if (op.headerParams.length > 0)
    statements.push(alias("HeaderParams", `NonNullable<${operation}["parameters"]["header"]>`, "The header parameters of %s."));
  statements.push(
    alias(
      "Body",
      op.body ? access.request(indexed(`NonNullable<${operation}["requestBody"]>`, "content", op.body.contentType)) : "never",
      "The request body of %s.",
    ),
    alias("Params", paramsType(op), "The argument of %s: its parameters and body fields."),
    alias("Envelope", mapDefined(responseType(operation, op.success), access.response) ?? "undefined", "The success response body of %s."),
    // A binary body is read as a Blob (success-body.ts), whatever openapi-typescript calls it.
    alias(
      "Result",
      op.envelope
        ? envelopeResult(t, responseType(operation, op.success), access)
        : successParseAs(op) === "blob"
          ? "Blob"
          : `${t}Envelope`,
      "What %s resolves to.",
    ),
    alias("Error", errorType(operation, op.errors, access), "The error response body of %s."),
  );
  return statements;
}

/**
 * The method's one argument: parameters and body fields side by side, or grouped when
 * names collide. An optional body's fields come all or none: a whole valid body, or not
 * one of its fields (the runtime then sends no body).
 */
function paramsType(op: OperationModel): string {
  const t = op.typeName;
  const optional = (required: boolean) => (required ? "" : "?");
  if (op.layout === "grouped") {
    const members = [
      op.pathParams.length > 0 ? `path: ${t}PathParams` : undefined,
      op.queryParams.length > 0 ? `query${optional(op.queryParams.some((p) => p.required))}: ${t}QueryParams` : undefined,
      op.headerParams.length > 0 ? `header${optional(op.headerParams.some((p) => p.required))}: ${t}HeaderParams` : undefined,
      op.body ? `body${optional(op.body.required)}: ${t}Body` : undefined,
    ].filter((m) => m !== undefined);
    return `{ ${members.join("; ")} }`;
  }
  const parts = [
    op.pathParams.length > 0 ? `${t}PathParams` : undefined,
    op.queryParams.length > 0 ? `${t}QueryParams` : undefined,
    op.headerParams.length > 0 ? `${t}HeaderParams` : undefined,
    op.body?.shape === "fields" ? (op.body.required ? `${t}Body` : `(${t}Body | { [K in keyof ${t}Body]?: never })`) : undefined,
    op.body?.shape === "value" ? `{ body${optional(op.body.required)}: ${t}Body }` : undefined,
  ].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(" & ") : "Record<string, never>";
}

function responseType(operation: string, response: ResponseModel | undefined): string | undefined {
  if (response?.contentType === undefined) return undefined;
  return indexed(operation, "responses", response.status, "content", response.contentType);
}

/**
 * The envelope's `result`. With read/write markers it is taken from the envelope as
 * openapi-typescript types it, then made Readable: Readable<> drops a property whose type
 * is `never` (Cloudflare's envelopes have such results), so `<Op>Envelope["result"]` may not exist.
 */
function envelopeResult(t: string, envelope: string | undefined, access: Access): string {
  return envelope !== undefined && access.marked ? access.response(`${envelope}["result"]`) : `${t}Envelope["result"]`;
}

const mapDefined = (type: string | undefined, wrap: (type: string) => string) => (type === undefined ? undefined : wrap(type));

function errorType(operation: string, errors: readonly ResponseModel[], access: Access): string {
  const types = errors.map((e) => mapDefined(responseType(operation, e), access.response)).filter((t) => t !== undefined);
  return types.length > 0 ? types.join(" | ") : "unknown";
}
