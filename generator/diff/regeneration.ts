/**
 * The line `npm run generate` ends with when generated/ changes: what the spec change since
 * the last commit does to the package (the bump it needs and its top reasons). The full
 * report is `npm run api-diff -- --base HEAD`. Outside a git repository, or for a spec git
 * does not track yet, there is nothing to compare with and no line; nor when the spec has
 * not changed in a way a consumer can observe (generated/ then changed for another reason,
 * such as a new output folder or a generator change, which api-diff does not judge).
 * Only for an output folder that the last commit holds (a project that commits its
 * generated code, as this one does): reading the spec at HEAD takes a scratch folder, and a
 * run into any other folder (another project's, a hostile spec's) writes nothing outside it.
 */
import { diffSpecFiles } from "./diff-specs.js";
import { isCommitted, readBase } from "./git-base.js";
import { regenerationLine } from "./report.js";

export async function regenerationSummary(specPath: string, outDir: string): Promise<string | undefined> {
  if (!isCommitted(outDir)) return undefined;
  let base;
  try {
    base = readBase("HEAD", specPath);
  } catch {
    return undefined;
  }
  try {
    const report = await diffSpecFiles(base.specPath, specPath, { old: base.display });
    return report.bump === "none" ? undefined : regenerationLine(report);
  } catch {
    // The spec generated, so it reads; HEAD's may not: the line is a courtesy, never a failure.
    return undefined;
  } finally {
    base.dispose();
  }
}
