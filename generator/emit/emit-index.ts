import { tsMorph } from "../lib/packages.js";
import { runtimeExports } from "../lib/runtime-source.js";
import type { ApiModel } from "../model/api-model.js";
import { printStructure } from "./print-structure.js";

/**
 * index.ts: the package root: the client and its options, the named types, and the
 * runtime's errors and option types (not its internals). The base error class is exported
 * as ClientError, the name its docs use, and also under the name the spec gives
 * (`x-zt-generator.errorClass`), if any.
 */
export function emitIndex(model: ApiModel): string {
  const { StructureKind } = tsMorph();
  const { errorClass } = model.options;
  const runtime = runtimeExports().public;
  // ClientError under its own name, and under the spec's errorClass too when it names one.
  const values = runtime
    .filter((e) => !e.typeOnly)
    .flatMap(({ name }) => (name === "ClientError" && errorClass ? [name, { name, alias: errorClass }] : [name]));
  const types = runtime.filter((e) => e.typeOnly).map(({ name }) => ({ name, isTypeOnly: true }));
  return printStructure({
    statements: [
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: "./client.js",
        namedExports: ["createClient", { name: "Client", isTypeOnly: true }, { name: "ClientOptions", isTypeOnly: true }],
      },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./types.js" },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: "./runtime/index.js",
        namedExports: [...values, ...types],
      },
    ],
  });
}
