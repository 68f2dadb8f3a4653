/**
 * Row 7: what the client costs a consumer's `tsc --noEmit`. The same ten lines against
 * our client and against Cloudflare's SDK, and an empty file, each with the same tsconfig.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NODE, ROOT, TSC, freshDist, rounds, workDir, type Context } from "../lib/context.js";
import { byName, interleave, ratio, run, type Contestant } from "../lib/measure.js";
import { ms, spread, times, type RowReport } from "../lib/table.js";

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    skipLibCheck: true,
    types: [],
  },
  files: ["consumer.ts"],
};

const ours = (from: string) => `import { createClient, ApiError } from "${from}";

const client = createClient({ apiToken: "token" });

export async function enableDlp(accountId: string): Promise<string[]> {
  try {
    const { behaviors } = await client.updateBehaviors({ account_id: accountId, behaviors: { high_dlp: { enabled: true, risk_level: "high" } } });
    return Object.keys(behaviors);
  } catch (error) { if (error instanceof ApiError) return []; throw error; }
}
`;

const cloudflare = `import Cloudflare from "cloudflare";

const client = new Cloudflare({ apiToken: "token" });

export async function enableDlp(accountId: string): Promise<string[]> {
  try {
    const { behaviors } = await client.zeroTrust.riskScoring.behaviours.update({ account_id: accountId, behaviors: { high_dlp: { enabled: true, risk_level: "high" } } });
    return Object.keys(behaviors);
  } catch (error) { if (error instanceof Cloudflare.APIError) return []; throw error; }
}
`;

const EMPTY = "empty file";
const GENERATED = "ours: generated/index.ts (source)";
const DIST = "ours: zt-risk-scoring (dist/*.d.ts)";
const DECLARATIONS = "ours: declarations of generated/ (tsc --declaration)";
const CLOUDFLARE = "cloudflare SDK";

export async function typecheckRow(ctx: Context): Promise<RowReport> {
  const dir = workDir("typecheck"); // inside the repo: node_modules/ and the package's own exports resolve
  const dist = freshDist();
  // What a user of the package compiles against is declarations, not generated/'s source:
  // dist/*.d.ts through the package's own name when `npm run build` made it from the
  // current generated/, else declarations emitted here the same way (tsc --declaration).
  let declarations: [string, string];
  if (dist.fresh) {
    declarations = [DIST, ours("zt-risk-scoring")]; // a self-reference resolves through package.json "exports"
  } else {
    const out = path.join(dir, "declarations");
    await run(
      NODE,
      [
        TSC,
        "-p",
        path.join(ROOT, "tsconfig.build.json"),
        "--emitDeclarationOnly",
        "--noEmitOnError",
        "false",
        "--declarationMap",
        "false",
        "--outDir",
        out,
      ],
      { cwd: ROOT, check: false },
    );
    declarations = [DECLARATIONS, ours("../declarations/index.js")];
  }
  const consumers: Array<[string, string]> = [
    [EMPTY, "export {};\n"],
    declarations,
    [GENERATED, ours("../../../generated/index.js")],
    [CLOUDFLARE, cloudflare],
  ];
  const projects = consumers.map(([name, source], i) => {
    const project = path.join(dir, `consumer-${i}`);
    mkdirSync(project);
    writeFileSync(path.join(project, "consumer.ts"), source);
    writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    return { name, project };
  });

  const failures = new Map<string, string>();
  // tsc's own account of the work (files, types, check time), from the last run of each.
  const diagnostics = new Map<string, string>();
  const n = rounds(ctx, 5, 1);
  const contestants: Contestant[] = projects.map(({ name, project }) => ({
    name,
    every: name === CLOUDFLARE ? Math.min(2, n) : 1, // ~3× slower than the rest and far off
    run: async () => {
      const result = await run(NODE, [TSC, "-p", project, "--extendedDiagnostics"], { cwd: project, check: false });
      if (result.code !== 0) failures.set(name, result.stdout.split("\n").find((l) => l.includes("error TS")) ?? `exit ${result.code}`);
      const field = (label: string) => new RegExp(`^${label}:\\s+(.+)$`, "m").exec(result.stdout)?.[1]?.trim() ?? "?";
      diagnostics.set(name, `${field("Files")} files, ${field("Types")} types, check ${field("Check time")}`);
      return result;
    },
  }));
  const stats = await interleave(contestants, { rounds: n, onRound: (r) => ctx.log(`  row 7: round ${r}/${n}`) });

  const empty = byName(stats, EMPTY);
  const subject = byName(stats, declarations[0]);
  const r = ratio(subject.ms, empty.ms);
  return {
    id: 7,
    title: "Consumer type-check (tsc --noEmit on a ten-line consumer)",
    summary: [
      {
        benchmark: "tsc --noEmit on a consumer",
        ours: ms(subject.ms),
        reference: `${ms(empty.ms)} empty file, ${ms(byName(stats, CLOUDFLARE).ms)} cloudflare`,
        ratio: times(r),
        target: "≤ 1.3× empty",
        met: failures.has(subject.name) ? false : r <= 1.3,
      },
    ],
    tables: [
      {
        caption: `Medians of ${n} interleaved rounds after a warm-up (cloudflare in ${Math.ceil(n / Math.min(2, n))} of them), each a fresh \`tsc -p … --extendedDiagnostics\`; tsconfig: strict, target ES2022, module NodeNext, skipLibCheck, types: [].`,
        header: ["Consumer", "tsc", "Spread", "vs empty", "Result", "tsc --extendedDiagnostics"],
        rows: stats.map((s) => [
          s.name,
          ms(s.ms),
          spread(s),
          times(ratio(s.ms, empty.ms)),
          failures.has(s.name) ? "errors" : "ok",
          diagnostics.get(s.name) ?? "",
        ]),
      },
    ],
    notes: [
      `The target is judged on ${subject.name}: what a user of the package compiles against${dist.fresh ? "" : ` (${dist.why}; the declarations are emitted from tsconfig.build.json into .bench/)`}. generated/index.ts (source) is what the repo's own code compiles against.`,
      ...[...failures].map(([name, error]) => `${name} did not type-check: \`${error.replace(`${dir}/`, "")}\``),
    ],
  };
}
