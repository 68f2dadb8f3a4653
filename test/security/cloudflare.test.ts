/**
 * Cloudflare's whole 2024 document (four security schemes, operations secured differently),
 * generated once and called against a loopback server: each operation sends exactly the
 * credentials its own `security` asks for.
 */
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiModel } from "../../generator/model/api-model.js";
import { replaceOutput } from "../../generator/write/output-folder.js";
import { isolateCloudflareEnv } from "../support/behaviors-api.js";
import { cloudflareGenerated } from "../support/once-per-run.js";
import { envelope, startLoopbackServer, text, type LoopbackServer, type RecordedRequest } from "../support/loopback-server.js";
import { ARTIFACTS } from "../support/spec-copy.js";

isolateCloudflareEnv();

const CREDENTIALS = { apiEmail: "user@example.com", apiKey: "global-key-1", apiToken: "token-1", userServiceKey: "v1.0-service-key" };

let server: LoopbackServer;
let model: ApiModel;
let createClient: (options?: object) => Record<string, (params?: object) => Promise<unknown>>;
let operations: Record<string, { id: string; parseAs?: string }>;
let out: string;

beforeAll(async () => {
  server = await startLoopbackServer(envelope({ ok: true }));
  // The whole document (test/support/fixtures.ts), generated once for every file of the run that needs it.
  const generated = await cloudflareGenerated();
  model = generated.model;
  mkdirSync(ARTIFACTS, { recursive: true });
  out = path.join(mkdtempSync(path.join(ARTIFACTS, "cloudflare-")), "generated");
  replaceOutput(out, generated.files);
  // client.ts, not index.ts: the 4 MB of types.ts have nothing to run.
  ({ createClient, operations } = await import(path.join(out, "client.ts")));
}, 180_000);
afterAll(() => server?.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply(envelope({ ok: true }));
});

/** The client method of an operationId, and its security as the model read it. */
const method = (id: string) => model.operations.find((op) => op.id === id)!;

const credentialsOf = (r: RecordedRequest) => ({
  url: r.url,
  ...(r.headers.authorization ? { authorization: r.headers.authorization } : {}),
  ...(r.headers["x-auth-email"] ? { email: r.headers["x-auth-email"] } : {}),
  ...(r.headers["x-auth-key"] ? { key: r.headers["x-auth-key"] } : {}),
  ...(r.headers["x-auth-user-service-key"] ? { serviceKey: r.headers["x-auth-user-service-key"] } : {}),
});

const EMAIL_KEY = { email: CREDENTIALS.apiEmail, key: CREDENTIALS.apiKey };
const TOKEN = { authorization: `Bearer ${CREDENTIALS.apiToken}` };
const SERVICE_KEY = { serviceKey: CREDENTIALS.userServiceKey };

/** Six operations whose security differs, each with the credentials it must send when all four are given. */
const CASES = [
  { id: "accounts-list-accounts", params: {}, url: "/accounts", security: [["api_email", "api_key"]], sends: EMAIL_KEY },
  { id: "calls-apps-list", params: { account_id: "a1" }, url: "/accounts/a1/calls/apps", security: [["api_token"]], sends: TOKEN },
  {
    id: "cloudflare-tunnel-list-cloudflare-tunnels",
    params: { account_id: "a1" },
    url: "/accounts/a1/cfd_tunnel",
    security: [["api_email", "api_key"], ["api_token"], ["user_service_key"]],
    sends: EMAIL_KEY,
  },
  {
    id: "aig-config-list-gateway",
    params: { account_id: "a1" },
    url: "/accounts/a1/ai-gateway/gateways",
    security: [["api_token"], ["api_email", "api_key"]],
    sends: TOKEN,
  },
  { id: "origin-ca-list-certificates", params: {}, url: "/certificates", security: [["user_service_key"]], sends: SERVICE_KEY },
  {
    id: "urlscanner-search-scans",
    params: { accountId: "a1" },
    url: "/accounts/a1/urlscanner/scan",
    security: [["api_email", "api_key", "api_token"]],
    sends: { ...TOKEN, ...EMAIL_KEY },
  },
  { id: "cloudflare-i-ps-cloudflare-ip-details", params: {}, url: "/ips", security: [[]], sends: {} },
];

