import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScript } from "../support/child-process.js";
import { envelope, hang, resetMidBody, startLoopbackServer, text, type Handler, type LoopbackServer } from "../support/loopback-server.js";

let server: LoopbackServer;
const flakySeen = new Set<string>();

/** Answers by account id prefix: ok, flaky (503 once), fail (400), hang, reset. */
const byAccount: Handler = (req, res, recorded) => {
  const id = /\/accounts\/([^/]+)\//.exec(req.url ?? "")?.[1] ?? "";
  const answer: Handler = id.startsWith("ok")
    ? envelope({ id })
    : id.startsWith("flaky")
      ? flakySeen.has(id)
        ? envelope({ id })
        : (flakySeen.add(id), text(503, ""))
      : id.startsWith("fail")
        ? text(400, "")
        : id.startsWith("hang")
          ? hang
          : resetMidBody();
  answer(req, res, recorded);
};

beforeAll(async () => {
  server = await startLoopbackServer(byAccount);
});
afterAll(() => server.close());

describe("500 concurrent calls", () => {
  it("all settle, and the process then exits by itself", async () => {
    const outcome = await runScript("concurrent-calls.ts", [server.origin], 20_000);
    expect(outcome.stderr).toBe("");
    expect(outcome.killed).toBe(false);
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout.trim()) as { settled: number; tally: Record<string, number>; at: number };
    expect(report.settled).toBe(500);
    expect(report.tally).toEqual({ fulfilled: 200, BadRequestError: 100, TimeoutError: 100, ConnectionError: 100 });
    // Nothing left running: no timer, socket or listener kept the process alive.
    expect(outcome.exitedAt - report.at).toBeLessThan(2_000);
    const perKind: Record<string, number> = {};
    for (const { url } of server.requests) {
      const kind = /accounts\/([a-z]+)-/.exec(url)![1]!;
      perKind[kind] = (perKind[kind] ?? 0) + 1;
    }
    // A hanging call's attempt may time out (300 ms) before its connection is even accepted.
    expect(perKind).toEqual({ ok: 100, flaky: 200, fail: 100, hang: expect.any(Number), reset: 300 });
    expect(perKind.hang).toBeLessThanOrEqual(300);
  });
});
