// copied from generator/runtime/transport.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * One attempt of a call: a fresh timer, the request put on the wire, its body read. Written
 * for speed (bench row 4): without middleware on `raw`, openapi-fetch's own URL and header
 * builders go straight into fetch; its `request()` would also merge the headers twice and
 * build a Request (fetch builds its own), about as much CPU again as the rest of the call.
 */
import { createFinalURL, mergeHeaders, type Client, type HeadersOptions, type Middleware } from "openapi-fetch";
import { ERROR_BODY_BYTES, readBody, refill, utf8, type Bytes, type Limits } from "./body.js";
import { ResponseTooLargeError } from "./errors.js";
import { querySerializer } from "./query.js";

/** The URL parts of a call: path segments (already encoded), query and header parameters. */
export interface Parts {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

/** A call as openapi-fetch's methods take it, with its base URL and credentials (prepare.ts). */
export interface Init {
  readonly baseUrl: string;
  readonly params: Parts;
  readonly body?: unknown;
  readonly bodySerializer?: (body: unknown) => unknown;
  /** Content-Type and the call's headers (the client's are added when it is sent). */
  readonly headers?: HeadersOptions;
  /** How a success body is read: as text (the default; response.ts parses JSON), or as a Blob. */
  readonly parseAs?: "text" | "blob";
  /** The largest success body read, in bytes (decompressed); more is a ResponseTooLargeError. */
  readonly maxResponseBytes: number;
  /** The method called, which a ResponseTooLargeError's message starts with. */
  readonly name: string;
}

/**
 * What an attempt resolves to: the response and its body, read: a success body as text (or
 * a Blob, `parseAs`), an error body as text, its first 64 KiB only.
 */
export type Received = { data?: string | Blob; response: Response };

/**
 * How an attempt ended: an answer, or an error and whether anything had been sent. A body
 * larger than `maxResponseBytes` is neither: the attempt rejects with ResponseTooLargeError,
 * which is not retried (the next attempt would get the same body).
 */
export type Outcome = Received | { error: unknown; sent: boolean; timedOut: boolean };

type Fetch = (input: string | Request, init?: RequestInit) => Promise<Response>;

/**
 * Substitutes the segments the call has checked and encoded. Not openapi-fetch's default,
 * which would encode them again and reads `{.name}`, `{;name}` and `{name*}` as RFC 6570
 * operators; split/join is also faster.
 */
export const pathSerializer = (url: string, path: Record<string, unknown>): string => {
  for (const name in path) url = url.split(`{${name}}`).join(path[name] as string);
  return url;
};

/**
 * The params objects of typed calls sent through `raw.request()`: they carry their base URL
 * and credentials already, which raw's routing middleware (raw.ts) must not add again.
 */
export const typedCalls = new WeakSet<object>();

/**
 * A function that sends one attempt of a call within `ms` (ended early by `signal`):
 * through `raw`'s own `request()` once the caller has given `raw` middleware (which must see
 * every call), else straight to `fetchImpl` with the client's `headers`. Redirects are not
 * followed: fetch would replay credentials to any host.
 */
export function sender<Paths extends object>(raw: Client<Paths>, fetchImpl: Fetch, clientHeaders: HeadersOptions | undefined) {
  let callerMiddleware = false;
  // openapi-fetch cannot be asked whether it holds middleware, so `use` is watched: it
  // registers as before, and from then on the typed calls go through request().
  // Bound: the original is called on its own below.
  const use = raw.use.bind(raw);
  raw.use = (...middleware: Middleware[]) => {
    callerMiddleware = true;
    use(...middleware);
  };
  return async (method: string, path: string, init: Init, ms: number, signal: AbortSignal | undefined): Promise<Outcome> => {
    let sent = false;
    let attemptSignal: AbortSignal | undefined;
    const { maxResponseBytes: limit } = init;
    const limits: Limits = {
      limit,
      errorBytes: ERROR_BODY_BYTES,
      tooLarge: () => new ResponseTooLargeError(`${init.name}: response body larger than maxResponseBytes (${limit} bytes)`, limit),
    };
    const fetch = (input: string | Request, requestInit?: RequestInit) => ((sent = true), fetchImpl(input, requestInit));
    const throughRaw = (signal: AbortSignal): Promise<Received> => {
      typedCalls.add(init.params);
      // openapi-fetch reads the body again, as the middleware left it; the error body as read here.
      let read: Bytes | undefined;
      const bounded = async (input: string | Request, requestInit?: RequestInit) => {
        const response = await fetch(input, requestInit);
        return refill(response, (read = await readBody(response, limits, signal)));
      };
      const request = raw.request as unknown as (method: string, path: string, init: object) => Promise<Received & { error?: unknown }>;
      const sendInit = { ...init, parseAs: init.parseAs || "text", pathSerializer, signal, fetch: bounded };
      return request(method, path, sendInit).then(({ data, error, response }) => ({
        response,
        data: response.ok ? data : read ? utf8(read) : typeof error === "string" ? error : undefined,
      }));
    };
    const direct = (signal: AbortSignal): Promise<Received> => {
      const { baseUrl, params, body } = init;
      return fetch(createFinalURL(path, { baseUrl, params, querySerializer, pathSerializer }), {
        method,
        // Header parameters as the generated types take them (scalars); throws on a bad header value: not sent.
        headers: mergeHeaders(clientHeaders, init.headers, params.header as HeadersOptions | undefined),
        body: body === undefined ? undefined : (init.bodySerializer!(body) as BodyInit),
        redirect: "manual",
        signal,
      }).then(async (response) => {
        const bytes = await readBody(response, limits, signal);
        if (!response.ok || init.parseAs !== "blob") return { response, data: utf8(bytes) };
        return { response, data: new Blob(bytes.chunks as BlobPart[], { type: response.headers.get("content-type") ?? "" }) };
      });
    };
    try {
      // A fresh signal and timer per attempt: a timed-out signal stays aborted.
      return await within(ms, signal, (fresh) => ((attemptSignal = fresh), callerMiddleware ? throughRaw(fresh) : direct(fresh)));
    } catch (error) {
      if (error instanceof ResponseTooLargeError) throw error;
      // The attempt's signal aborted but not the caller's: the timer fired.
      return { error, sent, timedOut: !!attemptSignal?.aborted && !signal?.aborted };
    }
  };
}

/**
 * Runs `work` with a signal that aborts after `ms`, or as soon as `signal` does (at once
 * if it already has); the timer and the listener are gone when it settles. Used for each
 * attempt and for each backoff, so that both end at once when the caller aborts.
 */
export async function within<T>(ms: number, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  // Clamped: setTimeout fires at once for delays of 2^31 ms or more (timeoutMs: Infinity).
  const timer = setTimeout(abort, signal?.aborted ? 0 : Math.min(ms, 2 ** 31 - 1));
  signal?.addEventListener("abort", abort);
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}
