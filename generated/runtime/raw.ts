// copied from generator/runtime/raw.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * `client.raw`, the openapi-fetch client: each of its calls sends its operation's
 * credentials (the operation found by method and path) to its operation's server, as the
 * typed methods do. A path the spec does not have gets the API's default security and base
 * URL. Built on openapi-fetch's documented extension points only: a middleware, registered
 * before any of the caller's (which then see the credentials), and the `Request` class option.
 */
import { createFinalURL, type Middleware } from "openapi-fetch";
import type { Credentials } from "./credentials.js";
import { InvalidArgumentError } from "./errors.js";
import { checkedHeaders } from "./headers.js";
import type { Operation } from "./operation.js";
import { checkBodyAllowed } from "./params.js";
import { withCredentials, type Prepared } from "./prepare.js";
import { typedCalls } from "./transport.js";

/** OpenAPI's methods: openapi-fetch's `request()` takes any name. */
const METHODS = new Set(["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"]);

/** Where a path the spec does not have is sent from: the API's default security and base URL. */
const UNKNOWN = { id: "raw" } as Operation;

let RawRequest: typeof Request | undefined;

/**
 * The Request class `raw` builds requests with (openapi-fetch's `Request` option): what fetch
 * would refuse to build (a method it does not know, a body on a GET, a URL with `@` in it) is
 * an InvalidArgumentError, as every bad argument is, not a TypeError. Made on first use, not
 * on import: in Node, reading the global `Request` loads undici (bench row 6).
 */
export const rawRequestClass = (): typeof Request =>
  (RawRequest ??= class extends Request {
    constructor(url: RequestInfo | URL, init: RequestInit = {}) {
      const method = `${init.method ?? "GET"}`;
      if (!METHODS.has(method)) throw new InvalidArgumentError(`raw: unknown method ${method}`);
      checkBodyAllowed("raw", method, init.body ?? undefined);
      try {
        super(url, init);
      } catch (cause) {
        throw new InvalidArgumentError("raw: fetch cannot send this request (a path must start with /)", { cause });
      }
    }
  });

/**
 * The middleware that routes each call of `raw` as its operation says: base URL, credentials,
 * and the checks the typed calls make (the path, the headers). Leaves the typed calls, which
 * go through `raw` once it has the caller's middleware, as they are: they carry all that already.
 */
export function rawRouting(operations: readonly Operation[], prepare: (op: Operation) => Prepared, credentials: Credentials): Middleware {
  let routes: Map<string, Operation> | undefined;
  return {
    async onRequest({ request, schemaPath, params, options }) {
      if (typedCalls.has(params)) return undefined;
      if (!schemaPath.startsWith("/")) throw new InvalidArgumentError("raw: a path must start with /");
      routes ??= new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
      const prepared = prepare(routes.get(`${request.method} ${schemaPath}`) ?? UNKNOWN);
      checkedHeaders(request.headers, credentials.reserved, InvalidArgumentError, "raw: ");
      for (const [name, value] of Object.entries(prepared.headers)) request.headers.set(name, value);
      if (!prepared.query && options.baseUrl === prepared.baseUrl) return request;
      // A query credential, or another server (the operation's own, or a per-call baseUrl): the URL is built again.
      const url = createFinalURL(schemaPath, { ...options, baseUrl: prepared.baseUrl, params: withCredentials(params, prepared) });
      return moved(request, url);
    },
  };
}

/**
 * `request`, sent to `url` instead: of raw's Request class, which openapi-fetch checks for
 * (instanceof its `Request` option). Its body is read first: a stream body would go out chunked, without Content-Length.
 */
async function moved(request: Request, url: string): Promise<Request> {
  const { method, headers, signal, redirect, credentials } = request;
  const body = request.body ? await request.arrayBuffer() : undefined;
  return new (rawRequestClass())(url, { method, headers, body, signal, redirect, credentials });
}
