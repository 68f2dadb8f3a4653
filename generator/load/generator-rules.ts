/**
 * The load step's own lint rules (a Redocly plugin, "zt-generator"), for slips no rule of
 * Redocly's reports in a way the generator can act on. Each reports at the exact node, in
 * whichever file of a split spec holds it; problem-verdict.ts decides what refuses.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { RawUniversalConfig } from "@redocly/openapi-core";
import { lookup } from "../lib/json-pointer.js";
import { openapiCore } from "../lib/packages.js";
import type { SpecSources } from "./load-spec.js";

type Plugin = Exclude<NonNullable<RawUniversalConfig["plugins"]>[number], string>;

/** The plugin's id: its rules are named `zt-generator/<rule>` in problems and in lintConfig. */
export const PLUGIN_ID = "zt-generator";

/** The types JSON Schema knows (OpenAPI 3.0 uses the same names, minus "null"). */
const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

type Report = (problem: { message: string; location: unknown }) => void;
interface Context {
  readonly report: Report;
  readonly location: Location;
}
interface Location extends Record<string, unknown> {
  child(segments: string | (string | number)[]): { key(): unknown };
  readonly source: { readonly absoluteRef: string };
}

/** The plugin; `sources` is the text of every file read so far, for naming what an unresolved `$ref` missed. */
export function generatorRules(sources: SpecSources): Plugin {
  return {
    id: PLUGIN_ID,
    rules: {
      oas3: {
        "path-slash": () => ({ Paths: { enter: checkPathKeys } }),
        "server-url": () => ({ Server: { enter: checkServerUrl } }),
        "schema-type": () => ({ Schema: { enter: checkType } }),
        "enum-unique": () => ({ Schema: { enter: checkEnum } }),
        "ref-target": () => ({
          ref: {
            leave: (node: unknown, ctx: Context, resolved: { node: unknown; error?: Error }) => checkRef(node, ctx, resolved, sources),
          },
        }),
      },
    },
  } as unknown as Plugin;
}

/**
 * OpenAPI 3 §4.8.8: a path "MUST begin with a forward slash"; `notes:` would be appended
 * to the server URL as it stands (`…/apinotes`). A query or fragment in it, or an empty
 * `{}`, would change every request too. Reported at the key, in the file that holds `paths`.
 */
function checkPathKeys(paths: Record<string, unknown>, { report, location }: Context): void {
  for (const key of Object.keys(paths)) {
    if (key.startsWith("x-")) continue;
    const at = location.child([key]).key();
    if (!key.startsWith("/")) {
      const message = `the path "${key}" must begin with "/" (OpenAPI 3 §4.8.8): requests would go to the server URL with "${key}" glued on`;
      report({ message, location: at });
    } else if (/[?#]/.test(key)) {
      const message = `the path "${key}" holds a query or fragment: its items belong in parameters with \`in: query\`, or every request would carry them`;
      report({ message, location: at });
    } else if (key.includes("{}")) {
      report({ message: `the path "${key}" has an empty template expression \`{}\`: no parameter can fill it`, location: at });
    }
  }
}

/**
 * §4.8.5: a server's `url` is a URL, absolute or relative to the document; variables are
 * replaced by their defaults (or a placeholder, for one without). One that the URL parser
 * rejects (a space in the host, an unclosed `[`) would throw in the generated client.
 */
function checkServerUrl(server: Record<string, unknown>, { report, location }: Context): void {
  const url = server.url;
  if (typeof url !== "string") return;
  const variables = typeof server.variables === "object" && server.variables !== null ? (server.variables as Record<string, unknown>) : {};
  const filled = url.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const variable = Object.hasOwn(variables, name) ? variables[name] : undefined;
    const value = typeof variable === "object" && variable !== null ? (variable as { default?: unknown }).default : undefined;
    return typeof value === "string" ? value : "x";
  });
  // What the WHATWG URL parser (the client's) rejects, and white space, which it would
  // silently strip or encode: a slip either way. Other characters it percent-encodes.
  let valid = !/\s/.test(filled);
  try {
    new URL(filled, "https://relative.invalid/");
  } catch {
    valid = false;
  }
  if (!valid) report({ message: `the server URL ${JSON.stringify(url)} is not a URL`, location: location.child(["url"]) });
}

