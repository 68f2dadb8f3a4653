/**
 * What each call of an operation sends wherever it is called from (a typed method or
 * `raw`): its base URL and its chosen credentials, worked out on the operation's first
 * call and kept, so that a call does no more than it must.
 */
import { INSECURE_HTTP, insecure, serverUrl } from "./base-url.js";
import type { Credentials } from "./credentials.js";
import { ConfigurationError } from "./errors.js";
import type { ApiDescription, Operation, Sent } from "./operation.js";
import type { BaseClientOptions } from "./options.js";
import type { Parts } from "./transport.js";

/** An operation's base URL and credentials. */
export interface Prepared extends Sent {
  readonly baseUrl: string;
}

/**
 * A function giving each operation its Prepared, computed once per operation. Throws
 * ConfigurationError (each time) for an operation that cannot be called.
 */
export function preparer(
  api: ApiDescription,
  credentials: Credentials,
  baseUrl: string,
  options: BaseClientOptions,
): (op: Operation) => Prepared {
  const byOperation = new Map<Operation, Prepared & { error?: string }>();
  return (op) => {
    let prepared = byOperation.get(op);
    if (!prepared) {
      const chosen = credentials.choose(op.security ?? api.security);
      const sent = typeof chosen === "object" ? chosen : { headers: {} };
      let error = typeof chosen === "string" ? chosen : undefined;
      let url = baseUrl;
      try {
        if (op.server) url = serverUrl(op.server, baseUrl);
      } catch (failure) {
        error ??= (failure as Error).message;
      }
      // Checked for every URL a call can go to, but only when it carries credentials.
      if (sent === chosen && insecure(url, options)) error ??= INSECURE_HTTP;
      byOperation.set(op, (prepared = { ...sent, baseUrl: url, error }));
    }
    if (prepared.error) throw new ConfigurationError(`${op.id}: ${prepared.error}`);
    return prepared;
  };
}

/**
 * A call's path, query and header parameters with `prepared`'s credentials over its own. Spreads
 * no more than it must: each spread is a measurable part of a typed call's CPU (bench row 4).
 */
export const withCredentials = ({ path, query, header }: Parts, prepared: Prepared): Parts => ({
  path,
  query: prepared.query ? { ...query, ...prepared.query } : query,
  header: { ...header, ...prepared.headers },
});
