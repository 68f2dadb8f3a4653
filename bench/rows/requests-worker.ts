/**
 * Row 4's clients, in one process (so each gets the same warm JIT and the same undici
 * keep-alive pool): sequential PUTs, `requests` per round, contestants interleaved.
 *
 *   node requests-worker.mjs PORT REQUESTS ROUNDS   → JSON Stats[] on stdout (ms per request)
 */
import Cloudflare from "cloudflare";
import createFetchClient from "openapi-fetch";
import { createClient } from "../../generated/index.js";
import type { paths } from "../../generated/schema.js";
import { interleave, type Contestant } from "../lib/measure.js";
import { ACCOUNT, BEHAVIORS, TOKEN } from "./requests-shared.js";

const [port, requestsArg, roundsArg] = process.argv.slice(2);
const BASE = `http://127.0.0.1:${port}`;
const requests = Number(requestsArg);

type Result = { behaviors: Record<string, { enabled: boolean; risk_level: string }> };

/** What an application would write without a client: same URL, headers and body; parse; read result. */
async function rawFetch(signal?: AbortSignal): Promise<Result> {
  const res = await fetch(`${BASE}/accounts/${encodeURIComponent(ACCOUNT)}/zt_risk_scoring/behaviors`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify({ behaviors: BEHAVIORS }),
    signal,
  });
  const json = (await res.json()) as { success: boolean; result: Result };
  if (!res.ok || !json.success) throw new Error(`HTTP ${res.status}`);
  return json.result;
}

/**
 * The same with a timeout, as ours has per attempt: informative, not the baseline. In Node
 * 20 a signal passed to fetch costs tens of µs (undici registers it on the Request).
 */
async function rawFetchWithTimeout(): Promise<Result> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    return await rawFetch(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

const openapiFetch = createFetchClient<paths>({ baseUrl: BASE, headers: { Authorization: `Bearer ${TOKEN}` } });
async function viaOpenapiFetch(): Promise<Result> {
  const { data, error, response } = await openapiFetch.PUT("/accounts/{account_id}/zt_risk_scoring/behaviors", {
    params: { path: { account_id: ACCOUNT } },
    body: { behaviors: BEHAVIORS },
  });
  if (error || !data) throw new Error(`HTTP ${response.status}`);
  return data.result;
}

const ours = createClient({ apiToken: TOKEN, baseUrl: BASE, maxRetries: 0 });
const viaOurs = (): Promise<Result> => ours.updateBehaviors({ account_id: ACCOUNT, behaviors: BEHAVIORS });

const cloudflare = new Cloudflare({ apiToken: TOKEN, baseURL: BASE, maxRetries: 0 });
const viaCloudflare = (): Promise<Result> =>
  cloudflare.zeroTrust.riskScoring.behaviours.update({ account_id: ACCOUNT, behaviors: BEHAVIORS });

const clients: Array<[string, () => Promise<Result>]> = [
  ["raw fetch", () => rawFetch()],
  ["ours: updateBehaviors", viaOurs],
  ["raw fetch + timeout signal", rawFetchWithTimeout],
  ["openapi-fetch", viaOpenapiFetch],
  ["cloudflare SDK", viaCloudflare],
];

// Each must do the whole job before it is timed.
for (const [name, call] of clients) {
  const result = await call();
  if (result?.behaviors?.imp_travel?.risk_level !== "medium") throw new Error(`${name}: wrong result ${JSON.stringify(result)}`);
}

const contestants: Contestant[] = clients.map(([name, call]) => ({
  name,
  run: async () => {
    const started = performance.now();
    for (let i = 0; i < requests; i++) await call();
    return { ms: (performance.now() - started) / requests };
  },
}));
const stats = await interleave(contestants, { rounds: Number(roundsArg), warmup: 1 });
process.stdout.write(JSON.stringify(stats.map(({ samples: _, ...s }) => s)));
