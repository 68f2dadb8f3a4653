import path from "node:path";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { runtimeExports } from "../../generator/lib/runtime-source.js";
import { reservedNames } from "../../generator/model/reserved-names.js";
import { ROOT } from "../support/spec-copy.js";

/** One program over the runtime, without the standard library (exports need none of it): quick to check. */
const project = new Project({
  compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noLib: true, types: [] },
  skipAddingFilesFromTsConfig: true,
});

/** What a runtime module exports according to the type checker (which resolves `export *` and re-exports itself). */
function checkerExports(file: string): string[] {
  const source = project.addSourceFileAtPath(path.join(ROOT, "generator/runtime", file));
  project.resolveSourceFileDependencies();
  return [...source.getExportedDeclarations().keys()].sort();
}

const names = (list: readonly { name: string }[]) => list.map((e) => e.name).sort();

describe("the runtime's export list, read from generator/runtime/ by the compiler (lib/runtime-source.ts)", () => {
  it("index.ts: every name the type checker sees, and no other", () => {
    expect(names(runtimeExports().all)).toEqual(checkerExports("index.ts"));
  });

  it("public.ts: what the package root re-exports, values and types told apart, all of them also in index.ts", () => {
    const { all, public: exported } = runtimeExports();
    expect(names(exported)).toEqual(checkerExports("public.ts"));
    expect(exported).toContainEqual({ name: "ClientError", typeOnly: false });
    expect(exported).toContainEqual({ name: "RequestOptions", typeOnly: true });
    expect(exported).not.toContainEqual(expect.objectContaining({ name: "createRuntime" }));
    for (const e of exported) expect(all).toContainEqual(e);
  });

  it("every name generator/runtime/index.ts exports is reserved, so a schema named like one is renamed, not exported twice by index.ts", () => {
    const exported = checkerExports("index.ts");
    expect(exported.length).toBeGreaterThan(10);
    expect(exported.filter((name) => !reservedNames().includes(name))).toEqual([]);
  });
});
