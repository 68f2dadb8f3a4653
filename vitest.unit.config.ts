import { defineConfig } from "vitest/config";

/**
 * `npm run test:unit`: the fast tier (under 20 s on two quiet cores): the runtime against a
 * server on 127.0.0.1, the model, each emitter on a hand-built model, lib, and the
 * architecture's own checks (layers, the runtime's export list). No generate() run, no
 * tsc, no child process, no browser: those are the full suite's (`npm test`, which runs
 * these files too; json-location.test.ts, a property test of 40 s, stays there). Not mergeConfig(vitest.config.ts): it would add this list to that one.
 */
export default defineConfig({
  test: {
    include: ["test/runtime/**/*.test.ts", "test/generator/{emitters,layers,runtime-exports,model,names,resolve-ref,json-pointer}.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ["test/support/global-setup.ts"],
    maxWorkers: 2,
  },
});
