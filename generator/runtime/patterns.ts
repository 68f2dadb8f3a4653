/**
 * The spec's `pattern`s, run so that no string can stall the event loop. JavaScript's
 * regular expressions backtrack: Cloudflare's own `^([a-z]+[a-z0-9_-]*[a-z0-9]+)$` took
 * 6.9 s on 3,000 `a`s and a `!`, and a timeout cannot interrupt a synchronous test().
 * The generator flags such patterns (a warning at the pattern's file:line:col); the
 * validators it emits run every pattern through guardedRegExp, which checks a flagged
 * pattern only on strings of at most PATTERN_CHECK_LIMIT characters: a longer string fails
 * the pattern (give the schema a `maxLength`, which is checked first, or a pattern without
 * overlapping quantifiers). Only generated/validators.ts (and the generator) import this file.
 */

/** The longest string a pattern flagged by canBacktrack is run on: a few milliseconds, worst case. */
export const PATTERN_CHECK_LIMIT = 64;

/** What Ajv needs of a regular expression. */
export interface PatternTest {
  test(text: string): boolean;
  toString(): string;
}

/**
 * Ajv's `code.regExp` engine: a RegExp for a pattern that cannot backtrack badly, else one
 * that refuses strings longer than PATTERN_CHECK_LIMIT before running. `code` is what Ajv's
 * standalone output calls it by (validators.ts imports it under that name).
 */
export const guardedRegExp = Object.assign(
  (pattern: string, flags: string): PatternTest => {
    const expression = new RegExp(pattern, flags);
    if (!canBacktrack(pattern)) return expression;
    return {
      test: (text: string) => text.length <= PATTERN_CHECK_LIMIT && expression.test(text),
      toString: () => String(expression),
    };
  },
  { code: "guardedRegExp" },
);

/** A set of characters, roughly: which of the 128 ASCII ones, and whether any other. */
type Chars = { ascii: boolean[]; other: boolean };

const charsOf = (test: (code: number) => boolean, other: boolean): Chars => ({
  ascii: Array.from({ length: 128 }, (_, c) => test(c)),
  other,
});
const ANY: Chars = charsOf(() => true, true);
const union = (a: Chars, b: Chars): Chars => ({ ascii: a.ascii.map((x, i) => x || b.ascii[i]!), other: a.other || b.other });
const overlap = (a: Chars, b: Chars): boolean => (a.other && b.other) || a.ascii.some((x, i) => x && b.ascii[i]!);

