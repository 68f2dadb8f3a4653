// generator/model/resolve-ref.ts: the model's one ref walk, and the pointers it hands to
// validators. Both take spec text: a walk must end (cycles), find nothing rather than
// something wrong (dangling, external, prototype keys), and a pointer must lead back to
// exactly its key.
import vm from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lookup } from "../../generator/lib/json-pointer.js";
import { child, deref, pointerSegment, resolve, type JsonObject } from "../../generator/model/resolve-ref.js";

const doc = JSON.parse(`{
  "components": {
    "schemas": {
      "A": { "$ref": "#/components/schemas/B" },
      "B": { "$ref": "#/components/schemas/C" },
      "C": { "type": "string" },
      "Self": { "$ref": "#/components/schemas/Self" },
      "Ping": { "$ref": "#/components/schemas/Pong" },
      "Pong": { "$ref": "#/components/schemas/Ping" },
      "IntoLoop": { "$ref": "#/components/schemas/Ping" },
      "Dangling": { "$ref": "#/components/schemas/Missing" },
      "ToText": { "$ref": "#/info/title" },
      "a/b~c d": { "type": "integer" },
      "__proto__": { "type": "boolean" }
    }
  },
  "info": { "title": "t" }
}`) as JsonObject;

const ref = (target: string) => ({ $ref: target });

/** Runs `walk`, failing instead of hanging when it never ends (a walk that missed a cycle would spin for ever, out of vitest's reach). */
function ends<T>(walk: () => T): T {
  return vm.runInNewContext("walk()", { walk }, { timeout: 10_000 }) as T;
}

describe("resolve", () => {
  it("follows a chain of $refs to the object at its end, and says where that object lives", () => {
    expect(resolve(doc, ref("#/components/schemas/A"))).toEqual({ node: { type: "string" }, pointer: "#/components/schemas/C" });
    expect(resolve(doc, ref("#/components/schemas/C"), "#/elsewhere")).toEqual({
      node: { type: "string" },
      pointer: "#/components/schemas/C",
    });
  });

  it("keeps the caller's pointer for an object that is not a $ref, and has none to give when the caller gave none", () => {
    expect(resolve(doc, { type: "number" }, "#/paths/~1a/get")).toEqual({ node: { type: "number" }, pointer: "#/paths/~1a/get" });
    expect(resolve(doc, { type: "number" })).toEqual({ node: { type: "number" }, pointer: undefined });
  });

  it("ends on a cycle, with nothing: a $ref to itself, two to each other, or a chain into a loop", () => {
    for (const name of ["Self", "Ping", "Pong", "IntoLoop"])
      expect(
        ends(() => resolve(doc, ref(`#/components/schemas/${name}`))),
        name,
      ).toBeUndefined();
  });

  it("gives nothing for a dangling $ref, a $ref to a value that is not an object, or a value that is not an object", () => {
    expect(resolve(doc, ref("#/components/schemas/Dangling"))).toBeUndefined();
    expect(resolve(doc, ref("#/components/schemas/ToText"))).toBeUndefined();
    for (const value of [undefined, null, "x", 1, true, [{ type: "string" }]])
      expect(resolve(doc, value as never), JSON.stringify(value)).toBeUndefined();
  });

  it("never follows a $ref out of the document: files and URLs are the loader's to refuse or bundle", () => {
    for (const target of [
      "other.yaml#/components/schemas/C",
      "https://example.com/spec.json#/components/schemas/C",
      "//example.com/x",
      "C",
      "#C",
    ]) {
      expect(resolve(doc, ref(target)), target).toBeUndefined();
    }
  });

  it("reaches keys through ~0, ~1 and %-escapes, and own keys only", () => {
    expect(deref(doc, ref("#/components/schemas/a~1b~0c%20d"))).toEqual({ type: "integer" });
    expect(deref(doc, ref("#/components/schemas/__proto__"))).toEqual({ type: "boolean" });
    expect(deref({}, ref("#/__proto__"))).toBeUndefined();
    expect(deref(doc, ref("#/components/constructor"))).toBeUndefined();
    expect(deref(doc, ref("#/components/schemas/C/constructor"))).toBeUndefined();
  });
});

describe("pointerSegment and child", () => {
  it("extend a pointer one escaped, URI-encoded segment per key; no pointer stays no pointer", () => {
    expect(child("#/paths/~1a", "content", "application/json", "schema")).toBe("#/paths/~1a/content/application~1json/schema");
    expect(child("#", "a b", "{id}", "~", "100%")).toBe("#/a%20b/%7Bid%7D/~0/100%25");
    expect(child(undefined, "content")).toBeUndefined();
  });

  it("lead back to exactly their key for any key, lone surrogates, % and __proto__ included", () => {
    const keys = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom("__proto__", "constructor", "%41", "%", "~01", "a/b", "", "\ud800", "x\udfffy"),
    );
    fc.assert(
      fc.property(keys, keys, fc.jsonValue({ maxDepth: 2 }), (outer, inner, value) => {
        const document = Object.defineProperty({}, outer, {
          value: Object.defineProperty({}, inner, { value, enumerable: true }),
          enumerable: true,
        });
        expect(lookup(document, child("#", outer, inner)!)).toEqual(value);
        expect(pointerSegment(outer)).not.toContain("/");
      }),
    );
  });
});
