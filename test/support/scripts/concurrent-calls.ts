/**
 * Run in a child process by concurrency.test.ts: fires 500 concurrent calls at the server
 * given as argv[2] and prints how they settled. It never calls process.exit: the test
 * checks that nothing (timer, socket, listener) keeps the process alive afterwards.
 */
import { bearer, createRuntime, type BaseClientOptions } from "../../../generator/runtime/index.js";

// As in behaviors-api.ts, which is not imported: it pulls in vitest.
const getBehaviors = {
  id: "getBehaviors",
  method: "GET",
  path: "/accounts/{account_id}/zt_risk_scoring/behaviors",
  pathParams: ["account_id"],
  queryParams: [],
  headerParams: [],
  body: "none",
  envelope: true,
} as const;
const api = { schemes: { api_token: { option: "apiToken", kind: bearer } }, security: [["api_token"]] } as const;

const origin = process.argv[2]!;
const runtime = createRuntime(api, { getBehaviors }, {
  apiToken: "t",
  baseUrl: origin,
  timeoutMs: 10_000,
  initialRetryDelayMs: 5,
  maxRetryDelayMs: 20,
} as BaseClientOptions);
const kinds = ["ok", "flaky", "fail", "hang", "reset"];
const calls = Array.from({ length: 500 }, (_, i) => {
  const kind = kinds[i % kinds.length]!;
  // Only the hanging ones get a short timeout, so that load cannot make the others time out.
  return runtime.call(getBehaviors, { account_id: `${kind}-${i}` }, kind === "hang" ? { timeoutMs: 300 } : {});
});
const settled = await Promise.allSettled(calls);
const tally: Record<string, number> = {};
for (const outcome of settled) {
  const key = outcome.status === "fulfilled" ? "fulfilled" : (outcome.reason as Error).constructor.name;
  tally[key] = (tally[key] ?? 0) + 1;
}
console.log(JSON.stringify({ settled: settled.length, tally, at: Date.now() }));
