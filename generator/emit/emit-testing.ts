import type { StatementStructures, WriterFunction } from "ts-morph";
import { tsMorph } from "../lib/packages.js";
import type { ApiModel, OperationModel, ParamModel, SecuritySchemeModel } from "../model/api-model.js";
import { literal, propertyKey } from "../lib/ts-text.js";
import { isJsonMediaType } from "../runtime/media-type.js";
import { operationDocs } from "./operation-docs.js";
import { printStructure } from "./print-structure.js";

/**
 * testing.ts, the package's `./testing` entry: the spec as plain data for the test kit
 * (generator/runtime/testing.ts, which does all the work), a `Mock` interface with one
 * typed method per operation (`<Op>Params` in, `<Op>Result` out), `testKit({ baseUrl })`,
 * and the default `handlers` and `mock`. Only this entry imports msw.
 */
export function emitTesting(model: ApiModel): string {
  const { StructureKind, VariableDeclarationKind } = tsMorph();
  const errorExamples = new ErrorExamples();
  const operations = model.operations.map((op) => [op.name, descriptor(op, errorExamples)] as const);
  const runtime = "./runtime/testing.js";
  const statements: (StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "msw", namedImports: ["HttpHandler"] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: runtime, namedImports: ["createTestKit"] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtime,
      namedImports: ["MockOptions", "Mocked", "MockSpec", "TestKitOptions"],
    },
  ];
  // A namespace: no operation's type name can clash with the kit's own names.
  if (model.operations.length > 0)
    statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./types.js", namespaceImport: "types" });
  if (model.options.validators)
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./validators.js", namedImports: ["validators"] });
  statements.push(
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: runtime, namedExports: ["apiError", "ApiErrorAnswer"] },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: runtime,
      namedExports: ["ApiErrorOptions", "MockAnswer", "MockInfo", "MockOptions", "MockResolver", "Mocked", "TestKitOptions"],
    },
    // A writer, as in client.ts: the table reads better flush left.
    (writer) => {
      writer.writeLine("/** The spec as the test kit reads it: how to match, check and answer each operation. */");
      writer.write("const spec = ").inlineBlock(() => {
        writer.write("operations: ").inlineBlock(() => {
          for (const [name, op] of operations) writer.writeLine(`${name}: ${literal(op)},`);
        });
        writer.write(",").newLine();
        writer.write("schemes: ").inlineBlock(() => {
          for (const scheme of model.securitySchemes) writer.writeLine(`${propertyKey(scheme.key)}: ${literal(how(scheme))},`);
        });
        writer.write(",").newLine();
        writer.writeLine(`server: ${literal(model.server?.url ?? "")},`);
        if (model.server?.env) writer.writeLine(`serverEnv: ${literal(model.server.env)},`);
        if (model.options.validators) writer.writeLine("validators,");
        if (errorExamples.texts.length > 0) {
          writer.write("errorExamples: [").newLine();
          writer.indent(() => errorExamples.texts.forEach((text) => writer.writeLine(`${literal(text)},`)));
          writer.writeLine("],");
        }
      });
      // `as const`, not a type annotation: a key named like an Object.prototype member
      // (`toString`) gets no contextual type from an index signature, so its literals would widen.
      writer.write(" as const satisfies MockSpec;");
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "Mock",
      docs: [
        "One msw handler maker per operation: pass a resolver (the method's params in, its result out, sync or async), a fixed result, or `apiError(…)`.",
      ],
      methods: model.operations.map((op) => ({
        name: op.name,
        docs: operationDocs(op, `An msw handler for \`${op.name}\` that answers with what \`answer\` gives.`),
        parameters: [
          { name: "answer", type: `Mocked<types.${op.typeName}Params, types.${op.typeName}Result>` },
          { name: "options", type: "MockOptions", hasQuestionToken: true },
        ],
        returnType: "HttpHandler",
      })),
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "TestKit",
      docs: ["The handlers and mocks for one base URL."],
      properties: [
        { name: "handlers", isReadonly: true, type: "HttpHandler[]", docs: ["One handler per operation, answering the spec's example."] },
        { name: "mock", isReadonly: true, type: "Mock" },
      ],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "testKit",
      docs: ["The kit for a client created with another `baseUrl`; `handlers` and `mock` are `testKit()`."],
      parameters: [{ name: "options", type: "TestKitOptions", hasQuestionToken: true }],
      returnType: "TestKit",
      statements: ["return createTestKit<Mock>(spec, options);"],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: "defaults", initializer: "testKit()" }],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        "One msw handler per operation at the client's default base URL, each answering the spec's example: `setupServer(...handlers)`.",
      ],
      declarations: [{ name: "handlers", type: "HttpHandler[]", initializer: "defaults.handlers" }],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["Handlers with your own answers at the client's default base URL: `server.use(mock.<operation>(…))`."],
      declarations: [{ name: "mock", type: "Mock", initializer: "defaults.mock" }],
    },
  );
  return printStructure({ statements });
}

/** The data the kit needs: see generator/runtime/testing-request.ts (MockOperation). */
/** The error examples of every operation, each text once (most operations share theirs), numbered in order of first use. */
class ErrorExamples {
  readonly texts: string[] = [];
  readonly #index = new Map<string, number>();
  indexOf(text: string): number {
    let index = this.#index.get(text);
    if (index === undefined) this.#index.set(text, (index = this.texts.push(text) - 1));
    return index;
  }
}

function descriptor(op: OperationModel, errorExamples: ErrorExamples) {
  const status = Number(op.success?.status);
  // JSON error bodies only: apiError's default body is sent as application/json.
  const failures = op.errors
    .filter((error) => error.example !== undefined && error.contentType !== undefined && isJsonMediaType(error.contentType))
    .map((error) => ({ status: error.status, example: errorExamples.indexOf(JSON.stringify(error.example)) }));
  return {
    id: op.id,
    method: op.method,
    path: op.path,
    pathParams: op.pathParams.map(param),
    queryParams: op.queryParams.map(param),
    headerParams: op.headerParams.map(param),
    body: op.body ? op.body.shape : "none",
    ...(op.layout === "grouped" ? { grouped: true } : {}),
    ...(op.body ? { contentType: op.body.contentType } : {}),
    ...(op.body?.required ? { bodyRequired: true } : {}),
    ...(op.body?.requiredFields ? { requiredFields: op.body.requiredFields } : {}),
    security: op.security,
    ...(op.server ? { server: op.server.url } : {}),
    envelope: op.envelope,
    // "2XX", "default" or no success response: 200.
    status: Number.isInteger(status) ? status : 200,
    ...(op.success?.contentType ? { responseType: op.success.contentType } : {}),
    ...(op.success?.example === undefined ? {} : { example: JSON.stringify(op.success.example) }),
    ...(failures.length > 0 ? { failures } : {}),
  };
}

function param(p: ParamModel) {
  return {
    name: p.name,
    ...(p.required ? { required: true } : {}),
    ...(p.type ? { type: p.type } : {}),
    ...(p.items ? { items: p.items } : {}),
  };
}

/** How a scheme's credential travels (MockScheme). */
function how(scheme: SecuritySchemeModel) {
  return {
    kind: scheme.kind,
    ...(scheme.scheme === undefined ? {} : { scheme: scheme.scheme }),
    ...(scheme.in === undefined ? {} : { in: scheme.in }),
    ...(scheme.name === undefined ? {} : { name: scheme.name }),
  };
}
