import type { Json } from "./resolve-ref.js";

/** `{ [key]: value }` when `value` is a non-blank string, else `{}`: for optional text fields of the model. */
export function text<K extends string>(key: K, value: Json | undefined): { [P in K]?: string } {
  return (typeof value === "string" && value.trim() !== "" ? { [key]: value } : {}) as { [P in K]?: string };
}
