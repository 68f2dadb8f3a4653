/**
 * `client.raw`, the openapi-fetch client: each of its calls sends its operation's
 * credentials (the operation found by method and path) to its operation's server, as the
 * typed methods do. A path the spec does not have gets the API's default security and base URL.
 */
import { mergeHeaders, type Client } from "openapi-fetch";
import type { Credentials } from "./credentials.js";
import { ConfigurationError, InvalidArgumentError } from "./errors.js";
import type { Operation } from "./operation.js";
import type { Prepared } from "./prepare.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** Wraps `raw`'s methods (and `request`) so that each call goes out as its operation says. */
export function routeRaw(raw: Client<any>, operations: readonly Operation[], prepare: (op: Operation) => Prepared, credentials: Credentials): void {
  let routes: Map<string, Operation> | undefined;
  const unknown = { id: "raw" } as Operation;
  const methods = raw as unknown as Record<string, (path: string, init?: any) => Promise<unknown>>;
  for (const method of METHODS) {
    const send = methods[method]!;
    methods[method] = (path, init = {}) => {
      try {
        routes ??= new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
        const op = routes.get(`${method} ${path}`) ?? unknown;
        const p = prepare(op);
        if (p.error) throw new ConfigurationError(`${op.id}: ${p.error}`);
        const params = init.params ?? {};
        credentials.check(Object.fromEntries(mergeHeaders(init.headers, params.header)), InvalidArgumentError);
        return send(path, { ...init, baseUrl: p.baseUrl, params: { ...params, query: { ...params.query, ...p.query }, header: { ...params.header, ...p.headers } } });
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  raw.request = ((method: string, path: string, init?: object) => methods[method.toUpperCase()]!(path, init)) as typeof raw.request;
}
