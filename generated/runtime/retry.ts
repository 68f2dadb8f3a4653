// copied from generator/runtime/retry.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * What is retried, after how long, and the loop that does it. A retry must not do the work
 * twice: methods that are idempotent by definition (RFC 9110 §9.2.2), and operations the spec
 * marks `x-zt-idempotent: true`, are retried after anything that may be passing; POST and PATCH
 * only when the request cannot have been processed. And a retry must not hammer the server:
 * every wait has a floor that no option or server header removes.
 */
import type { ClientError } from "./errors.js";
import type { Operation } from "./operation.js";
import { within } from "./transport.js";

/** The retry options of the client and of a call; `maxRetryDelayMs` undefined keeps the defaults' two caps. */
export interface RetryLimits {
  readonly maxRetries: number;
  readonly initialRetryDelayMs: number;
  readonly maxRetryDelayMs: number | undefined;
}

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_INITIAL_RETRY_DELAY_MS = 500;
/** The backoff's cap when `maxRetryDelayMs` is not given. */
const DEFAULT_BACKOFF_CAP_MS = 8_000;
/** The cap on a server's Retry-After when `maxRetryDelayMs` is not given. */
const DEFAULT_SERVER_DELAY_CAP_MS = 60_000;

/** How one attempt ended: with the call's result, or with a failure the loop may retry. */
export type Attempt<T> =
  { readonly result: T } | { readonly failure: ClientError; readonly retryable: boolean; readonly headers?: Headers };

/**
 * Runs `attempt` until it gives a result, fails for good, or `limits.maxRetries` retries are
 * spent (then its last failure is thrown); waits `retryDelay` between attempts, cut short
 * when `signal` aborts (the next attempt then reports the abort).
 */
export async function retrying<T>(
  limits: RetryLimits,
  signal: AbortSignal | undefined,
  attempt: (retry: number) => Promise<Attempt<T>>,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    const outcome = await attempt(retry);
    if ("result" in outcome) return outcome.result;
    if (!outcome.retryable || retry >= limits.maxRetries) throw outcome.failure;
    const delay = retryDelay(outcome.headers, retry, limits);
    await within(delay, signal, (wait) => new Promise((resolve) => wait.addEventListener("abort", resolve)));
  }
}

/**
 * Whether a failed attempt is retried: `headers` and `status` when the server answered
 * (not a 2xx), else `error` (fetch's, or the timeout's). `x-should-retry` overrides the rule.
 * Idempotent: connection errors, timeouts, 408, 409, 429, >= 500. POST and PATCH: 429 and a
 * refused connection.
 */
export function retryable(op: Operation, status: number, headers: Headers | undefined, error: unknown): boolean {
  const should = headers?.get("x-should-retry");
  if (should === "true" || should === "false") return should === "true";
  // Of OpenAPI's eight methods, only POST and PATCH are not idempotent.
  const idempotent = op.idempotent || !/^P[OA]/.test(op.method);
  if (!headers) return idempotent || refused(error);
  return status === 429 || (idempotent && (status === 408 || status === 409 || status >= 500));
}

/**
 * Nothing was sent: undici's "fetch failed" with an ECONNREFUSED cause (an AggregateError
 * of them when every address of the host refused).
 */
function refused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | undefined)?.cause;
  const isRefusal = (failure: { code?: unknown } | undefined) => failure?.code === "ECONNREFUSED";
  return isRefusal(cause) || (!!cause?.errors?.length && cause.errors.every(isRefusal));
}

/**
 * The wait a server asks for, in ms: `retry-after-ms`, else `Retry-After` in seconds or as an
 * HTTP date. Undefined when there is none, or it cannot be read, or it is negative (a date in
 * the past included): the backoff applies then.
 */
export function serverDelay(headers: Headers | undefined): number | undefined {
  const ms = headers?.get("retry-after-ms");
  const after = headers?.get("retry-after");
  const asked = ms ? +ms : after ? (Number.isNaN(+after) ? Date.parse(after) - Date.now() : +after * 1e3) : NaN;
  return asked >= 0 ? asked : undefined;
}

/**
 * The least wait before retry `retry` (counted from 0): 1 ms doubling to 1 s, so that at most
 * about ten retries come in the first second, then one a second.
 */
const floorMs = (retry: number): number => Math.min(2 ** retry, 1_000);

/**
 * The wait before retry `retry`: the server's (`serverDelay`), else exponential backoff with
 * jitter (`initialRetryDelayMs` × 2^retry, less up to a quarter). `maxRetryDelayMs` caps both;
 * without it the backoff is capped at 8 s and a server's wait at 60 s. Never under `floorMs`.
 */
export function retryDelay(headers: Headers | undefined, retry: number, limits: RetryLimits): number {
  const { initialRetryDelayMs, maxRetryDelayMs } = limits;
  const asked = serverDelay(headers);
  const delay =
    asked !== undefined
      ? Math.min(asked, maxRetryDelayMs ?? DEFAULT_SERVER_DELAY_CAP_MS)
      : Math.min(initialRetryDelayMs * 2 ** retry, maxRetryDelayMs ?? DEFAULT_BACKOFF_CAP_MS) * (1 - Math.random() / 4);
  return Math.max(delay, floorMs(retry));
}
