/**
 * Characters that change how code reads without showing themselves: Unicode's format
 * characters (category Cf: the bidirectional controls of Trojan Source, CVE-2021-42574,
 * zero-width spaces and joiners, the soft hyphen, U+061C, U+180E, U+2060–U+2064, the
 * byte order mark…), the line and paragraph separators U+2028/U+2029 (which end a `//`
 * comment), control characters other than tab, line feed and carriage return (a
 * terminal acts on them), and lone surrogates (UTF-8 cannot hold them: the file would
 * silently get U+FFFD instead). Spec text may hold any of them; no emitted file may.
 */
const INVISIBLE_SOURCE = "(?![\\t\\n\\r])[\\p{Cf}\\p{Cc}\\p{Cs}\\u2028\\u2029]";

const INVISIBLE = new RegExp(INVISIBLE_SOURCE, "u");
const INVISIBLE_ALL = new RegExp(INVISIBLE_SOURCE, "gu");
const ONE_INVISIBLE = new RegExp(`^${INVISIBLE_SOURCE}$`, "u");

/** Anything but printable ASCII, tab and line breaks: the candidates, found without Unicode tables. */
const NOT_PLAIN = /[^\t\n\r\x20-\x7e]/g;

/**
 * True when `text` holds a character that must not reach an emitted file raw. Every
 * emitted file is tested, megabytes of them for a large API: only the few characters
 * outside plain ASCII are looked up (five times faster than one Unicode-aware search).
 */
export function hasInvisible(text: string): boolean {
  NOT_PLAIN.lastIndex = 0;
  for (let match = NOT_PLAIN.exec(text); match !== null; match = NOT_PLAIN.exec(text)) {
    const char = String.fromCodePoint(text.codePointAt(match.index)!);
    if (ONE_INVISIBLE.test(char)) return true;
    NOT_PLAIN.lastIndex = match.index + char.length;
  }
  return false;
}

/** Where the first such character of `text` is (a UTF-16 offset), or -1. */
export function indexOfInvisible(text: string): number {
  return text.search(INVISIBLE);
}

/** `U+202E`: how messages name a character. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** True when `char` (one code point) is such a character. */
export function isInvisible(char: string): boolean {
  return ONE_INVISIBLE.test(char);
}

/**
 * For text inside a string literal, template literal or regular expression: each
 * invisible character as a `\uXXXX` escape (two, a surrogate pair, above U+FFFF: they
 * mean the same in strings and in regular expressions with or without the `u` flag).
 */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, (char) =>
    char
      .split("")
      .map((unit) => `\\u${hex(unit.charCodeAt(0))}`)
      .join(""),
  );
}

/** For text inside a comment: each invisible character as a visible `<U+202E>`. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, (char) => `<${codePointName(char)}>`);
}

/** True for the characters that end a line in JavaScript besides `\n` and `\r`. */
export function isLineSeparator(char: string): boolean {
  return char === "\u2028" || char === "\u2029";
}

function hex(code: number): string {
  return code.toString(16).padStart(4, "0");
}
