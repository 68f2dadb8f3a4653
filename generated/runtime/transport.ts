// copied from generator/runtime/transport.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * One attempt of a call: a fresh timer, the request put on the wire, its body read. Written
 * for speed (bench row 4): without middleware on `raw`, openapi-fetch's own URL and header
 * builders go straight into fetch; its `request()` would also merge the headers twice and
 * build a Request (fetch builds its own), about as much CPU again as the rest of the call.
 */
import { createFinalURL, createQuerySerializer, mergeHeaders, type Client, type HeadersOptions, type Middleware } from "openapi-fetch";

/** The URL parts of a call: path segments (already encoded), query and header parameters. */
export interface Parts {
  path?: Record<string, any>;
  query?: Record<string, any>;
  header?: Record<string, any>;
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
}

/** What an attempt resolves to, as openapi-fetch's `request()` gives it with `parseAs: "text"` (or "blob"). */
export type Received = { data?: string | Blob; error?: unknown; response: Response };

/** How an attempt ended: an answer, or an error and whether anything had been sent. */
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

const querySerializer = createQuerySerializer(); // openapi-fetch's default

/**
 * A function that sends one attempt of a call within `ms` (ended early by `signal`):
 * through `raw`'s own `request()` once `raw` has middleware (which must see every call),
 * else straight to `fetchImpl` with the client's `headers`. Takes `raw.request` as it is
 * now, before raw.ts routes it. Redirects are not followed: fetch would replay credentials to any host.
 */
export function sender(raw: Client<any>, fetchImpl: Fetch, clientHeaders: HeadersOptions | undefined) {
  const request = raw.request as unknown as (method: string, path: string, init: object) => Promise<Received>;
  let middleware = false;
  const use = raw.use;
  raw.use = (...m: Middleware[]) => {
    middleware = true;
    use(...m);
  };
  return async (method: string, path: string, init: Init, ms: number, signal: AbortSignal | undefined): Promise<Outcome> => {
    let sent = false;
    let own: AbortSignal | undefined;
    const send = (signal: AbortSignal): Promise<Received> => {
      const fetch = (input: string | Request, requestInit?: RequestInit) => ((sent = true), fetchImpl(input, requestInit));
      if (middleware) return request(method, path, { ...init, parseAs: init.parseAs || "text", pathSerializer, signal, fetch });
      const { baseUrl, params, body } = init;
      return fetch(createFinalURL(path, { baseUrl, params, querySerializer, pathSerializer }), {
        method,
        headers: mergeHeaders(clientHeaders, init.headers, params.header), // throws on a bad header value: not sent
        body: body === undefined ? undefined : (init.bodySerializer!(body) as BodyInit),
        redirect: "manual",
        signal,
      }).then((response) => read(response, init.parseAs));
    };
    try {
      // A fresh signal and timer per attempt: a timed-out signal stays aborted.
      return await within(ms, signal, (s) => send((own = s)));
    } catch (error) {
      // The attempt's signal aborted but not the caller's: the timer fired.
      return { error, sent, timedOut: !!own?.aborted && !signal?.aborted };
    }
  };
}

/** Reads a response as openapi-fetch's `request` does with `parseAs` "text" or "blob": an error body as JSON when it is JSON, else as text. */
async function read(response: Response, parseAs: Init["parseAs"]): Promise<Received> {
  if (response.ok && parseAs == "blob") return { data: await response.blob(), response };
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
