/**
 * generator/lib/ts-text.ts: spec text goes through literal(), indexed() and docText(), is
 * printed by ts-morph the way the emitters print it (a JSDoc'd constant, then the next
 * statement), and the printed code is parsed back with TypeScript: every string comes back
 * exactly, every comment ends where it should (no statement lost or added), and nothing
 * invisible is left raw. The strings are every key and value of the hostile corpus, and
 * fast-check's, drawn from the characters that mislead a printer.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { parseYaml } from "@redocly/openapi-core";
import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { printStructure } from "../../generator/emit/print-structure.js";
import { docText, indexed, literal } from "../../generator/lib/ts-text.js";
import { invisibleIn } from "../hostile/support/invisible.js";
import { ROOT } from "../support/spec-copy.js";

const CORPUS = path.join(ROOT, "test/hostile/corpus");

/** Every key and string value of every corpus document that parses, in document order, once each. */
function corpusStrings(): string[] {
  const strings = new Set<string>();
  // Each object once: the alias bombs' aliases share their objects (walked again, they would stand for billions).
  const seen = new Set<object>();
  const collect = (node: unknown): void => {
    if (typeof node === "string") strings.add(node);
    else if (typeof node === "object" && node !== null && !seen.has(node)) {
      seen.add(node);
      for (const [key, value] of Object.entries(node)) {
        strings.add(key);
        collect(value);
      }
    }
  };
  const documents = readdirSync(CORPUS).flatMap((entry) => {
    const file = path.join(CORPUS, entry);
    return statSync(file).isDirectory() ? [path.join(file, "openapi.yaml")] : [file];
  });
  for (const file of documents) {
    try {
      collect(parseYaml(readFileSync(file, "utf8")));
    } catch {
      // Not YAML on purpose (binary, bombs, broken syntax): their strings are not reached.
    }
  }
  return [...strings];
}

const HOSTILE = corpusStrings();

/** The characters that steer a printer's idea of strings, templates and comments (short strings: they combine more often). */
const steering = fc.string({ unit: fc.constantFrom('"', "'", "`", "\\", "/", "*", "$", "{", "}", "@", " ", "\n", "\r"), maxLength: 6 });
/** Those, invisible ones and a letter. */
const tricky = fc.string({
  unit: fc.constantFrom(
    '"',
    "`",
    "\\",
    "/",
    "*",
    "\n",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\u0000",
    "\u001b",
    "\ud800",
    "a",
  ),
  maxLength: 16,
});
const anyString = fc.oneof(steering, tricky, fc.string({ unit: "binary", maxLength: 16 }), fc.constantFrom(...HOSTILE));

/** Prints `values` as types.ts prints an enum's tuple: a JSDoc'd constant, followed by a JSDoc'd type alias. */
function printTuples(tuples: readonly (readonly string[])[]): string {
  const statements: StatementStructures[] = tuples.flatMap((values, i): StatementStructures[] => [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: docText(values) || "empty" }],
      declarations: [{ name: `V${i}`, initializer: `${literal(values)} as const` }],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: `T${i}`,
      type: `{ k: ${literal(Object.fromEntries(values.map((v) => [v, v])))} }`,
      docs: [`after ${i}`],
    },
  ]);
  return printStructure({ statements });
}

function parse(text: string): ts.SourceFile {
  const sourceFile = ts.createSourceFile("printed.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diagnostics = (sourceFile as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  expect(
    diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    text,
  ).toEqual([]);
  return sourceFile;
}

/** The values each tuple printed by printTuples() holds once parsed, and each object literal's keys and values. */
function readTuples(sourceFile: ts.SourceFile, count: number): { arrays: string[][]; objects: [string, string][][] } {
  const kinds = sourceFile.statements.map((s) =>
    ts.isVariableStatement(s) ? "const" : ts.isTypeAliasDeclaration(s) ? "type" : ts.SyntaxKind[s.kind],
  );
  expect(kinds).toEqual(Array.from({ length: count }, () => ["const", "type"]).flat());
  const arrays: string[][] = [];
  const objects: [string, string][][] = [];
  sourceFile.statements.forEach((statement, i) => {
    if (ts.isVariableStatement(statement)) {
      const declaration = statement.declarationList.declarations[0]!;
      expect(declaration.name.getText()).toBe(`V${i / 2}`);
      const array = (declaration.initializer as ts.AsExpression).expression as ts.ArrayLiteralExpression;
      arrays.push(array.elements.map((e) => (e as ts.StringLiteral).text));
    } else if (ts.isTypeAliasDeclaration(statement)) {
      expect(statement.name.text).toBe(`T${(i - 1) / 2}`);
      // `{ k: { … } }`: the object literal parses as a type literal whose members are its entries.
      const inner = ((statement.type as ts.TypeLiteralNode).members[0] as ts.PropertySignature).type as ts.TypeLiteralNode;
      objects.push(
        inner.members.map((m) => [
          propertyName(m.name!),
          (((m as ts.PropertySignature).type as ts.LiteralTypeNode).literal as ts.StringLiteral).text,
        ]),
      );
    }
  });
  return { arrays, objects };
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isComputedPropertyName(name)) return (name.expression as ts.StringLiteral).text;
  return (name as ts.Identifier | ts.StringLiteral).text;
}

