// Where Cloudflare's users run the client (issue 19, item 12): the built package, bundled as
// a Worker or a page bundles it (target-bundle.ts), run in workerd through Miniflare and in a
// page in Debian's Chromium, against a real HTTP server on 127.0.0.1. Each scenario
// (scenarios.ts) runs in Node first; the other targets must do what Node did: the same
// requests, retries, timeouts, aborts and typed errors. The one difference is stated, not
// hidden: only Node says that a connection was refused, so only Node retries a POST then.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { Miniflare } from "miniflare";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelope, failure, hang, type Handler } from "../support/loopback-server.js";
import type { Outcome, Scenario, Where } from "./scenarios.js";
import { bundleFor } from "./target-bundle.js";
import { refusedOrigin, startTargetServer, type TargetServer } from "./target-server.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(import.meta.dirname, "../.artifacts");
const TOKEN = "worker-token";
const BEHAVIORS = { behaviors: { foo: { name: "Foo", description: "d", enabled: true, risk_level: "low" } } };
const NOT_FOUND = [{ code: 7003, message: "No route for the URI" }];

/** What the server answers in each scenario, and what every target must make of it. */
const SCENARIOS: Record<Scenario, { answers: Handler[]; check: (outcome: Outcome, server: TargetServer) => void }> = {
  request: {
    answers: [envelope(BEHAVIORS)],
    check: (outcome, server) => {
      expect(outcome).toEqual({ result: BEHAVIORS, attempts: 1 });
      expect(server.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
        ["GET", "/client/v4/accounts/acc%2F1/zt_risk_scoring/behaviors", `Bearer ${TOKEN}`],
      ]);
    },
  },
  retry: {
    answers: [failure(503, [{ code: 1503, message: "unavailable" }]), envelope(BEHAVIORS)],
    check: (outcome, server) => {
      expect(outcome).toEqual({ result: BEHAVIORS, attempts: 2 });
      expect(server.requests).toHaveLength(2);
    },
  },
  timeout: {
    answers: [hang],
    check: (outcome, server) => {
      expect(outcome.error).toMatchObject({ name: "TimeoutError", classes: ["ZtRiskScoringError", "ConnectionError", "TimeoutError"] });
      // timeoutMs 600, maxRetries 1; this long, as the server must have read each request (a busy machine stalls it).
      expect([outcome.attempts, server.requests.length]).toEqual([2, 2]);
    },
  },
  abort: {
    answers: [hang],
    check: (outcome, server) => {
      expect(outcome.error).toMatchObject({ name: "AbortError", classes: ["ZtRiskScoringError", "UserAbortError"] });
      expect([outcome.attempts, server.requests.length]).toEqual([1, 1]); // aborted after 500 ms, and never retried
    },
  },
  typedError: {
    answers: [failure(404, NOT_FOUND)],
    check: (outcome) => {
      expect(outcome.error).toMatchObject({
        name: "NotFoundError",
        status: 404,
        errors: NOT_FOUND,
        classes: ["ZtRiskScoringError", "ApiError", "NotFoundError"],
      });
      expect(outcome.attempts).toBe(1);
    },
  },
  refusedPut: {
    answers: [],
    // A PUT is idempotent: retried after any connection error, in every runtime.
    check: (outcome) => {
      expect(outcome.error).toMatchObject({ name: "ConnectionError", classes: ["ZtRiskScoringError", "ConnectionError"] });
      expect(outcome.attempts).toBe(3);
    },
  },
  refusedPost: {
    answers: [],
    // Checked per target below: how many attempts depends on what the runtime's fetch says.
    check: (outcome) => expect(outcome.error?.name).toBe("ConnectionError"),
  },
};
const NAMES = Object.keys(SCENARIOS) as Scenario[];

