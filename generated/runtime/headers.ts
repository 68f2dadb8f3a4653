// copied from generator/runtime/headers.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * The headers a caller may set, on the client or per call: checked once and copied, so that
 * what goes on the wire is what was checked (a caller's object may change after the check,
 * or between two attempts).
 */
import type { ClientError } from "./errors.js";

/**
 * The request headers fetch forbids a script to set: they frame or route the request (undici
 * refuses some only at dispatch, where the call would count as sent and be retried; browsers
 * drop them). Cookie is left out: the spec's cookie schemes send it, and without one a
 * caller may.
 */
const FORBIDDEN = new RegExp(
  "^(accept-(charset|encoding)|access-control-request-(headers|method)|connection|content-length|cookie2|date|dnt|expect|host" +
    "|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|(proxy|sec)-.*)$",
  "i",
);

/** A header set as a caller gives it: a record (a null value removes a header), a Headers, or [name, value] pairs. */
export type HeaderSet = Record<string, unknown> | Headers | readonly (readonly [string, string])[];

/**
 * A copy of `headers` as a record, for mergeHeaders. Throws `ErrorClass` (message prefixed by `prefix`)
 * when it is not an object, or names a header fetch forbids or `reserved` holds (the lower-case
 * names the credential schemes send).
 */
export function checkedHeaders(
  headers: unknown,
  reserved: ReadonlySet<string>,
  ErrorClass: typeof ClientError,
  prefix = "",
): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  if (typeof headers !== "object" || headers === null) throw new ErrorClass(`${prefix}headers must be an object`);
  let entries: [string, unknown][];
  try {
    entries = headers instanceof Headers || Array.isArray(headers) ? [...new Headers(headers as HeadersInit)] : Object.entries(headers);
  } catch {
    throw new ErrorClass(`${prefix}invalid headers`);
  }
  for (const [name] of entries) {
    if (FORBIDDEN.test(name)) throw new ErrorClass(`${prefix}headers.${name}: forbidden by fetch`);
    if (reserved.has(name.toLowerCase())) throw new ErrorClass(`${prefix}headers.${name}: set by the credential options`);
  }
  // Values as given (mergeHeaders sends numbers as text, and a null removes the header).
  return Object.fromEntries(entries) as Record<string, string>;
}
