/**
 * What a row reports, and how the whole report is printed: Markdown tables padded so
 * that they read as well in a terminal as on GitHub.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import type { Stats } from "./measure.js";

/** One line of the summary: our figure against the reference, and the issue's target. */
export interface Summary {
  readonly benchmark: string;
  readonly ours: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  /** true met, false missed, undefined when there is no target (or it could not be judged). */
  readonly met: boolean | undefined;
}

export interface Table {
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface RowReport {
  readonly id: number;
  readonly title: string;
  readonly summary: readonly Summary[];
  readonly tables: readonly Table[];
  readonly notes: readonly string[];
}

// ───────────────────────────── units ─────────────────────────────

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return "–";
  if (value < 0) return `−${ms(-value)}`;
  if (value < 1) return `${(value * 1000).toPrecision(3)} µs`;
  if (value < 1000) return `${value.toPrecision(3)} ms`;
  return `${(value / 1000).toPrecision(3)} s`;
}

export function mb(kb: number | undefined): string {
  return kb === undefined ? "–" : `${Math.round(kb / 1024)} MB`;
}

export function bytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(2)} KB`;
}

export const times = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");
export const spread = (s: Stats): string => `±${(s.spread * 100).toFixed(0)}%`;
export const verdict = (met: boolean | undefined): string => (met === undefined ? "–" : met ? "met" : "**MISSED**");

// ───────────────────────────── Markdown ─────────────────────────────

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const body = rows.map((r) => r.map(escape));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${widths.map((w, i) => (cells[i] ?? "").padEnd(w)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

export interface Machine {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly node: string;
  readonly os: string;
  readonly commit: string;
}

export function machine(): Machine {
  let commit = "unknown";
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() !== "";
    commit = dirty ? `${head} + uncommitted changes` : head;
  } catch {
    // Not a git checkout, or no git: the commit stays "unknown".
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
    cores: os.cpus().length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    commit,
  };
}

export function describeMachine(m: Machine): string {
  return `${m.date} on ${m.cpu}, ${m.cores} cores, ${m.memory} RAM, Node ${m.node}, ${m.os}; commit ${m.commit}`;
}

export function summaryTable(reports: readonly RowReport[]): string {
  const rows = reports.flatMap((r) =>
    r.summary.map((s) => [String(r.id), s.benchmark, s.ours, s.reference, s.ratio, s.target, verdict(s.met)]),
  );
  return markdownTable(["#", "Benchmark", "Ours", "Reference", "Ratio", "Target", "Verdict"], rows);
}

export function renderMarkdown(reports: readonly RowReport[], m: Machine, flags: string, conditions: string): string {
  const parts = [
    "# zt-risk-scoring benchmarks",
    "",
    `Measured ${describeMachine(m)}.`,
    `Command: \`npm run bench${flags ? ` -- ${flags}` : ""}\`. Times are medians of interleaved rounds (A B A B …); ±x% is half the interquartile range. ${conditions}`,
    "",
    "## Summary",
    "",
    summaryTable(reports),
  ];
  for (const r of reports) {
    parts.push("", `## ${r.id}. ${r.title}`);
    for (const t of r.tables) parts.push("", `${t.caption}`, "", markdownTable(t.header, t.rows));
    if (r.notes.length) parts.push("", ...r.notes.map((n) => `- ${n}`));
  }
  return `${parts.join("\n")}\n`;
}
