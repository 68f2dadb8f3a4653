import { describe, expect, it } from "vitest";
import { camelCase, identifier, methodName, NameRegistry, pascalCase, pluralConstantCase } from "../../generator/model/names.js";

describe("naming rules", () => {
  it("camelCases operationIds the way Cloudflare's ids and ours read", () => {
    expect(camelCase("getBehaviors")).toBe("getBehaviors");
    expect(camelCase("dlp-risk-score-behaviors-get")).toBe("dlpRiskScoreBehaviorsGet");
    expect(camelCase("zone_settings.get")).toBe("zoneSettingsGet");
    expect(camelCase("GET /accounts/{account_id}")).toBe("getAccountsAccountId");
    expect(pascalCase("HTTPServer list")).toBe("HTTPServerList");
    expect(camelCase("HTTPServer list")).toBe("httpServerList");
  });

  it("keeps only ASCII letters and digits, so no spec text can reach code as an identifier", () => {
    expect(methodName('x"; process.exit(1); //')).toBe("xProcessExit1");
    expect(methodName("été-ünïcode")).toBe("tNCode");
    expect(methodName("")).toBe("op");
    expect(methodName("123abc")).toBe("op123abc");
    expect(methodName("a".repeat(500))).toMatch(/^a{71}_[0-9a-f]{8}$/);
    expect(methodName("a".repeat(500))).not.toBe(methodName("a".repeat(501)));
  });

  it("renames methods that would make the client a thenable or shadow its own members", () => {
    expect(["then", "catch", "finally", "raw", "constructor", "toString", "toJSON", "__proto__"].map(methodName)).toEqual([
      "thenOperation",
      "catchOperation",
      "finallyOperation",
      "rawOperation",
      "constructorOperation",
      "toStringOperation",
      "toJSONOperation",
      "proto",
    ]);
  });

  it("names enum tuples in plural constant case", () => {
    expect(["RiskLevel", "Status", "Policy", "Key", "Box", "dlp_risk_level"].map(pluralConstantCase)).toEqual([
      "RISK_LEVELS",
      "STATUSES",
      "POLICIES",
      "KEYS",
      "BOXES",
      "DLP_RISK_LEVELS",
    ]);
    expect(identifier("", "Schema")).toBe("Schema");
  });

  it("hands out names in order: the first keeps its name, later ones get 2, 3, …", () => {
    const names = new NameRegistry(["createClient"]);
    expect(["a", "a", "a", "createClient"].map((n) => names.claim(n))).toEqual(["a", "a2", "a3", "createClient2"]);
  });
});
