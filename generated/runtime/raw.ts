// copied from generator/runtime/raw.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * `client.raw`, the openapi-fetch client: each of its calls sends its operation's
 * credentials (the operation found by method and path) to its operation's server, as the
 * typed methods do. A path the spec does not have gets the API's default security and base URL.
 */
import { mergeHeaders, type Client } from "openapi-fetch";
import type { Credentials } from "./credentials.js";
import { InvalidArgumentError } from "./errors.js";
import type { Operation } from "./operation.js";
import { own } from "./options.js";
import { checkBodyAllowed } from "./params.js";
import { withCredentials, type Prepared } from "./prepare.js";

/** Wraps `raw`'s methods (and `request`) so that each call goes out as its operation says. */
export function routeRaw(raw: Client<any>, operations: readonly Operation[], prepare: (op: Operation) => Prepared, credentials: Credentials): void {
  let routes: Map<string, Operation> | undefined;
  const unknown = { id: "raw" } as Operation;
  const methods = raw as unknown as Record<string, (path: string, init?: any) => Promise<unknown>>;
  // openapi-fetch's methods are its upper-case keys, GET to TRACE.
  for (const method of Object.keys(raw).filter((key) => /^[A-Z]+$/.test(key))) {
    const send = methods[method]!;
    // Async: what fails here rejects, as openapi-fetch's own methods do.
    methods[method] = async (path, init = {}) => {
      routes ??= new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
      const p = prepare(routes.get(`${method} ${path}`) ?? unknown);
      const { params = {} } = init;
      checkBodyAllowed("raw", method, init.body);
      credentials.check(Object.fromEntries(mergeHeaders(init.headers, params.header)), InvalidArgumentError);
      return send(path, { ...init, baseUrl: p.baseUrl, params: { ...params, ...withCredentials(params, p) } });
    };
  }
  raw.request = ((method: string, path: string, init?: object) => {
    const send = own(methods, `${method}`.toUpperCase());
    return send ? send(path, init) : Promise.reject(new InvalidArgumentError(`raw: unknown method ${method}`));
  }) as typeof raw.request;
}
