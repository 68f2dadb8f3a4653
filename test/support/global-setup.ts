/**
 * vitest's globalSetup: one folder per `vitest run` for results that several test files
 * share (test/support/once-per-run.ts), under the git-ignored test/.artifacts so that code
 * there resolves node_modules; removed when the run ends.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's shared folder (see once-per-run.ts). */
    sharedDir: string;
  }
}

/** Makes the run's shared folder and hands its path to the test files; returns the teardown that removes it. */
export default function setup(project: TestProject): () => void {
  const parent = path.resolve(import.meta.dirname, "../.artifacts");
  mkdirSync(parent, { recursive: true });
  const shared = mkdtempSync(path.join(parent, "shared-"));
  project.provide("sharedDir", shared);
  return () => {
    if (!process.env.KEEP_TEST_ARTIFACTS) rmSync(shared, { recursive: true, force: true });
  };
}
