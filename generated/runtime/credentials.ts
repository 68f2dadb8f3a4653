// copied from generator/runtime/credentials.ts by generator/ — do not edit; run npm run generate
/**
 * Credentials, as the spec's security schemes describe them: each scheme's value comes
 * from its `createClient` option, else from its environment variable (`x-zt-env`), read
 * once; each operation sends exactly one of its security alternatives, never a mix.
 */
import { ConfigurationError, type ClientError } from "./errors.js";
import type { ApiDescription, Operation, Security, SecurityScheme } from "./operation.js";
import { env, own, type BaseClientOptions } from "./options.js";

/** What one operation sends as its credentials. */
export interface Sent {
  readonly headers: Readonly<Record<string, string>>;
  /** Query parameters; undefined when there are none. */
  readonly query?: Readonly<Record<string, string>>;
}

export interface Credentials {
  /** What an operation with these alternatives sends, or why it cannot be called (a message naming the alternatives). */
  choose(security: Security): Sent | string;
  /** True when any credential was given, in code or in the environment. */
  readonly any: boolean;
  /** Throws `E` for `headers` that would set (or remove) a header a scheme of the spec uses. */
  check(headers: object | undefined, E: typeof ClientError): void;
}

/** `query` and the credential query parameters (their names encoded), which win over its own of the same name. */
export function withCredentials(query: object | undefined, credentials: Readonly<Record<string, string>>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...query };
  for (const name in credentials) delete merged[decodeURIComponent(name)];
  return { ...merged, ...credentials };
}

/** One scheme's credential, ready to send: where, under which name, and the value. */
type Part = readonly ["header" | "query" | "cookie", string, string];

const NONE: Sent = { headers: {} };

/**
 * Reads every scheme's credential and checks it. Throws ConfigurationError for a value of
 * the wrong type or that cannot be sent, and when no operation could be called with what
 * was given.
 */
export function resolveCredentials(api: ApiDescription, options: BaseClientOptions, operations: readonly Operation[]): Credentials {
  const { schemes } = api;
  const inCode = new Set<string>();
  const values = new Map<string, Part>();
  const reserved = new Set<string>();
  for (const key of Object.keys(schemes)) {
    const scheme = schemes[key]!;
    if (scheme.in != "query") reserved.add(scheme.in == "cookie" ? "cookie" : (scheme.name ?? "authorization").toLowerCase());
    const option: unknown = own(options, scheme.option);
    const given = option !== undefined && option !== "";
    const value = given ? option : env(scheme.env);
    if (value !== undefined) values.set(key, encode(scheme, value));
    if (given) inCode.add(key);
  }

  const name = (key: string): string => own(schemes, key)?.option ?? `${key} (not supported)`;
  /** Why none of `alternatives` is met, naming each with its environment variables. */
  const explain = (alternatives: Security): string => {
    const half = alternatives.find((alternative) => alternative.some((key) => values.has(key)));
    const each = alternatives.filter((a) => a.length).map((a) => a.map((key) => name(key) + (own(schemes, key)?.env ? ` (${schemes[key]!.env})` : "")).join(" + "));
    // Option names are identifiers: the last ", " is the one to read "and".
    return `${half ? `${half.map(name).join(", ").replace(/, (?!.*, )/, " and ")} must be set together` : "no credentials"}: set ${each.join(", or ")}`;
  };

  /**
   * The first alternative, in spec order, met by options alone; else met by options and the
   * environment together, preferring one that uses an option; else none when `{}` is allowed.
   */
  const choose = (security: Security): Sent | string => {
    let best: readonly string[] | undefined;
    let rank = 3;
    for (const alternative of security) {
      let met = alternative.length > 0;
      let fromCode = 0;
      for (const key of alternative) {
        if (inCode.has(key)) fromCode++;
        else met &&= values.has(key);
      }
      const r = !met ? 3 : fromCode == alternative.length ? 0 : fromCode ? 1 : 2;
      if (r < rank) [rank, best] = [r, alternative];
    }
    if (!best) return !security.length || security.some((alternative) => !alternative.length) ? NONE : explain(security);
    const headers: [string, string][] = [];
    const query: [string, string][] = [];
    const cookies: string[] = [];
    for (const key of best) {
      const [where, name, value] = values.get(key)!;
      if (where == "cookie") cookies.push(`${name}=${value}`);
      else (where == "query" ? query : headers).push([name, value]);
    }
    if (cookies.length) headers.push(["Cookie", cookies.join("; ")]);
    // fromEntries: a name like "__proto__" stays an own property.
    return { headers: Object.fromEntries(headers), ...(query.length ? { query: Object.fromEntries(query) } : {}) };
  };

  if (operations.length && operations.every((op) => typeof choose(op.security ?? api.security) == "string")) {
    throw new ConfigurationError(explain([...new Map(operations.flatMap((op) => op.security ?? api.security).map((a) => [String(a), a])).values()]));
  }

  return {
    choose,
    any: values.size > 0,
    check(headers, E) {
      for (const header in headers) if (reserved.has(header.toLowerCase())) throw new E(`headers.${header}: set by the credential options`);
    },
  };
}

/** A credential as sent. Values are checked here because fetch's own header errors quote them; errors here never do. */
function encode(scheme: SecurityScheme, value: unknown): Part {
  const { option, kind } = scheme;
  if (kind == "basic") {
    // From the environment: "username:password".
    const colon = typeof value == "string" ? value.indexOf(":") : -1;
    const [username, password]: unknown[] =
      typeof value == "string" ? [colon < 0 ? undefined : value.slice(0, colon), value.slice(colon + 1)] : [own(Object(value), "username"), own(Object(value), "password")];
    if (typeof username != "string" || typeof password != "string" || username.includes(":")) {
      throw new ConfigurationError(`${option} must be { username, password }, the username without ":"`);
    }
    return ["header", "Authorization", `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)))}`];
  }
  if (typeof value != "string") throw new ConfigurationError(`${option} must be a string`);
  const where = scheme.in ?? "header";
  // A header value: visible ASCII. A cookie value: RFC 6265's cookie-octets. A query value:
  // any text that can be encoded (no lone surrogate).
  const valid = where == "query" ? /^([^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])+$/ : where == "cookie" ? /^[!#-+\--:<-[\]-~]+$/ : /^[!-~]+$/;
  if (!valid.test(value)) throw new ConfigurationError(`credentials are not valid ${where} values (${option})`);
  // openapi-fetch's query serialiser encodes values, not names.
  const name = where == "query" ? encodeURIComponent(scheme.name!) : scheme.name ?? "Authorization";
  return [where, name, kind == "apiKey" ? value : `${kind == "bearer" ? "Bearer" : scheme.scheme} ${value}`];
}
