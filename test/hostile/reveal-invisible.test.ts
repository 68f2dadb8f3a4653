/**
 * generator/emit/reveal-invisible.ts, the last pass over every emitted file: invisible and
 * bidirectional characters are escaped inside strings, templates and regular expressions
 * (the values stay the same), shown as `<U+…>` inside comments, and refused anywhere
 * else. Checked on hand-made files, whose values are read back by TypeScript's parser or
 * run; the hostile corpus checks the generator's real output (generator.test.ts).
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { revealInvisible } from "../../generator/emit/reveal-invisible.js";
import { SpecError } from "../../generator/lib/spec-error.js";
import { invisibleIn } from "./support/invisible.js";

const reveal = (content: string) => revealInvisible({ path: "x.ts", content }, "spec.yaml").content;

/** The cooked text of every string and template part in `code`, in order. */
function literals(code: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true));
  return found;
}

/** The value of an expression (the test's own code, not a spec's). */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating the emitted expression is the point of this test
const evaluate = (expression: string): unknown => new Function(`return (${expression});`)();

describe("revealInvisible: nothing invisible stays raw in an emitted file", () => {
  it("leaves a file without any untouched (the same object)", () => {
    const file = { path: "x.ts", content: 'export const a = "plain ü 日本 🔥";\n' };
    expect(revealInvisible(file, "spec.yaml")).toBe(file);
  });

  it("escapes them in strings and templates, where they mean the same", () => {
    const code = "const a = \"x\u202ey\u2066z\", b = '\u200b\u{e0041}\ud800', c = `t\u2028${a}m\ufeff${b}e\u00ad`, d = `\u2067`;\n";
    const revealed = reveal(code);
    expect(invisibleIn(revealed)).toEqual([]);
    expect(revealed).toContain('"x\\u202ey\\u2066z"');
    expect(revealed).toContain("`t\\u2028${a}m\\ufeff${b}e\\u00ad`");
    expect(literals(revealed)).toEqual(literals(code));
    expect(literals(code)).toEqual(["x\u202ey\u2066z", "\u200b\u{e0041}\ud800", "t\u2028", "m\ufeff", "e\u00ad", "\u2067"]);
  });

  it("escapes one behind a backslash with the backslash, and drops a backslash-U+2028 line continuation (the same value)", () => {
    const code = 'const a = "p\\\u202eq", b = "r\\\u2028s", c = "\\\\\u202e";\n';
    const revealed = reveal(code);
    expect(invisibleIn(revealed)).toEqual([]);
    expect(literals(revealed)).toEqual(["p\u202eq", "rs", "\\\u202e"]);
    expect(literals(code)).toEqual(literals(revealed));
  });

  it("escapes them in regular expressions, told apart from divisions by the parser", () => {
    const regexps = ["/a\u202eb/", "/[\u200b\u2066]/u", "/\\\u200d/", "/x\u{e0041}/u"];
    const code = `const n = 4 / 2 / 1;\nconst r = [${regexps.join(", ")}];\nconst m = n /2/ 1;\n`;
    const revealed = reveal(code);
    expect(invisibleIn(revealed)).toEqual([]);
    expect(revealed).toContain("const n = 4 / 2 / 1;");
    expect(revealed).toContain("const m = n /2/ 1;");
    const before = evaluate(regexps.join(", ").replace(/^/, "[").concat("]")) as RegExp[];
    const after = evaluate(/const r = (\[.*\]);/.exec(revealed)![1]!) as RegExp[];
    for (const sample of ["a\u202eb", "\u200b", "\u2066", "\u200d", "x\u{e0041}", "ab", "x"]) {
      expect(after.map((r) => r.test(sample))).toEqual(before.map((r) => r.test(sample)));
    }
    expect(["a\u202eb", "\u2066", "\u200d", "x\u{e0041}"].map((sample, i) => after[i]!.test(sample))).toEqual([true, true, true, true]);
  });

  it("shows them in comments: line, block and JSDoc", () => {
    const code = "// a\u202eb\n/* c\u2066d\u2028e */\n/**\n * f\u200bg\u{e0041}\n */\nexport const x = 1; // h\u00adi\n";
    const revealed = reveal(code);
    expect(revealed).toBe(
      "// a<U+202E>b\n/* c<U+2066>d<U+2028>e */\n/**\n * f<U+200B>g<U+E0041>\n */\nexport const x = 1; // h<U+00AD>i\n",
    );
  });

  it("refuses one outside any string or comment, with where it is", () => {
    const refused = (code: string) => {
      try {
        reveal(code);
      } catch (error) {
        expect(error).toBeInstanceOf(SpecError);
        return (error as SpecError).message;
      }
      return "not refused";
    };
    // In an identifier (ZWJ is allowed there), between tokens, and a U+2028 that ends a `//` comment early.
    expect(refused("const a\u200db = 1;\n")).toBe(
      "spec.yaml: cannot write x.ts: line 1, column 8 holds U+200D, an invisible or bidirectional character, outside any string or comment, where it cannot be escaped",
    );
    expect(refused("const a = 1;\n\u202e const b = 2;\n")).toMatch(/line 2, column 1 holds U\+202E/);
    expect(refused("// generated from evil\u2028globalThis.x = 1;\n")).toMatch(/line 1, column 23 holds U\+2028/);
    expect(refused("\ufeffexport {};\n")).toMatch(/line 1, column 1 holds U\+FEFF/);
  });
});
