/**
 * What each operation sends wherever it is called from (a typed method or `raw`): its
 * chosen credentials and its URL, worked out on its first call and kept, so that a call
 * does no more than it must.
 */
import { INSECURE_HTTP, insecure, serverUrl } from "./base-url.js";
import type { Credentials, Sent } from "./credentials.js";
import type { ApiDescription, Operation } from "./operation.js";
import type { BaseClientOptions } from "./options.js";

/** An operation's credentials and base URL, or why it cannot be called. */
export interface Prepared extends Sent {
  /** Why it cannot be called, when it cannot: a ConfigurationError's message. */
  readonly error?: string;
  readonly baseUrl: string;
}

/** A function giving each operation its Prepared, computed once per operation. */
export function preparer(api: ApiDescription, credentials: Credentials, baseUrl: string, options: BaseClientOptions): (op: Operation) => Prepared {
  const prepared = new Map<Operation, Prepared>();
  return (op) => {
    let p = prepared.get(op);
    if (!p) {
      const chosen = credentials.choose(op.security ?? api.security);
      const sent = typeof chosen == "object" ? chosen : { headers: {}, query: {} };
      let error = typeof chosen == "string" ? chosen : undefined;
      let url = baseUrl;
      try {
        if (op.server) url = serverUrl(op.server, baseUrl);
      } catch (e) {
        error ??= (e as Error).message;
      }
      // Checked for every URL a call can go to, but only when it carries credentials.
      if (sent == chosen && insecure(url, options)) error ??= INSECURE_HTTP;
      prepared.set(op, (p = { ...sent, baseUrl: url, error }));
    }
    return p;
  };
}
