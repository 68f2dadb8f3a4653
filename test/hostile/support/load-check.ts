/**
 * Loads each generated client (bundled by esbuild into one ESM file) in this child, under
 * guard.ts, and reports what loading it did. Run with the cwd of a scratch folder:
 * the corpus' payloads set `globalThis.__pwned` or write `hostile-pwned.txt` there if
 * they ever run. Usage: node --import guard.mjs load-check.mjs BUNDLES_JSON.
 * Prints one JSON line per bundle on stdout, prefixed with LOADED.
 */
import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export interface LoadReport {
  readonly name: string;
  readonly error?: string;
  /** A payload ran: the flag was set, or the marker file written. */
  readonly pwned: boolean;
  readonly prototypePolluted: boolean;
  readonly thenType: string;
  /** `await client` gave back the client itself. */
  readonly awaitsToItself: boolean;
  /** The client's own keys (but `raw`) and their types. */
  readonly methods: Record<string, string>;
  /** Every exported array (the enum value tuples). */
  readonly arrays: Record<string, unknown[]>;
  /** When the case has validators.ts: its `validators` object's own keys, and whether its prototype is Object.prototype. */
  readonly validators?: { readonly keys: string[]; readonly plainPrototype: boolean; readonly calls: number; readonly errors: string[] };
}

/** Inputs every validator is run on: a compiled payload that ran would show in `__pwned`. */
const INPUTS: unknown[] = [
  undefined,
  null,
  {},
  [],
  "x",
  1.5,
  { name: "x", level: "low" },
  JSON.parse('{"__proto__": {"polluted": true}, "a": [1, {"b": null}]}'),
];

async function exerciseValidators(file: string): Promise<LoadReport["validators"]> {
  const { validators } = (await import(pathToFileURL(file).href)) as {
    validators: Record<string, Record<string, (data: unknown) => boolean>>;
  };
  let calls = 0;
  const errors: string[] = [];
  for (const id of Object.keys(validators)) {
    for (const [direction, validate] of Object.entries(validators[id]!)) {
      for (const input of INPUTS) {
        calls++;
        try {
          if (typeof validate(input) !== "boolean") errors.push(`${id}.${direction} did not return a boolean`);
        } catch (error) {
          errors.push(`${id}.${direction} threw ${String(error)}`);
        }
      }
    }
  }
  return { keys: Object.keys(validators), plainPrototype: Object.getPrototypeOf(validators) === Object.prototype, calls, errors };
}

const bundles = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { name: string; file: string; validators?: string }[];
const world = globalThis as { __pwned?: unknown };
/** Object.prototype gained a key: something assigned through `__proto__`. */
const polluted = () => "polluted" in {} || Object.keys(Object.prototype).length > 0;

for (const { name, file, validators } of bundles) {
  world.__pwned = undefined;
  let report: LoadReport;
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown> & {
      createClient: (o: object) => Record<string, unknown>;
    };
    const client = mod.createClient({ apiToken: "hostile-test-token", baseUrl: "http://127.0.0.1:9" });
    const settled = await Promise.race([Promise.resolve(client), new Promise((resolve) => setTimeout(resolve, 1000, "timeout"))]);
    const exercised = validators === undefined ? undefined : await exerciseValidators(validators);
    report = {
      name,
      pwned: world.__pwned !== undefined || existsSync("hostile-pwned.txt"),
      prototypePolluted: polluted(),
      thenType: typeof client.then,
      awaitsToItself: settled === client,
      methods: Object.fromEntries(
        Object.keys(client)
          .filter((k) => k !== "raw")
          .map((k) => [k, typeof client[k]]),
      ),
      arrays: Object.fromEntries(Object.entries(mod).filter(([, v]) => Array.isArray(v)) as [string, unknown[]][]),
      ...(exercised ? { validators: exercised } : {}),
    };
    // The payloads may only show after the validators ran.
    if (world.__pwned !== undefined || existsSync("hostile-pwned.txt")) report = { ...report, pwned: true };
    if (polluted()) report = { ...report, prototypePolluted: true };
  } catch (error) {
    report = {
      name,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      pwned: world.__pwned !== undefined || existsSync("hostile-pwned.txt"),
      prototypePolluted: polluted(),
      thenType: "n/a",
      awaitsToItself: false,
      methods: {},
      arrays: {},
    };
  }
  process.stdout.write(`LOADED ${JSON.stringify(report)}\n`);
}
