// `npm run build` (also `prepack`): the package's dist/.
//   dist/**/*.js, *.d.ts, *.d.ts.map   generated/ compiled by tsc -p tsconfig.build.json
//   dist/openapi.yaml, openapi.json     the bundled spec (exports "./openapi.yaml", "./openapi.json")
// dist/docs/ (`npm run docs`) is left alone and is not part of the package.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleSpec, ROOT } from "./build-docs.js";

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

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    console.log(`built ${build(process.argv[2])}`);
  } catch (err) {
    const e = err as { stderr?: Buffer; stdout?: Buffer };
    if (e.stdout) process.stderr.write(e.stdout);
    if (e.stderr) process.stderr.write(e.stderr);
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
