/**
 * One attempt of a call: a fresh timer, the request put on the wire, its body read. Written
 * for speed (bench row 4): without middleware on `raw`, openapi-fetch's own URL and header
 * builders go straight into fetch; its `request()` would also merge the headers twice and
 * build a Request (fetch builds its own), about as much CPU again as the rest of the call.
 */
import { createFinalURL, createQuerySerializer, mergeHeaders } from "openapi-fetch";

/** The URL parts of a call: path segments (already encoded), query and header parameters. */
export interface Parts {
  path?: Record<string, any>;
  query?: Record<string, any>;
  header?: Record<string, any>;
}

/** A request as every attempt of a call sends it. */
export interface Outgoing {
  readonly method: string;
  /** The OpenAPI path template. */
  readonly path: string;
  readonly baseUrl: string;
  readonly params: Parts;
  readonly body: unknown;
  readonly bodySerializer: (body: unknown) => unknown;
  /** The client's `headers` (openapi-fetch's client adds them itself). */
  readonly clientHeaders: Record<string, string> | undefined;
  /** Content-Type and the call's headers. */
  readonly headers: Record<string, string> | undefined;
  /** The credential headers: they win over header parameters of the same name. */
  readonly credentials: Readonly<Record<string, string>>;
}

/** What an attempt resolves to, as openapi-fetch's `request()` gives it with `parseAs: "text"`. */
export type Received = { data?: string; error?: unknown; response: Response };

/** How an attempt ended: an answer, or an error and whether anything had been sent. */
export type Outcome = { received: Received } | { error: unknown; sent: boolean; timedOut: boolean };

type Fetch = (input: string | Request, init?: RequestInit) => Promise<Response>;
type Request_ = (method: string, path: string, init: object) => Promise<Received>;

/**
 * Substitutes the segments the call has checked and encoded. Not openapi-fetch's default,
 * which would encode them again and reads `{.name}`, `{;name}` and `{name*}` as RFC 6570
 * operators; split/join is also faster.
 */
export const pathSerializer = (url: string, path: Record<string, unknown>): string => {
  for (const name in path) url = url.split(`{${name}}`).join(path[name] as string);
  return url;
};

const querySerializer = createQuerySerializer(); // openapi-fetch's default

/**
 * Sends one attempt within `ms` (ended early by `signal`): through openapi-fetch's
 * `request()` when it is given (`raw` has middleware, which must see the call), else
 * straight to `fetchImpl`. Redirects are not followed: fetch would replay credentials to any host.
 */
export async function attempt(out: Outgoing, ms: number, signal: AbortSignal | undefined, fetchImpl: Fetch, request?: Request_): Promise<Outcome> {
  let sent = false;
  let own: AbortSignal | undefined;
  const send = (signal: AbortSignal): Promise<Received> => {
    const { method, path, baseUrl, params, body, bodySerializer, headers } = out;
    if (request) {
      const fetch = (request: Request) => ((sent = true), fetchImpl(request));
      const init = { baseUrl, params: { ...params, header: { ...params.header, ...out.credentials } }, body, headers, bodySerializer, parseAs: "text", pathSerializer, signal, fetch };
      return request(method, path, init);
    }
    const init = {
      method,
      headers: mergeHeaders(out.clientHeaders, headers, params.header, out.credentials), // throws on a bad header value: not sent
      body: body === undefined ? undefined : (bodySerializer(body) as BodyInit),
      redirect: "manual" as const,
      signal,
    };
    sent = true;
    return fetchImpl(createFinalURL(path, { baseUrl, params, querySerializer, pathSerializer }), init).then(read);
  };
  try {
    // A fresh signal and timer per attempt: a timed-out signal stays aborted.
    return { received: await within(ms, signal, (s) => send((own = s))) };
  } catch (error) {
    // The attempt's signal aborted but not the caller's: the timer fired.
    return { error, sent, timedOut: !!own?.aborted && !signal?.aborted };
  }
}

/** Reads a response as openapi-fetch's `request` does with `parseAs: "text"`: an error body as JSON when it is JSON, else as text. */
async function read(response: Response): Promise<Received> {
  const text = await response.text();
  if (response.ok) return { data: text, response };
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
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