describe("Cloudflare's 2024 document", () => {
  it("has the operations these cases rely on, secured as they say", () => {
    expect(model.securitySchemes.map((s) => [s.key, s.option])).toEqual([
      ["api_email", "apiEmail"],
      ["api_key", "apiKey"],
      ["api_token", "apiToken"],
      ["user_service_key", "userServiceKey"],
    ]);
    for (const c of CASES) expect(method(c.id).security, c.id).toEqual(c.security);
  });

  it("sends each operation exactly the credentials its security asks for, all four being given", async () => {
    const client = createClient({ ...CREDENTIALS, baseUrl: `${server.origin}/client/v4`, maxRetries: 0 });
    for (const c of CASES) await client[method(c.id).name]!(c.params);
    expect(server.requests.map(credentialsOf)).toEqual(CASES.map((c) => ({ url: `/client/v4${c.url}`, ...c.sends })));
  });

  it("takes the next alternative when the first is not met, and refuses what it cannot send", async () => {
    const client = createClient({ apiToken: CREDENTIALS.apiToken, baseUrl: server.origin, maxRetries: 0 });
    await client[method("cloudflare-tunnel-list-cloudflare-tunnels").name]!({ account_id: "a1" });
    await client[method("cloudflare-i-ps-cloudflare-ip-details").name]!();
    await expect(client[method("origin-ca-list-certificates").name]!()).rejects.toThrow(
      "origin-ca-list-certificates: no credentials: set userServiceKey",
    );
    await expect(client[method("urlscanner-search-scans").name]!({ accountId: "a1" })).rejects.toThrow(
      "urlscanner-search-scans: apiEmail, apiKey and apiToken must be set together: set apiEmail + apiKey + apiToken",
    );
    const serviceOnly = createClient({ userServiceKey: CREDENTIALS.userServiceKey, baseUrl: server.origin, maxRetries: 0 });
    await serviceOnly[method("cloudflare-tunnel-list-cloudflare-tunnels").name]!({ account_id: "a1" });
    await serviceOnly[method("origin-ca-list-certificates").name]!();
    expect(server.requests.map(credentialsOf)).toEqual([
      { url: "/accounts/a1/cfd_tunnel", ...TOKEN },
      { url: "/ips" },
      { url: "/accounts/a1/cfd_tunnel", ...SERVICE_KEY },
      { url: "/certificates", ...SERVICE_KEY },
    ]);
  });

  it("a client with half a pair and nothing else could call only public operations: it is created, and says so per call", async () => {
    const client = createClient({ apiKey: CREDENTIALS.apiKey, baseUrl: server.origin });
    await expect(client[method("accounts-list-accounts").name]!()).rejects.toThrow(
      "accounts-list-accounts: apiEmail and apiKey must be set together",
    );
    expect(server.requests).toEqual([]);
  });
});

describe("its success bodies that are not JSON", () => {
  it("are read as text, or as a Blob for a binary media type (whose Result type says Blob); JSON operations say nothing", () => {
    const parseAs = Object.fromEntries(Object.values(operations).flatMap((op) => (op.parseAs ? [[op.id, op.parseAs]] : [])));
    expect(parseAs).toEqual({
      "ip-address-management-prefixes-download-loa-document": "blob", // application/pdf, format: binary
      "urlscanner-get-scan-screenshot": "blob", // image/png
      "cloudflare-images-base-image": "blob", // image/*
      "magic-pcap-collection-download-simple-pcap": "blob", // application/vnd.tcpdump.pcap
      "workers-kv-namespace-read-key-value-pair": "blob", // application/octet-stream
      "zone-snippets-snippet-content": "blob", // multipart/form-data
      "custom-indicator-feeds-get-indicator-feed-data": "text", // text/csv
      "radar-get-reports-dataset-download": "text", // text/csv
      "dns-records-for-a-zone-export-dns-records": "text", // text/plain
      "stream-subtitles/-captions-get-vtt-caption-or-subtitle": "text", // text/vtt
      // Cloudflare's own non-media-types for script sources.
      "namespace-worker-get-script-content": "text", // "string"
      "worker-script-get-content": "text",
      "worker-environment-get-script-content": "text",
      "worker-script-download-worker": "text", // "undefined"
      "worker-script-(-deprecated)-download-worker": "text",
    });
    const types = readFileSync(path.join(out, "types.ts"), "utf8");
    expect(types).toContain("export type IpAddressManagementPrefixesDownloadLoaDocumentResult = Blob;");
    expect(types).toContain(
      "export type CustomIndicatorFeedsGetIndicatorFeedDataResult = CustomIndicatorFeedsGetIndicatorFeedDataEnvelope;",
    );
  });

  it("resolve to the CSV as it came and to the PDF's every byte", async () => {
    const client = createClient({ ...CREDENTIALS, baseUrl: server.origin, maxRetries: 0 });
    server.reply(text(200, "ip,comment\n192.0.2.1,{not json", { "content-type": "text/csv" }));
    await expect(client[method("custom-indicator-feeds-get-indicator-feed-data").name]!({ account_id: "a1", feed_id: 7 })).resolves.toBe(
      "ip,comment\n192.0.2.1,{not json",
    );
    const pdf = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
    server.reply((_req, res) => res.writeHead(200, { "content-type": "application/pdf" }).end(pdf));
    const blob = (await client[method("ip-address-management-prefixes-download-loa-document").name]!({
      account_id: "a1",
      loa_document_id: "d1",
    })) as Blob;
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(pdf);
  });
});
