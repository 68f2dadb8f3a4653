/**
 * The spec drives the generated client at run time: a copy of spec/ is edited (a new server
 * URL; the two security alternatives swapped; an operation made public with `security: []`),
 * regenerated, and both client.ts and the requests the new client sends to a loopback server
 * change accordingly, next to the committed client generated from spec/ as it is.
 */
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as committed from "../../generated/index.js";
import { generate } from "../../generator/pipeline.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { ACCOUNT, isolateCloudflareEnv, SAMPLE, TOKEN } from "../support/behaviors-api.js";
import { envelope, startLoopbackServer, type LoopbackServer, type RecordedRequest } from "../support/loopback-server.js";
import { ARTIFACTS, copySpec, editFile, ROOT } from "../support/spec-copy.js";

isolateCloudflareEnv();

const EMAIL = "user@example.com";
const KEY = "144c9defac04969c7bfad8efaa8ea194";
const BOTH = { apiToken: TOKEN, apiEmail: EMAIL, apiKey: KEY };
const COMMITTED_CLIENT = readFileSync(path.join(ROOT, "generated/client.ts"), "utf8");

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer(envelope(SAMPLE));
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(() => server?.close());

/** Copies spec/, applies `edit` to it, generates, and loads the new client. */
async function variant(edit: (spec: string) => void) {
  const spec = copySpec();
  edit(spec);
  const { files } = await generate(path.join(spec, "openapi.yaml"));
  const out = path.join(mkdtempSync(path.join(ARTIFACTS, "live-")), "generated");
  replaceOutput(out, files);
  const client = files.find((f) => f.path === "client.ts")!.content;
  const module = (await import(path.join(out, "index.ts"))) as typeof committed;
  return { client, createClient: module.createClient };
}

/** The lines of client.ts that changed (its header, which names the spec's path, aside). */
function changed(before: string, after: string) {
  const lines = (text: string) => text.split("\n").slice(1);
  const [a, b] = [lines(before), lines(after)];
  return { removed: a.filter((line) => !b.includes(line)), added: b.filter((line) => !a.includes(line)) };
}

/** The credentials of a request. */
const credentials = (r: RecordedRequest) => ({
  authorization: r.headers.authorization,
  email: r.headers["x-auth-email"],
  key: r.headers["x-auth-key"],
});

describe("editing spec/ changes what the client does", () => {
  it("a new server URL: client.ts names it, and the client sends its requests there without a baseUrl", async () => {
    const url = `${server.origin}/edited/v9`;
    const { client, createClient } = await variant((spec) =>
      editFile(path.join(spec, "openapi.yaml"), "url: https://api.cloudflare.com/client/v4", `url: ${url}`),
    );
    expect(changed(COMMITTED_CLIENT, client)).toEqual({
      removed: [
        '  server: { url: "https://api.cloudflare.com/client/v4", env: "CLOUDFLARE_BASE_URL" },',
        " * Requests go to https://api.cloudflare.com/client/v4, unless `baseUrl` or the environment variable CLOUDFLARE_BASE_URL says otherwise.",
      ],
      added: [
        `  server: { url: ${JSON.stringify(url)}, env: "CLOUDFLARE_BASE_URL" },`,
        ` * Requests go to ${url}, unless \`baseUrl\` or the environment variable CLOUDFLARE_BASE_URL says otherwise.`,
      ],
    });
    server.requests.length = 0;
    await expect(createClient({ apiToken: TOKEN }).getBehaviors({ account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    expect(server.requests.map((r) => r.url)).toEqual([`/edited/v9/accounts/${ACCOUNT}/zt_risk_scoring/behaviors`]);
  });

  it("the security alternatives swapped: email + key now win over a token when both are given", async () => {
    const { client, createClient } = await variant((spec) =>
      editFile(
        path.join(spec, "openapi.yaml"),
        "security:\n  - api_token: []\n  - api_email: []\n    api_key: []",
        "security:\n  - api_email: []\n    api_key: []\n  - api_token: []",
      ),
    );
    expect(changed(COMMITTED_CLIENT, client)).toEqual({
      removed: ['  security: [["api_token"], ["api_email", "api_key"]],'],
      added: ['  security: [["api_email", "api_key"], ["api_token"]],'],
    });
    server.requests.length = 0;
    const baseUrl = `${server.origin}/client/v4`;
    await committed.createClient({ ...BOTH, baseUrl }).getBehaviors({ account_id: ACCOUNT });
    await createClient({ ...BOTH, baseUrl }).getBehaviors({ account_id: ACCOUNT });
    expect(server.requests.map(credentials)).toEqual([
      { authorization: `Bearer ${TOKEN}`, email: undefined, key: undefined },
      { authorization: undefined, email: EMAIL, key: KEY },
    ]);
  });

  it("an operation made public with `security: []`: it sends no credentials, the others still do, and a client needs none", async () => {
    const { client, createClient } = await variant((spec) =>
      editFile(path.join(spec, "paths/behaviors.yaml"), "  operationId: getBehaviors\n", "  operationId: getBehaviors\n  security: []\n"),
    );
    const { removed, added } = changed(COMMITTED_CLIENT, client);
    // The generator writes the most common security once, in `api.security` (a tie: the first);
    // the operations that differ carry their own.
    expect(removed).toEqual([
      '  security: [["api_token"], ["api_email", "api_key"]],',
      expect.stringMatching(/^ {2}updateBehaviors: \{ .*envelope: true \},$/),
    ]);
    expect(added).toEqual([
      "  security: [],",
      expect.stringMatching(/^ {2}updateBehaviors: \{ .*envelope: true, security: \[\["api_token"\], \["api_email", "api_key"\]\] \},$/),
    ]);
    server.requests.length = 0;
    const baseUrl = `${server.origin}/client/v4`;
    const edited = createClient({ apiToken: TOKEN, baseUrl });
    await edited.getBehaviors({ account_id: ACCOUNT });
    await edited.updateBehaviors({ account_id: ACCOUNT, behaviors: {} });
    await committed.createClient({ apiToken: TOKEN, baseUrl }).getBehaviors({ account_id: ACCOUNT });
    expect(server.requests.map((r) => [r.method, r.headers.authorization])).toEqual([
      ["GET", undefined],
      ["PUT", `Bearer ${TOKEN}`],
      ["GET", `Bearer ${TOKEN}`],
    ]);
    // Without credentials: the committed client cannot call anything, the edited one can call getBehaviors.
    expect(() => committed.createClient({ baseUrl })).toThrow(committed.ConfigurationError);
    const anonymous = createClient({ baseUrl });
    await expect(anonymous.getBehaviors({ account_id: ACCOUNT })).resolves.toEqual(SAMPLE);
    await expect(anonymous.updateBehaviors({ account_id: ACCOUNT, behaviors: {} })).rejects.toThrow(
      /^updateBehaviors: no credentials: set apiToken/,
    );
  });
});
