/**
 * Rows 1 and 2: cold generation, ours against a bare openapi-typescript CLI run on the
 * same spec. Every run is a fresh process; the output folder is regenerated in place,
 * as a user's `generated/` is.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FRAGMENT, GENERATE_MJS, LARGE_SPEC, NODE, OPENAPI_TS, ROOT, TSC, rounds, workDir, type Context } from "../lib/context.js";
import { byName, interleave, ratio, run, type Contestant, type Stats } from "../lib/measure.js";
import { mb, ms, spread, times, type RowReport, type Table } from "../lib/table.js";

const OURS = "ours: npm run generate";
const BARE = "ours: node generate.mjs (no npm, no esbuild)";
const OATS = "openapi-typescript CLI";

/** `npm run generate -- --help` rebuilds generate.mjs from generator/ and exits 0. */
export async function buildGenerator(): Promise<void> {
  await run("npm", ["run", "--silent", "generate", "--", "--help"], { cwd: ROOT });
}

function contestants(spec: string, dir: string, bare: boolean): Contestant[] {
  // openapi-typescript reads a redocly.yaml in its cwd (ours has lint rules), so it runs in an empty folder.
  const oatsCwd = path.join(dir, "oats-cwd");
  mkdirSync(oatsCwd, { recursive: true });
  const list: Contestant[] = [
    // Exactly what a user types (the fragment is the default --spec).
    {
      name: OURS,
      run: () =>
        run("npm", ["run", "generate", "--", ...(spec === FRAGMENT ? [] : ["--spec", spec]), "--out", path.join(dir, "ours")], {
          cwd: ROOT,
          rss: true,
        }),
    },
    { name: OATS, run: () => run(NODE, [OPENAPI_TS, spec, "-o", path.join(dir, "oats.ts")], { cwd: oatsCwd, rss: true }) },
  ];
  if (bare)
    list.splice(1, 0, {
      name: BARE,
      run: () => run(NODE, [GENERATE_MJS, "--spec", spec, "--out", path.join(dir, "bare")], { cwd: ROOT, rss: true }),
    });
  return list;
}

function detailTable(stats: readonly Stats[], reference: Stats, caption: string): Table {
  return {
    caption,
    header: ["Contestant", "Median", "Spread", "vs openapi-typescript", "CPU time", "CPU vs openapi-typescript", "Peak RSS"],
    rows: stats.map((s) => [
      s.name,
      ms(s.ms),
      spread(s),
      times(ratio(s.ms, reference.ms)),
      ms(s.cpuMs),
      times(ratio(s.cpuMs ?? NaN, reference.cpuMs ?? NaN)),
      mb(s.rssKb),
    ]),
  };
}

export async function fragmentRow(ctx: Context): Promise<RowReport> {
  await buildGenerator();
  const dir = workDir("generation-fragment");
  const n = rounds(ctx, 8, 3);
  const stats = await interleave(contestants(FRAGMENT, dir, true), { rounds: n, onRound: (r) => ctx.log(`  row 1: round ${r}/${n}`) });
  rmSync(dir, { recursive: true, force: true });
  const ours = byName(stats, OURS);
  const bare = byName(stats, BARE);
  const oats = byName(stats, OATS);
  const r = ratio(ours.ms, oats.ms);
  return {
    id: 1,
    title: "Generation, the fragment (spec/openapi.yaml)",
    summary: [
      {
        benchmark: "Generate the fragment, cold",
        ours: ms(ours.ms),
        reference: `${ms(oats.ms)} openapi-typescript`,
        ratio: times(r),
        target: "≤ 1.5×",
        met: r <= 1.5,
      },
    ],
    tables: [
      detailTable(
        stats,
        oats,
        `${n} interleaved rounds after 1 warm-up, each a fresh process; CPU time (user + system, all threads) and peak RSS from /usr/bin/time.`,
      ),
    ],
    notes: [
      `\`npm run generate\` includes npm's own start-up and the esbuild bundling of generator/ on every run; the bare \`node generate.mjs\` run of the same bundle takes ${ms(bare.ms)} (${times(ratio(bare.ms, oats.ms))}).`,
      "openapi-typescript runs as `node node_modules/openapi-typescript/bin/cli.js <spec> -o <tmp>` in an empty folder (a redocly.yaml in its cwd changes its behaviour).",
    ],
  };
}