const DIGIT = (c: number) => c >= 48 && c <= 57;
const WORD = (c: number) => DIGIT(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const SPACE = (c: number) => (c >= 9 && c <= 13) || c === 32;

/** One element of a sequence: the characters it can match, how often, and what it holds. */
interface Item {
  chars: Chars;
  min: number;
  unbounded: boolean;
  /** A group that repeats something unbounded or overlapping alternatives inside: (a+)+, (a|ab)*. */
  ambiguous: boolean;
}

/**
 * Whether a pattern can take time that grows faster than its input: a repeated group that
 * holds an unbounded repetition or alternatives that overlap (`(a+)+`, `(a|ab)*`), or two
 * unbounded repetitions of overlapping characters with nothing between them that only one
 * can match (`[a-z]+[a-z0-9]*`). A cautious approximation: it may flag a pattern that is
 * fast, never the kinds above.
 */
export function canBacktrack(pattern: string): boolean {
  try {
    return new PatternScan(pattern).sequence().ambiguous;
  } catch {
    return true; // a pattern this scan cannot read is treated as slow
  }
}

class PatternScan {
  private at = 0;
  constructor(private readonly source: string) {}

  /** Alternatives up to `)` or the end: their union, whether they can repeat, whether any is ambiguous. */
  sequence(): { chars: Chars; unbounded: boolean; ambiguous: boolean; alternativesOverlap: boolean } {
    const alternatives: Chars[] = [];
    let chars = charsOf(() => false, false);
    let unbounded = false;
    let ambiguous = false;
    let alternative = charsOf(() => false, false);
    let previous: Chars | undefined; // the last unbounded repetition's characters, while nothing separates it
    while (this.at < this.source.length && this.source[this.at] !== ")") {
      if (this.source[this.at] === "|") {
        this.at++;
        alternatives.push(alternative);
        alternative = charsOf(() => false, false);
        previous = undefined;
        continue;
      }
      const item = this.item();
      if (item === undefined) continue;
      chars = union(chars, item.chars);
      alternative = union(alternative, item.chars);
      unbounded ||= item.unbounded;
      ambiguous ||= item.ambiguous;
      if (item.unbounded) {
        if (previous !== undefined && overlap(previous, item.chars)) ambiguous = true;
        previous = item.chars;
      } else if (item.min > 0 && previous !== undefined && !overlap(previous, item.chars)) {
        previous = undefined;
      }
    }
    alternatives.push(alternative);
    const alternativesOverlap = alternatives.some((a, i) => alternatives.some((b, j) => i < j && overlap(a, b)));
    return { chars, unbounded, ambiguous, alternativesOverlap };
  }

  /** One atom and its quantifier; undefined for what matches no character (anchors, \b). */
  private item(): Item | undefined {
    const c = this.source[this.at++]!;
    let chars: Chars;
    let ambiguousInside = false;
    let repeatsInside = false;
    if (c === "^" || c === "$") return undefined;
    if (c === "(") {
      if (this.source[this.at] === "?") {
        // (?:…), lookarounds (?=…) (?!…) (?<=…) (?<!…), named groups (?<name>…)
        this.at++;
        if (this.source[this.at] === "<" && !"=!".includes(this.source[this.at + 1]!)) this.at = this.source.indexOf(">", this.at) + 1;
        else this.at += this.source[this.at] === "<" ? 2 : 1;
      }
      const inner = this.sequence();
      if (this.source[this.at++] !== ")") throw new Error("unbalanced");
      chars = inner.chars;
      ambiguousInside = inner.ambiguous;
      repeatsInside = inner.unbounded || inner.alternativesOverlap;
    } else if (c === "[") {
      chars = this.characterClass();
    } else if (c === "\\") {
      const escaped = this.source[this.at++]!;
      if (escaped === "b" || escaped === "B") return undefined;
      chars = this.escape(escaped);
    } else if (c === ".") {
      chars = ANY;
    } else {
      const code = c.charCodeAt(0);
      chars = charsOf((x) => x === code, code > 127);
    }
    const { min, unbounded } = this.quantifier();
    const repeats = unbounded || min > 1;
    return { chars, min, unbounded: unbounded || (repeatsInside && min > 0), ambiguous: ambiguousInside || (repeats && repeatsInside) };
  }

  private escape(escaped: string): Chars {
    switch (escaped) {
      case "d":
        return charsOf(DIGIT, false);
      case "D":
        return charsOf((x) => !DIGIT(x), true);
      case "w":
        return charsOf(WORD, false);
      case "W":
        return charsOf((x) => !WORD(x), true);
      case "s":
        return charsOf(SPACE, true);
      case "S":
        return charsOf((x) => !SPACE(x), true);
      case "u":
      case "x":
      case "p":
      case "P":
      case "c":
      case "k":
        return ANY; // code points, properties, controls, back references: assume anything
      default: {
        if (/\d/.test(escaped)) return ANY; // a back reference
        const code = escaped.charCodeAt(0);
        return charsOf((x) => x === code, code > 127);
      }
    }
  }

  private characterClass(): Chars {
    const negated = this.source[this.at] === "^";
    if (negated) this.at++;
    let chars = charsOf(() => false, false);
    let first = true;
    while (this.at < this.source.length && (this.source[this.at] !== "]" || first)) {
      first = false;
      let c = this.source[this.at++]!;
      if (c === "\\") {
        chars = union(chars, this.escape(this.source[this.at++]!));
        continue;
      }
      const low = c.charCodeAt(0);
      let high = low;
      if (this.source[this.at] === "-" && this.source[this.at + 1] !== "]" && this.at + 1 < this.source.length) {
        c = this.source[this.at + 1]!;
        if (c === "\\") return ANY; // a range ending in an escape: assume anything
        high = c.charCodeAt(0);
        this.at += 2;
      }
      chars = union(
        chars,
        charsOf((x) => x >= low && x <= high, high > 127),
      );
    }
    if (this.source[this.at++] !== "]") throw new Error("unterminated class");
    return negated ? { ascii: chars.ascii.map((x) => !x), other: true } : chars;
  }

  /** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (lazy or not). */
  private quantifier(): { min: number; unbounded: boolean } {
    const c = this.source[this.at];
    let result = { min: 1, unbounded: false };
    if (c === "*" || c === "+" || c === "?") {
      this.at++;
      result = { min: c === "+" ? 1 : 0, unbounded: c !== "?" };
    } else if (c === "{") {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (braces) {
        this.at += braces[0].length;
        const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === "" ? Infinity : Number(braces[3]);
        // A large bounded repetition backtracks like an unbounded one.
        result = { min: Number(braces[1]), unbounded: max > 16 };
      }
    }
    if (this.source[this.at] === "?") this.at++;
    return result;
  }
}
