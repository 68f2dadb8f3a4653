/**
 * Row 4: the cost of one `updateBehaviors` call against a loopback server, next to raw
 * fetch doing the same work, plain openapi-fetch and Cloudflare's SDK. Three processes:
 * this one, the server (requests-server.ts) and the clients (requests-worker.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { NODE, ROOT, bundleScript, rounds, workDir, type Context } from "../lib/context.js";
import { byName, ratio, run, type Stats } from "../lib/measure.js";
import { ms, spread, times, type RowReport } from "../lib/table.js";

export async function requestsRow(ctx: Context): Promise<RowReport> {
  const dir = workDir("requests");
  const serverJs = await bundleScript(path.join(ROOT, "bench/rows/requests-server.ts"), path.join(dir, "server.mjs"));
  const workerJs = await bundleScript(path.join(ROOT, "bench/rows/requests-worker.ts"), path.join(dir, "worker.mjs"));
  const requests = rounds(ctx, 1000, 200);
  const n = rounds(ctx, 8, 2);

  const { server, port } = await startServer(serverJs);
  let stats: Stats[];
  try {
    ctx.log(`  row 4: ${n} rounds × ${requests} sequential requests per contestant (server pid ${server.pid}, port ${port})`);
    const { stdout } = await run(NODE, [workerJs, String(port), String(requests), String(n)], { cwd: ROOT });
    stats = JSON.parse(stdout) as Stats[];
  } finally {
    server.kill("SIGTERM"); // by its own PID
  }

  const raw = byName(stats, "raw fetch");
  const ours = byName(stats, "ours: updateBehaviors");
  const timed = byName(stats, "raw fetch + timeout signal");
  const r = ratio(ours.ms, raw.ms);
  const rTimed = ratio(ours.ms, timed.ms);
  return {
    id: 4,
    title: "Client, per request (updateBehaviors on loopback)",
    summary: [
      {
        benchmark: "One updateBehaviors call",
        ours: ms(ours.ms),
        reference: `${ms(raw.ms)} raw fetch`,
        ratio: times(r),
        target: "≤ 1.10×",
        met: r <= 1.1,
      },
      // The same target against raw fetch that also has a timeout (informative, see the notes).
      {
        benchmark: "… vs raw fetch with the same timeout",
        ours: ms(ours.ms),
        reference: `${ms(timed.ms)} raw fetch + timeout`,
        ratio: times(rTimed),
        target: "≤ 1.10×",
        met: rTimed <= 1.1,
      },
    ],
    tables: [
      {
        caption: `Time per request: median of ${n} interleaved rounds of ${requests.toLocaleString("en")} sequential requests, after a warm-up round.`,
        header: ["Contestant", "Per request", "Spread", "vs raw fetch", "Requests/s"],
        rows: stats.map((s) => [s.name, ms(s.ms), spread(s), times(ratio(s.ms, raw.ms)), Math.round(1000 / s.ms).toLocaleString("en")]),
      },
    ],
    notes: [
      "Server: node:http on 127.0.0.1 in its own process; it checks method, path, `Authorization`, content type and the exact JSON body, and answers a Cloudflare envelope (a mismatch gets a 400 and fails the bench).",
      "“raw fetch + timeout signal” is raw fetch with an AbortController and a 60 s timer, as ours has per attempt: informative; the target is against plain raw fetch.",
      "All of them use Node's global fetch (undici) with its default keep-alive pool; ours and Cloudflare's SDK run with `maxRetries: 0`; each contestant parses the JSON and returns `result`.",
    ],
  };
}

function startServer(script: string): Promise<{ server: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const server = spawn(NODE, [script], { stdio: ["ignore", "pipe", "inherit"] });
    const stop = () => server.kill("SIGTERM");
    process.once("exit", stop);
    server.once("exit", () => process.off("exit", stop));
    server.once("error", reject);
    server.stdout.setEncoding("utf8").once("data", (line: string) => {
      const port = Number(line.trim());
      if (port > 0) resolve({ server, port });
      else reject(new Error(`server did not report a port: ${line}`));
    });
  });
}
