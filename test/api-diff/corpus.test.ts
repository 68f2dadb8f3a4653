/**
 * api-diff against a reference: ~370 before/after pairs (test/fixtures/openapi-compat/,
 * Apache 2.0, see its NOTICE.md) with the verdicts of a wire-only tool
 * (qubership-apihub-api-diff). `breaking` ~ major (and `risky`, which it uses for a widened
 * output), `nonBreaking` ~ minor, `annotation`, `deprecated` and `unclassified` ~ patch, no
 * diff ~ none. Every pair where our bump differs is listed below with the reason; a new
 * difference, or a listed one that went away, fails the test.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { higher, type Bump } from "../../generator/diff/change.js";
import { diffSpecFiles } from "../../generator/diff/diff-specs.js";
import { SpecError } from "../../generator/lib/spec-error.js";

const ROOT = path.join(import.meta.dirname, "../fixtures/openapi-compat");
const VERDICTS = JSON.parse(readFileSync(path.join(ROOT, "verdicts.json"), "utf8")) as Record<string, string[]>;
const AS_BUMP: Record<string, Bump> = {
  breaking: "major",
  risky: "major",
  nonBreaking: "minor",
  annotation: "patch",
  deprecated: "patch",
  unclassified: "patch",
};

/** Why we differ, by group. */
const REASONS = {
  methodName: "the operationId is the client's method name: renaming it changes no byte on the wire but breaks every caller",
  server: "the server is where the client sends its requests by default: a changed URL is a run-time change for every caller",
  scopes: "OAuth scopes change nothing the client sends (the same credential); whether a token has them is the server's business",
  serializer:
    "the client serializes every parameter one way (openapi-fetch's defaults): style, explode, allowReserved and allowEmptyValue do not change its requests",
  reservedHeader:
    "OpenAPI says to ignore Accept, Content-Type and Authorization header parameters, but the generator makes them arguments: the method's argument type changes",
  refSiblings:
    "OpenAPI 3.1 applies a $ref's siblings (JSON Schema 2020-12): a sibling enum narrows or widens the value; the reference ignores it",
  credentialChoice:
    "the client sends the first alternative its options meet: a new alternative of schemes a client may already hold in its options changes what it sends",
  extra2xx:
    "the call resolves to its lowest 2xx and rejects what is not 2xx as before: removing another documented status narrows what it can get",
} as const;

/** Pairs where we differ on purpose: pair → [our bump, reason]. */
const DIFFERENCES: Record<string, readonly [Bump, keyof typeof REASONS]> = {
  "general-operation-parameters/add-operationId-value": ["major", "methodName"],
  "general-operation-parameters/remove-operationId-value": ["major", "methodName"],
  "general-operation-parameters/update-operationId-value": ["major", "methodName"],
  "general-operation-parameters/add-server-url": ["major", "server"],
  "general-operation-parameters/add-variable": ["major", "server"],
  "general-operation-parameters/remove-server-url": ["major", "server"],
  "general-operation-parameters/remove-variable": ["major", "server"],
  "general-operation-parameters/update-server-url": ["major", "server"],
  "general-operation-parameters/update-variable-default-value": ["major", "server"],
  "general-operation-parameters/add-scope-for-authentication-method": ["patch", "scopes"],
  "general-operation-parameters/remove-scope-for-authentication-method": ["patch", "scopes"],
  "general-operation-parameters/update-scope-for-authentication-method": ["patch", "scopes"],
  "operation-parameters/allow-empty-value-for-query": ["patch", "serializer"],
  "operation-parameters/prohibit-empty-value-for-query": ["patch", "serializer"],
  "operation-parameters/allow-reserved-characters-for-query": ["patch", "serializer"],
  "operation-parameters/prohibit-reserved-characters-for-query": ["patch", "serializer"],
  "operation-parameters/mark-array-parameter-with-not-form-style-as-exploded": ["patch", "serializer"],
  "operation-parameters/mark-array-parameter-with-not-form-style-as-not-exploded": ["patch", "serializer"],
  "operation-parameters/update-style-for-path-parameter": ["patch", "serializer"],
  "operation-parameters/add-header-parameter-with-name-accept": ["minor", "reservedHeader"],
  "operation-parameters/add-header-parameter-with-name-authorization": ["minor", "reservedHeader"],
  "operation-parameters/add-header-parameter-with-name-content-type": ["minor", "reservedHeader"],
  "operation-parameters/remove-header-parameter-with-name-accept": ["major", "reservedHeader"],
  "operation-parameters/remove-header-parameter-with-name-authorization": ["major", "reservedHeader"],
  "operation-parameters/remove-header-parameter-with-name-content-type": ["major", "reservedHeader"],
  "parameters-schema/change-sibling-enum-for-ref": ["minor", "refSiblings"],
  "request-body-schema/change-sibling-enum-for-ref": ["minor", "refSiblings"],
  "response-body-schema/change-sibling-enum-for-ref": ["major", "refSiblings"],
  "response-headers-schema/change-sibling-enum-for-ref": ["major", "refSiblings"],
  "response/remove-response": ["minor", "extra2xx"],
  "general-operation-parameters/add-alternative-authentication-method": ["major", "credentialChoice"],
};

