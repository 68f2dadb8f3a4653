// copied from generator/runtime/params.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * A call's one argument, split into the request's parts: path segments (checked and
 * encoded), query and header parameters, and the body. Own properties only: "__proto__"
 * or "constructor" never come from Object.prototype.
 */
import { InvalidArgumentError } from "./errors.js";
import { callName, type Operation } from "./operation.js";
import { own } from "./options.js";
import type { Parts } from "./transport.js";

/** Splits `params` as `op` lays it out; throws InvalidArgumentError for a path parameter that is not exactly one segment. */
export function splitParams(op: Operation, params: object | undefined): { parts: Parts; body: unknown } {
  const given: object = params ?? {};
  if (typeof given !== "object") throw new InvalidArgumentError(`${callName(op)}: params must be an object`);
  // Grouped operations (parameter names collide) take { path, query, header, body }.
  // fromEntries defines "__proto__" as an own property; openapi-fetch skips undefined values.
  const pick = (names: readonly string[], group: string): Record<string, unknown> | undefined => {
    const from: object = op.grouped ? (Object(own(given, group)) as object) : given;
    return names.length ? Object.fromEntries(names.map((name) => [name, own(from, name)])) : undefined;
  };
  const path = pick(op.pathParams, "path");
  for (const name in path) {
    const value = path[name];
    let segment: string | false | undefined;
    try {
      // Exactly one segment: "", "." and ".." are refused, as URL parsing resolves even %2E%2E.
      segment =
        (typeof value === "number" ? isFinite(value) : typeof value === "string" && !/^\.{0,2}$/.test(value)) &&
        encodeURIComponent(value as string | number);
    } catch {
      // A lone surrogate: not a segment, refused below.
    }
    if (!segment) throw new InvalidArgumentError(`${callName(op)}: invalid ${name}: ${whyNotSegment(value)}`);
    path[name] = segment;
  }
  let body: unknown =
    op.body === "none"
      ? undefined
      : op.body === "value" || op.grouped
        ? own(given, "body")
        : Object.fromEntries(
            Object.entries(given).filter(
              ([key]) => !op.pathParams.includes(key) && !op.queryParams.includes(key) && !op.headerParams.includes(key),
            ),
          );
  // An optional body of which no field was given is not sent at all.
  if (op.optionalBody && op.body === "fields" && !Object.keys(Object(body) as object).length) body = undefined;
  return { parts: { path, query: pick(op.queryParams, "query"), header: pick(op.headerParams, "header") }, body };
}

/** Why `value` is not one path segment, quoting it only when it is "." or "..". */
function whyNotSegment(value: unknown): string {
  const is =
    value === undefined
      ? "it is undefined"
      : value === null
        ? "it is null"
        : typeof value === "number"
          ? `it is ${value}`
          : typeof value !== "string"
            ? `it is ${typeof value === "object" ? "an" : "a"} ${typeof value}`
            : value === ""
              ? "it is empty"
              : /^\.{1,2}$/.test(value)
                ? `"${value}" is not a path segment`
                : "it has a lone surrogate";
  return `${is}; expected a non-empty string or a finite number`;
}

/**
 * Throws InvalidArgumentError for a body on a GET or HEAD: fetch cannot send one, and undici
 * says so only once the call counts as sent (it would be retried as a ConnectionError). A
 * body left out (undefined) is not sent, so such an operation of the spec can still be called.
 */
export function checkBodyAllowed(id: string, method: string, body: unknown): void {
  if (body !== undefined && (method === "GET" || method === "HEAD")) throw new InvalidArgumentError(`${id}: ${method} cannot send a body`);
}
