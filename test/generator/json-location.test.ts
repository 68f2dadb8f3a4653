// generator/load/json-location.ts finds where a JSON pointer points in a JSON text without
// Redocly's YAML syntax tree: it must say exactly what Redocly's getLineColLocation says.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openapiCore } from "../../generator/lib/packages.js";
import { jsonOffset, locate } from "../../generator/load/json-location.js";
import { CLOUDFLARE_2024 } from "../support/fixtures.js";

const { Source, getLineColLocation } = openapiCore();

/** Every pointer in `value` ("#/a/0/b"), depth first, escaped as Redocly's problems write them. */
function pointers(value: unknown, at = "#", out: string[] = []): string[] {
  out.push(at);
  if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) pointers(child, `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
  }
  return out;
}

/** Redocly's answer and ours, side by side, for each pointer and both ways of reporting. */
function compare(text: string, list: readonly string[]) {
  const redocly = new Source("spec.json", text);
  const ours = new Source("spec.json", text);
  const mismatches: string[] = [];
  for (const pointer of list) {
    for (const reportOnKey of [false, true]) {
      const expected = getLineColLocation({ source: redocly, pointer, reportOnKey }).start;
      const actual = locate(ours, pointer, reportOnKey);
      if (expected.line !== actual.line || expected.col !== actual.col)
        mismatches.push(`${pointer} ${reportOnKey}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    }
  }
  return mismatches;
}

describe("JSON pointer locations, as Redocly gives them", () => {
  it("on a pretty-printed document: escaped keys, arrays, scalars, CRLF, pointers that lead nowhere", () => {
    const document = {
      openapi: "3.1.0",
      "a/b~c": { "x y": [1, { deep: [true, null, 's"q'] }, "é\u2028"], "": 0 },
      list: [[], {}, [[1]], "end"],
      'quo"te': { "back\\slash": -1.5e3 },
    };
    const text = JSON.stringify(document, null, 2);
    const list = [
      ...pointers(document),
      "#/nowhere",
      "#/list/9",
      "#/list/x",
      "#/openapi/deeper",
      "#/a~1b~0c/x%20y/1/deep/2",
      "#/list/01",
      "#",
    ];
    expect(compare(text, list)).toEqual([]);
    expect(compare(text.replace(/\n/g, "\r\n"), list)).toEqual([]);
    expect(compare(text.replace(/\n/g, "\n\r"), list)).toEqual([]); // a line break Redocly counts its own way
    expect(compare(`\n\n   ${JSON.stringify(document)}\n`, list)).toEqual([]);
  });

  it("on Cloudflare's whole API (4 MB on one line), at a hundred pointers", () => {
    const text = readFileSync(CLOUDFLARE_2024, "utf8");
    const all = pointers(JSON.parse(text));
    // Evenly spread (Redocly's own answer walks the text up to each one: ~40 ms a pointer).
    const sample = all.filter((_, i) => i % Math.ceil(all.length / 100) === 0);
    expect(sample.length).toBeGreaterThan(90);
    expect(compare(text, sample)).toEqual([]);
  }, 180_000); // ~8 s on a quiet machine

  it("leaves YAML, and YAML that only looks like JSON, to Redocly", () => {
    expect(jsonOffset("openapi: 3.1.0\npaths: {}\n", "#/paths", true)).toBeUndefined();
    expect(jsonOffset("{openapi: 3.1.0, paths: {}}", "#/paths", true)).toBeUndefined();
    const yaml = "openapi: 3.1.0\npaths:\n  /a: {}\n";
    expect(locate(new Source("spec.yaml", yaml), "#/paths/~1a", true)).toEqual(
      getLineColLocation({ source: new Source("spec.yaml", yaml), pointer: "#/paths/~1a", reportOnKey: true }).start,
    );
  });
});
