// copied from generator/runtime/client-runtime.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * The runtime a generated client wraps. `createRuntime` reads the options once (credentials,
 * base URL, headers) and fails at once when they cannot work; `call` runs one operation:
 * builds, sends, retries and decodes it.
 */
import createFetchClient, { type Client } from "openapi-fetch";
import { INSECURE_HTTP, insecure, resolveBaseUrl } from "./base-url.js";
import { resolveCredentials } from "./credentials.js";
import { ApiError, ClientError, ConfigurationError, ConnectionError, InvalidArgumentError, TimeoutError, UserAbortError, ValidationError } from "./errors.js";
import type { ApiDescription, Operation } from "./operation.js";
import { own, type BaseClientOptions, type RequestOptions, type ValidateFunction } from "./options.js";
import { checkBodyAllowed, splitParams } from "./params.js";
import { preparer, withCredentials } from "./prepare.js";
import { routeRaw } from "./raw.js";
import { decode } from "./response.js";
import { retryable, retryDelay } from "./retry.js";
import { sender, within } from "./transport.js";

/**
 * A plain Promise of the result (awaitable, fine with Promise.all) with one extra method.
 * Promises derived with `.then()` are plain promises.
 */
export interface ApiPromise<T> extends Promise<T> {
  /** The result and the Response (status, headers, request id); its body has been read already. */
  withResponse(): Promise<{ data: T; response: Response }>;
}

/** The transport a generated client wraps. */
export interface Runtime<Paths extends {}> {
  /** The openapi-fetch client typed by `Paths`: each call sends its operation's credentials to its operation's server. */
  readonly raw: Client<Paths>;
  /** Runs one operation: builds, sends, retries and decodes it. */
  call<R>(op: Operation, params: object | undefined, options?: RequestOptions): ApiPromise<R>;
}

/**
 * Throws `E` for a timeout or retry count that cannot work: `retry >= NaN` is never true (a
 * 5xx GET would be retried forever), and a timer of NaN, 0 or less fires at once. Infinity is
 * fine for both: no timer, or retries until the caller's signal aborts.
 */
function checkLimits(timeoutMs: unknown, maxRetries: unknown, E: typeof ClientError, prefix = ""): void {
  if (!(typeof timeoutMs == "number" && timeoutMs > 0)) throw new E(`${prefix}timeoutMs must be a number > 0`);
  if (!(Number.isInteger(maxRetries) || maxRetries === Infinity) || (maxRetries as number) < 0) throw new E(`${prefix}maxRetries must be an integer >= 0 or Infinity`);
}

const toJson = (body: unknown): string => JSON.stringify(body);
const asIs = (body: unknown): unknown => body;
const ignore = () => {};

/**
 * Creates the shared transport for `api` and its `operations`. Throws ConfigurationError
 * synchronously, before any request: for credentials that cannot be sent or with which no
 * operation could be called, a bad or missing base URL, plain http to a remote host, or a
 * `timeoutMs` or `maxRetries` that cannot work.
 */
