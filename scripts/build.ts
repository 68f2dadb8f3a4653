// `npm run build` (also `prepack`): the package's dist/.
//   dist/**/*.d.ts                      generated/'s declarations, by tsc -p tsconfig.build.json; no
//                                       .d.ts.map: maps would point at generated/*.ts, which the
//                                       package does not ship (go-to-definition would land nowhere)
//   dist/index.js, validators.js,       each entry point bundled into one ES module by esbuild,
//     schema.js, testing.js             openapi-fetch included (its types still come from the dependency);
//                                       msw, the test kit's optional peer, left external
//   dist/openapi.yaml, openapi.json     the bundled spec (exports "./openapi.yaml", "./openapi.json")
// dist/docs/ (`npm run docs`) is left alone and is not part of the package.
import { execFileSync } from "node:child_process";
import { buildSync } from "esbuild";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { bundleSpec, ROOT } from "./build-docs.js";
import { assertGeneratedFresh } from "./fresh-output.js";
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
  bundleEntryPoints(dir);
  bundleSpec(join(dir, "openapi.yaml"), join(dir, "openapi.json"));
  return dir;
}

/**
 * One module per entry point instead of tsc's one per source file, openapi-fetch inlined:
 * resolving and loading each extra ES module costs a consumer's cold `import` about as
 * much as compiling openapi-fetch itself (measured by `npm run bench`, row 6). Not
 * minified, so a stack trace still reads like the source.
 */
function bundleEntryPoints(dir: string): void {
  const entryPoints = ["index", "schema", "validators", "testing"].filter((name) => existsSync(join(ROOT, "generated", `${name}.ts`)));
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (entry.endsWith(".js")) rmSync(join(dir, entry));
  }
  buildSync({
    entryPoints: entryPoints.map((name) => join(ROOT, "generated", `${name}.ts`)),
    outdir: dir,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    // The test kit's peer: the consumer's own msw, whose interceptors their setupServer installs.
    external: ["msw"],
    logLevel: "warning",
  });
}

// A stale generated/ would ship .d.ts files that disagree with the bundled openapi.yaml beside them.
runAsScript(import.meta.url, async () => {
  await assertGeneratedFresh("npm run build", ROOT);
  console.log(`built ${build(process.argv[2])}`);
});
