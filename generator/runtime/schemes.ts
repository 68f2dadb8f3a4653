/**
 * The kinds of security scheme: how each checks its credential and where it sends it.
 * The generated client.ts names the kind of each of its schemes, so that a bundle holds
 * only the kinds its spec uses (basic's base64 and the query and cookie checks are bytes
 * that most clients never need). Values are checked here, once, because fetch's own
 * header errors quote them; these errors never do.
 */
import { ConfigurationError } from "./errors.js";
import type { SchemeKind, SecurityScheme, Sent } from "./operation.js";
import { own } from "./options.js";

/** Sets the header `name`. */
const header = (sent: Required<Sent>, name: string, value: string) => void (sent.headers[name] = value);

/** `value` when it is a string that `valid` accepts; else ConfigurationError, naming the option, never the value. */
function checked(value: unknown, { option }: SecurityScheme, where: string, valid: RegExp): string {
  if (typeof value !== "string") throw new ConfigurationError(`${option} must be a string`);
  if (!valid.test(value)) throw new ConfigurationError(`credentials are not valid ${where} values (${option})`);
  return value;
}

/** A header value: visible ASCII. */
const headerValue = (value: unknown, scheme: SecurityScheme): string => checked(value, scheme, "header", /^[!-~]+$/);

/** `Authorization: Bearer <token>`: http bearer, oauth2 and openIdConnect. */
export const bearer: SchemeKind = { in: "header", put: header, encode: (value, scheme) => `Bearer ${headerValue(value, scheme)}` };

/** `Authorization: <scheme> <credential>`: any other http scheme. */
export const httpScheme: SchemeKind = {
  in: "header",
  put: header,
  encode: (value, scheme) => `${scheme.scheme} ${headerValue(value, scheme)}`,
};

/** An API key in the header `name`. */
export const apiKeyHeader: SchemeKind = { in: "header", put: header, encode: headerValue };

/** An API key in the query parameter `name`: any text that can be encoded (no lone surrogate). */
export const apiKeyQuery: SchemeKind = {
  in: "query",
  // Over the call's own parameter of that name (query.ts encodes names).
  put: (sent, name, value) => void (sent.query[name] = value),
  encode: (value, scheme) => checked(value, scheme, "query", /^([^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])+$/),
};

/** An API key in the cookie `name`: RFC 6265's cookie-octets. */
export const apiKeyCookie: SchemeKind = {
  in: "cookie",
  encode: (value, scheme) => checked(value, scheme, "cookie", /^[!#-+\--:<-[\]-~]+$/),
  put: (sent, name, value) => void (sent.headers.Cookie = `${sent.headers.Cookie ? `${sent.headers.Cookie}; ` : ""}${name}=${value}`),
};

/** `Authorization: Basic <base64 of username:password>`, from `{ username, password }`, or "username:password" in the environment. */
export const basic: SchemeKind = {
  in: "header",
  put: header,
  encode(value, { option }) {
    const colon = typeof value === "string" ? value.indexOf(":") : -1;
    const [username, password]: unknown[] =
      typeof value === "string"
        ? [colon < 0 ? undefined : value.slice(0, colon), value.slice(colon + 1)]
        : [own(Object(value) as object, "username"), own(Object(value) as object, "password")];
    if (typeof username !== "string" || typeof password !== "string" || username.includes(":")) {
      throw new ConfigurationError(`${option} must be { username, password }, the username without ":"`);
    }
    return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)))}`;
  },
};
