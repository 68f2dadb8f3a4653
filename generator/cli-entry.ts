/**
 * The entry of `npm run generate`: package.json bundles this file, and the worker
 * thread's entry (parallel/worker-entry.ts) beside it as generate-worker.mjs. Everything
 * else is in cli.ts, which has no side effects, so that tests can import it.
 */
import { main } from "./cli.js";

process.exitCode = await main(process.argv.slice(2), new URL("./generate-worker.mjs", import.meta.url));
