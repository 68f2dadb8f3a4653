/**
 * Examples for strings with a `pattern` and no example of their own (generator/model/pattern-example.ts):
 * found by issue 23's end-to-end run, where 39 of ReadMe's 54 operations answered with
 * examples their own validators rejected (`rdme_\w+`, `[a-f\d]{24}`…).
 */
import { describe, expect, it } from "vitest";
import { patternExample } from "../../generator/model/pattern-example.js";
import { exampleFromSchema } from "../../generator/model/examples.js";

describe("an example for a string with a pattern", () => {
  it.each([
    ["rdme_\\w+", "rdme_a"],
    ["[a-f\\d]{24}", "a".repeat(24)],
    ["^\\d{3}-\\d{4}$", "000-0000"],
    ["\\/projects\\/(me|[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*)\\/apikeys\\/[a-f\\d]{24}", `/projects/me/apikeys/${"a".repeat(24)}`],
    ["^[^@]+@[^@]+$", "a@a"],
    ["(?<year>\\d{4})-(?:0[1-9]|1[0-2])", "0000-01"],
  ])("%s: %s, which the pattern accepts", (pattern, example) => {
    expect(patternExample(pattern, "string")).toBe(example);
    expect(new RegExp(pattern, "u").test(example)).toBe(true);
  });

  it("keeps the preferred value when the pattern already accepts it, and gives up on what it cannot read", () => {
    expect(patternExample("^str", "string")).toBe("string");
    expect(patternExample("(?=a)b", "string")).toBeUndefined();
    expect(patternExample("(a)\\1", "string")).toBeUndefined();
    expect(patternExample("[", "string")).toBeUndefined();
  });

  it("is what a schema's example is made of (format and pattern both asked for)", () => {
    expect(exampleFromSchema({}, { type: "string", pattern: "^rdme_\\w+$" }, "response")).toBe("rdme_a");
    expect(exampleFromSchema({}, { type: "string", format: "email", pattern: "@example\\.com$" }, "response")).toBe("user@example.com");
  });
});
