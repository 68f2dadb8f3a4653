/**
 * Soak: 10,000 requests through one generated client (in a child with --expose-gc)
 * against a loopback server that randomly delays, resets and fails, from a seeded PRNG
 * (SOAK_SEED replays a run). Every call must settle with the outcome its scenario
 * calls for, after the right number of attempts; the heap must stay flat between
 * 1,000 and 10,000 calls; and the child must exit by itself (no leaked timer or socket).
 */
import path from "node:path";
import { buildSync } from "esbuild";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT } from "../support/spec-copy.js";
import { startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { HOSTILE, removeScratch, runNode } from "./support/children.js";
import { SCENARIOS, type Scenario } from "./support/soak-scenarios.js";

const SOAK = path.join(HOSTILE, "soak");
const CHILD = path.join(SOAK, "soak-client.mjs");
let server: LoopbackServer;
const attempts = new Map<string, number>();

beforeAll(async () => {
  buildSync({
    entryPoints: [path.join(ROOT, "test/hostile/support/soak-client.ts")],
    outfile: CHILD,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
  server = await startLoopbackServer();
  server.reply((req, res) => {
    const id = /\/accounts\/([^/]+)\//.exec(req.url ?? "")?.[1] ?? "";
    const [n, scenario] = decodeURIComponent(id).split(".") as [string, Scenario];
    const attempt = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, attempt);
    const ok = (delay: number) =>
      setTimeout(
        () =>
          res
            .writeHead(200, { "content-type": "application/json" })
            .end(JSON.stringify({ success: true, errors: [], messages: [], result: { n: Number(n) } })),
        delay,
      );
    const fail = (status: number, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { "content-type": "application/json", ...headers })
        .end(JSON.stringify({ success: false, errors: [{ code: status, message: "no" }], messages: [], result: null }));
    switch (scenario) {
      case "ok":
        return void ok(Number(n) % 10);
      case "slow":
        return void ok(50 + (Number(n) % 100));
      case "flaky":
        return attempt === 1 ? fail(503) : void ok(0);
      case "e400":
        return fail(400);
      case "e404":
        return fail(404);
      case "e500":
        return fail(500);
      case "e429":
        return fail(429, { "retry-after-ms": "1" });
      case "reset":
        return void res.socket?.destroy();
      case "resetMid":
        res.writeHead(200, { "content-type": "application/json", "content-length": "200" });
        return void res.write('{"success":true,"result":{"n":', () => res.socket?.destroy());
      case "timeout":
        return; // never answers; the server closes the socket at the end
      case "badJson":
        return void res.writeHead(200, { "content-type": "application/json" }).end("{oops");
      default:
        return fail(418);
    }
  });
});
afterAll(async () => {
  await server?.close();
  removeScratch();
});

it("10,000 requests through one client: every call settles right, the heap stays flat, the process exits by itself", async () => {
  const seed = Number(process.env.SOAK_SEED ?? 7_031_911);
  const child = await runNode(["--expose-gc", "--max-old-space-size=256", CHILD, server.origin, String(seed)], { timeoutMs: 90_000 });
  const line = child.stdout.split("\n").find((l) => l.startsWith("SOAK "));
  expect(line, `no report (status ${child.status}, signal ${child.signal}, timed out ${child.timedOut}):\n${child.stderr}`).toBeDefined();
  const report = JSON.parse(line!.slice(5)) as {
    total: number;
    settled: number;
    outcomes: Record<string, number>;
    mismatches: string[];
    unhandled: number;
    heap: Record<string, number>;
    ms: number;
  };
  const growthMb = (report.heap.after10000! - report.heap.after1000!) / 1048576;
  console.log(
    `soak (seed ${seed}): ${report.settled}/${report.total} settled in ${(report.ms / 1000).toFixed(1)} s, child exited after ${(child.ms / 1000).toFixed(1)} s; ` +
      `heap ${(report.heap.after1000! / 1048576).toFixed(1)} MB after 1,000, ${(report.heap.after10000! / 1048576).toFixed(1)} MB after 10,000 (${growthMb >= 0 ? "+" : ""}${growthMb.toFixed(2)} MB); ` +
      `outcomes ${JSON.stringify(report.outcomes)}`,
  );
  expect(report.mismatches).toEqual([]);
  expect(report.settled).toBe(report.total);
  expect(report.unhandled).toBe(0);
  // Flat: what 9,000 more calls leave behind, after gc, is noise (a leak of even 200 bytes a call would be 1.7 MB).
  expect(growthMb).toBeLessThan(1.5);
  // It exited by itself, soon after its last call, with status 0.
  expect(child.timedOut).toBe(false);
  expect(child.status, child.stderr).toBe(0);
  expect(child.ms - report.ms).toBeLessThan(10_000);

  // Every call was attempted as often as its scenario says (one retry for retryable failures).
  const wrong: string[] = [];
  for (const [id, count] of attempts) {
    const scenario = decodeURIComponent(id).split(".")[1] as Scenario;
    // A loaded machine can time an attempt out before its request reaches the server.
    const expected = SCENARIOS[scenario].attempts;
    const ok = scenario === "timeout" ? count >= 1 && count <= expected : count === expected;
    if (!ok && wrong.length < 10) wrong.push(`${decodeURIComponent(id)}: ${count} attempts`);
  }
  expect(wrong).toEqual([]);
  expect(attempts.size).toBe(report.total);
}, 120_000);
