// copied from generator/runtime/retry.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * What is retried, and after how long. A retry must not do the work twice: methods that
 * are idempotent by definition (RFC 9110 §9.2.2), and operations the spec marks
 * `x-zt-idempotent: true`, are retried after anything that may be passing; POST and PATCH
 * only when the request cannot have been processed.
 */
import type { Operation } from "./operation.js";

/**
 * Whether a failed attempt is retried: `headers` and `status` when the server answered
 * (not a 2xx), else `error` (fetch's, or the timeout's). `x-should-retry` overrides the rule.
 * Idempotent: connection errors, timeouts, 408, 409, 429, >= 500. POST and PATCH: 429 and a
 * refused connection.
 */
export function retryable(op: Operation, status: number, headers: Headers | undefined, error: unknown): boolean {
  const should = headers?.get("x-should-retry");
  if (should == "true" || should == "false") return should == "true";
  // Of OpenAPI's eight methods, only POST and PATCH are not idempotent.
  const idempotent = op.idempotent || !/^P[OA]/.test(op.method);
  if (!headers) return idempotent || refused(error);
  return status == 429 || (idempotent && (status == 408 || status == 409 || status >= 500));
}

/**
 * Nothing was sent: undici's "fetch failed" with an ECONNREFUSED cause (an AggregateError
 * of them when every address of the host refused).
 */
function refused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | undefined)?.cause;
  return cause?.code == "ECONNREFUSED" || (!!cause?.errors?.length && cause.errors.every((e) => e?.code == "ECONNREFUSED"));
}

/**
 * The server's delay (retry-after-ms, Retry-After seconds or date) capped at 60 s, else
 * exponential backoff with jitter: `initial` × 2^retry, capped at `max`, less up to a quarter.
 */
export function retryDelay(headers: Headers | undefined, retry: number, initial: number, max: number): number {
  const ms = headers?.get("retry-after-ms");
  const after = headers?.get("retry-after");
  // "0" seconds falls through to Date.parse, which gives a date in the past: 0 as well.
  const given = ms ? +ms : after ? +after * 1e3 || Date.parse(after) - Date.now() : NaN;
  return given >= 0 ? Math.min(given, 60_000) : given < 0 ? 0 : Math.min(initial * 2 ** retry, max) * (1 - Math.random() / 4);
}
