/**
 * Contract test: the generated client against Prism mocking spec/openapi.yaml. Prism checks
 * each request against the spec (security schemes, path, body schema) and answers with the
 * spec's examples, so this catches a client and a spec that disagree.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { realpathSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, UnprocessableEntityError, type ClientOptions } from "../../generated/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
const GET_EXAMPLE = { behaviors: { foo: { name: "Foo", description: "An example behavior.", enabled: true, risk_level: "low" } } };
const PUT_EXAMPLE = { behaviors: { foo: { enabled: true, risk_level: "low" } } };

let prism: ChildProcess | undefined;
let prismLog = "";
let baseUrl = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (prism && prism.exitCode !== null) throw new Error(`prism exited with code ${prism.exitCode}:\n${prismLog}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) }).then((r) => r.body?.cancel());
      return; // any HTTP answer, even a 401, means it is up
    } catch {
      if (Date.now() > deadline) throw new Error(`prism did not answer within ${limitMs} ms:\n${prismLog}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

beforeAll(async () => {
  const port = await freePort();
  const bin = realpathSync(`${ROOT}node_modules/.bin/prism`);
  prism = spawn(process.execPath, [bin, "mock", "spec/openapi.yaml", "-h", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  prism.stderr!.on("data", (chunk: Buffer) => (prismLog += chunk.toString()));
  baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${baseUrl}/accounts/${ACCOUNT}/zt_risk_scoring/behaviors`, 45_000);
}, 60_000);

afterAll(async () => {
  // Stopped by its own handle (its PID), never by name.
  if (prism && prism.exitCode === null) {
    const exited = new Promise((resolve) => prism!.once("exit", resolve));
    prism.kill("SIGTERM");
    await exited;
  }
});

const schemes: Array<[string, ClientOptions]> = [
  ["an API token", { apiToken: "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY" }],
  ["an email and a Global API key", { apiEmail: "user@example.com", apiKey: "144c9defac04969c7bfad8efaa8ea194" }],
];

describe.each(schemes)("with %s", (_, credentials) => {
  it("gets the behaviors", async () => {
    const client = createClient({ ...credentials, baseUrl, maxRetries: 0 });
    await expect(client.getBehaviors({ account_id: ACCOUNT })).resolves.toEqual(GET_EXAMPLE);
  });

  it("updates the behaviors", async () => {
    const client = createClient({ ...credentials, baseUrl, maxRetries: 0 });
    const { data, response } = await client
      .updateBehaviors({ account_id: ACCOUNT, behaviors: { foo: { enabled: false, risk_level: "high" } } })
      .withResponse();
    expect(response.status).toBe(200);
    expect(data).toEqual(PUT_EXAMPLE);
  });
});

describe("invalid requests", () => {
  it("get a 422 when an invalid body is forced through client.raw", async () => {
    const client = createClient({ apiToken: "token", baseUrl });
    const { error, response } = await client.raw.PUT("/accounts/{account_id}/zt_risk_scoring/behaviors", {
      params: { path: { account_id: ACCOUNT } },
      // @ts-expect-error "extreme" is not a risk level: that is the point
      body: { behaviors: { foo: { enabled: true, risk_level: "extreme" } } },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("risk_level");
    expect(error).toMatchObject({ success: false });
  });

  it("reject with UnprocessableEntityError through the typed method", async () => {
    const client = createClient({ apiToken: "token", baseUrl, maxRetries: 0 });
    const body = { behaviors: { foo: { enabled: true, risk_level: "extreme" } } } as unknown as Parameters<
      typeof client.updateBehaviors
    >[0];
    const error = await client.updateBehaviors({ ...body, account_id: ACCOUNT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, errors: [{ code: 7003, message: "No route for the URI" }] });
  });
});
