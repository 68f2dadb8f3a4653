import { tsMorph } from "../lib/packages.js";
import { literal } from "../lib/ts-text.js";
import type { ApiModel } from "../model/api-model.js";
import { docsIntroduction, type DocsIntroduction } from "./docs-introduction.js";
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
 * permissions that may call it; and the docs page's introduction (docs-introduction.ts).
 * For the docs (scripts/build-docs.ts adds the samples to the page as `x-codeSamples`
 * and the introduction to its description); not part of the package.
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
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: "CredentialOption",
        docs: ["One `createClient` credential option, as the docs' introduction lists it."],
        properties: [
          member("option", "string", "The option's name."),
          member("scheme", "string", "Its security scheme's key."),
          member("sentAs", "string", "How the credential is sent."),
          { ...member("env", "string", "The environment variable it falls back to."), hasQuestionToken: true },
        ],
      },
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: "DocsIntroduction",
        docs: ["What the docs page says before the operations: install, create the client, errors, retries, testing."],
        properties: [
          {
            ...member("packageName", "string", "The npm package the samples import; absent when the client is generated into a project."),
            hasQuestionToken: true,
          },
          member("install", "string", "The shell command that installs the client."),
          member("createClient", "readonly string[]", "A module that creates the client, line by line."),
          member("credentials", "readonly CredentialOption[]", "Every credential option."),
          { ...member("baseUrl", "string", "The document's first server."), hasQuestionToken: true },
          { ...member("baseUrlEnv", "string", "The environment variable that replaces it."), hasQuestionToken: true },
          member("requestIdHeader", "string", "The response header `ApiError.requestId` reads."),
          member("errorClass", "string", "The name of the base error class."),
          { ...member("testing", "readonly string[]", "A test with the test kit, line by line."), hasQuestionToken: true },
        ],
      },
    ],
  });
  // Printed here rather than by ts-morph, which would re-indent the array's lines.
  const samples = samplesLiteral(codeSamplesOf(model));
  return [
    declaration,
    `/** Every operation's samples, in document order. */\nexport const codeSamples: readonly CodeSamples[] = ${samples};\n`,
    `/** The docs page's introduction. */\nexport const introduction: DocsIntroduction = ${introductionLiteral(docsIntroduction(model))};\n`,
  ].join("\n");
}

/** The introduction, one member a line and one line of a sample a line, for readable diffs. */
function introductionLiteral(intro: DocsIntroduction): string {
  const members = Object.entries(intro).map(([key, value]) => {
    if (!Array.isArray(value)) return `  ${key}: ${literal(value)},`;
    if (value.length === 0) return `  ${key}: [],`;
    return `  ${key}: [\n${value.map((item: unknown) => `    ${literal(item)},`).join("\n")}\n  ],`;
  });
  return `{\n${members.join("\n")}\n}`;
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