export async function largeRow(ctx: Context): Promise<RowReport> {
  await buildGenerator();
  // Under .bench/ so that the output's `import "openapi-fetch"` resolves for tsc.
  const dir = workDir("generation-large");
  const n = rounds(ctx, 5, 1);
  const stats = await interleave(contestants(LARGE_SPEC, dir, false), { rounds: n, onRound: (r) => ctx.log(`  row 2: round ${r}/${n}`) });
  const ours = byName(stats, OURS);
  const oats = byName(stats, OATS);
  const r = ratio(ours.ms, oats.ms);
  const peakMb = (ours.rssKb ?? NaN) / 1024;

  ctx.log("  row 2: tsc --strict --noEmit on the output");
  const tsc = await typecheckOutput(path.join(dir, "ours"), dir);
  rmSync(dir, { recursive: true, force: true });

  return {
    id: 2,
    title: "Generation, at scale (Cloudflare's whole API, 2024-08-07: 1,533 operations, 4.2 MB)",
    summary: [
      {
        benchmark: "Generate Cloudflare's whole API, cold",
        ours: ms(ours.ms),
        reference: `${ms(oats.ms)} openapi-typescript`,
        ratio: times(r),
        target: "≤ 1.3×",
        met: r <= 1.3,
      },
      {
        benchmark: "… its peak memory",
        ours: mb(ours.rssKb),
        reference: `${mb(oats.rssKb)} openapi-typescript`,
        ratio: times(ratio(ours.rssKb ?? NaN, oats.rssKb ?? NaN)),
        target: "< 1 GB",
        met: ours.rssKb === undefined ? undefined : peakMb < 1024,
      },
      {
        benchmark: "… its output type-checks (tsc --strict)",
        ours: tsc.ok ? `pass, ${ms(tsc.ms)}` : `FAIL, ${ms(tsc.ms)}`,
        reference: "–",
        ratio: "–",
        target: "passes",
        met: tsc.ok,
      },
    ],
    tables: [
      detailTable(
        stats,
        oats,
        `${n} interleaved rounds after 1 warm-up, each a fresh process; CPU time (user + system, all threads) and peak RSS from /usr/bin/time.`,
      ),
    ],
    notes: [
      `tsc: \`tsc -p\` with strict, module NodeNext, skipLibCheck, types: [] over the generated folder, once: ${tsc.ok ? "no errors" : `${tsc.errors.length} error(s)`} in ${ms(tsc.ms)}, peak RSS ${mb(tsc.rssKb)}.`,
      ...tsc.errors.slice(0, 5).map((e) => `tsc error: \`${e}\``),
    ],
  };
}

/** tsc --strict --noEmit over a generated folder, with no ambient types (types: []). */
export async function typecheckOutput(
  outDir: string,
  dir: string,
): Promise<{ ok: boolean; ms: number; rssKb: number | undefined; errors: string[] }> {
  const tsconfig = path.join(dir, "tsconfig.json");
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        skipLibCheck: true,
        types: [],
      },
      include: [path.relative(dir, outDir)],
    }),
  );
  const result = await run(NODE, [TSC, "-p", tsconfig], { cwd: dir, rss: true, check: false });
  const errors = result.stdout
    .split("\n")
    .filter((l) => /error TS\d+/.test(l))
    .map((l) => l.replace(`${dir}/`, ""));
  return { ok: result.code === 0, ms: result.ms, rssKb: result.rssKb, errors };
}
