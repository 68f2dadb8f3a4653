/**
 * Measuring: interleaved rounds, medians, ratios, and child processes timed with their
 * peak memory. Every row of the bench is built from these few functions.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * One measurement: wall time and, when measured, CPU time (user + system) and peak
 * resident set size. CPU time is the second opinion on a shared machine: other load
 * stretches wall time far more than it stretches CPU time.
 */
export interface Sample {
  readonly ms: number;
  readonly cpuMs?: number;
  readonly rssKb?: number;
}

export interface Contestant {
  readonly name: string;
  /** One timed run; called `warmup + rounds` times, its first `warmup` results dropped. */
  readonly run: () => Promise<Sample> | Sample;
  /** Run only every n-th counted round (for a slow contestant that is far off anyway). */
  readonly every?: number;
}

export interface Stats {
  readonly name: string;
  readonly samples: readonly Sample[];
  /** Median wall time. */
  readonly ms: number;
  /** Half the interquartile range, relative to the median: how much the rounds disagree. */
  readonly spread: number;
  /** Median CPU time, when measured. */
  readonly cpuMs: number | undefined;
  /** Largest peak RSS over the rounds, when measured. */
  readonly rssKb: number | undefined;
}

/**
 * Runs the contestants in turn, A B C A B C …, so that drift on the machine (thermal,
 * page cache, other load) hits every contestant alike. `warmup` rounds are not kept.
 */
export async function interleave(
  contestants: readonly Contestant[],
  options: { rounds: number; warmup?: number; onRound?: (round: number) => void },
): Promise<Stats[]> {
  const { rounds, warmup = 1 } = options;
  const samples = contestants.map((): Sample[] => []);
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [i, contestant] of contestants.entries()) {
      if (round >= warmup && (round - warmup) % (contestant.every ?? 1) !== 0) continue;
      const sample = await contestant.run();
      if (round >= warmup) samples[i]!.push(sample);
    }
    if (round >= warmup) options.onRound?.(round + 1 - warmup);
  }
  return contestants.map((c, i) => summarize(c.name, samples[i]!));
}

export function summarize(name: string, samples: readonly Sample[]): Stats {
  const times = samples.map((s) => s.ms);
  const rss = samples.flatMap((s) => (s.rssKb === undefined ? [] : [s.rssKb]));
  const cpu = samples.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
  const ms = median(times);
  return {
    name,
    samples,
    ms,
    spread: ms > 0 ? (quantile(times, 0.75) - quantile(times, 0.25)) / 2 / ms : 0,
    cpuMs: cpu.length ? median(cpu) : undefined,
    rssKb: rss.length ? Math.max(...rss) : undefined,
  };
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile (the same as numpy's default). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export const ratio = (value: number, reference: number): number => value / reference;

export const byName = (stats: readonly Stats[], name: string): Stats => {
  const found = stats.find((s) => s.name === name);
  if (!found) throw new Error(`no contestant named ${name}`);
  return found;
};

// ───────────────────────────── child processes ─────────────────────────────

/** GNU time reports the CPU time and peak RSS of the child and of every descendant it waited for. */
const GNU_TIME = "/usr/bin/time";
export const canMeasureRss = existsSync(GNU_TIME);

export interface RunResult extends Sample {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Measure CPU time and peak RSS with /usr/bin/time (when present). */
  readonly rss?: boolean;
  /** Reject unless the exit code is 0 (the default). */
  readonly check?: boolean;
}

/** Runs a command to completion and times it from spawn to exit, in this process's clock. */
export async function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const rssFile = options.rss && canMeasureRss ? path.join(scratch(), `rss-${process.pid}-${counter++}`) : undefined;
  const [cmd, argv] = rssFile ? [GNU_TIME, ["-f", "%M %U %S", "-o", rssFile, command, ...args]] : [command, args];
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (c, signal) => resolve({ code: c ?? (signal ? 128 : 1), stdout: out, stderr: err }));
  });
  const ms = performance.now() - started;
  let rssKb: number | undefined;
  let cpuMs: number | undefined;
  if (rssFile) {
    // On a non-zero exit GNU time writes "Command exited with non-zero status N" first.
    const [maxRss, user, system] = readFileSync(rssFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
    rssKb = maxRss;
    cpuMs = (user! + system!) * 1000;
    rmSync(rssFile, { force: true });
  }
  if (options.check !== false && code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${code}\n${tail(stderr || stdout)}`);
  }
  return { ms, cpuMs, rssKb, code, stdout, stderr };
}

let counter = 0;
let scratchDir: string | undefined;
/** A temp folder for this bench process, removed on exit. */
export function scratch(): string {
  if (!scratchDir) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "zt-bench-"));
    scratchDir = dir;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return scratchDir;
}

export const tail = (text: string, lines = 20): string => text.trimEnd().split("\n").slice(-lines).join("\n");