/**
 * Pairs the loader refuses (none today: the six whose examples' `externalValue` is a URL are
 * read without bundling, which is what would follow it, as api-diff needs no example's text).
 */
const REFUSED = new Set<string>();

describe("api-diff against the openapi-compat reference corpus", () => {
  it("agrees with every verdict but the listed differences, each for its stated reason", async () => {
    const agree: string[] = [];
    const differ: Record<string, [Bump, string]> = {};
    const refused: string[] = [];
    for (const [pair, types] of Object.entries(VERDICTS)) {
      const reference = types.map((t) => AS_BUMP[t]!).reduce<Bump>(higher, "none");
      const files = ["before", "after"].map((side) => path.join(ROOT, "suites", pair, `${side}.yaml`));
      try {
        const report = await diffSpecFiles(files[0]!, files[1]!);
        if (report.bump === reference) agree.push(pair);
        else differ[pair] = [report.bump, reference];
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        // Refused with a location, as the CLI prints it.
        expect(error.message).toMatch(/before\.yaml:\d+:\d+: refused \$ref/);
        refused.push(pair);
      }
    }
    expect(new Set(refused)).toEqual(REFUSED);
    expect(Object.fromEntries(Object.entries(differ).map(([pair, [ours]]) => [pair, ours]))).toEqual(
      Object.fromEntries(Object.entries(DIFFERENCES).map(([pair, [ours]]) => [pair, ours])),
    );
    // Every stated reason is one some difference cites.
    expect(new Set(Object.values(DIFFERENCES).map(([, why]) => why))).toEqual(new Set(Object.keys(REASONS)));
    // The figures the README quotes.
    expect({
      pairs: Object.keys(VERDICTS).length,
      agree: agree.length,
      differ: Object.keys(differ).length,
      refused: refused.length,
    }).toEqual({
      pairs: 218,
      agree: 187,
      differ: 31,
      refused: 0,
    });
  });

  it("runs the pairs the reference has no settled verdict for without failing", async () => {
    const { readdirSync } = await import("node:fs");
    const unjudged: string[] = [];
    for (const suite of readdirSync(path.join(ROOT, "suites"))) {
      for (const name of readdirSync(path.join(ROOT, "suites", suite))) {
        if (!(`${suite}/${name}` in VERDICTS)) unjudged.push(`${suite}/${name}`);
      }
    }
    expect(unjudged.length).toBeGreaterThan(100);
    for (const pair of unjudged) {
      const [before, after] = ["before", "after"].map((side) => path.join(ROOT, "suites", pair, `${side}.yaml`));
      try {
        const report = await diffSpecFiles(before!, after!);
        expect(["major", "minor", "patch", "none"]).toContain(report.bump);
      } catch (error) {
        // Only the loader's own refusals (URLs, broken documents) may stop a pair.
        expect(error).toBeInstanceOf(SpecError);
      }
    }
  });
});
