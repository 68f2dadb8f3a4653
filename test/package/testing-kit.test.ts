// The test kit as a downstream service uses it: the README's example (a service that
// disables every high-risk behavior, and its vitest tests with zt-risk-scoring/testing) is
// copied into a fresh project that installs the packed tarball, msw and vitest (from npm's
// offline cache, at this repository's pinned versions: test/support/packed-package.ts),
// type-checked under strict NodeNext, and run with the project's own vitest. Then run
// again with a bug injected into the service, to show the tests catch it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { consumerProject, ROOT, run } from "../support/packed-package.js";
import { TSC_7 } from "../support/tsc.js";

const devDependencies = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).devDependencies as Record<string, string>;

/** The README's example files: each ```ts block of the section whose first line is `// <path>`. */
function readmeExample(): Record<string, string> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.split("\n## Testing a service that uses this client\n")[1]!.split("\n## ")[0]!;
  const files: Record<string, string> = {};
  for (const [, code] of section.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const file = /^\/\/ (\S+)\n/.exec(code!)?.[1];
    if (file) files[file] = code!;
  }
  return files;
}

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023", "DOM"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
    typeRoots: [join(ROOT, "node_modules/@types")],
  },
  include: ["src", "test"],
};

describe("zt-risk-scoring/testing in a downstream service", () => {
  let project: string;
  let example: Record<string, string>;
  /** The project's vitest run, its output without colours. */
  const vitest = async (dir: string) => {
    const result = await run(process.execPath, [join(dir, "node_modules/vitest/vitest.mjs"), "run", "--reporter=verbose"], dir);
    // eslint-disable-next-line no-control-regex -- strips ANSI colour escapes, which start with ESC
    return { ...result, out: result.out.replace(/\x1b\[[\d;]*m/g, "") };
  };

  beforeAll(async () => {
    example = readmeExample();
    expect(Object.keys(example).sort()).toEqual(["src/risk.ts", "test/risk.test.ts", "vitest.config.ts"]);
    project = await consumerProject("kit-service", {
      files: { ...example, "tsconfig.json": JSON.stringify(TSCONFIG, null, 2) },
      dependencies: ["msw", "vitest"],
    });
  }, 180_000);

  it("installs msw as the optional peer it is, and the package root bundles nothing of the kit", () => {
    const dist = join(project, "node_modules/zt-risk-scoring/dist");
    const manifest = JSON.parse(readFileSync(join(project, "node_modules/zt-risk-scoring/package.json"), "utf8"));
    expect(manifest.peerDependencies).toEqual({ msw: "^2.12.0" });
    expect(manifest.peerDependenciesMeta).toEqual({ msw: { optional: true } });
    expect(devDependencies.msw).toMatch(/^2\.12\.\d+$/);
    const imports = (file: string) =>
      [...readFileSync(join(dist, file), "utf8").matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/gm)].map((m) => m[1]);
    expect(imports("index.js")).toEqual([]);
    expect(readFileSync(join(dist, "index.js"), "utf8")).not.toMatch(/msw|HttpHandler|testing/);
    // msw stays external (the service's own copy, whose interceptors its setupServer installs); the rest is inlined.
    expect(imports("testing.js")).toEqual(["msw"]);
  });

  it("type-checks the service and its tests under strict NodeNext", async () => {
    const tsc = await run(process.execPath, [TSC_7, "-p", "tsconfig.json"], project);
    expect(tsc.code, tsc.out).toBe(0);
  }, 60_000);

  it("passes the README's tests with the service's own vitest", async () => {
    const result = await vitest(project);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/Tests\s+7 passed \(7\)/);
  }, 120_000);

  // Each bug once: the tests must fail, and say why.
  it.each([
    {
      bug: "disables a behavior it should not",
      find: "behaviors[id]!.enabled && ",
      replace: "",
      says: "disables the enabled high-risk behaviors, and only those",
    },
    {
      bug: "writes a body the spec rejects",
      find: 'risk_level: "high" as const',
      replace: 'risk_level: "HIGH" as "high"',
      says: "BadRequestError: updateBehaviors: HTTP 400: /behaviors/a/risk_level must be equal to one of the allowed values (7003)",
    },
  ])(
    "fails them when the service $bug",
    async ({ find, replace, says }) => {
      const service = example["src/risk.ts"]!;
      const buggy = service.replace(find, replace);
      expect(buggy).not.toBe(service);
      writeFileSync(join(project, "src/risk.ts"), buggy);
      try {
        const result = await vitest(project);
        expect(result.code).not.toBe(0);
        expect(result.out).toMatch(/Tests\s+1 failed \| 6 passed \(7\)/);
        expect(result.out).toContain(says);
      } finally {
        writeFileSync(join(project, "src/risk.ts"), service);
      }
    },
    120_000,
  );
});
