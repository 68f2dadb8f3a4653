/**
 * Row 3: how generation cost grows with the number of operations, on synthetic specs
 * (bench/synthetic-spec.ts). Two views:
 * - in-process generate() after a warm-up, so the per-operation time is not swamped by
 *   start-up (Node, module loading, JIT);
 * - the cold CLI (bare generate.mjs), for the real time and the peak memory.
 * Both interleave the sizes round by round.
 */
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { GENERATE_MJS, NODE, ROOT, bundleScript, rounds, workDir, type Context } from "../lib/context.js";
import { interleave, median, run } from "../lib/measure.js";
import { mb, ms, times, type RowReport } from "../lib/table.js";
import { writeSyntheticSpec } from "../synthetic-spec.js";
import { buildGenerator } from "./generation.js";

export async function growthRow(ctx: Context): Promise<RowReport> {
  const sizes = ctx.quick ? [10, 100, 1000] : [10, 100, 1000, 5000];
  const largest = sizes.at(-1)!;
  const dir = workDir("growth");
  const specs = sizes.map((n) => writeSyntheticSpec(n, path.join(dir, `synthetic-${n}.json`)));
  await buildGenerator();
  const worker = await bundleScript(path.join(ROOT, "bench/rows/growth-worker.ts"), path.join(dir, "growth-worker.mjs"));

  const inRounds = rounds(ctx, 3, 1);
  ctx.log(`  row 3: in-process generate(), ${inRounds} rounds over ${sizes.join(", ")} operations`);
  const { stdout } = await run(NODE, ["--expose-gc", worker, String(inRounds), ...specs], { cwd: ROOT });
  const inProcess = JSON.parse(stdout) as Record<string, number[]>;
  const warm = sizes.map((_, i) => median(inProcess[specs[i]!]!));

  const coldRounds = rounds(ctx, 2, 1);
  const cold = await interleave(
    sizes.map((n, i) => ({
      name: String(n),
      run: () => run(NODE, [GENERATE_MJS, "--spec", specs[i]!, "--out", path.join(dir, `out-${n}`)], { cwd: ROOT, rss: true }),
    })),
    { rounds: coldRounds, warmup: 0, onRound: (r) => ctx.log(`  row 3: cold CLI round ${r}/${coldRounds}`) },
  );

  const specSizes = specs.map(sizeOf);
  rmSync(dir, { recursive: true, force: true }); // ~35 MB of specs and outputs

  const perOp = (i: number) => warm[i]! / sizes[i]!;
  const at = (n: number) => sizes.indexOf(n);
  const growth = perOp(at(largest)) / perOp(at(100));
  // Marginal cost: what each extra operation adds, between two sizes (fixed costs cancel out).
  const slope = (a: number, b: number, values: readonly number[]) => (values[at(b)]! - values[at(a)]!) / (b - a);
  const coldMs = cold.map((s) => s.ms);
  const coldRss = cold.map((s) => s.rssKb ?? NaN);
  const slopeSmall = slope(100, 1000, warm);
  const slopeLarge = slope(1000, largest, warm);

  return {
    id: 3,
    title: "How generation cost grows (synthetic specs)",
    summary: [
      {
        benchmark: `Time per operation at ${largest.toLocaleString("en")} vs at 100 ops (in-process)`,
        ours: `${ms(perOp(at(largest)))}/op`,
        reference: `${ms(perOp(at(100)))}/op at 100`,
        ratio: times(growth),
        target: "≤ 1.5×",
        met: growth <= 1.5,
      },
    ],
    tables: [
      {
        caption: `In-process \`generate()\` (median of ${inRounds} after a warm-up) and the cold CLI \`node generate.mjs\` (median of ${coldRounds}; peak RSS of the process).`,
        header: [
          "Operations",
          "Spec size",
          "In-process",
          "Per op",
          "Cold CLI",
          "Cold − cold@10, per op",
          "Peak RSS",
          "RSS − RSS@10, per op",
        ],
        rows: sizes.map((n, i) => [
          n.toLocaleString("en"),
          specSizes[i]!,
          ms(warm[i]),
          ms(perOp(i)),
          ms(coldMs[i]),
          i === 0 ? "–" : ms((coldMs[i]! - coldMs[0]!) / (n - sizes[0]!)),
          mb(coldRss[i]),
          i === 0 ? "–" : `${((coldRss[i]! - coldRss[0]!) / (n - sizes[0]!)).toFixed(1)} KB`,
        ]),
      },
    ],
    notes: [
      `Start-up (fixed) cost: the cold CLI on ${sizes[0]} operations takes ${ms(coldMs[0])} and ${mb(coldRss[0])}; in-process generate() on ${sizes[0]} operations ${ms(warm[0])}.`,
      largest > 1000
        ? `Marginal in-process cost per operation: ${ms(slopeSmall)} between 100 and 1,000 ops, ${ms(slopeLarge)} between 1,000 and ${largest.toLocaleString("en")} (${times(slopeLarge / slopeSmall)}; ≈1× is linear, a quadratic term shows here).`
        : `Marginal in-process cost per operation between 100 and 1,000 ops: ${ms(slopeSmall)}.`,
      "Synthetic specs: `bench/synthetic-spec.ts` (resources of list/create/get/update/delete; path + query params, $ref'd JSON bodies, Cloudflare envelopes, one string enum per 10 ops).",
    ],
  };
}

const sizeOf = (file: string) => {
  const b = statSync(file).size;
  return b < 1024 * 1024 ? `${Math.round(b / 1024)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`;
};
