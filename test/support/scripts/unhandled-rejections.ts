/**
 * Run in a child process by api-promise.test.ts: counts the unhandled rejections of
 * failing calls that are (a) never awaited, (b) only observed through withResponse(),
 * (c) handled in the same tick after a synchronous failure. Only (a) may report one.
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

const unhandled: string[] = [];
process.on("unhandledRejection", (reason) => unhandled.push((reason as Error).message));
const runtime = createRuntime(api, { getBehaviors }, { apiToken: "t", baseUrl: process.argv[2]!, maxRetries: 0 } as BaseClientOptions);

void runtime.call(getBehaviors, { account_id: "never-awaited" }); // (a)
await runtime
  .call(getBehaviors, { account_id: "with-response" })
  .withResponse()
  .catch(() => {}); // (b)
const early = runtime.call(getBehaviors, { account_id: "" }); // (c) rejects synchronously-ish
await Promise.resolve();
early.catch(() => {});
// (b) and (c) have settled; (a) fails once its answer arrives, however slow the machine.
for (let waited = 0; unhandled.length === 0 && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
// A second report, if there were one, would come a tick later.
await new Promise((resolve) => setTimeout(resolve, 20));
console.log(JSON.stringify({ unhandled }));
