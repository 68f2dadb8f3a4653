/**
 * Row 9: `npm run api-diff` on Cloudflare's whole 2024 document against a copy with ten
 * edits, against `npm run generate` on the same document. Both as a user types them (npm,
 * the esbuild bundling, a fresh process), interleaved. Target: api-diff under 1.5× generate.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LARGE_SPEC, ROOT, rounds, workDir, type Context } from "../lib/context.js";
import { byName, interleave, ratio, run } from "../lib/measure.js";
import { ms, spread, times, type RowReport } from "../lib/table.js";

const DIFF = "ours: npm run api-diff -- OLD NEW";
const GENERATE = "ours: npm run generate -- --spec OLD";

/** The parts of an OpenAPI document that tenEdits reads and changes (the rest is carried along). */
interface Operation {
  operationId?: string;
  summary?: string;
  deprecated?: boolean;
  parameters?: object[];
}
interface Schema {
  enum?: unknown;
  properties?: Record<string, object>;
  description?: string;
}
interface Document {
  paths: Record<string, Record<string, Operation | undefined>>;
  components: { schemas: Record<string, Schema> };
}

/** Ten edits of the kinds a spec update brings: renames, removals, additions, narrowing, docs. */
export function tenEdits(document: Document): { edited: Document; edits: string[] } {
  const doc = structuredClone(document);
  const edits: string[] = [];
  const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
    ["get", "put", "post", "delete", "patch"].filter((m) => item[m]).map((m) => ({ path: p, method: m, op: item[m]! })),
  );
  const nth = (i: number) => operations[Math.floor((operations.length * i) / 11)]!;
  nth(1).op.operationId = `${nth(1).op.operationId}-renamed`;
  edits.push(`rename operationId of ${nth(1).method} ${nth(1).path}`);
  delete doc.paths[nth(2).path]![nth(2).method];
  edits.push(`remove ${nth(2).method} ${nth(2).path}`);
  nth(3).op.summary = "Edited summary";
  edits.push(`summary of ${nth(3).method} ${nth(3).path}`);
  nth(4).op.deprecated = true;
  edits.push(`deprecate ${nth(4).method} ${nth(4).path}`);
  (nth(5).op.parameters ??= []).push({ name: "bench_filter", in: "query", required: true, schema: { type: "string" } });
  edits.push(`required query parameter on ${nth(5).method} ${nth(5).path}`);
  (nth(6).op.parameters ??= []).push({ name: "bench_page", in: "query", schema: { type: "integer" } });
  edits.push(`optional query parameter on ${nth(6).method} ${nth(6).path}`);
  const schemas = doc.components.schemas;
  const enums = Object.entries(schemas).flatMap(([name, s]) =>
    Array.isArray(s.enum) && s.enum.length > 2 ? [[name, s.enum as unknown[]] as const] : [],
  );
  enums[0]![1].pop();
  edits.push(`remove an enum value of ${enums[0]![0]}`);
  enums[1]![1].push("bench-value");
  edits.push(`add an enum value to ${enums[1]![0]}`);
  const objects = Object.entries(schemas).filter(([, s]) => s.properties !== undefined);
  objects[0]![1].properties!.bench_note = { type: "string" };
  edits.push(`add a property to ${objects[0]![0]}`);
  objects[1]![1].description = "Edited description";
  edits.push(`describe ${objects[1]![0]}`);
  return { edited: doc, edits };
}

export async function apiDiffRow(ctx: Context): Promise<RowReport> {
  const dir = workDir("api-diff");
  const edited = path.join(dir, "cloudflare-edited.json");
  const { edited: doc, edits } = tenEdits(JSON.parse(readFileSync(LARGE_SPEC, "utf8")) as Document);
  writeFileSync(edited, JSON.stringify(doc));
  const n = rounds(ctx, 3, 1);
  const check = await run("npm", ["run", "--silent", "api-diff", "--", LARGE_SPEC, edited, "--json"], { cwd: ROOT });
  const report = JSON.parse(check.stdout) as { bump: string; changes: unknown[] };
  const stats = await interleave(
    [
      { name: DIFF, run: () => run("npm", ["run", "api-diff", "--", LARGE_SPEC, edited, "--json"], { cwd: ROOT, rss: true }) },
      {
        name: GENERATE,
        run: () => run("npm", ["run", "generate", "--", "--spec", LARGE_SPEC, "--out", path.join(dir, "out")], { cwd: ROOT, rss: true }),
      },
    ],
    { rounds: n, onRound: (r) => ctx.log(`  row 9: round ${r}/${n}`) },
  );
  rmSync(dir, { recursive: true, force: true });
  const diff = byName(stats, DIFF);
  const generate = byName(stats, GENERATE);
  const r = ratio(diff.ms, generate.ms);
  return {
    id: 9,
    title: "api-diff at scale (Cloudflare's whole API against a copy with ten edits)",
    summary: [
      {
        benchmark: "api-diff on Cloudflare's whole API, cold",
        ours: ms(diff.ms),
        reference: `${ms(generate.ms)} npm run generate`,
        ratio: times(r),
        target: "< 1.5×",
        met: r < 1.5,
      },
    ],
    tables: [
      {
        caption: `${n} interleaved rounds after 1 warm-up, each a fresh process.`,
        header: ["Contestant", "Median", "Spread"],
        rows: stats.map((s) => [s.name, ms(s.ms), spread(s)]),
      },
    ],
    notes: [`The edits: ${edits.join("; ")}. api-diff's verdict: ${report.bump}, ${report.changes.length} changes.`],
  };
}
