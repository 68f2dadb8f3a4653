/**
 * api-diff's pipeline: read both specs (diff-input.ts), run every rule family
 * (operations, exported types, client options) and collect what they find, ordered by
 * bump and then as the rules found it (document order).
 */
import { BUMPS, bumpOf, type DiffReport } from "./change.js";
import { ChangeCollector } from "./collector.js";
import { readDiffInput, type DiffInput } from "./diff-input.js";
import { compareOperations, type RuleContext } from "./operation-rules.js";
import { unchangedSchemas } from "./unchanged.js";
import { compareExportedTypes, comparePackageOptions, compareSecuritySchemes } from "./package-rules.js";

/** Compares two spec files (paths; `displayOld`/`displayNew` name them in locations). */
export async function diffSpecFiles(oldPath: string, newPath: string, display: { old?: string; new?: string } = {}): Promise<DiffReport> {
  const [old, now] = await Promise.all([readDiffInput(oldPath, display.old), readDiffInput(newPath, display.new)]);
  return diffInputs(old, now);
}

/** Compares two specs already read. */
export function diffInputs(old: DiffInput, now: DiffInput): DiffReport {
  const out = new ChangeCollector(old, now);
  const ctx: RuleContext = { old, now, out, compared: new Set(), unchanged: unchangedSchemas(old.document, now.document) };
  comparePackageOptions(ctx);
  compareSecuritySchemes(ctx);
  compareOperations(ctx);
  // After the operations: it judges only the exported types no operation reached.
  compareExportedTypes(ctx);
  const changes = out.changes().sort((a, b) => BUMPS.indexOf(a.bump) - BUMPS.indexOf(b.bump));
  return { bump: bumpOf(changes), changes };
}
