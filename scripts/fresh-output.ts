// The check every path that reads generated/ makes first (`npm run docs`, `npm run build`
// and so `npm pack`/`npm publish` through prepack, `npm run bench`): generated/ must be what
// spec/ generates now, as `npm run generate -- --check` says, run in-process. Without it a
// spec edited without `npm run generate` ships a tarball whose openapi.yaml and .d.ts
// disagree, or docs whose samples show the old properties, with exit 0.
import { join, relative } from "node:path";
import { generate } from "../generator/pipeline.js";
import { diffOutput } from "../generator/write/output-folder.js";

/** Thrown when generated/ is not in step with spec/; its message says what to run. */
export class StaleOutputError extends Error {
  override name = "StaleOutputError";
}

/** How many diff lines the message shows: enough to see what changed, not a screenful per file. */
const DIFF_LINES = 40;

/**
 * Resolves when `root`'s generated/ is exactly what its spec/openapi.yaml generates;
 * rejects with a StaleOutputError that names `what` (the command that refused) otherwise.
 * Paths in generated headers are relative to the working folder, as for `npm run generate`:
 * npm runs scripts in the package's root.
 */
export async function assertGeneratedFresh(what: string, root: string): Promise<void> {
  const { files } = await generate(relative(process.cwd(), join(root, "spec/openapi.yaml")) || ".");
  const diff = diffOutput(relative(process.cwd(), join(root, "generated")) || ".", files);
  if (diff === "") return;
  const lines = diff.split("\n");
  const shown = lines.slice(0, DIFF_LINES).join("\n") + (lines.length > DIFF_LINES ? `\n… (${lines.length - DIFF_LINES} more lines)` : "");
  throw new StaleOutputError(
    `${what}: generated/ is stale: spec/ has changed since \`npm run generate\` last ran.\n${shown}\n` +
      `Run \`npm run generate\` (and commit spec/ and generated/ together), then \`${what}\` again.`,
  );
}
