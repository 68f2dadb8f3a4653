/**
 * Runs many generator jobs in one child (under guard.ts), through the CLI's own `runOnce`
 * (a bundle of generator/cli.ts, which has no side effects), so the corpus pays the
 * generator's cold start (~1.3 s) once. Usage: node --import guard.mjs batch.mjs
 * CLI_MODULE_BUNDLE JOBS_JSON. Prints one JSON line per job on stdout, prefixed with RESULT.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export interface BatchJob {
  readonly name: string;
  readonly spec: string;
  readonly out: string;
  readonly check?: boolean;
  readonly allowRead: readonly string[];
  readonly allowWrite: readonly string[];
}

export interface BatchResult {
  readonly name: string;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly heapUsedMb: number;
}

type RunOnce = (
  options: { spec: string; out: string; check: boolean; watch: boolean },
  log: (line: string) => void,
  fail: (line: string) => void,
) => Promise<number>;

const [cliBundle, jobsFile] = process.argv.slice(2) as [string, string];
const jobs = JSON.parse(readFileSync(jobsFile, "utf8")) as BatchJob[];

const { runOnce } = (await import(pathToFileURL(cliBundle).href)) as { runOnce: RunOnce };

const scope = globalThis as { __hostileGuard?: { case: string; allowRead: readonly string[]; allowWrite: readonly string[] } };
// A rejection nobody handles would crash the real CLI with a stack trace: it fails the job it happens in.
let unhandled: string[] = [];
process.on("unhandledRejection", (reason) => unhandled.push(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)));

for (const job of jobs) {
  scope.__hostileGuard = { case: job.name, allowRead: job.allowRead, allowWrite: job.allowWrite };
  const stdout: string[] = [];
  const stderr: string[] = [];
  unhandled = [];
  const started = performance.now();
  const status = await runOnce(
    { spec: job.spec, out: job.out, check: job.check ?? false, watch: false },
    (l) => stdout.push(l),
    (l) => stderr.push(l),
  );
  await new Promise((resolve) => setImmediate(resolve)); // let stray rejections surface
  const result: BatchResult = {
    name: job.name,
    status: unhandled.length > 0 ? 70 : status,
    stdout: stdout.join("\n"),
    stderr: [...stderr, ...unhandled].join("\n"),
    ms: Math.round(performance.now() - started),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1048576),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}
scope.__hostileGuard = undefined;
