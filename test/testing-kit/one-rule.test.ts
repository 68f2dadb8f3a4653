// The test kit checks credentials by the client's own rule, and reads the spec's kinds from
// the one definition model, client and kit share (issue 21): the compiler must find a
// single declaration behind each, and the client and the kit must agree on every case.
import path from "node:path";
import { Project, SyntaxKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { resolveCredentials } from "../../generator/runtime/credentials.js";
import type { ApiDescription } from "../../generator/runtime/operation.js";
import type { BaseClientOptions } from "../../generator/runtime/options.js";
import { apiKeyHeader, bearer } from "../../generator/runtime/schemes.js";
import type { Security } from "../../generator/runtime/operation.js";
import { checkCredentials, type MockOperation, type MockScheme } from "../../generator/runtime/testing-request.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("one definition of each kind, one credential rule", () => {
  const project = new Project({ tsConfigFilePath: path.join(ROOT, "tsconfig.json"), skipAddingFilesFromTsConfig: true });
  const file = (name: string) => project.addSourceFileAtPath(path.join(ROOT, name));
  /** The files that declare what the type of `property` of interface `name` in `source` names. */
  const declaredIn = (source: string, name: string, property: string) => {
    const type = file(source).getInterfaceOrThrow(name).getPropertyOrThrow(property).getTypeNodeOrThrow();
    const ref = type.isKind(SyntaxKind.TypeReference) ? type : undefined;
    const symbol = ref?.getTypeName().getSymbol()?.getAliasedSymbol() ?? ref?.getTypeName().getSymbol();
    return (symbol?.getDeclarations() ?? []).map((d) => path.relative(ROOT, d.getSourceFile().getFilePath()));
  };

  it("the model's, the client's and the kit's parameter types and scheme kinds are operation.ts's", () => {
    const kinds = ["generator/runtime/operation.ts"];
    expect(declaredIn("generator/model/api-model.ts", "ParamModel", "type")).toEqual(kinds);
    expect(declaredIn("generator/runtime/testing-request.ts", "MockParam", "type")).toEqual(kinds);
    expect(declaredIn("generator/model/api-model.ts", "SecuritySchemeModel", "kind")).toEqual(kinds);
    expect(declaredIn("generator/runtime/testing-request.ts", "MockScheme", "kind")).toEqual(kinds);
    expect(declaredIn("generator/model/api-model.ts", "SecuritySchemeModel", "in")).toEqual(kinds);
    expect(declaredIn("generator/runtime/testing-request.ts", "MockScheme", "in")).toEqual(kinds);
    expect(declaredIn("generator/runtime/operation.ts", "SchemeKind", "in")).toEqual(kinds);
  });

  it("the client's choice and the kit's check both call security-rule.ts", () => {
    const calls = (source: string, fn: string) =>
      file(source)
        .getFunctionOrThrow(fn)
        .getDescendantsOfKind(SyntaxKind.CallExpression)
        .map((call) => call.getExpression().getSymbol()?.getAliasedSymbol()?.getDeclarations()[0]?.getSourceFile().getBaseName())
        .filter((name) => name === "security-rule.ts");
    expect(calls("generator/runtime/credentials.ts", "resolveCredentials").length).toBeGreaterThanOrEqual(2);
    expect(calls("generator/runtime/testing-request.ts", "checkCredentials").length).toBeGreaterThanOrEqual(2);
  });
});

describe("the client and the kit agree on which credentials an operation's security needs", () => {
  const api: ApiDescription = {
    schemes: {
      api_token: { option: "apiToken", kind: bearer },
      api_email: { option: "apiEmail", kind: apiKeyHeader, name: "X-Auth-Email" },
      api_key: { option: "apiKey", kind: apiKeyHeader, name: "X-Auth-Key" },
    },
    security: [],
  };
  const schemes: Record<string, MockScheme> = {
    api_token: { kind: "bearer" },
    api_email: { kind: "apiKey", in: "header", name: "X-Auth-Email" },
    api_key: { kind: "apiKey", in: "header", name: "X-Auth-Key" },
  };
  const securities: Security[] = [
    [],
    [[]],
    [["api_token"]],
    [["api_token"], ["api_email", "api_key"]],
    [["api_email", "api_key"], []],
    [["nope"]],
  ];
  const given: { apiToken?: string; apiEmail?: string; apiKey?: string }[] = [
    {},
    { apiToken: "t" },
    { apiEmail: "e@example.com" },
    { apiEmail: "e@example.com", apiKey: "k" },
  ];
  const cases = securities.flatMap((security) => given.map((options) => ({ security, options })));

  it.each(cases)("security $security with $options", ({ security, options }) => {
    const chosen = resolveCredentials(api, options as BaseClientOptions, []).choose(security);
    const op = { id: "op", security } as unknown as MockOperation;
    const url = new URL("https://api.example.com/x");
    // What the client sends when it can call the operation; else every credential it was given.
    const all = { authorization: `Bearer ${options.apiToken}`, "x-auth-email": options.apiEmail, "x-auth-key": options.apiKey };
    const headers =
      typeof chosen === "object"
        ? chosen.headers
        : Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => !!e[1] && !e[1].endsWith("undefined")));
    const sent = new Request(url, { headers });
    const violations = checkCredentials(op, schemes, sent, url);
    if (typeof chosen === "string") expect(violations, chosen).toHaveLength(1);
    else expect(violations).toEqual([]);
  });
});
