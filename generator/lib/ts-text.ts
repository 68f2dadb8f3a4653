/**
 * The few pieces of TypeScript text the emitters hand to ts-morph. Spec strings only
 * ever enter code through `literal` (JSON-escaped string literals) and comments only
 * through `docText`; identifiers come from model/names.ts.
 */

/**
 * A data literal: strings, numbers, booleans, arrays and plain objects. Strings are
 * JSON-escaped (every quote and control character), keys quoted unless they are plain
 * identifiers.
 */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).map(([key, v]) => `${propertyKey(key)}: ${literal(v)}`);
    return members.length > 0 ? `{ ${members.join(", ")} }` : "{}";
  }
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`not a data literal: ${String(value)}`);
  return json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
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
 * start a tag the spec did not mean.
 */
export function docText(parts: readonly (string | undefined)[]): string {
  return parts
    .filter((part): part is string => part !== undefined && part.trim() !== "")
    .map((part) =>
      part
        .replace(/\r\n?/g, "\n")
        .replace(/\*\//g, "*\\/")
        .replace(/^(\s*)@/gm, "$1\\@")
        .trim(),
    )
    .join("\n\n");
}
