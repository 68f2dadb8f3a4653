import { afterEach, describe, expect, it } from "vitest";
import { createClient, RISK_LEVELS, ValidationError } from "../../generated/index.js";
import { validators } from "../../generated/validators.js";
import { generate } from "../../generator/pipeline.js";
import { closeLoopbackServers, envelope, startLoopbackServer } from "../support/loopback-server.js";
import { unlisted } from "../support/spec-values.js";

afterEach(closeLoopbackServers);

const GOOD = { account_id: "abc", behaviors: { foo: { enabled: true, risk_level: "low" as const } } };

describe("validators prepared at generation time (generated/validators.ts)", () => {
  it("are Ajv standalone functions per operationId: request and success body", () => {
    expect(Object.keys(validators)).toEqual(expect.arrayContaining(["getBehaviors", "updateBehaviors"]));
    const request = validators.updateBehaviors!.request!;
    expect(request({ behaviors: { foo: { enabled: true, risk_level: "low" } } })).toBe(true);
    expect(request({ behaviors: { foo: { enabled: true, risk_level: unlisted(RISK_LEVELS) } } })).toBe(false);
    expect(request.errors?.[0]).toMatchObject({ instancePath: "/behaviors/foo/risk_level" });
    expect(validators.getBehaviors!.request).toBeUndefined();
  });

  it("refuse a bad request body before anything is sent", async () => {
    const server = await startLoopbackServer(envelope(GOOD));
    const client = createClient({ apiToken: "t", baseUrl: server.origin, validate: validators });
    const bad = { account_id: "abc", behaviors: { foo: { enabled: "yes" } } } as unknown as typeof GOOD;
    const error = await client.updateBehaviors(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ operationId: "updateBehaviors", direction: "request" });
    expect(server.requests).toHaveLength(0);
  });

  it("refuse a success body that does not match the spec, and pass one that does", async () => {
    const server = await startLoopbackServer(
      envelope({ behaviors: { foo: { enabled: true, risk_level: unlisted(RISK_LEVELS) } } }),
      envelope({ behaviors: GOOD.behaviors }),
    );
    const client = createClient({ apiToken: "t", baseUrl: server.origin, validate: validators, maxRetries: 0 });
    const error = await client.updateBehaviors(GOOD).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ValidationError", direction: "response" });
    await expect(client.updateBehaviors(GOOD)).resolves.toEqual({ behaviors: GOOD.behaviors });
  });

  it("are emitted only for specs that ask for them (x-zt-generator: { validators: true })", async () => {
    const { files } = await generate("test/fixtures/specs/composition.yaml");
    expect(files.map((f) => f.path)).not.toContain("validators.ts");
  });
});
