// copied from generator/runtime/prepare.ts by generator/ — do not edit; run npm run generate
/**
 * What each call of an operation sends wherever it is called from (a typed method or
 * `raw`): its base URL and its chosen credentials, worked out on the operation's first
 * call and kept, so that a call does no more than it must.
 */
import { INSECURE_HTTP, insecure, serverUrl } from "./base-url.js";
import type { Credentials, Sent } from "./credentials.js";
import { ConfigurationError } from "./errors.js";
import type { ApiDescription, Operation } from "./operation.js";
import type { BaseClientOptions } from "./options.js";
import type { Init } from "./transport.js";

/**
 * A function giving a call of `op` (`init`, as openapi-fetch's methods take it) its
 * operation's base URL, and its credentials over the call's own query and header
 * parameters. Throws ConfigurationError when the operation cannot be called.
 */
export function preparer(api: ApiDescription, credentials: Credentials, baseUrl: string, options: BaseClientOptions): <I extends Partial<Init>>(op: Operation, init: I) => I & Init {
  const prepared = new Map<Operation, Sent & { baseUrl: string; error?: string }>();
  return (op, init) => {
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
    if (p.error) throw new ConfigurationError(`${op.id}: ${p.error}`);
    const { params = {} } = init;
    return { ...init, baseUrl: p.baseUrl, params: { ...params, query: { ...params.query, ...p.query }, header: { ...params.header, ...p.headers } } };
  };
}