export function createRuntime<Paths extends {}>(
  api: ApiDescription,
  operations: Readonly<Record<string, Operation>>,
  options: BaseClientOptions = {},
): Runtime<Paths> {
  const { validate: validators, timeoutMs = 60_000, maxRetries = 2, initialRetryDelayMs = 500, maxRetryDelayMs = 8_000 } = options;
  checkLimits(timeoutMs, maxRetries, ConfigurationError);
  const ops = Object.values(operations);
  const credentials = resolveCredentials(api, options, ops);
  const baseUrl = resolveBaseUrl(api.server, options);
  if (credentials.any && insecure(baseUrl, options)) throw new ConfigurationError(INSECURE_HTTP);
  credentials.check(options.headers, ConfigurationError);
  const requestIdHeader = api.requestIdHeader ?? "x-request-id";
  // Without a `fetch` option, globalThis.fetch is looked up at each send, not now: a mock
  // server (msw) started after the client was created must still see its requests.
  const fetchImpl: NonNullable<BaseClientOptions["fetch"]> = options.fetch ?? ((input, init) => fetch(input, init));

  const prepare = preparer(api, credentials, baseUrl, options);

  // Redirects are not followed: fetch would replay the credentials to any host.
  const raw = createFetchClient<Paths>({ baseUrl, headers: options.headers, fetch: fetchImpl, redirect: "manual" });
  const attempt = sender(raw, fetchImpl, options.headers);
  routeRaw(raw, ops, prepare, credentials);

  async function run(op: Operation, params: object | undefined, ro: RequestOptions = {}): Promise<{ data: unknown; response: Response }> {
    const { signal, timeoutMs: attemptMs = timeoutMs, maxRetries: retries = maxRetries } = ro;
    /** An error of class `E` about this call: the message starts with the operationId. */
    const fail = <E>(E: new (message: string, options: ErrorOptions) => E, problem: string, cause?: unknown): E =>
      new E(`${op.id}: ${problem}`, { cause });
    const checks = validators && own(validators, op.id);
    /** Runs the `validate` hook for `direction`, if there is one. */
    const check = (direction: "request" | "response", data: unknown) => {
      const fn: ValidateFunction | undefined = checks?.[direction];
      let ok: boolean | undefined;
      try {
        ok = !fn || fn(data);
      } catch (cause) {
        throw new ValidationError(op.id, direction, [], cause);
      }
      if (!ok) throw new ValidationError(op.id, direction, [...(fn!.errors ?? [])]);
    };
    checkLimits(attemptMs, retries, InvalidArgumentError, `${op.id}: `);
    credentials.check(ro.headers, InvalidArgumentError);
    const p = prepare(op);
    const { parts, body } = splitParams(op, params);
    checkBodyAllowed(op.id, op.method, body);
    const init = {
      baseUrl: p.baseUrl,
      params: withCredentials(parts, p),
      body,
      // Not openapi-fetch's default serialiser: it picks by the final Content-Type (which a
      // caller's headers could change) and passes FormData through.
      bodySerializer: /json/i.test(op.contentType ?? "json") ? toJson : asIs,
      // Without a contentType, JSON (openapi-fetch's default too).
      headers: body === undefined ? ro.headers : { "Content-Type": op.contentType ?? "application/json", ...ro.headers },
      parseAs: op.parseAs,
    };
    if (op.body != "none" && !(op.optionalBody && body === undefined)) check("request", body);

    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw fail(UserAbortError, "aborted", signal.reason);
      const outcome = await attempt(op.method, op.path, init, attemptMs, signal);
      let failure: ClientError;
      let status = 0;
      let headers: Headers | undefined;
      let error: unknown;
      if ("response" in outcome) {
        const decoded = decode(op, outcome, requestIdHeader, (data) => check("response", data));
        if (!(decoded instanceof ApiError)) return decoded;
        ({ status, headers } = failure = decoded);
        if (outcome.response.ok) throw failure; // a 2xx is never retried
      } else {
        ({ error } = outcome);
        // Not sent: the arguments could not be serialised (JSON.stringify, a header value),
        // or a middleware threw.
        if (!outcome.sent) throw error instanceof ClientError ? error : fail(InvalidArgumentError, `${error}`, error);
        if (signal?.aborted) continue; // reported at the top
        failure = outcome.timedOut ? fail(TimeoutError, `timed out after ${attemptMs} ms`, error) : fail(ConnectionError, "connection failed", error);
      }
      if (retry >= retries || !retryable(op, status, headers, error)) throw failure;
      const delay = retryDelay(headers, retry, initialRetryDelayMs, maxRetryDelayMs);
      await within(delay, signal, (wait) => new Promise((resolve) => wait.addEventListener("abort", resolve)));
    }
  }

  return {
    raw,
    call<R>(op: Operation, params: object | undefined, ro?: RequestOptions) {
      const inner = run(op, params, ro);
      // `inner` always has this reaction, so it never reports an unhandled rejection itself:
      // only a promise the caller holds (this one, or one from withResponse()) can.
      const promise = inner.then((r) => r.data) as ApiPromise<R>;
      promise.withResponse = () => {
        promise.catch(ignore); // the caller handles the failure through withResponse()
        return inner.then() as Promise<{ data: R; response: Response }>;
      };
      return promise;
    },
  };
}
