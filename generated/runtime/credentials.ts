// copied from generator/runtime/credentials.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * Credentials, as the spec's security schemes describe them: each scheme's value comes
 * from its `createClient` option, else from its environment variable (`x-zt-env`), read
 * once; each operation sends exactly one of its security alternatives, never a mix.
 */
import { ConfigurationError } from "./errors.js";
import type { ApiDescription, Operation, SchemeKind, Security, Sent } from "./operation.js";
import { env, own, type BaseClientOptions } from "./options.js";
import { isMet, isPublic } from "./security-rule.js";

export interface Credentials {
  /** What an operation with these alternatives sends (undefined: nothing), or why it cannot be called (a message naming the alternatives). */
  choose(security: Security): Sent | string | undefined;
  /** True when any credential was given, in code or in the environment. */
  readonly any: boolean;
  /** The headers the spec's schemes send (lower case): the client's and a call's `headers` may not set or remove them. */
  readonly reserved: ReadonlySet<string>;
}

/** One scheme's credential, checked: its kind, the name it goes under, its value as sent, and whether it came from an option. */
interface Given {
  readonly kind: SchemeKind;
  readonly name: string;
  readonly value: string;
  readonly fromOption: boolean;
}

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
    if (kind.in !== "query") reserved.add(kind.in === "cookie" ? "cookie" : name.toLowerCase());
    const option: unknown = own(options, scheme.option);
    const fromOption = option !== undefined && option !== "";
    const value = fromOption ? option : env(scheme.env);
    if (value !== undefined) values.set(key, { kind, name, value: kind.encode(value, scheme), fromOption });
  }

  const name = (key: string): string => own(schemes, key)?.option ?? `${key} (not supported)`;
  /** Why none of `alternatives` is met, naming each with its environment variables. */
  const explain = (alternatives: Security): string => {
    const half = alternatives.find((alternative) => alternative.some((key) => values.has(key)));
    const withEnv = (key: string) => name(key) + (own(schemes, key)?.env ? ` (${schemes[key]!.env})` : "");
    const each = alternatives.filter((alternative) => alternative.length).map((alternative) => alternative.map(withEnv).join(" + "));
    // Option names are identifiers: the last ", " is the one to read "and".
    return `${
      half
        ? `${half
            .map(name)
            .join(", ")
            .replace(/, (?!.*, )/, " and ")} must be set together`
        : "no credentials"
    }: set ${each.join(", or ")}`;
  };

  /** 0: every credential of `alternative` from options; 1: some; 2: none (all from the environment); 3: not met. */
  const rankOf = (alternative: readonly string[]): number => {
    const given = alternative.map((key) => values.get(key));
    const fromOptions = given.filter((credential) => credential?.fromOption).length;
    if (!isMet(alternative, (key) => values.has(key))) return 3;
    return fromOptions === alternative.length ? 0 : fromOptions ? 1 : 2;
  };

  /**
   * The first alternative, in spec order, met by options alone; else met by options and the
   * environment together, preferring one that uses an option; else none when `{}` is allowed.
   */
  const choose = (security: Security): Sent | string | undefined => {
    let best: readonly string[] | undefined;
    let bestRank = 3;
    for (const alternative of security) {
      const rank = rankOf(alternative);
      if (rank < bestRank) [bestRank, best] = [rank, alternative];
    }
    if (!best) return isPublic(security) ? undefined : explain(security);
    // Without a prototype, a name like "__proto__" is an own property like any other; then
    // copied (a spread defines what it copies) into ordinary objects, which V8 reads faster.
    const sent: Required<Sent> = {
      headers: Object.create(null) as Record<string, string>,
      query: Object.create(null) as Record<string, string | undefined>,
    };
    for (const key of best) {
      const { kind, name, value } = values.get(key)!;
      kind.put(sent, name, value);
    }
    return { headers: { ...sent.headers }, ...(Object.keys(sent.query).length ? { query: { ...sent.query } } : {}) };
  };

  if (operations.length && operations.every((op) => typeof choose(op.security ?? api.security) === "string")) {
    const distinct = new Map(
      operations.flatMap((op) => op.security ?? api.security).map((alternative) => [String(alternative), alternative]),
    );
    throw new ConfigurationError(explain([...distinct.values()]));
  }

  return { choose, any: values.size > 0, reserved };
}
