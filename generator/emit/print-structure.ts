import type { OptionalKind, SourceFileStructure } from "ts-morph";
import { tsMorph } from "../lib/packages.js";

/**
 * Prints a ts-morph source file structure as text with ts-morph's structure printer.
 * No Project and no parse: the whole file is printed from its structure in one pass,
 * so the cost stays linear in the size of the spec.
 */
export function printStructure(structure: OptionalKind<SourceFileStructure>): string {
  const { printStructure: print, StructureKind } = tsMorph();
  return print({ ...structure, kind: StructureKind.SourceFile }, { indentNumberOfSpaces: 2 });
}
