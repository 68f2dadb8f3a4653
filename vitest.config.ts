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
    // Two files at a time even on two cores (vitest's default there is one): much of a file's
    // time is spent waiting on the children it starts (tsc, npm, Chromium, Prism, servers).
    maxWorkers: 2,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], exclude: [...configDefaults.exclude, "test/.artifacts/**"] },
  },
});
