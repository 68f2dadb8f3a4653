import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { ROOT } from "./fixtures.js";

export { ROOT };

/**
 * This test file's own scratch folder, under the git-ignored test/.artifacts: inside the
 * repository, so that generated code there resolves node_modules, and never shared, so
 * that test files running in parallel (or two `npm test` runs) cannot race on a path.
 * Removed when the file's tests end, unless KEEP_TEST_ARTIFACTS (or the hostile tests'
 * HOSTILE_KEEP) is set, to look at what a failing run left.
 */
export const ARTIFACTS = scratchFolder();
// Registered when a test file imports this module: hooks added from inside a hook never run.
afterAll(() => {
  if (!process.env.KEEP_TEST_ARTIFACTS && !process.env.HOSTILE_KEEP) rmSync(ARTIFACTS, { recursive: true, force: true });
});

function scratchFolder(): string {
  const parent = path.join(ROOT, "test/.artifacts");
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, "run-"));
}

/** A fresh temporary copy of spec/, for tests that edit it. */
export function copySpec(): string {
  const dir = mkdtempSync(path.join(ARTIFACTS, "spec-"));
  cpSync(path.join(ROOT, "spec"), dir, { recursive: true });
  return dir;
}

/** Edits one file of a spec copy by plain text replacement; fails loudly if the text is not there. */
export function editFile(file: string, find: string, replace: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(find)) throw new Error(`${file} does not contain ${JSON.stringify(find)}`);
  writeFileSync(file, text.replace(find, replace));
}
