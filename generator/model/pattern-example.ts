/**
 * A string that a schema's `pattern` accepts, for the examples the test kit answers with
 * and the code samples show when the spec gives none (ReadMe's API has dozens of such
 * strings: `rdme_\w+`, `[a-f\d]{24}`…). It reads the common regular-expression syntax,
 * takes the first alternative of every choice and the least of every quantifier, and
 * checks its answer against the pattern itself: for syntax it does not read (lookarounds,
 * backreferences…) or a pattern it cannot satisfy, it gives up and says so (undefined).
 */

/** Patterns longer than this are not read (an example is not worth a long walk). */
const MAX_PATTERN = 2_000;

/** A string `pattern` accepts, `preferred` itself when it already does; undefined when none can be made. */
export function patternExample(pattern: string, preferred: string): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
  if (regex.test(preferred)) return preferred;
  if (pattern.length > MAX_PATTERN) return undefined;
  try {
    const made = new Walker(pattern).alternation();
    return regex.test(made) ? made : undefined;
  } catch {
    return undefined;
  }
}

class Walker {
  private at = 0;
  constructor(private readonly source: string) {}

  /** `a|b|c` up to a `)` or the end: the first alternative, the others read past. */
  alternation(): string {
    const first = this.sequence();
    while (this.peek() === "|") {
      this.at++;
      this.sequence();
    }
    return first;
  }

  private sequence(): string {
    let out = "";
    while (this.at < this.source.length && this.peek() !== "|" && this.peek() !== ")") {
      const atom = this.atom();
      out += atom.repeat(this.quantifier());
    }
    return out;
  }

  /** How many times the atom just read is repeated: the least its quantifier allows (one for `+`). */
  private quantifier(): number {
    const c = this.peek();
    let times = 1;
    if (c === "*" || c === "?") {
      times = 0;
      this.at++;
    } else if (c === "+") {
      this.at++;
    } else if (c === "{") {
      const match = /^\{(\d+)(,\d*)?\}/.exec(this.source.slice(this.at));
      if (!match) return 1; // a literal brace
      times = Number(match[1]);
      this.at += match[0].length;
    } else {
      return 1;
    }
    if (this.peek() === "?") this.at++; // lazy
    return times;
  }

  private atom(): string {
    const c = this.source[this.at++]!;
    switch (c) {
      case "^":
      case "$":
        return "";
      case ".":
        return "a";
      case "(": {
        if (this.source.startsWith("?:", this.at)) this.at += 2;
        else if (this.source.startsWith("?<", this.at) && !/^\?<[=!]/.test(this.source.slice(this.at)))
          this.at = this.source.indexOf(">", this.at) + 1;
        else if (this.peek() === "?") throw new Error("lookaround");
        const inner = this.alternation();
        if (this.source[this.at++] !== ")") throw new Error("unclosed group");
        return inner;
      }
      case "[":
        return this.characterClass();
      case "\\":
        return this.escape(false);
      default:
        return c;
    }
  }

  /** `[…]`: its first member, or for a negated class a character it leaves out. */
  private characterClass(): string {
    const negated = this.peek() === "^";
    if (negated) this.at++;
    const members: string[] = [];
    let first = true;
    while (this.at < this.source.length && (this.peek() !== "]" || first)) {
      first = false;
      const c = this.source[this.at++]!;
      let member = c === "\\" ? this.escape(true) : c;
      if (this.peek() === "-" && this.source[this.at + 1] !== "]" && this.at + 1 < this.source.length) {
        this.at++;
        const end = this.source[this.at++]!;
        member = end === "\\" ? (this.escape(true), member) : member;
      }
      members.push(member);
    }
    if (this.source[this.at++] !== "]") throw new Error("unclosed class");
    if (!negated) return members[0] ?? "a";
    // A negated class: a common character it does not list.
    const body = this.source.slice(this.source.lastIndexOf("[", this.at - 1), this.at);
    const regex = new RegExp(body, "u");
    const found = [..."aA0_-x.z"].find((ch) => regex.test(ch));
    if (found === undefined) throw new Error("no character fits");
    return found;
  }

  private escape(inClass: boolean): string {
    const c = this.source[this.at++];
    switch (c) {
      case "d":
        return "0";
      case "w":
        return "a";
      case "s":
        return " ";
      case "D":
      case "W":
      case "S":
        return "-";
      case "b":
        if (inClass) return "\b";
        return "";
      case "B":
        throw new Error("non-boundary");
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "x": {
        const hex = this.source.slice(this.at, this.at + 2);
        this.at += 2;
        return String.fromCharCode(parseInt(hex, 16));
      }
      case "u": {
        const hex = this.source.slice(this.at, this.at + 4);
        this.at += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      case undefined:
        throw new Error("trailing backslash");
      default:
        if (/\d/.test(c)) throw new Error("backreference");
        return c;
    }
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }
}
