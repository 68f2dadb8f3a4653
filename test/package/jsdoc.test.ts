// Editor experience: what a consumer's editor shows on hover comes from the emitted
// declarations, so this reads the built dist/*.d.ts (built once per run, outside the
// repository's dist/) with the TypeScript checker and compares the JSDoc with the bundled spec.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { builtPackage } from "../support/once-per-run.js";

interface SpecOperation {
  operationId: string;
  summary: string;
  description: string;
}
interface Spec {
  paths: Record<string, Record<string, Partial<SpecOperation>>>;
  components: { schemas: Record<string, { description?: string }> };
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
/** JSDoc and spec text compared with whitespace collapsed (emitters wrap long lines). */
const norm = (text: string): string => text.replace(/\s+/g, " ").trim();
const pascal = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);

describe("JSDoc in the emitted declarations", () => {
  let dist: string;
  let spec: Spec;
  let operations: SpecOperation[];
  /** Export name → its JSDoc text, from dist/index.d.ts. */
  const docs = new Map<string, string>();
  /** Client method name → its JSDoc text. */
  const methods = new Map<string, string>();

  beforeAll(async () => {
    dist = await builtPackage();
    spec = JSON.parse(readFileSync(join(dist, "openapi.json"), "utf8")) as Spec;
    operations = Object.values(spec.paths).flatMap((item) => METHODS.flatMap((m) => (item[m] ? [item[m] as SpecOperation] : [])));

    const index = join(dist, "index.d.ts");
    const program = ts.createProgram([index], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      types: [],
    });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
    const text = (symbol: ts.Symbol): string => norm(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      docs.set(exported.name, text(symbol));
      if (exported.name === "Client") {
        for (const method of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) {
          methods.set(method.name, text(method));
        }
      }
    }
  });

  it("finds the package's exports", () => {
    for (const name of [
      "createClient",
      "Client",
      "RiskLevel",
      "RISK_LEVELS",
      "UpdateBehaviorsParams",
      "UpdateBehaviorsResult",
      "ApiError",
    ]) {
      expect(docs.has(name), `index.d.ts exports ${name}`).toBe(true);
    }
    expect(operations.map((op) => op.operationId).sort()).toEqual(["getBehaviors", "updateBehaviors"]);
  });

  it("documents every client method with its operation's summary and description", () => {
    for (const op of operations) {
      const doc = methods.get(op.operationId);
      expect(doc, `Client.${op.operationId}`).toBeDefined();
      expect(doc).toContain(norm(op.summary));
      expect(doc).toContain(norm(op.description));
    }
    expect(methods.get("updateBehaviors")).toContain("Update configuration for risk behaviors");
    expect(methods.get("updateBehaviors")).toContain("Updates risk score behavior configurations, defining weights and thresholds");
  });

  it("documents each operation's types (Params, Result, ...) with its summary and description", () => {
    for (const op of operations) {
      const prefix = pascal(op.operationId);
      const own = [...docs.keys()].filter((name) => name.startsWith(prefix) && !(name in spec.components.schemas));
      expect(own).toEqual(expect.arrayContaining([`${prefix}Params`, `${prefix}Result`]));
      for (const name of own) {
        expect(docs.get(name), name).toContain(norm(op.summary));
        expect(docs.get(name), name).toContain(norm(op.description));
      }
    }
  });

  it("documents every schema type with the schema's description", () => {
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      if (!docs.has(name) || !schema.description) continue;
      expect(docs.get(name), name).toContain(norm(schema.description));
    }
    expect(docs.get("RiskLevel")).toContain("How much a behavior raises a user's risk score.");
  });

  it("documents every export", () => {
    const undocumented = [...docs].filter(([, doc]) => doc === "").map(([name]) => name);
    expect(undocumented, "exports without JSDoc in dist/index.d.ts").toEqual([]);
  });

  it("keeps the spec's summaries and descriptions in dist/schema.d.ts", () => {
    const schema = norm(readFileSync(join(dist, "schema.d.ts"), "utf8").replace(/^\s*\*/gm, " "));
    for (const op of operations) {
      expect(schema).toContain(norm(op.summary));
      expect(schema).toContain(norm(op.description));
    }
  });
});
