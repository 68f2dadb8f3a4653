/**
 * The soak's client side, run in its own process with --expose-gc: 10,000 calls through
 * ONE generated client, 50 in flight, each with a scenario from a seeded PRNG that the
 * server acts out. Checks every outcome, measures the heap after 1,000 and after 10,000
 * calls (after gc), then simply returns: the process must exit by itself.
 * Usage: node --expose-gc soak-client.mjs ORIGIN SEED. Prints one JSON line, prefixed SOAK.
 */
import { createClient } from "../../../generated/index.js";
import { mulberry32, pickScenario, SCENARIOS, SOAK_OPTIONS, TIMEOUT_MS, type Scenario } from "./soak-scenarios.js";

const [origin, seedText] = process.argv.slice(2) as [string, string];
const seed = Number(seedText);
const TOTAL = 10_000;
const IN_FLIGHT = 50;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

let unhandled = 0;
process.on("unhandledRejection", () => unhandled++);

const api = createClient({ apiToken: "soak-token-0123456789", baseUrl: `${origin}/client/v4`, ...SOAK_OPTIONS });
const random = mulberry32(seed);
const mismatches: string[] = [];
const outcomes: Record<string, number> = {};
let settled = 0;
let next = 0;
const heap: Record<string, number> = {};
const started = performance.now();

function measure(label: string): void {
  gc!();
  gc!();
  heap[label] = process.memoryUsage().heapUsed;
}

async function one(n: number, scenario: Scenario): Promise<void> {
  const expected = SCENARIOS[scenario].outcome;
  let got: string;
  try {
    const options = scenario === "timeout" ? { timeoutMs: TIMEOUT_MS } : {};
    const result = (await api.getBehaviors({ account_id: `${n}.${scenario}` }, options)) as unknown as { n?: number };
    got = result?.n === n ? "result" : `wrong result ${JSON.stringify(result)}`;
  } catch (error) {
    got = error instanceof Error ? error.constructor.name : `non-error ${String(error)}`;
  }
  settled++;
  outcomes[got] = (outcomes[got] ?? 0) + 1;
  if (got !== expected && mismatches.length < 20) mismatches.push(`#${n} ${scenario}: expected ${expected}, got ${got}`);
}

/** Calls until `upTo` calls were made, IN_FLIGHT at a time. */
async function run(upTo: number): Promise<void> {
  const lane = async () => {
    while (next < upTo) {
      const n = next++;
      await one(n, pickScenario(random));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

// The first 1,000 calls warm everything up (connections, JIT); the heap is measured then and at the end.
await run(1_000);
measure("after1000");
await run(TOTAL);
measure("after10000");

process.stdout.write(
  `SOAK ${JSON.stringify({ seed, total: TOTAL, settled, outcomes, mismatches, unhandled, heap, ms: Math.round(performance.now() - started) })}\n`,
);
// No process.exit(): a timer or socket the client leaked would keep the process alive.
