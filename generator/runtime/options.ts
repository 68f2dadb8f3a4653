/**
 * The options every generated client takes, whatever its spec (client.ts extends them with
 * one credential option per security scheme), the per-call options, and where defaults
 * come from when an option is not given: the environment.
 */
import type { ClientError, ValidationIssue } from "./errors.js";

/** Ajv's standalone validator shape. */
export type ValidateFunction = ((data: unknown) => boolean) & { errors?: null | ValidationIssue[] };

/** Validators by operationId: `request` sees the body before sending, `response` the whole parsed success body. */
export type Validators = {
  readonly [operationId: string]: { readonly request?: ValidateFunction; readonly response?: ValidateFunction } | undefined;
};

/** The options of `createClient` that are not credentials: base URL, retries, timeouts, headers, fetch and validation. */
export interface BaseClientOptions {
  /**
   * Replaces the spec's first server (an operation with an absolute server of its own keeps it).
   * Default: the environment variable that server names (`x-zt-env`), else its URL.
   */
  baseUrl?: string;
  /** Per attempt, headers and body included: a number > 0 (Infinity: none). Default 60 000. */
  timeoutMs?: number;
  /** Retries after the first attempt: an integer >= 0, or Infinity. Default 2. */
  maxRetries?: number;
  /** Sent with every request; not the headers of the spec's security schemes (use the credential options). */
  headers?: Record<string, string>;
  /** Replaces globalThis.fetch; called as `fetch(url, init)` (as `fetch(request)` once `raw` has middleware). */
  fetch?: (input: string | Request, init?: RequestInit) => Promise<Response>;
  /** Allows sending credentials over plain http:// to a host that is not loopback. */
  allowInsecureHttp?: boolean;
  /** Validation hook, see {@link Validators}. */
  validate?: Validators;
  /** First retry backoff before jitter, in ms. Default 500; meant for tests. */
  initialRetryDelayMs?: number;
  /** Backoff cap in ms (a server's Retry-After is capped at 60 s instead). Default 8 000. */
  maxRetryDelayMs?: number;
  /**
   * The largest success body a call reads, in bytes once decompressed: a larger one is a
   * ResponseTooLargeError (not retried), and the rest is not downloaded. An integer from 0
   * to 536,870,888 (V8's longest string). Default 33,554,432 (32 MiB). Error bodies are read
   * only as far as ApiError keeps them (64 KiB).
   */
  maxResponseBytes?: number;
}

/** Per-call overrides. */
export interface RequestOptions {
  /** Aborts the call at once, also during a retry backoff; an aborted call is never retried. */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /** Merged over the client's headers; not the headers of the spec's security schemes. */
  headers?: Record<string, string>;
  /** Replaces the client's `maxResponseBytes` for this call. */
  maxResponseBytes?: number;
}

/** The type of each option that is neither a credential nor checked on its own (timeoutMs, maxRetries, headers). */
const OPTION_TYPES: Readonly<Record<string, "string" | "boolean" | "function" | "object" | "number">> = {
  baseUrl: "string",
  allowInsecureHttp: "boolean",
  fetch: "function",
  validate: "object",
  signal: "object",
  initialRetryDelayMs: "number",
  maxRetryDelayMs: "number",
};

/**
 * Throws `ErrorClass` (message prefixed by `prefix`) for options that are not an object, or an option
 * of the wrong type: from JavaScript, `allowInsecureHttp: "false"` is truthy. Delays are
 * numbers >= 0 (Infinity: no cap).
 */
export function checkOptionTypes(options: unknown, ErrorClass: typeof ClientError, prefix = ""): void {
  if (typeof options !== "object" || options === null) throw new ErrorClass(`${prefix}options must be an object`);
  // The options given, not the table: a call usually has none (bench row 4).
  for (const name of Object.keys(options)) {
    const type = own(OPTION_TYPES, name);
    const value: unknown = (options as Record<string, unknown>)[name];
    if (type && value !== undefined && (typeof value !== type || value === null || !((value as number) >= 0 || type !== "number"))) {
      throw new ErrorClass(`${prefix}${name} must be a ${type}${type === "number" ? " >= 0" : ""}`);
    }
  }
}

/** An environment variable, through globalThis: no @types/node needed, and no ReferenceError where `process` does not exist. "" is unset. */
export const env = (name: string | undefined): string | undefined =>
  name ? (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined : undefined;

/** An own property only: "__proto__" or "constructor" never come from Object.prototype. */
export function own<V>(o: Readonly<Record<string, V>>, key: string): V | undefined;
export function own(o: object, key: string): unknown;
export function own(o: object, key: string): unknown {
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}
