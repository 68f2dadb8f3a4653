// generator/lib/json-pointer.ts: how a spec's `$ref` fragments are read. A `$ref` is spec
// text, so it must reach exactly the key it names and nothing the document does not own.
import { describe, expect, it } from "vitest";
import { escapeSegment, lookup } from "../../generator/lib/json-pointer.js";

/** An object with one own key, `__proto__` included (an object literal would set the prototype instead). */
const own = (key: string, value: unknown): Record<string, unknown> => Object.defineProperty({}, key, { value, enumerable: true });

describe("escapeSegment", () => {
  it("escapes ~ before /, so that no key reads as another (RFC 6901 §4)", () => {
    expect(escapeSegment("a/b~c")).toBe("a~1b~0c");
    expect(escapeSegment("~1")).toBe("~01");
    expect(escapeSegment("/")).toBe("~1");
    // "%" is left alone: a `$ref` fragment is URI-encoded on top of this (pointerSegment, resolve-ref.test.ts).
    expect(lookup(own("%41", 1), `#/${escapeSegment("%41")}`)).toBeUndefined();
    expect(lookup(own("%41", 1), `#/${encodeURIComponent(escapeSegment("%41"))}`)).toBe(1);
  });
});

describe("lookup", () => {
  const doc = JSON.parse(`{
    "components": { "schemas": { "a/b": 1, "a~b": 2, "~1": 3, "a b": 4, "{id}": 5, "100%": 6, "": 7, "__proto__": { "own": true } } },
    "list": ["zero", "one"]
  }`);

  it("names the root, and keys through ~0 and ~1, ~01 being a key named ~1", () => {
    expect(lookup(doc, "#")).toBe(doc);
    expect(lookup(doc, "#/components/schemas/a~1b")).toBe(1);
    expect(lookup(doc, "#/components/schemas/a~0b")).toBe(2);
    expect(lookup(doc, "#/components/schemas/~01")).toBe(3);
    expect(lookup(doc, "#/components/schemas/")).toBe(7);
  });

  it("decodes each segment's %-escapes, then its ~ escapes (RFC 6901 §6); split first, as Redocly does, so %2F stays in its key", () => {
    expect(lookup(doc, "#/components/schemas/a%20b")).toBe(4);
    expect(lookup(doc, "#/components/schemas/%7Bid%7D")).toBe(5);
    expect(lookup(doc, "#/components/schemas/a%2Fb")).toBe(1);
    expect(lookup(doc, "#/components/schemas/a%7E1b")).toBe(1);
    expect(lookup(doc, "#/components/schemas/%7E01")).toBe(3);
    // A stray % is a plain character, not a broken escape that throws.
    expect(lookup(doc, "#/components/schemas/100%")).toBe(6);
    expect(lookup(doc, "#/components/schemas/100%25")).toBe(6);
    expect(lookup(doc, "#/components/schemas/%E0%A4%A")).toBeUndefined();
  });

  it("reads own keys only: never a prototype's member", () => {
    expect(lookup(doc, "#/components/schemas/__proto__")).toEqual({ own: true });
    expect(lookup({}, "#/__proto__")).toBeUndefined();
    for (const key of ["constructor", "toString", "hasOwnProperty", "valueOf"]) {
      expect(lookup(doc, `#/components/${key}`), key).toBeUndefined();
      expect(lookup(doc, `#/components/schemas/__proto__/${key}`), key).toBeUndefined();
    }
    expect(lookup(doc, "#/components/__proto__/polluted")).toBeUndefined();
  });

  it("indexes arrays by index only: not length, not -, not a leading zero", () => {
    expect(lookup(doc, "#/list/0")).toBe("zero");
    expect(lookup(doc, "#/list/1")).toBe("one");
    for (const segment of ["length", "-", "01", "2", "1.0", " 1", "map"]) expect(lookup(doc, `#/list/${segment}`), segment).toBeUndefined();
  });

  it("finds nothing for a missing key, a walk through a value, or a fragment that is not a pointer", () => {
    expect(lookup(doc, "#/components/schemas/missing")).toBeUndefined();
    expect(lookup(doc, "#/components/schemas/a~1b/deeper")).toBeUndefined();
    expect(lookup(doc, "#/list/0/length")).toBeUndefined();
    for (const ref of ["#components", "#a", "", "components/schemas", "other.yaml#/components", "https://example.com/#/components"]) {
      expect(lookup(doc, ref), ref).toBeUndefined();
    }
  });
});
