import { tsMorph } from "../lib/packages.js";
import { RUNTIME_PUBLIC_TYPES, RUNTIME_PUBLIC_VALUES } from "../model/reserved-names.js";
import { printStructure } from "./print-structure.js";

/** index.ts: the package root: the client, the named types, and the runtime's errors and option types (not its internals). */
export function emitIndex(): string {
  const { StructureKind } = tsMorph();
  return printStructure({
    statements: [
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.js", namedExports: ["createClient", { name: "Client", isTypeOnly: true }] },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./types.js" },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: "./runtime/index.js",
        namedExports: [...RUNTIME_PUBLIC_VALUES, ...RUNTIME_PUBLIC_TYPES.map((name) => ({ name, isTypeOnly: true }))],
      },
    ],
  });
}
