import type { ts as TS } from "ts-morph";
import { tsMorph } from "../lib/packages.js";
import {
  codePointName,
  escapeInvisible,
  hasInvisible,
  indexOfInvisible,
  isInvisible,
  isLineSeparator,
  showInvisible,
} from "../lib/invisible-characters.js";
import { SpecError } from "../lib/spec-error.js";
import type { GeneratedFile } from "./generated-file.js";

/**
 * The last pass over every emitted file, ours and the libraries' alike (openapi-typescript
 * prints enum values raw into schema.ts and descriptions into its JSDoc; Ajv's code in
 * validators.ts holds the spec's strings and patterns): no invisible or bidirectional
 * character (lib/invisible-characters.ts) may stay raw, where an editor would show the
 * code in another order than the compiler reads it (Trojan Source, CVE-2021-42574).
 * TypeScript's scanner cuts the file into tokens; inside a string, template or regular
 * expression each such character becomes its `\uXXXX` escape (the same value), inside a
 * comment a visible `<U+202E>`. Anywhere else (an identifier, between tokens) it cannot
 * be made harmless, and the file is refused. A file without any (nearly all) costs one
 * regular expression test.
 */
export function revealInvisible(file: GeneratedFile, source: string): GeneratedFile {
  if (!hasInvisible(file.content)) return file;
  const ts = tsMorph().ts;
  const text = file.content;
  const context = scanContext(ts, file.path, text);
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const refuse = (offset: number) => refusal(text, offset, file.path, source);
  const parts: string[] = [];
  let done = 0;
  let previousEnd = 0;
  for (let kind = scanner.scan(); ; kind = scanner.scan()) {
    const start = scanner.getTokenStart();
    // The scanner steps over U+2028 and U+2029 between tokens without a token for them.
    const gap = indexOfInvisible(text.slice(previousEnd, start));
    if (gap >= 0) throw refuse(previousEnd + gap);
    if (kind === ts.SyntaxKind.EndOfFileToken) break;
    // The scanner cannot tell a division from a regular expression, nor a template's `}` from a block's: the parser can.
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && context.regexps.has(start))
      kind = scanner.reScanSlashToken();
    else if (kind === ts.SyntaxKind.CloseBraceToken && context.templateParts.has(start)) kind = scanner.reScanTemplateToken(false);
    previousEnd = scanner.getTokenEnd();
    const token = text.slice(start, previousEnd);
    if (!hasInvisible(token)) continue;
    const safe = rewrite(ts, kind, token);
    if (safe === undefined) throw refuse(start + indexOfInvisible(token));
    parts.push(text.slice(done, start), safe);
    done = previousEnd;
  }
  parts.push(text.slice(done));
  return { path: file.path, content: parts.join("") };
}

/** Where the parser found regular expressions and the `}` that continue templates. */
function scanContext(ts: typeof TS, name: string, text: string): { regexps: Set<number>; templateParts: Set<number> } {
  const sourceFile = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const regexps = new Set<number>();
  const templateParts = new Set<number>();
  const visit = (node: TS.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) regexps.add(node.getStart(sourceFile));
    else if (node.kind === ts.SyntaxKind.TemplateMiddle || node.kind === ts.SyntaxKind.TemplateTail)
      templateParts.add(node.getStart(sourceFile));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { regexps, templateParts };
}

/** One token holding invisible characters, made safe; undefined when it cannot be. */
function rewrite(ts: typeof TS, kind: TS.SyntaxKind, token: string): string | undefined {
  const K = ts.SyntaxKind;
  switch (kind) {
    case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral:
    case K.TemplateHead:
    case K.TemplateMiddle:
    case K.TemplateTail:
    case K.RegularExpressionLiteral:
      return escapeInLiteral(token);
    case K.SingleLineCommentTrivia:
    case K.MultiLineCommentTrivia:
      return showInvisible(token);
    default:
      return undefined;
  }
}

/** The error for an invisible character at `offset` that no escape can make harmless. */
function refusal(text: string, offset: number, path: string, source: string): SpecError {
  const before = text.slice(0, offset).split(/\r\n|[\n\r\u2028\u2029]/);
  const where = `line ${before.length}, column ${before.at(-1)!.length + 1}`;
  const char = String.fromCodePoint(text.codePointAt(offset)!);
  return new SpecError([
    {
      file: source,
      message: `cannot write ${path}: ${where} holds ${codePointName(char)}, an invisible or bidirectional character, outside any string or comment, where it cannot be escaped`,
    },
  ]);
}

/**
 * Escapes the invisible characters of a string, template or regular expression token. One
 * already behind a backslash is escaped with it: `\` and a Cf character mean that character,
 * and `\` before U+2028 or U+2029 continues the line (it means nothing).
 */
function escapeInLiteral(token: string): string {
  let result = "";
  let escaping = false;
  for (const char of token) {
    if (!isInvisible(char)) {
      result += char;
      escaping = !escaping && char === "\\";
      continue;
    }
    if (escaping) result = result.slice(0, -1) + (isLineSeparator(char) ? "" : escapeInvisible(char));
    else result += escapeInvisible(char);
    escaping = false;
  }
  return result;
}
