/**
 * generator/runtime/ as source: the files copied verbatim into the output (so that
 * generated/ needs nothing but openapi-fetch), and what its index.ts exports, read by the
 * compiler so that no list restates it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { once } from "./once.js";
import { tsMorph } from "./packages.js";

/** The runtime's files, sorted by name, each with its path under the output folder. */
export function runtimeFiles(): { readonly path: string; readonly content: string }[] {
  const dir = runtimeDir();
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .sort()
    .map((name) => ({ path: `runtime/${name}`, content: readFileSync(path.join(dir, name), "utf8") }));
}

/** One name a runtime module exports, and whether it is a type only. */
export interface RuntimeExport {
  readonly name: string;
  readonly typeOnly: boolean;
}

/** What the runtime exports: `all` from index.ts, `public` from public.ts (what the package root re-exports). */
export const runtimeExports = once((): { readonly all: readonly RuntimeExport[]; readonly public: readonly RuntimeExport[] } => {
  const dir = runtimeDir();
  return { all: exportsOf(dir, "index.ts"), public: exportsOf(dir, "public.ts") };
});

/**
 * The names a runtime module exports, by its syntax (no type checker: `export *` is
 * followed to the sibling module it names): export declarations, and declarations marked
 * `export`. A name exported as a type only (`export type { … }`, an interface, a type
 * alias) says so.
 */
function exportsOf(dir: string, file: string): RuntimeExport[] {
  const { Node, Project } = tsMorph();
  const project = new Project({ useInMemoryFileSystem: true });
  const source = project.createSourceFile(file, readFileSync(path.join(dir, file), "utf8"));
  const found: RuntimeExport[] = [];
  for (const statement of source.getStatements()) {
    if (Node.isExportDeclaration(statement)) {
      const specifier = statement.getModuleSpecifierValue();
      if (!statement.hasNamedExports() && specifier !== undefined) {
        found.push(...exportsOf(dir, specifier.replace(/^\.\//, "").replace(/\.js$/, ".ts")));
        continue;
      }
      for (const named of statement.getNamedExports()) {
        found.push({
          name: (named.getAliasNode() ?? named.getNameNode()).getText(),
          typeOnly: statement.isTypeOnly() || named.isTypeOnly(),
        });
      }
    } else if (Node.isExportable(statement) && statement.isExported()) {
      const typeOnly = Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement);
      const names = Node.isVariableStatement(statement)
        ? statement.getDeclarations().map((d) => d.getName())
        : [statement.getSymbol()?.getName() ?? ""];
      found.push(...names.map((name) => ({ name, typeOnly })));
    }
  }
  return found;
}

/**
 * generator/runtime/, found by walking up from this module: it runs from generator/lib/
 * under vitest and tsx, and from a bundle elsewhere in the repository (node_modules/.cache/
 * under `npm run generate`, test/.artifacts/ under the tests).
 */
function runtimeDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "generator", "runtime");
    if (existsSync(path.join(candidate, "index.ts"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("generator/runtime/ not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
