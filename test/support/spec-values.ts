/**
 * Values tests take from the spec instead of writing them down, so that a legitimate spec
 * edit (a risk level added, say) needs only `npm run generate` for the tests to pass.
 * Side-effect free: type tests and child processes import it too.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isSeq, parseDocument } from "yaml";

/** Every value of `T` run together, in order. */
type Joined<T extends readonly string[]> = T extends readonly [infer H extends string, ...infer R extends readonly string[]]
  ? `${H}${Joined<R>}`
  : "";

/**
 * A string that is none of `T`'s values: longer than each of them, since it holds them all.
 * For type tests (`declare const x: Unlisted<typeof RISK_LEVELS>`).
 */
export type Unlisted<T extends readonly string[]> = `not-${Joined<T>}`;

/** A value an enum with these `values` lacks (see Unlisted): the "invalid value" of a test. */
export function unlisted<const T extends readonly string[]>(values: T): Unlisted<T> {
  return `not-${values.join("")}` as Unlisted<T>;
}

/**
 * Appends `value` (by default one the enum lacks) to the enum of the schema at `at` (key path)
 * in a YAML file of a spec copy, keeping its comments, and returns the enum after the edit.
 */
export function addEnumValue(file: string, at: readonly string[] = [], value?: string): string[] {
  const doc = parseDocument(readFileSync(file, "utf8"));
  const node = doc.getIn([...at, "enum"]);
  if (!isSeq(node)) throw new Error(`${file}: no enum at ${JSON.stringify(at)}`);
  const before = node.toJSON() as string[];
  const added = value ?? unlisted(before);
  doc.addIn([...at, "enum"], added);
  writeFileSync(file, doc.toString());
  return [...before, added];
}

/** Sets the value at `at` (key path) of a YAML file, keeping its comments: for edits of a spec copy. */
export function setIn(file: string, at: readonly (string | number)[], value: unknown): void {
  const doc = parseDocument(readFileSync(file, "utf8"));
  doc.setIn(at, doc.createNode(value));
  writeFileSync(file, doc.toString());
}
