import type { StatementStructures, WriterFunction } from "ts-morph";
import { tsMorph } from "../lib/packages.js";
import type { ApiModel, OperationModel } from "../model/api-model.js";
import { literal } from "../lib/ts-text.js";
import { operationDocs } from "./operation-docs.js";
import { printStructure } from "./print-structure.js";

/**
 * client.ts: the operations as plain data, a `Client` interface with one documented
 * method per operation, and `createClient`, whose methods only hand their operation to
 * the runtime (generator/runtime/), which does all the work.
 */
export function emitClient(model: ApiModel): string {
  const { StructureKind } = tsMorph();
  const ops = model.operations;
  const typeImports = ops.flatMap((op) => [`${op.typeName}Params`, `${op.typeName}Result`]);
  const statements: (StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/index.js", namedImports: ["createRuntime"] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "./runtime/index.js",
      namedImports: ["ApiPromise", "ClientOptions", "Operation", "RequestOptions"],
    },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.js", namedImports: ["paths"] },
  ];
  if (typeImports.length > 0) {
    statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./types.js", namedImports: typeImports });
  }
  statements.push(
    // A writer, not a VariableStatement structure: ts-morph gives a multi-line
    // initializer a hanging indent, and the table reads better flush left.
    (writer) => {
      writer.writeLine("/** Every operation of the spec as plain data; the runtime builds requests from these. */");
      writer.write("const operations = ").inlineBlock(() => {
        for (const op of ops) writer.writeLine(`${op.name}: ${literal(descriptor(op))},`);
      });
      writer.write(" as const satisfies Record<string, Operation>;");
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
          docs: ["The openapi-fetch client typed by `paths`, sharing this client's auth and base URL."],
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
      docs: ["Creates a client. Credentials default to the CLOUDFLARE_* environment variables; see ClientOptions."],
      parameters: [{ name: "options", type: "ClientOptions", hasQuestionToken: true }],
      returnType: "Client",
      statements: [
        "const runtime = createRuntime<paths>(options);",
        (writer) => {
          writer.write("return ").inlineBlock(() => {
            writer.writeLine("raw: runtime.raw,");
            for (const op of ops) {
              writer.writeLine(`${op.name}: (params, options) => runtime.call<${op.typeName}Result>(operations.${op.name}, params, options),`);
            }
          });
          writer.write(";");
        },
      ],
    },
  );
  return printStructure({ statements });
}

/** The data the runtime needs: see generator/runtime/operation.ts. */
function descriptor(op: OperationModel) {
  return {
    id: op.id,
    method: op.method,
    path: op.path,
    pathParams: op.pathParams.map((p) => p.name),
    queryParams: op.queryParams.map((p) => p.name),
    headerParams: op.headerParams.map((p) => p.name),
    body: op.body ? op.body.shape : "none",
    ...(op.body ? { contentType: op.body.contentType } : {}),
    ...(op.layout === "grouped" ? { grouped: true } : {}),
    envelope: op.envelope,
  };
}
