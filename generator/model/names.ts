/**
 * Naming rules. Every identifier the generator writes comes from here, built only of
 * ASCII letters, digits and `_`, so that no name from a spec can break out of its place.
 * Collisions are resolved in document order: the first keeps the name, later ones get
 * a numeric suffix (2, 3, …).
 */
import { OBJECT_PROTOTYPE_MEMBERS } from "./reserved-names.js";

/**
 * Names a client method may not take: they would make the client a thenable, shadow `raw`,
 * or clash with Object.prototype; and `new`, which in the Client interface would declare a
 * construct signature (`new(params): …`), not a method.
 */
const UNSAFE_METHOD_NAMES = new Set(["then", "catch", "finally", "raw", "new", ...OBJECT_PROTOTYPE_MEMBERS]);

/** Longest identifier kept whole; longer names are cut and given a short hash so they stay distinct. */
const MAX_NAME_LENGTH = 80;

/** Splits any text into ASCII words: separators, case changes and non-ASCII characters all break words. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** `get-behaviors` → `GetBehaviors`. */
export function pascalCase(text: string): string {
  return words(text)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** `get-behaviors` → `getBehaviors`. */
export function camelCase(text: string): string {
  const [first = "", ...rest] = words(text);
  // An all-capitals first word is an acronym or a method: "GET /x" reads getX, not gETX.
  const head = /^[A-Z0-9]+$/.test(first) ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  return head + pascalCase(rest.join(" "));
}

/** RiskLevel -> RISK_LEVELS: the constant that holds an enum's values. */
export function pluralConstantCase(text: string): string {
  const parts = words(text).map((w) => w.toUpperCase());
  const last = parts.pop() ?? "VALUE";
  return [...parts, plural(last)].join("_");
}

function plural(word: string): string {
  if (/(S|X|Z|CH|SH)$/.test(word)) return `${word}ES`;
  if (/[^AEIOU]Y$/.test(word)) return `${word.slice(0, -1)}IES`;
  return `${word}S`;
}

/** Makes a word list a valid identifier: never empty, never starting with a digit, bounded in length. */
export function identifier(candidate: string, fallback: string): string {
  let name = candidate.length > 0 ? candidate : fallback;
  if (/^[0-9]/.test(name)) name = `${fallback}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  if (name.length > MAX_NAME_LENGTH) name = `${name.slice(0, MAX_NAME_LENGTH - 9)}_${shortHash(name)}`;
  return name;
}

/** A client method's name: the camelCase identifier, renamed when it is unsafe (UNSAFE_METHOD_NAMES). */
export function methodName(candidate: string): string {
  const name = identifier(camelCase(candidate), "op");
  return UNSAFE_METHOD_NAMES.has(name) ? `${name}Operation` : name;
}

/** Hands out names in order; a taken name gets the first free numeric suffix. */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  isTaken(name: string): boolean {
    return this.taken.has(name);
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** FNV-1a, 8 hex digits: enough to keep cut names apart, and the same on every machine. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
