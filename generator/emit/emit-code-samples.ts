import { tsMorph } from "../lib/packages.js";
import { literal } from "../lib/ts-text.js";
import type { ApiModel } from "../model/api-model.js";
import { printStructure } from "./print-structure.js";
import { curlSample } from "./sample-curl.js";
import { typescriptSample } from "./sample-typescript.js";

/** One operation's entry in code-samples.ts. */
export interface OperationSamples {
  readonly method: string;
  readonly path: string;
  readonly name: string;
  readonly permissions: readonly string[];
  readonly typescript: readonly string[];
  readonly curl: readonly string[];
}

/** Every operation's samples and permissions, in document order. */
export function codeSamplesOf(model: ApiModel): OperationSamples[] {
  return model.operations.map((op) => ({
    method: op.method.toLowerCase(),
    path: op.path,
    name: op.name,
    permissions: op.permissions,
    typescript: typescriptSample(model, op),
    curl: curlSample(model, op),
  }));
}

/**
 * code-samples.ts: for every operation, a TypeScript module that calls it with this
 * package and the same request as a curl command, one string per line, with the
 * permissions that may call it. For the docs (scripts/build-docs.ts adds them to the
 * page as `x-codeSamples`); not part of the package.
 */
export function emitCodeSamples(model: ApiModel): string {
  const { StructureKind } = tsMorph();
  const member = (name: string, type: string, doc: string) => ({ name, type, isReadonly: true, docs: [doc] });
  const declaration = printStructure({
    statements: [
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: "CodeSamples",
        docs: ["One operation's usage samples, for the docs."],
        properties: [
          member("method", "string", "The operation's method, in lower case."),
          member("path", "string", "Its key in `paths`."),
          member("name", "string", "The client method the sample calls."),
          member("permissions", "readonly string[]", "`x-api-token-group`: the permissions that may call it (any one suffices)."),
          member("typescript", "readonly string[]", "A complete ES module that calls it with the package, line by line."),
          member("curl", "readonly string[]", "The same request as a curl command for a POSIX shell, line by line."),
        ],
      },
    ],
  });
  // Printed here rather than by ts-morph, which would re-indent the array's lines.
  const samples = samplesLiteral(codeSamplesOf(model));
  return `${declaration}\n/** Every operation's samples, in document order. */\nexport const codeSamples: readonly CodeSamples[] = ${samples};\n`;
}

/** The array, one line per sample line, so that a change to the spec shows as a readable diff. */
function samplesLiteral(samples: readonly OperationSamples[]): string {
  if (samples.length === 0) return "[]";
  const lines = (list: readonly string[]) => (list.length === 0 ? "[]" : `[\n${list.map((l) => `      ${literal(l)},`).join("\n")}\n    ]`);
  const entries = samples.map((s) =>
    [
      "  {",
      `    method: ${literal(s.method)},`,
      `    path: ${literal(s.path)},`,
      `    name: ${literal(s.name)},`,
      `    permissions: ${literal(s.permissions)},`,
      `    typescript: ${lines(s.typescript)},`,
      `    curl: ${lines(s.curl)},`,
      "  },",
    ].join("\n"),
  );
  return `[\n${entries.join("\n")}\n]`;
}
