/**
 * The few pieces of TypeScript text the emitters hand to ts-morph. Spec strings only
 * ever enter code through `literal` (JSON-escaped string literals) and comments only
 * through `docText`; identifiers come from model/names.ts.
 *
 * ts-morph prints through code-block-writer, which reads the text it is given to know
 * whether it stands in a string, a template or a comment: it indents, breaks lines and,
 * before each statement, closes a comment it thinks is still open by writing `*\/`. Its
 * reading is a heuristic, so the text handed to it is written in a form it reads
 * exactly as TypeScript does (see `literal`).
 */
import { escapeInvisible, showInvisible } from "./invisible-characters.js";

/**
 * A data literal: strings, numbers, booleans, arrays and plain objects. Strings are
 * JSON-escaped (every quote and control character), keys quoted unless they are plain
 * identifiers. Two escapes differ from JSON's:
 * - a backslash is `\u005c`, never `\\`: the writer takes any quote that follows a
 *   backslash for an escaped one, so `"a\\"` would leave it inside the string for the
 *   rest of the file, reading the next string's `/*` as a comment it then "closes"
 *   with a stray `*\/`; with a letter or a quote after every backslash, it never errs;
 * - invisible and bidirectional characters are `\uXXXX` (lib/invisible-characters.ts).
 */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).map(([key, v]) => `${propertyKey(key)}: ${literal(v)}`);
    return members.length > 0 ? `{ ${members.join(", ")} }` : "{}";
  }
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`not a data literal: ${String(value)}`);
  // JSON's escapes are two characters from a backslash, so `\\` is always an escaped backslash.
  return escapeInvisible(json.replace(/\\\\/g, "\\u005c"));
}

/**
 * An object literal's key: bare when it is a plain identifier, else a string literal.
 * `__proto__`, bare or quoted, would set the object's prototype instead of adding a key
 * (the entry would vanish from Object.keys and Object.hasOwn): it is computed.
 */
export function propertyKey(key: string): string {
  if (key === "__proto__") return '["__proto__"]';
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key);
}

/** `base["a"]["b"]`: an indexed access type, each key a string literal. */
export function indexed(base: string, ...keys: readonly string[]): string {
  return base + keys.map((key) => `[${literal(key)}]`).join("");
}

/**
 * Text for a JSDoc block. `*\/` would end the comment early and let the rest of a
 * description run as code, so it is broken up; so is a line-leading `@`, which would
 * start a tag the spec did not mean. Invisible and bidirectional characters are shown
 * as `<U+202E>`: an editor would otherwise display the comment, and the code around it,
 * in an order the compiler does not read.
 */
export function docText(parts: readonly (string | undefined)[]): string {
  return parts
    .filter((part): part is string => part !== undefined && part.trim() !== "")
    .map((part) =>
      showInvisible(part.replace(/\r\n?/g, "\n"))
        .replace(/\*\//g, "*\\/")
        .replace(/^(\s*)@/gm, "$1\\@")
        .trim(),
    )
    .join("\n\n");
}
