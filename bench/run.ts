/**
 * `npm run bench`: measures generation and the generated client against their references,
 * prints one Markdown report and writes it to bench/results.md (git-ignored).
 *
 *   npm run bench                       every row (about 10 minutes on 2 cores)
 *   npm run bench -- --quick            few rounds: a smoke run, not figures to quote
 *   npm run bench -- --rows 1,4         only these rows
 *   npm run bench -- --skip-tests       everything but row 8 (npm test)
 *   npm run bench -- --rows 9           api-diff on Cloudflare's whole API vs npm run generate on it
 *
 * Exit code 1 when a row failed to run, 2 on bad usage; a missed target is reported, not an error.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { assertGeneratedFresh, StaleOutputError } from "../scripts/fresh-output.js";
import { ROOT, type Context } from "./lib/context.js";
import { machine, ms, renderMarkdown, type RowReport } from "./lib/table.js";
import { apiDiffRow } from "./rows/api-diff.js";
import { fragmentRow, largeRow } from "./rows/generation.js";
import { growthRow } from "./rows/growth.js";
import { importRow } from "./rows/import.js";
import { requestsRow } from "./rows/requests.js";
import { sizeRow } from "./rows/size.js";
import { testsRow } from "./rows/tests.js";
import { typecheckRow } from "./rows/typecheck.js";

const ROWS: Record<number, { title: string; run: (ctx: Context) => Promise<RowReport> }> = {
  1: { title: "Generation, the fragment", run: fragmentRow },
  2: { title: "Generation, at scale", run: largeRow },
  3: { title: "How generation cost grows", run: growthRow },
  4: { title: "Client, per request", run: requestsRow },
  5: { title: "Client, size", run: sizeRow },
  6: { title: "Client, cold import", run: importRow },
  7: { title: "Consumer type-check", run: typecheckRow },
  8: { title: "Test suite", run: testsRow },
  9: { title: "api-diff at scale", run: apiDiffRow },
};

export const RESULTS = path.join(ROOT, "bench/results.md");

const USAGE = "usage: npm run bench -- [--quick] [--rows 1,2,…] [--skip-tests]";

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function options(argv: string[]): { quick: boolean; rows: number[]; flags: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        quick: { type: "boolean", default: false },
        rows: { type: "string" },
        "skip-tests": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    console.log(
      `${USAGE}\n${Object.entries(ROWS)
        .map(([id, r]) => `  ${id}. ${r.title}`)
        .join("\n")}`,
    );
    process.exit(0);
  }
  let rows = values.rows ? values.rows.split(",").map((s) => Number(s.trim())) : Object.keys(ROWS).map(Number);
  const unknown = rows.filter((id) => !ROWS[id]);
  if (unknown.length) usageError(`no such row: ${unknown.join(", ")}`);
  if (values["skip-tests"]) rows = rows.filter((id) => id !== 8);
  return { quick: values.quick, rows, flags: argv.join(" ") };
}

async function main(): Promise<void> {
  const { quick, rows, flags } = options(process.argv.slice(2));
  // Rows 4-8 measure the package built from generated/: a stale one would measure another API.
  try {
    await assertGeneratedFresh("npm run bench", ROOT);
  } catch (error) {
    if (!(error instanceof StaleOutputError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const ctx: Context = { quick, log: (line) => process.stderr.write(`${line}\n`) };
  const m = machine();
  const loadBefore = os.loadavg()[0]!;
  const reports: RowReport[] = [];
  let failed = false;
  for (const id of rows) {
    const row = ROWS[id]!;
    ctx.log(`row ${id}: ${row.title}${quick ? " (quick)" : ""}`);
    const started = performance.now();
    try {
      reports.push(await row.run(ctx));
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      ctx.log(`row ${id} failed: ${message}`);
      reports.push({
        id,
        title: row.title,
        summary: [{ benchmark: row.title, ours: "ERROR", reference: "–", ratio: "–", target: "–", met: undefined }],
        tables: [],
        notes: [`The row failed to run:\n\n\`\`\`\n${message}\n\`\`\``],
      });
    }
    ctx.log(`row ${id}: done in ${ms(performance.now() - started)}`);
  }
  const load = `Load average (1 min) ${loadBefore.toFixed(2)} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end${quick ? "; **--quick: few rounds, not figures to quote**" : ""}.`;
  const markdown = renderMarkdown(reports, m, flags, load);
  process.stdout.write(markdown);
  writeFileSync(RESULTS, markdown);
  ctx.log(`wrote ${path.relative(process.cwd(), RESULTS)}`);
  if (failed) process.exitCode = 1;
}

await main();