/** The JSDoc before each statement, unwrapped from its `/**`, ` * ` and `*\/`. */
function docsOf(sourceFile: ts.SourceFile): string[] {
  const text = sourceFile.getFullText();
  return sourceFile.statements.map((statement) => {
    const ranges = ts.getLeadingCommentRanges(text, statement.pos) ?? [];
    expect(ranges).toHaveLength(1);
    const comment = text.slice(ranges[0]!.pos, ranges[0]!.end);
    if (!comment.includes("\n")) return comment.slice(4, -3);
    return comment
      .slice(3, -2)
      .split("\n")
      .slice(1, -1)
      .map((line) => line.replace(/^ \*( |$)/, ""))
      .join("\n");
  });
}

/** Undoes docText's escapes: what a reader of the comment understands. */
function readDoc(doc: string): string {
  return doc
    .replace(/<U\+([0-9A-F]{4,6})>/g, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/\*\\\//g, "*/")
    .replace(/^(\s*)\\@/gm, "$1@");
}

/** What docText keeps of a value: lines normalised, outer blanks trimmed (visible ones only: invisible ones are shown). */
function meant(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(/^[\t\n\r\p{Zs}]+|[\t\n\r\p{Zs}]+$/gu, "");
}

/** True when readDoc() cannot undo docText() unambiguously for this value. */
const ambiguousDoc = (value: string) => /<U\+|\*\\\/|^\s*\\@/m.test(value);

/** Prints, parses and checks one batch of tuples. */
function roundTrip(tuples: readonly (readonly string[])[]): void {
  const printed = printTuples(tuples);
  expect(invisibleIn(printed), printed).toEqual([]);
  const sourceFile = parse(printed);
  const { arrays, objects } = readTuples(sourceFile, tuples.length);
  expect(arrays).toEqual(tuples);
  expect(objects).toEqual(tuples.map((values) => Object.entries(Object.fromEntries(values.map((v) => [v, v])))));
  const docs = docsOf(sourceFile);
  tuples.forEach((values, i) => {
    expect(docs[2 * i + 1]).toBe(`after ${i}`);
    const shown = values.filter((v) => v.trim() !== "");
    if (shown.length === 0 || values.some(ambiguousDoc)) return;
    expect(readDoc(docs[2 * i]!)).toBe(shown.map(meant).join("\n\n"));
  });
}

describe("literal() and docText(): spec text printed as code and comments, parsed back", () => {
  it("the hostile corpus has the values the printer stumbled on", () => {
    expect(HOSTILE.length).toBeGreaterThan(300);
    for (const value of [
      "*/*",
      "`${globalThis.__pwned = true}`",
      "*/ globalThis.__pwned = true; /*",
      "\u2028",
      "ends in a backslash \\",
      "user\u202e \u2066// Check if admin\u2069 \u2066",
    ]) {
      expect(HOSTILE).toContain(value);
    }
  });

  it("every string of the hostile corpus, in one tuple and as object keys, in corpus order", () => {
    roundTrip([HOSTILE]);
  });

  it("every string of the hostile corpus, each in its own tuple and comment", () => {
    roundTrip(HOSTILE.map((value) => [value]));
  });

  it("each corpus string followed by the values that closed a comment the printer thought open", () => {
    roundTrip(HOSTILE.map((value) => [value, "*/*", "*/ x /*", "/* open", "// line", "`${x}`", '"']));
  });

  it("any strings of tricky, binary or corpus characters, in any order (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyString, { maxLength: 5 }), { minLength: 1, maxLength: 4 }), (tuples) => {
        roundTrip(tuples);
      }),
      { numRuns: 400 },
    );
  });

  it("a printed literal never has a backslash before a quote, and escapes what is invisible", () => {
    expect(literal("ends in a backslash \\")).toBe('"ends in a backslash \\u005c"');
    expect(literal('\\"')).toBe('"\\u005c\\""');
    expect(literal("a\u202eb\u2028\ud800\u{e0041}")).toBe('"a\\u202eb\\u2028\\ud800\\udb40\\udc41"');
    fc.assert(
      fc.property(anyString, (value) => {
        expect(literal(value)).not.toMatch(/\\[\\'`]/);
        expect(JSON.parse(literal(value))).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it("docText shows invisible characters, breaks `*/` and line-leading `@`", () => {
    expect(docText(["a\u202eb", "c*/d", " @tag x"])).toBe("a<U+202E>b\n\nc*\\/d\n\n\\@tag x");
    expect(docText(["\ufeff trailing bom \u2028"])).toBe("<U+FEFF> trailing bom <U+2028>");
  });

  it("indexed(): each key a string literal that parses back to itself", () => {
    fc.assert(
      fc.property(fc.array(anyString, { minLength: 1, maxLength: 4 }), (keys) => {
        const printed = printStructure({
          statements: [
            { kind: StructureKind.TypeAlias, name: "T", type: indexed("Base", ...keys), docs: ["d"] },
            { kind: StructureKind.TypeAlias, name: "U", type: "string" },
          ],
        });
        expect(invisibleIn(printed)).toEqual([]);
        const sourceFile = parse(printed);
        expect(sourceFile.statements).toHaveLength(2);
        const found: string[] = [];
        let type = (sourceFile.statements[0] as ts.TypeAliasDeclaration).type;
        while (ts.isIndexedAccessTypeNode(type)) {
          found.unshift(((type.indexType as ts.LiteralTypeNode).literal as ts.StringLiteral).text);
          type = type.objectType;
        }
        expect(found).toEqual(keys);
      }),
      { numRuns: 300 },
    );
  });
});
