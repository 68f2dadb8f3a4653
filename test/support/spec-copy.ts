import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Repository root, and a git-ignored scratch folder inside it (so generated code there resolves node_modules). */
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test/.artifacts");

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
