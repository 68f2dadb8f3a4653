/**
 * Row 8: the wall time of `npm test`, so that the suite stays fast as the project grows.
 * Slow (it type-checks and runs every test), hence one run, and `--skip-tests`.
 */
import { ROOT, type Context } from "../lib/context.js";
import { run, tail } from "../lib/measure.js";
import { ms, type RowReport } from "../lib/table.js";

export async function testsRow(ctx: Context): Promise<RowReport> {
  ctx.log("  row 8: npm test (one run)");
  const result = await run("npm", ["test"], { cwd: ROOT, check: false, env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } });
  const output = `${result.stdout}\n${result.stderr}`;
  const summary = (label: string) => new RegExp(`^\\s*${label}\\s+(.+)$`, "m").exec(output)?.[1]?.trim();
  const passed = result.code === 0;
  return {
    id: 8,
    title: "Test suite (npm test)",
    summary: [{ benchmark: "npm test, wall time", ours: ms(result.ms), reference: "–", ratio: "–", target: "reported", met: undefined }],
    tables: [
      {
        caption: "One run of `npm test` (tsc --noEmit, then vitest run).",
        header: ["Wall time", "Exit", "Test files", "Tests"],
        rows: [[ms(result.ms), passed ? "0 (pass)" : `${result.code} (FAIL)`, summary("Test Files") ?? "?", summary("Tests") ?? "?"]],
      },
    ],
    notes: passed ? [] : [`npm test failed; its last lines:\n\n\`\`\`\n${tail(output, 8)}\n\`\`\``],
  };
}