/** `type` names a JSON type, or lists them (3.1): `type: bool` would type its values as `Record<string, never>`. */
function checkType(schema: Record<string, unknown>, { report, location }: Context): void {
  const type = schema.type;
  if (type === undefined) return;
  const types = Array.isArray(type) ? type : [type];
  types.forEach((name, index) => {
    if (typeof name === "string" && JSON_TYPES.has(name)) return;
    const at = Array.isArray(type) ? location.child(["type", index]) : location.child(["type"]);
    const nearest = typeof name === "string" ? nearestName(name, [...JSON_TYPES]) : undefined;
    const hint = nearest ? ` (did you mean "${nearest}"?)` : "";
    report({ message: `unknown type ${JSON.stringify(name)}${hint}; a type is one of ${[...JSON_TYPES].join(", ")}`, location: at });
  });
}

/** JSON Schema: enum values "SHOULD be unique"; a repeated one is a slip (the enum tuple and the docs would list it twice). */
function checkEnum(schema: Record<string, unknown>, { report, location }: Context): void {
  if (!Array.isArray(schema.enum)) return;
  const seen = new Set<string>();
  schema.enum.forEach((value, index) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) report({ message: `the enum lists ${key} twice`, location: location.child(["enum", index]) });
    seen.add(key);
  });
}

/**
 * An unresolved `$ref`: names what it missed and the nearest name that exists there: a
 * file in the same folder (only a folder the spec has already read from: never one the
 * guarded resolver would refuse), or a key of the last object the JSON pointer reached.
 */
function checkRef(node: unknown, { report, location }: Context, resolved: { node: unknown; error?: Error }, sources: SpecSources): void {
  if (resolved.node !== undefined) return;
  const ref = typeof node === "object" && node !== null ? (node as { $ref?: unknown }).$ref : undefined;
  if (typeof ref !== "string") return;
  // The guarded resolver's refusals say why on their own (load-spec.ts).
  if (resolved.error?.message.includes("refused $ref")) return;
  const from = location.source.absoluteRef;
  const hash = ref.indexOf("#");
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const pointer = hash < 0 ? "" : ref.slice(hash + 1);
  // As the resolver reads it: no percent-decoding (`%2e%2e/` is a folder named so, not `../`).
  const target = file === "" ? from : path.resolve(path.dirname(from), file);
  const text = sources.get(target);
  if (text === undefined) {
    const nearest = nearestFile(target, sources);
    const hint = nearest === undefined ? "" : `; nearest: ${path.posix.join(path.posix.dirname(file), nearest)}`;
    report({ message: `Can't resolve $ref: ${resolved.error?.message ?? "no such file"} ("${file}" names no file${hint})`, location });
    return;
  }
  report({ message: `Can't resolve $ref "${ref}": ${missingName(text, file, pointer)}`, location });
}

/** The nearest file name beside `target`, when the spec has read a file from that folder. */
function nearestFile(target: string, sources: SpecSources): string | undefined {
  const folder = path.dirname(target);
  if (![...sources.keys()].some((read) => path.dirname(read) === folder)) return undefined;
  try {
    return nearestName(path.basename(target), readdirSync(folder));
  } catch {
    return undefined;
  }
}

function missingName(text: string, file: string, pointer: string): string {
  let parsed: unknown;
  try {
    parsed = openapiCore().parseYaml(text);
  } catch {
    return `${pointer || "#"} not found`;
  }
  let reached = "#";
  for (const segment of pointer.split("/").slice(1)) {
    const next = `${reached}/${segment}`;
    if (lookup(parsed, next) === undefined) {
      const container = lookup(parsed, reached);
      const keys = typeof container === "object" && container !== null ? Object.keys(container) : [];
      const wanted = segment.replace(/~1/g, "/").replace(/~0/g, "~");
      const nearest = nearestName(wanted, keys);
      const where = file === "" ? "this file" : file;
      return `${where} has no ${JSON.stringify(wanted)} under ${reached}${nearest ? ` (nearest: ${JSON.stringify(nearest)})` : ""}`;
    }
    reached = next;
  }
  return `${pointer} not found`;
}

/** The candidate closest to `name` by edit distance (case ignored), when it is close enough to be a slip. */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  if (best === undefined) return undefined;
  const prefix = best.toLowerCase().startsWith(name.toLowerCase()) || name.toLowerCase().startsWith(best.toLowerCase());
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) || (prefix && name.length >= 3) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
