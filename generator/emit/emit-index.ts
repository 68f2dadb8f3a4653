import { tsMorph } from "../lib/packages.js";
import { printStructure } from "./print-structure.js";

const { StructureKind } = tsMorph;

/** index.ts: the package root re-exports the client, the named types and the runtime's errors and options. */
export function emitIndex(): string {
  return printStructure({
    statements: [
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.js", namedExports: ["createClient", { name: "Client", isTypeOnly: true }] },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./types.js" },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/index.js" },
    ],
  });
}
