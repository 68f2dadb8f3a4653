import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Hang guards, not speed checks: at least 5× the slowest test (6 s) and hook (28 s, the docs
    // build and Chromium while vitest's typecheck runs beside them) seen on this shared machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ["test/support/global-setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
  },
});
