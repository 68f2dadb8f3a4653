/**
 * The built client (dist/, as `npm run build` makes it for the package) bundled for a
 * target as a Worker or a page bundles it: esbuild with `--platform=browser
 * --conditions=workerd,worker,browser`. An import of generated/index.js (what the package
 * root is built from; tests import it for its types) is the built dist/index.js, and
 * `zt-risk-scoring/testing` is dist/testing.js.
 */
import { join } from "node:path";
import { build } from "esbuild";
import { builtPackage } from "../support/once-per-run.js";

/** One ES module: `entry` (a file, or the source given), the package root resolved to the built dist/index.js. */
export async function bundleFor(entry: { file: string } | { source: string }, minify = false): Promise<string> {
  const dist = await builtPackage();
  const result = await build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.source, resolveDir: import.meta.dirname, loader: "ts" } }),
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    minify,
    plugins: [
      {
        name: "built-package",
        setup(on) {
          on.onResolve({ filter: /(^zt-risk-scoring$|\/generated\/index\.js$)/ }, () => ({ path: join(dist, "index.js") }));
          on.onResolve({ filter: /^zt-risk-scoring\/testing$/ }, () => ({ path: join(dist, "testing.js") }));
        },
      },
    ],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
