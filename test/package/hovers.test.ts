/**
 * What an editor shows a consumer of the packed package (issue 19 item 7), read from
 * TypeScript's language service (through ts-morph) on a file of a fresh consumer project:
 * a property that is only a `$ref` (`risk_level`) hovers with its target's description,
 * a type that refers to a schema names it (`Behavior`, not `components["schemas"]["Behavior"]`),
 * and the package ships no declaration map pointing at sources it does not contain.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
import { beforeAll, describe, expect, it } from "vitest";
import { consumerProject, PACKAGE_NAME } from "../support/packed-package.js";

const CONSUMER = `import { createClient, type Behavior, type Behaviors, type UpdateBehavior } from "${PACKAGE_NAME}";

declare const behavior: Behavior;
declare const update: UpdateBehavior;
declare const all: Behaviors;
export const byId = all.behaviors;
export const level = behavior.risk_level;
export const wanted = update.risk_level;
export const client = createClient({ apiToken: "token" });
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    strict: true,
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    types: [],
    skipLibCheck: false,
    noEmit: true,
  },
  include: ["src"],
});

let dir: string;

beforeAll(async () => {
  dir = await consumerProject("hovers", { files: { "src/hover.ts": CONSUMER, "tsconfig.json": TSCONFIG } });
}, 300_000);

/** The hover text (signature and documentation) at the first occurrence of `text` after `after` in the consumer file. */
function hover(after: string, text: string): string {
  const project = new Project({ tsConfigFilePath: join(dir, "tsconfig.json") });
  const file = project.getSourceFileOrThrow(join(dir, "src/hover.ts"));
  const source = file.getFullText();
  const position = source.indexOf(text, source.indexOf(after)) + 1;
  const info = project.getLanguageService().compilerObject.getQuickInfoAtPosition(file.getFilePath(), position);
  const display = (info?.displayParts ?? []).map((p) => p.text).join("");
  const docs = (info?.documentation ?? []).map((p) => p.text).join("");
  const tags = (info?.tags ?? []).map((t) => `@${t.name} ${(t.text ?? []).map((p) => p.text).join("")}`).join("\n");
  return `${display}\n${docs}\n${tags}`;
}

describe("hovers in a consumer's editor", () => {
  it("a $ref property (risk_level) shows its schema's description, on a response type and a request type", () => {
    const onBehavior = hover("export const level", "risk_level");
    expect(onBehavior).toContain("risk_level");
    expect(onBehavior).toContain("How much a behavior raises a user's risk score.");
    expect(hover("export const wanted", "risk_level")).toContain("How much a behavior raises a user's risk score.");
  });

  it('types name the schemas they refer to, as types.ts exports them, not components["schemas"][…]', () => {
    expect(hover("export const byId", "behaviors")).toMatch(/behaviors: \{\s*\[key: string\]: Behavior;\s*\}/);
    expect(hover("export const level", "risk_level")).toContain("risk_level: RiskLevel");
    const variables = { byId: "[key: string]: Behavior;", level: "RiskLevel", wanted: "RiskLevel" };
    for (const [name, shown] of Object.entries(variables)) {
      const text = hover(`export const ${name}`, name);
      expect(text).toContain(shown);
      expect(text).not.toContain("components[");
    }
  });
});

describe("declaration maps", () => {
  it("the installed package has no .d.ts.map, or only maps whose sources it contains", () => {
    const dist = join(dir, "node_modules", PACKAGE_NAME, "dist");
    const maps = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".map"));
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(join(dist, map), "utf8")) as { sources: string[] };
      for (const source of sources) expect(existsSync(join(dist, map, "..", source)), `${map} points at ${source}`).toBe(true);
    }
    expect(maps).toEqual([]);
  });
});