/** Node's outcome of each scenario, which the other targets are compared with. */
const inNode = new Map<Scenario, Outcome>();
/** The outcome without what legitimately differs between runtimes: the wording of fetch's own error (the client's message is the same). */
// fetch's cause differs by runtime, and the message names it as the root cause (Node:
// "connect ECONNREFUSED …"; workerd and browsers give none): both are left out of the comparison.
const withoutCause = (message: string) => message.replace(/^(\w+: connection failed): [^(]*?( \(\d+ attempts\))?$/, "$1$2");
const comparable = ({ error, ...rest }: Outcome) => ({
  ...rest,
  ...(error ? { error: { ...error, cause: undefined, message: withoutCause(error.message) } } : {}),
});

let server: TargetServer;
let where: Where;

beforeAll(async () => {
  server = await startTargetServer({
    "/page": ["text/html", '<!doctype html><script type="module" src="/page.js"></script>'],
    "/page.js": ["text/javascript", await bundleFor({ file: join(import.meta.dirname, "page.ts") })],
  });
  where = { origin: server.origin, refusedOrigin: await refusedOrigin(), apiToken: TOKEN };
});
afterAll(() => server?.close());

/** Runs `scenario` with its answers scripted, and checks what every target must show. */
async function run(scenario: Scenario, target: (scenario: Scenario) => Promise<Outcome>): Promise<Outcome> {
  server.reply(...SCENARIOS[scenario].answers);
  const outcome = await target(scenario);
  SCENARIOS[scenario].check(outcome, server);
  return outcome;
}

describe("Node (the reference)", () => {
  let runScenario: (scenario: Scenario, where: Where) => Promise<Outcome>;
  beforeAll(async () => {
    // The scenarios bundled as for the page (browser platform, the built package), imported by Node.
    const dir = mkdtempSync(join(ARTIFACTS, "targets-"));
    writeFileSync(join(dir, "page.mjs"), await bundleFor({ file: join(import.meta.dirname, "scenarios.ts") }));
    ({ runScenario } = await import(join(dir, "page.mjs")));
    rmSync(dir, { recursive: true, force: true }); // imported: the module stays loaded
  });

  it.each(NAMES)("%s", async (scenario) => {
    inNode.set(scenario, await run(scenario, (s) => runScenario(s, where)));
  });

  it("retries a POST whose connection was refused: undici's ECONNREFUSED says nothing was sent", () => {
    expect(inNode.get("refusedPost")).toMatchObject({
      attempts: 3,
      error: { name: "ConnectionError", cause: "fetch failed: ECONNREFUSED" },
    });
  });
});

describe("workerd, through Miniflare", () => {
  let worker: string;
  let mf: Miniflare;
  const workerd = (options: object) =>
    new Miniflare({ modules: true, script: worker, compatibilityDate: "2026-04-01", ...options } as ConstructorParameters<
      typeof Miniflare
    >[0]);
  const ask = async (instance: Miniflare, scenario: string): Promise<Outcome> => {
    const query = new URLSearchParams({ scenario, origin: where.origin, refusedOrigin: where.refusedOrigin });
    const response = await instance.dispatchFetch(`http://worker.test/?${query}`);
    return (await response.json()) as Outcome;
  };

  beforeAll(async () => {
    worker = await bundleFor({ file: join(import.meta.dirname, "worker.ts") });
    // The credential as a Worker gets it: a binding (a secret), which the Worker passes as the option.
    mf = workerd({ bindings: { CLOUDFLARE_API_TOKEN: TOKEN } });
  });
  afterAll(() => mf?.dispose());

  it.each(NAMES)("%s, as in Node", async (scenario) => {
    const outcome = await run(scenario, (s) => ask(mf, s));
    if (scenario === "refusedPost") {
      // workerd's fetch fails as it does when a connection drops mid-request: nothing says the POST was not sent.
      expect(outcome).toMatchObject({ attempts: 1, error: { name: "ConnectionError", cause: "Network connection lost." } });
    } else {
      expect(comparable(outcome)).toEqual(comparable(inNode.get(scenario)!));
    }
  });

  it("reads no process.env without nodejs_compat; with it, the bindings are process.env", async () => {
    server.reply(envelope(BEHAVIORS));
    expect((await ask(mf, "fromEnvironment")).error).toMatchObject({
      name: "ConfigurationError",
      message: expect.stringMatching(/CLOUDFLARE_API_TOKEN/),
    });
    const compat = workerd({ bindings: { CLOUDFLARE_API_TOKEN: TOKEN }, compatibilityFlags: ["nodejs_compat"] });
    try {
      expect(await ask(compat, "fromEnvironment")).toEqual({ result: BEHAVIORS, attempts: 1 });
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    } finally {
      await compat.dispose();
    }
  });

  it("runs the README's test kit example in workerd: msw with a localStorage, the kit's handlers through the fetch option", async () => {
    const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
    const section = readme.split("\n## In a Cloudflare Worker or a browser\n")[1]!.split("\n## ")[0]!;
    // A project of its own: the repository's package.json says "sideEffects": false, which would drop the localStorage import.
    const dir = mkdtempSync(join(ARTIFACTS, "worker-kit-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "worker-kit", private: true, type: "module" }));
    const files = [...section.matchAll(/```ts\n\/\/ (\S+?):[^\n]*\n[\s\S]*?```/g)].map(([block, file]) => {
      mkdirSync(dirname(join(dir, file!)), { recursive: true });
      writeFileSync(join(dir, file!), block.slice("```ts\n".length, -"```".length));
      return file;
    });
    expect(files).toEqual(["test/local-storage.ts", "test/worker.ts"]);
    const kit = new Miniflare({
      modules: true,
      script: await bundleFor({ file: join(dir, "test/worker.ts") }),
      compatibilityDate: "2026-04-01",
      bindings: { CLOUDFLARE_API_TOKEN: TOKEN },
    });
    try {
      const response = await kit.dispatchFetch("http://worker.test/");
      // The spec's example, as the kit's default handler answers it.
      expect(await response.json()).toEqual({
        behaviors: { foo: { name: "Foo", description: "An example behavior.", enabled: true, risk_level: "low" } },
      });
    } finally {
      await kit.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a minimal Worker bundles the client alone, small: measured gzipped", async () => {
    const source = `import { createClient } from "zt-risk-scoring";
      export default { fetch: async (_request, env) => Response.json(await createClient({ apiToken: env.CLOUDFLARE_API_TOKEN }).getBehaviors({ account_id: env.ACCOUNT_ID })) };`;
    const bundle = await bundleFor({ source }, true);
    const gzipped = gzipSync(bundle).length;
    console.log(`test/targets: minimal Worker bundle ${bundle.length} B minified, ${gzipped} B gzipped`);
    expect(bundle).not.toMatch(/msw|HttpHandler|process\.env\.\w/);
    // A guard against pulling in something large (the test kit, a polyfill), not a speed target.
    expect(gzipped).toBeLessThan(16_000);
  });
});

const skipChromium = !existsSync(CHROMIUM) && !process.env.CI;
describe.skipIf(skipChromium)("a page in Chromium", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage();
    await page.goto(`${server.origin}/page`);
    await page.waitForFunction(() => typeof (globalThis as { runScenario?: unknown }).runScenario === "function");
  });
  afterAll(() => browser?.close());

  it.each(NAMES)("%s, as in Node", async (scenario) => {
    const outcome = await run(scenario, (s) =>
      page.evaluate(([s, w]) => (globalThis as unknown as { runScenario: (s: Scenario, w: Where) => Promise<Outcome> }).runScenario(s, w), [
        s,
        where,
      ] as const),
    );
    if (scenario === "refusedPost") {
      // "Failed to fetch", nothing more: a page cannot tell a refused connection from a lost one.
      expect(outcome).toMatchObject({ attempts: 1, error: { name: "ConnectionError", cause: expect.stringMatching(/^Failed to fetch/) } });
    } else {
      expect(comparable(outcome)).toEqual(comparable(inNode.get(scenario)!));
    }
  });
});
