/**
 * Where a JSON pointer points in a spec's text, as Redocly's `getLineColLocation` says it,
 * without building its YAML syntax tree. That tree costs about half a second for a 4 MB
 * JSON document (Cloudflare's whole API) the first time a problem in it is located, and
 * the lint's warnings are located every run. For a document written as JSON this reads
 * the text once, skipping what the pointer does not lead into; YAML takes Redocly's way.
 * test/generator/json-location.test.ts checks both ways agree, pointer by pointer.
 */
import type { Source } from "@redocly/openapi-core";
import { openapiCore } from "../lib/packages.js";

export interface LineCol {
  readonly line: number;
  readonly col: number;
}

/** The line and column (1-based) of what `pointer` ("#/a/b") names in `source`: its key when `reportOnKey`, else its value. */
export function locate(source: Source, pointer: string, reportOnKey: boolean): LineCol {
  const offset = jsonOffset(source.body, pointer, reportOnKey);
  if (offset === undefined) return openapiCore().getLineColLocation({ source, pointer, reportOnKey }).start;
  return lineCol(source.body, offset);
}

/**
 * The offset Redocly's AST gives the node: the first character of a value (its quote,
 * bracket or digit), or of a key. As Redocly does, a pointer that leads nowhere stops at
 * the deepest node it reached. Undefined when the text is not JSON.
 */
export function jsonOffset(text: string, pointer: string, reportOnKey: boolean): number | undefined {
  if (!isJson(text)) return undefined;
  let at = skipSpace(text, 0);
  let keyAt: number | undefined; // the key, when the node is an object's member
  // Redocly's own split (format/codeframes.js): "#/" dropped, each segment unescaped.
  for (const segment of pointer.slice(2).split("/").map(unescape)) {
    if (text[at] === "{") {
      const found = member(text, at, segment);
      if (found === undefined) break;
      [at, keyAt] = [found.at, found.keyAt];
    } else if (text[at] === "[") {
      const found = item(text, at, segment);
      if (found === undefined) break;
      [at, keyAt] = [found, undefined];
    } // a scalar has nothing below it: Redocly stays where it is
  }
  return reportOnKey && keyAt !== undefined ? keyAt : at;
}

/** Where a member's value and its key start. */
interface Member {
  readonly at: number;
  readonly keyAt: number;
}

/**
 * The last text looked at, and what is known of it (a spec's text is located again for each
 * problem): its line starts, and the members of each object already read, by the object's
 * offset, so that locating the next problem under `paths` does not scan `paths` again
 * (GitHub's 10 MB document: hundreds of problems).
 */
let known:
  | {
      readonly text: string;
      readonly json: boolean;
      lineStarts?: number[];
      /** Whether a "\r" follows a "\n" somewhere (see lineCol). */
      newlineReturn?: boolean;
      members?: Map<number, Map<string, Member>>;
    }
  | undefined;

function about(text: string): NonNullable<typeof known> {
  if (known?.text !== text) {
    let json = true;
    try {
      JSON.parse(text);
    } catch {
      json = false;
    }
    known = { text, json };
  }
  return known;
}

/** Whether the whole text is JSON (YAML that only looks like it, with bare keys say, takes Redocly's way). */
function isJson(text: string): boolean {
  return about(text).json;
}

/** The value of `key` in the object at `at` (the first such key, as Redocly takes it), and where its key starts. */
function member(text: string, at: number, key: string): Member | undefined {
  const objects = (about(text).members ??= new Map<number, Map<string, Member>>());
  let members = objects.get(at);
  if (members === undefined) objects.set(at, (members = membersOf(text, at)));
  return members.get(key);
}

/** Every member of the object at `at`, the first of each name, up to where the object ends (or stops being JSON). */
function membersOf(text: string, at: number): Map<string, Member> {
  const members = new Map<string, Member>();
  let i = skipSpace(text, at + 1);
  while (text[i] === '"') {
    const keyAt = i;
    const end = stringEnd(text, i);
    const raw = text.slice(i + 1, end - 1);
    const name = raw.includes("\\") ? (JSON.parse(text.slice(i, end)) as string) : raw;
    i = skipSpace(text, skipSpace(text, end) + 1); // past the colon
    if (!members.has(name)) members.set(name, { at: i, keyAt });
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] !== ",") break;
    i = skipSpace(text, i + 1);
  }
  return members;
}

/** Where item `index` (read as Redocly reads it: parseInt) of the array at `at` starts. */
function item(text: string, at: number, index: string): number | undefined {
  const wanted = parseInt(index, 10);
  if (!(wanted >= 0)) return undefined;
  let i = skipSpace(text, at + 1);
  for (let n = 0; text[i] !== "]" && i < text.length; n++) {
    if (n === wanted) return i;
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] !== ",") return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}

/** Just past the value that starts at `at`: a string, an object or array (brackets counted outside strings), or a bare word or number. */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return stringEnd(text, at);
  if (first !== "{" && first !== "[") {
    let i = at;
    while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i) - 1;
    else if (c === "{" || c === "[") depth++;
    else if ((c === "}" || c === "]") && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Just past the string whose opening quote is at `at`. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') return i + 1;
  }
  return text.length;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  return i;
}

/** RFC 6901 unescaping as Redocly does it (ref-utils.js): `~1`, `~0`, then URI decoding. */
function unescape(segment: string): string {
  return decodeURIComponent(segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * The 1-based line and column of `offset`, counted as Redocly counts them (format/codeframes.js,
 * positionsToLoc): a line starts after each "\n". Redocly walks the text up to the offset
 * each time; this finds the line among the line starts, found once per text (the same
 * answer: checked by the test). Redocly also skips a "\r" that follows a "\n", which can
 * leave its answer stale: such texts are walked its way.
 */
function lineCol(text: string, offset: number): LineCol {
  const facts = about(text);
  if ((facts.newlineReturn ??= text.includes("\n\r"))) return walk(text, offset);
  const starts = (facts.lineStarts ??= lineStarts(text));
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, col: offset - starts[low]! + 1 };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** positionsToLoc's walk, as Redocly writes it. */
function walk(text: string, offset: number): LineCol {
  let line = 1;
  let col = 1;
  let start: LineCol = { line: 1, col: 1 };
  for (let i = 0; i < offset; i++) {
    if (i === offset - 1) start = { line, col: col + 1 };
    if (text[i] === "\n") {
      line++;
      col = 1;
      if (i === offset - 1) start = { line, col };
      if (text[i + 1] === "\r") i++;
      continue;
    }
    col++;
  }
  return start;
}
