// `npm run docs`: publishes the spec as one self-contained HTML page that renders with
// no network, next to the bundled spec it documents:
//
//   dist/docs/index.html    Redoc page (redocly build-docs --inlineBundle)
//   dist/docs/openapi.yaml  bundled spec (redocly bundle), also linked by the page's
//   dist/docs/openapi.json  download buttons (see `openapi.downloadUrls` in redocly.yaml)
//
// What the page would otherwise fetch, and where each is handled:
// - the Redoc script from cdn.redocly.com: `--inlineBundle` embeds it;
// - telemetry (otel.cloud.redocly.com): `telemetry: off` in redocly.yaml (and
//   REDOCLY_TELEMETRY=off below), which the CLI passes to the page as disableTelemetry;
// - the "API docs by Redocly" logo, an <img> whose src is hard-coded to
//   https://cdn.redoc.ly/redoc/logo-mini(-full).svg inside the Redoc bundle and rendered
//   unconditionally in the sidebar footer. No option, theme setting or template can
//   change it (the template only wraps the bundle), so this script post-processes the
//   built HTML: the two URLs become inline SVG data: URIs. That is the only edit.
// Fonts are system fonts in Redoc 3: nothing to do. test/docs/docs.test.ts opens the
// page in Chromium with every non-file:// request blocked and counted.
//
// What the page adds to the spec: an introduction made from the model (generated/
// code-samples.ts's `introduction`: install, create the client, errors, retries, the test
// kit) after the spec's own description; the tags are dropped, so that Redoc shows every
// operation without a "+ Show" click; for each operation, the code samples the generator
// emitted (generated/code-samples.ts: a TypeScript module using this package, and the
// same request with curl) as `x-codeSamples`, and the accepted permissions
// (`x-api-token-group`) as a section of its description. The decorator
// `zt-docs/operation-docs` (scripts/docs-plugin.js, named in redocly.yaml) adds them
// while build-docs bundles the spec, from a JSON file this script writes (docs-operations.ts);
// spec/ stays as it was written, and the bundled openapi.yaml/json beside the page too.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { codeSamples, introduction, type CodeSamples, type DocsIntroduction } from "../generated/code-samples.js";
import { introductionMarkdown, operationDocs, SAMPLES_VARIABLE, type DocsAdditions } from "./docs-operations.js";
import { assertGeneratedFresh } from "./fresh-output.js";
import { runAsScript } from "./run-script.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The API's alias in redocly.yaml (its root is spec/openapi.yaml). */
const API = "zt-risk-scoring";

const LOGO_URL = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const LOGO_FULL_URL = "https://cdn.redoc.ly/redoc/logo-mini-full.svg";

/** Stand-ins for the Redocly logos: a wordmark (sidebar open) and a mark (collapsed). */
const svgDataUri = (svg: string): string => `data:image/svg+xml,${encodeURIComponent(svg)}`;
const LOGO_FULL = svgDataUri(
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="14" viewBox="0 0 60 14">' +
    '<text x="0" y="11.5" font-family="system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif" ' +
    'font-size="13" font-weight="600" fill="#0044d4">Redocly</text></svg>',
);
const LOGO_MINI = svgDataUri(
  '<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14">' +
    '<circle cx="7" cy="7" r="7" fill="#0044d4"/>' +
    '<text x="7" y="10.5" text-anchor="middle" font-family="system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif" ' +
    'font-size="10" font-weight="700" fill="#fff">R</text></svg>',
);

/** Runs the Redocly CLI from node_modules (telemetry off), in the repo root. */
export function redocly(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve("@redocly/cli/package.json")), "bin/cli.js");
  execFileSync(process.execPath, [cli, ...args], {
    cwd: ROOT,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", ...env },
    // Redocly prints progress and a Node-version notice on stderr: show it only on failure.
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Replaces the logo URLs; throws if a remote URL the page would load is left. */
export function makeOffline(html: string): string {
  const out = html.split(LOGO_FULL_URL).join(LOGO_FULL).split(LOGO_URL).join(LOGO_MINI);
  for (const remote of ["cdn.redoc.ly", "cdn.redocly.com/redoc/", "fonts.googleapis.com", "fonts.gstatic.com"]) {
    if (out.includes(remote)) {
      throw new Error(`docs page still references ${remote}: see scripts/build-docs.ts`);
    }
  }
  return out;
}

export interface DocsOutput {
  html: string;
  yaml: string;
  json: string;
}

/** Bundles spec/ (all $refs pulled into one document), or another spec, to a YAML and a JSON file. */
export function bundleSpec(yamlFile: string, jsonFile: string, spec: string = API): void {
  redocly(["bundle", spec, "--output", yamlFile]);
  redocly(["bundle", spec, "--ext", "json", "--output", jsonFile]);
}

/**
 * Builds the docs and the bundled spec into `outDir` (default dist/docs). Another spec
 * than spec/ may be given with its samples and introduction (the generator's
 * `codeSamplesOf(model)` and `docsIntroduction(model)`).
 */
export function buildDocs(
  outDir: string = join(ROOT, "dist/docs"),
  spec: { path: string; samples: readonly CodeSamples[]; introduction: DocsIntroduction } = {
    path: API,
    samples: codeSamples,
    introduction,
  },
): DocsOutput {
  const dir = resolve(ROOT, outDir);
  mkdirSync(dir, { recursive: true });
  const out: DocsOutput = {
    html: join(dir, "index.html"),
    yaml: join(dir, "openapi.yaml"),
    json: join(dir, "openapi.json"),
  };
  bundleSpec(out.yaml, out.json, spec.path);
  // A private folder: tests build docs in parallel.
  const scratch = mkdtempSync(join(tmpdir(), "zt-docs-operations-"));
  try {
    const operations = join(scratch, "operations.json");
    const additions: DocsAdditions = { introduction: introductionMarkdown(spec.introduction), operations: operationDocs(spec.samples) };
    writeFileSync(operations, JSON.stringify(additions));
    redocly(["build-docs", spec.path, "--inlineBundle", "--output", out.html], { [SAMPLES_VARIABLE]: operations });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(out.html, makeOffline(readFileSync(out.html, "utf8")));
  return out;
}

// The page's samples come from generated/code-samples.ts: a stale one shows what the spec no longer says.
runAsScript(import.meta.url, async () => {
  await assertGeneratedFresh("npm run docs", ROOT);
  const out = buildDocs(process.argv[2]);
  for (const file of Object.values(out)) console.log(`wrote ${file}`);
});
