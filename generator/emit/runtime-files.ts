import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The hand-written runtime, copied verbatim so that generated/ needs nothing but openapi-fetch. */
export function runtimeFiles(): { readonly path: string; readonly content: string }[] {
  const dir = runtimeDir();
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .sort()
    .map((name) => ({ path: `runtime/${name}`, content: readFileSync(path.join(dir, name), "utf8") }));
}

/**
 * generator/runtime/, found by walking up from this module: it runs from generator/emit/
 * under vitest and tsx, and from a bundle elsewhere in the repository (node_modules/.cache/
 * under `npm run generate`, test/.artifacts/ under the tests).
 */
function runtimeDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "generator", "runtime");
    if (existsSync(path.join(candidate, "operation.ts"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("generator/runtime/ not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
