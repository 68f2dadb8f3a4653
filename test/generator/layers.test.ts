import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/spec-copy.js";

/**
 * The generator's layers, lowest first: each module imports only from its own layer or
 * one below it. generator/runtime/ is the bottom: it is copied into the output, so it
 * imports nothing of the generator's (the generator may import its leaf modules, such as
 * media-type.ts). ARCHITECTURE.md describes each layer.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["runtime/"],
  ["lib/"],
  ["load/"],
  ["model/"],
  ["emit/", "diff/"],
  ["write/"],
  ["pipeline.ts", "parallel/"],
  ["cli.ts", "cli-entry.ts", "watch.ts"],
];

const GENERATOR = path.join(ROOT, "generator");

function layerOf(file: string): number {
  const relative = path.relative(GENERATOR, file).split(path.sep).join("/");
  const layer = LAYERS.findIndex((members) => members.some((m) => (m.endsWith("/") ? relative.startsWith(m) : relative === m)));
  if (layer < 0) throw new Error(`generator/${relative} is in no layer: add it to LAYERS (and ARCHITECTURE.md)`);
  return layer;
}

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The relative modules a file imports or re-exports (type-only ones too: they tie the layers as much), resolved to .ts files. */
function relativeImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => path.resolve(path.dirname(file), name).replace(/\.js$/, ".ts"));
}

const label = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

describe("the generator's import graph", () => {
  const files = sources(GENERATOR);

  it("finds the modules and their imports", () => {
    expect(files.length).toBeGreaterThan(60);
    expect(relativeImports(path.join(GENERATOR, "pipeline.ts"))).toContain(path.join(GENERATOR, "model/build-model.ts"));
  });

  it("every module imports only from its own layer or a lower one", () => {
    const upward = files.flatMap((file) =>
      relativeImports(file)
        .filter((target) => layerOf(target) > layerOf(file))
        .map((target) => `${label(file)} imports ${label(target)}`),
    );
    expect(upward).toEqual([]);
  });

  it("generator/runtime/ imports nothing from outside itself (it is copied into the output as it is)", () => {
    const runtime = path.join(GENERATOR, "runtime");
    const outside = sources(runtime).flatMap((file) =>
      relativeImports(file)
        .filter((target) => !target.startsWith(runtime + path.sep))
        .map((target) => `${label(file)} imports ${label(target)}`),
    );
    expect(outside).toEqual([]);
  });
});
