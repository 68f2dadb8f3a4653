// copied from generator/runtime/credentials.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * Credentials, as the spec's security schemes describe them: each scheme's value comes
 * from its `createClient` option, else from its environment variable (`x-zt-env`), read
 * once; each operation sends exactly one of its security alternatives, never a mix.
 */
import { ConfigurationError, type ClientError } from "./errors.js";
import type { ApiDescription, Operation, Security } from "./operation.js";
import { env, own, type BaseClientOptions } from "./options.js";
import type { SchemeKind } from "./schemes.js";

/** What one operation sends as its credentials (each kind puts its own, schemes.ts): spread over the call's own headers and query. */
export interface Sent {
  readonly headers: Record<string, string>;
  /** Absent when it has none (most operations), so that calls need not merge it. */
  readonly query?: Record<string, string | undefined>;
}

export interface Credentials {
  /** What an operation with these alternatives sends (undefined: nothing), or why it cannot be called (a message naming the alternatives). */
  choose(security: Security): Sent | string | undefined;
  /** True when any credential was given, in code or in the environment. */
  readonly any: boolean;
  /** Throws `E` for `headers` that would set (or remove) a header a scheme of the spec uses. */
  check(headers: object | undefined, E: typeof ClientError): void;
}

/** One scheme's credential, checked: where it goes, under which name, the value, and whether it came from an option. */
type Given = readonly [SchemeKind, string, string, boolean];

/**
 * Reads every scheme's credential and checks it. Throws ConfigurationError for a value of
 * the wrong type or that cannot be sent, and when no operation could be called with what
 * was given.
 */
export function resolveCredentials(api: ApiDescription, options: BaseClientOptions, operations: readonly Operation[]): Credentials {
  const { schemes } = api;
  const values = new Map<string, Given>();
  const reserved = new Set<string>();
  for (const key of Object.keys(schemes)) {
    const scheme = schemes[key]!;
    const { kind, name = "Authorization" } = scheme;
    if (kind.in != "query") reserved.add(kind.in == "cookie" ? "cookie" : name.toLowerCase());
    const option: unknown = own(options, scheme.option);
    const inCode = option !== undefined && option !== "";
    const value = inCode ? option : env(scheme.env);
    if (value !== undefined) values.set(key, [kind, name, kind.encode(value, scheme), inCode]);
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
  const choose = (security: Security): Sent | string | undefined => {
    let best: readonly string[] | undefined;
    let rank = 3;
    for (const alternative of security) {
      let met = alternative.length > 0;
      let fromCode = 0;
      for (const key of alternative) {
        const given = values.get(key);
        if (given?.[3]) fromCode++;
        else met &&= !!given;
      }
      // 0: every credential from options; 1: some; 2: none (all from the environment); 3: not met.
      const r = !met ? 3 : fromCode == alternative.length ? 0 : fromCode ? 1 : 2;
      if (r < rank) [rank, best] = [r, alternative];
    }
    if (!best) return security.length && security.every((alternative) => alternative.length) ? explain(security) : undefined;
    // Without a prototype, a name like "__proto__" is an own property like any other; then
    // copied (a spread defines what it copies) into ordinary objects, which V8 reads faster.
    const sent = { headers: Object.create(null), query: Object.create(null) };
    for (const key of best) {
      const [kind, name, value] = values.get(key)!;
      kind.put(sent, name, value);
    }
    return { headers: { ...sent.headers }, ...(Object.keys(sent.query).length ? { query: { ...sent.query } } : {}) };
  };

  if (operations.length && operations.every((op) => typeof choose(op.security ?? api.security) == "string")) {
    throw new ConfigurationError(explain([...new Map(operations.flatMap((op) => op.security ?? api.security).map((a) => [String(a), a])).values()]));
  }

  return {
    choose,
    any: values.size > 0,
    check(headers, E) {
      // The names mergeHeaders reads: a Headers' own, else the object's keys (not merged: a null value removes a header).
      for (const header of headers instanceof Headers ? headers.keys() : Object.keys(headers ?? {})) {
        if (reserved.has(header.toLowerCase())) throw new E(`headers.${header}: set by the credential options`);
      }
    },
  };
}
