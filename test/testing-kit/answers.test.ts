// What mock.<operation>(…) and apiError(…) answer, as a service's tests meet it (issue 19,
// items 1 and 5; issue 22, item 11): a fixed Response answers every call, retries included;
// apiError's default body is the spec's own error example, never one the spec forbids; and
// a resolver gets the params as the client's method took them, whatever the body holds.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClient, InternalServerError, NotFoundError, type UpdateBehaviorsParams } from "../../generated/index.js";
import { apiError, mock } from "../../generated/testing.js";

const BASE = "https://api.cloudflare.com/client/v4";
// The client's default retries (2), with waits short enough for a test.
const client = createClient({ apiToken: "test-token", timeoutMs: 1500, maxRetryDelayMs: 5 });

const server = setupServer();
const requests: Request[] = [];
server.events.on("request:start", ({ request }) => void requests.push(request));
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => {
  server.close();
  process.off("unhandledRejection", onUnhandled);
});

describe("a fixed Response answers every call", () => {
  it("the README's HTML 502, with the default retries: the typed error after three answered requests", async () => {
    server.use(mock.getBehaviors(new Response("<html>Bad gateway</html>", { status: 502 })));
    const error = await client.getBehaviors({ account_id: "acc" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, body: "<html>Bad gateway</html>" });
    expect(requests).toHaveLength(3);
    // And again: the Response given once is never used up.
    await expect(client.getBehaviors({ account_id: "acc" })).rejects.toBeInstanceOf(InternalServerError);
    expect(unhandled).toEqual([]);
  });

  it("a resolver that returns the same Response each time", async () => {
    const same = new Response(JSON.stringify({ success: true, errors: [], messages: [], result: { behaviors: {} } }), {
      headers: { "content-type": "application/json" },
    });
    server.use(mock.getBehaviors(() => same));
    await expect(client.getBehaviors({ account_id: "a" })).resolves.toEqual({ behaviors: {} });
    await expect(client.getBehaviors({ account_id: "b" })).resolves.toEqual({ behaviors: {} });
  });

  it("a fixed apiError(…) too, through every retry", async () => {
    server.use(mock.getBehaviors(apiError(503)));
    await expect(client.getBehaviors({ account_id: "acc" })).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(3);
    expect(unhandled).toEqual([]);
  });
});

describe("apiError(status) keeps to the spec it mocks", () => {
  it("its default errors are the spec's own error example, which the spec's schema accepts", async () => {
    server.use(mock.getBehaviors(apiError(404)));
    const raw = await fetch(`${BASE}/accounts/acc/zt_risk_scoring/behaviors`, { headers: { authorization: "Bearer t" } });
    const body = await raw.json();
    // spec/components/responses/Failure.yaml's example: a code of at least 1000, as Message.yaml requires.
    expect(body).toEqual({ success: false, errors: [{ code: 7003, message: "No route for the URI" }], messages: [], result: null });
    expect(body.errors[0].code).toBeGreaterThanOrEqual(1000);
    const error = await client.getBehaviors({ account_id: "acc" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, errors: [{ code: 7003, message: "No route for the URI" }] });
  });

  it("errors given replace the example's; headers are added", async () => {
    server.use(mock.getBehaviors(apiError(404, { errors: [{ code: 1001, message: "gone" }], headers: { "x-extra": "1" } })));
    const raw = await fetch(`${BASE}/accounts/acc/zt_risk_scoring/behaviors`, { headers: { authorization: "Bearer t" } });
    expect(raw.headers.get("x-extra")).toBe("1");
    expect(await raw.json()).toEqual({ success: false, errors: [{ code: 1001, message: "gone" }], messages: [], result: null });
  });

  it("refuses a status that is not an error, saying what to pass instead", () => {
    expect(() => apiError(200)).toThrow(
      "apiError: status must be an error status, an integer from 400 to 599 (not 200); answer a success with its result",
    );
    expect(() => apiError(302)).toThrow(/not 302/);
    expect(() => apiError(600)).toThrow(/not 600/);
    expect(() => apiError(404.5)).toThrow(/not 404.5/);
  });
});

describe("a resolver's params are the method's argument", () => {
  it("a body field named like the path parameter does not replace it", async () => {
    const seen: UpdateBehaviorsParams[] = [];
    server.use(mock.updateBehaviors((params) => (seen.push(params), { behaviors: {} })));
    const response = await fetch(`${BASE}/accounts/acc/zt_risk_scoring/behaviors`, {
      method: "PUT",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({ behaviors: {}, account_id: "EVIL" }),
    });
    expect(response.status).toBe(200);
    // As updateBehaviors({ account_id, behaviors }) reads it: account_id is the path's, always.
    expect(seen).toEqual([{ account_id: "acc", behaviors: {} }]);
  });
});
