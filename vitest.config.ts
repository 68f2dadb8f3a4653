import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Scratch folders hold copies of the repository, tests included (test/support/repo-copy.ts): never collected here.
    exclude: [...configDefaults.exclude, "test/.artifacts/**"],
    // Hang guards, not speed checks: at least 5× the slowest test (17 s: tsc over four outputs,
    // two files at a time) and hook (28 s, the docs build and Chromium while vitest's typecheck
    // runs beside them) seen on this shared machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ["test/support/global-setup.ts"],
    // Three files at a time on two cores (vitest's default there is one): much of a file's
    // time is spent waiting on the children it starts (tsc, npm, Chromium, Prism, servers) or
    // on its own hang guards; a third file fills those waits (296 s → 275 s for the suite).
    maxWorkers: 3,
    // The type tests (and, through tsconfig.json, the whole project) under TypeScript 7's tsgo:
    // the same verdicts as 5.9's tsc for about a third of the CPU here (test/support/tsc.ts).
    typecheck: {
      enabled: true,
      checker: "tsgo",
      include: ["test/**/*.test-d.ts"],
      exclude: [...configDefaults.exclude, "test/.artifacts/**"],
    },
  },
});
