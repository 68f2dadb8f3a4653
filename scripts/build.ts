// `npm run build` (also `prepack`): the package's dist/.
//   dist/**/*.js, *.d.ts, *.d.ts.map   generated/ compiled by tsc -p tsconfig.build.json
//   dist/openapi.yaml, openapi.json     the bundled spec (exports "./openapi.yaml", "./openapi.json")
// dist/docs/ (`npm run docs`) is left alone and is not part of the package.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { bundleSpec, ROOT } from "./build-docs.js";
import { runAsScript } from "./run-script.js";

export function build(outDir: string = join(ROOT, "dist")): string {
  const dir = resolve(ROOT, outDir);
  if (!existsSync(join(ROOT, "generated/index.ts"))) {
    throw new Error("generated/index.ts is missing: run `npm run generate` first");
  }
  // Start clean (stale files from renamed modules would otherwise ship), but keep the docs.
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) {
    if (entry !== "docs") rmSync(join(dir, entry), { recursive: true, force: true });
  }
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", dir], {
    cwd: ROOT,
    stdio: "inherit",
  });
  bundleSpec(join(dir, "openapi.yaml"), join(dir, "openapi.json"));
  return dir;
}

runAsScript(import.meta.url, () => console.log(`built ${build(process.argv[2])}`));
