/**
 * Row 6: a fresh `node` importing the package, next to one importing openapi-fetch and one
 * importing `cloudflare`. Each entry times its own `await import()` (resolve, load, link,
 * evaluate) and prints it; the process's wall time is measured too.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { NODE, ROOT, freshDist, rounds, workDir, type Context } from "../lib/context.js";
import { byName, interleave, ratio, run, summarize, type Contestant, type Sample } from "../lib/measure.js";
import { ms, spread, times, type RowReport } from "../lib/table.js";

export async function importRow(ctx: Context): Promise<RowReport> {
  const dir = workDir("import"); // under .bench/ so that bare specifiers resolve from node_modules/
  const dist = freshDist();
  // The package as a user gets it: dist/ when `npm run build` made it from the current
  // generated/. generated/index.ts bundled here as scripts/build.ts bundles it (one ES
  // module, openapi-fetch inlined) is measured too; it is the target's subject when dist/
  // is not current. (Leaving openapi-fetch external would time two imports, not the package's one.)
  const bundle = path.join(dir, "zt-risk-scoring.mjs");
  await build({
    entryPoints: [path.join(ROOT, "generated/index.ts")],
    outfile: bundle,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    logLevel: "error",
  });
  const BUNDLE = "ours: generated/ bundled (esbuild, 1 file)";
  const DIST = "ours: dist/index.js (npm run build)";
  const oursLabel = dist.fresh ? DIST : BUNDLE;
  const targets: Array<[string, string]> = [
    ["node, no import", ""],
    ...(dist.fresh ? [[DIST, path.join(ROOT, "dist/index.js")] as [string, string]] : []),
    [BUNDLE, bundle],
    ["openapi-fetch", "openapi-fetch"],
    ["cloudflare", "cloudflare"],
  ];

  // interleave() times each whole process; each entry reports its own import's wall and CPU time here.
  const importMs = new Map<string, Sample[]>(targets.map(([name]) => [name, []]));
  const n = rounds(ctx, 40, 5);
  // cloudflare takes ~1 s a run and is ~100× off: it runs in every 8th round only.
  const every = (name: string) => (name === "cloudflare" ? Math.min(8, n) : 1);
  const contestants: Contestant[] = targets.map(([name, specifier], i) => {
    const entry = path.join(dir, `entry-${i}.mjs`);
    writeFileSync(
      entry,
      specifier
        ? `const c = process.cpuUsage(), t = performance.now();\nawait import(${JSON.stringify(specifier)});\nconst ms = performance.now() - t, cpu = process.cpuUsage(c);\nprocess.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000 }));\n`
        : `process.stdout.write(JSON.stringify({ ms: 0, cpuMs: 0 }));\n`,
    );
    return {
      name,
      every: every(name),
      run: async () => {
        const result = await run(NODE, [entry], { cwd: dir });
        importMs.get(name)!.push(JSON.parse(result.stdout) as Sample);
        return result;
      },
    };
  });
  const wall = await interleave(contestants, { rounds: n, warmup: 2 });
  // Drop the warm-up rounds' import times too (they were pushed first).
  const imports = targets.map(([name]) => summarize(name, importMs.get(name)!.slice(2)));

  const oursImport = byName(imports, oursLabel);
  const ofImport = byName(imports, "openapi-fetch");
  const r = ratio(oursImport.ms, ofImport.ms);
  const empty = byName(wall, "node, no import");
  return {
    id: 6,
    title: "Client, cold import (a fresh node process)",
    summary: [
      {
        benchmark: "Cold `import` of the package",
        ours: ms(oursImport.ms),
        reference: `${ms(ofImport.ms)} openapi-fetch`,
        ratio: times(r),
        target: "≤ 1.2×",
        met: r <= 1.2,
      },
    ],
    tables: [
      {
        caption: `Medians of ${n} interleaved rounds after 2 warm-ups (cloudflare in ${Math.ceil(n / every("cloudflare"))} of them), each a fresh \`node\` process. “Import” is \`await import()\` timed inside the process (wall and CPU time); “process” is spawn to exit.`,
        header: [
          "Contestant",
          "Import",
          "Spread",
          "vs openapi-fetch",
          "Import CPU",
          "CPU vs openapi-fetch",
          "Process",
          "Process − bare node",
        ],
        rows: targets.map(([name]) => {
          const imp = byName(imports, name);
          const proc = byName(wall, name);
          if (name === "node, no import") return [name, "–", "–", "–", "–", "–", ms(proc.ms), "–"];
          const cpu = times(ratio(imp.cpuMs ?? NaN, ofImport.cpuMs ?? NaN));
          return [
            name,
            ms(imp.ms),
            spread(imp),
            times(ratio(imp.ms, ofImport.ms)),
            ms(imp.cpuMs),
            cpu,
            ms(proc.ms),
            ms(proc.ms - empty.ms),
          ];
        }),
      },
    ],
    notes: [
      `The target is judged on ${oursLabel}${dist.fresh ? " (what the package ships)" : ` (${dist.why})`}; openapi-fetch and cloudflare are imported by name from node_modules/ (their ESM builds).`,
    ],
  };
}
