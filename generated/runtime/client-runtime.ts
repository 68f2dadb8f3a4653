// copied from generator/runtime/client-runtime.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * The runtime a generated client wraps. `createRuntime` reads the options once (credentials,
 * base URL, headers, limits) and fails at once when they cannot work; `call` runs one
 * operation: builds its request, then sends, retries (retry.ts) and decodes it.
 */
import createFetchClient, { type Client } from "openapi-fetch";
import { INSECURE_HTTP, insecure, resolveBaseUrl } from "./base-url.js";
import { boundedFetch, checkMaxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES } from "./body.js";
import { resolveCredentials, type Credentials } from "./credentials.js";
import {
  ApiError,
  ClientError,
  ConfigurationError,
  ConnectionError,
  InvalidArgumentError,
  RateLimitError,
  ResponseTooLargeError,
  rootCause,
  TimeoutError,
  UserAbortError,
  ValidationError,
} from "./errors.js";
import { checkedHeaders } from "./headers.js";
import { isJsonMediaType } from "./media-type.js";
import { callName, type ApiDescription, type Operation } from "./operation.js";
import { checkOptionTypes, own, type BaseClientOptions, type RequestOptions, type Validators } from "./options.js";
import { checkBodyAllowed, splitParams } from "./params.js";
import { preparer, withCredentials, type Prepared } from "./prepare.js";
import { querySerializer } from "./query.js";
import { rawRequestClass, rawRouting } from "./raw.js";
import { decode } from "./response.js";
import {
  DEFAULT_INITIAL_RETRY_DELAY_MS,
  DEFAULT_MAX_RETRIES,
  retryable,
  retrying,
  serverDelay,
  type Attempt,
  type RetryLimits,
} from "./retry.js";
import { sender, type Init, type Outcome } from "./transport.js";

/**
 * A plain Promise of the result (awaitable, fine with Promise.all) with one extra method.
 * Promises derived with `.then()` are plain promises.
 */
export interface ApiPromise<T> extends Promise<T> {
  /** The result and the Response (status, headers, request id); its body has been read already. */
  withResponse(): Promise<{ data: T; response: Response }>;
}

/** The transport a generated client wraps. */
export interface Runtime<Paths extends object> {
  /** The openapi-fetch client typed by `Paths`: each call sends its operation's credentials to its operation's server. */
  readonly raw: Client<Paths>;
  /** Runs one operation: builds, sends, retries and decodes it. */
  call<R>(op: Operation, params: object | undefined, options?: RequestOptions): ApiPromise<R>;
}

/** A call's result and the Response it came in. */
type Answer = { data: unknown; response: Response };

/** The limits a call runs with: the client's, or the call's own. */
interface Limits extends RetryLimits {
  readonly timeoutMs: number;
  /** The largest success body read, in bytes (decompressed). */
  readonly maxResponseBytes: number;
}

/** What every call of one client shares, worked out once by `createRuntime`. */
interface Shared {
  readonly limits: Limits;
  readonly credentials: Credentials;
  readonly prepare: (op: Operation) => Prepared;
  readonly send: ReturnType<typeof sender>;
  readonly validators: Validators | undefined;
  readonly requestIdHeader: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Creates the shared transport for `api` and its `operations`. Throws ConfigurationError
 * synchronously, before any request: for options of the wrong type, credentials that cannot be
 * sent or with which no operation could be called, a bad or missing base URL, plain http to a
 * remote host, headers a client may not set, or a `timeoutMs` or `maxRetries` that cannot work.
 */
export function createRuntime<Paths extends object>(
  api: ApiDescription,
  operations: Readonly<Record<string, Operation>>,
  options: BaseClientOptions = {},
): Runtime<Paths> {
  checkOptionTypes(options, ConfigurationError);
  const limits = clientLimits(options);
  const ops = Object.values(operations);
  const credentials = resolveCredentials(api, options, ops);
  const baseUrl = resolveBaseUrl(api.server, options);
  if (credentials.any && insecure(baseUrl, options)) throw new ConfigurationError(INSECURE_HTTP);
  const headers = checkedHeaders(options.headers, credentials.reserved, ConfigurationError);
  // Without a `fetch` option, globalThis.fetch is looked up at each send, not now: a mock
  // server (msw) started after the client was created must still see its requests.
  const fetchImpl: NonNullable<BaseClientOptions["fetch"]> = options.fetch ?? ((input, init) => fetch(input, init));
  const prepare = preparer(api, credentials, baseUrl, options);
  // Redirects are not followed: fetch would replay the credentials to any host. raw's bodies
  // are read within maxResponseBytes too (openapi-fetch then reads them again).
  const { maxResponseBytes } = limits;
  const tooLarge = () =>
    new ResponseTooLargeError(`raw: response body larger than maxResponseBytes (${maxResponseBytes} bytes)`, maxResponseBytes);
  const rawFetch = boundedFetch(fetchImpl, { limit: maxResponseBytes, errorBytes: maxResponseBytes, tooLarge });
  const raw = createFetchClient<Paths>({
    baseUrl,
    headers,
    fetch: rawFetch,
    redirect: "manual",
    querySerializer,
    Request: rawRequestClass(),
  });
  raw.use(rawRouting(ops, prepare, credentials)); // before any of the caller's
  const shared: Shared = {
    limits,
    credentials,
    prepare,
    send: sender(raw, fetchImpl, headers),
    validators: options.validate,
    requestIdHeader: api.requestIdHeader ?? "x-request-id",
  };
  return { raw, call: (op, params, callOptions) => apiPromise(runCall(shared, op, params, callOptions)) };
}

/** The client's limits: its options, else the defaults. */
function clientLimits(options: BaseClientOptions): Limits {
  // Defaults replace undefined only: a null must reach the checks.
  const {
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxRetries = DEFAULT_MAX_RETRIES,
    initialRetryDelayMs = DEFAULT_INITIAL_RETRY_DELAY_MS,
    maxRetryDelayMs,
    maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES,
  } = options;
  return checkLimits({ timeoutMs, maxRetries, initialRetryDelayMs, maxRetryDelayMs, maxResponseBytes }, ConfigurationError, "");
}

/** A call's limits: its own timeout and retry count, else the client's. */
function callLimits(callOptions: RequestOptions, client: Limits, prefix: string): Limits {
  const { timeoutMs = client.timeoutMs, maxRetries = client.maxRetries, maxResponseBytes = client.maxResponseBytes } = callOptions;
  return checkLimits({ ...client, timeoutMs, maxRetries, maxResponseBytes }, InvalidArgumentError, prefix);
}

/**
 * `limits`, or `ErrorClass` for a timeout or retry count that cannot work: `retry >= NaN` is
 * never true (a 5xx GET would be retried forever), and a timer of NaN, 0 or less fires at once.
 * Infinity is fine for both: no timer, or retries until the caller's signal aborts.
 */
function checkLimits(limits: Limits, ErrorClass: typeof ClientError, prefix: string): Limits {
  const { timeoutMs, maxRetries } = limits;
  if (!(typeof timeoutMs === "number" && timeoutMs > 0)) throw new ErrorClass(`${prefix}timeoutMs must be a number > 0`);
  if (!(Number.isInteger(maxRetries) || maxRetries === Infinity) || maxRetries < 0) {
    throw new ErrorClass(`${prefix}maxRetries must be an integer >= 0 or Infinity`);
  }
  checkMaxResponseBytes(limits.maxResponseBytes, ErrorClass, prefix);
  return limits;
}

/** `answer` as an ApiPromise. */
function apiPromise<R>(answer: Promise<Answer>): ApiPromise<R> {
  // `answer` always has this reaction, so it never reports an unhandled rejection itself:
  // only a promise the caller holds (this one, or one from withResponse()) can.
  const promise = answer.then((received) => received.data) as ApiPromise<R>;
  promise.withResponse = () => {
    promise.catch(() => {}); // the caller handles the failure through withResponse()
    return answer.then<{ data: R; response: Response }>();
  };
  return promise;
}

/** Runs one call: checks its arguments, builds its request, then sends it until it succeeds or fails for good. */
async function runCall(shared: Shared, op: Operation, params: object | undefined, callOptions: RequestOptions = {}): Promise<Answer> {
  const prefix = `${callName(op)}: `;
  checkOptionTypes(callOptions, InvalidArgumentError, prefix);
  const limits = callLimits(callOptions, shared.limits, prefix);
  const init = buildRequest(shared, op, params, callOptions, limits);
  const { signal } = callOptions;
  return retrying(limits, signal, (retry) => attempt(shared, op, init, limits.timeoutMs, signal, retry));
}

/** The request a call sends, checked (its params, headers and body) before anything is sent. */
function buildRequest(shared: Shared, op: Operation, params: object | undefined, callOptions: RequestOptions, limits: Limits): Init {
  const name = callName(op);
  const callHeaders = checkedHeaders(callOptions.headers, shared.credentials.reserved, InvalidArgumentError, `${name}: `);
  const prepared = shared.prepare(op);
  const { parts, body } = splitParams(op, params);
  checkBodyAllowed(name, op.method, body);
  if (op.body !== "none" && !(op.optionalBody && body === undefined)) validate(shared.validators, op, "request", body);
  const contentType = op.contentType ?? "application/json"; // JSON without a contentType, as openapi-fetch's default
  return {
    baseUrl: prepared.baseUrl,
    params: withCredentials(parts, prepared),
    body,
    // Not openapi-fetch's default serialiser: it picks by the final Content-Type (which a
    // caller's headers could change) and passes FormData through.
    bodySerializer: isJsonMediaType(contentType) ? toJson : asIs,
    headers: body === undefined ? callHeaders : { "Content-Type": contentType, ...callHeaders },
    parseAs: op.parseAs,
    maxResponseBytes: limits.maxResponseBytes,
    name,
  };
}

const toJson = (body: unknown): string => JSON.stringify(body);
const asIs = (body: unknown): unknown => body;

/** Runs the `validate` hook of `op` (validators are keyed by operationId) for `direction`, if there is one; throws ValidationError. */
function validate(validators: Validators | undefined, op: Operation, direction: "request" | "response", data: unknown): void {
  const validator = validators && own(validators, op.id)?.[direction];
  if (!validator) return;
  let valid: boolean;
  try {
    valid = validator(data);
  } catch (cause) {
    throw new ValidationError(op.id, direction, [], cause, callName(op));
  }
  if (!valid) throw new ValidationError(op.id, direction, [...(validator.errors ?? [])], undefined, callName(op));
}

/** An error of class `ErrorClass` about a call of `op`: the message starts with the method called. */
const callError = <T>(ErrorClass: new (message: string, options: ErrorOptions) => T, op: Operation, problem: string, cause?: unknown): T =>
  new ErrorClass(`${callName(op)}: ${problem}`, { cause });

/** Sends `init` once and says how it went: the call's answer, or a failure and whether to retry it. */
async function attempt(
  shared: Shared,
  op: Operation,
  init: Init,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  retry: number,
): Promise<Attempt<Answer>> {
  if (signal?.aborted) throw callError(UserAbortError, op, "aborted", signal.reason);
  const outcome = await shared.send(op.method, op.path, init, timeoutMs, signal);
  return "response" in outcome ? answered(shared, op, outcome) : notAnswered(op, outcome, timeoutMs, signal, retry);
}

/** The server answered: the result, or the ApiError it amounts to (a 2xx one is never retried). */
function answered(shared: Shared, op: Operation, outcome: Extract<Outcome, { response: Response }>): Attempt<Answer> {
  // The call's credentials, so that an answer that echoes them has them redacted.
  const decoded = decode(
    op,
    outcome,
    shared.requestIdHeader,
    (data) => validate(shared.validators, op, "response", data),
    shared.prepare(op),
  );
  if (!(decoded instanceof ApiError)) return { result: decoded };
  const { status, headers } = decoded;
  if (decoded instanceof RateLimitError) Object.assign(decoded, { retryAfterMs: serverDelay(headers) });
  return { failure: decoded, headers, retryable: !outcome.response.ok && retryable(op, status, headers, undefined) };
}

/** No answer: arguments that could not be sent (thrown at once), the caller's abort, a timeout or a connection failure. */
function notAnswered(
  op: Operation,
  outcome: Exclude<Outcome, { response: Response }>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  retry: number,
): Attempt<Answer> {
  const { error } = outcome;
  // Not sent: the arguments could not be serialised (JSON.stringify, a header value), or a middleware threw.
  if (!outcome.sent) throw error instanceof ClientError ? error : callError(InvalidArgumentError, op, String(error), error);
  if (signal?.aborted) throw callError(UserAbortError, op, "aborted", signal.reason);
  // Says the root cause, and how many attempts were made when there was more than one.
  const attempts = retry ? ` (${retry + 1} attempts)` : "";
  const why = rootCause(error);
  const failure = outcome.timedOut
    ? callError(TimeoutError, op, `timed out after ${timeoutMs} ms${attempts}`, error)
    : callError(ConnectionError, op, `connection failed${why ? `: ${why}` : ""}${attempts}`, error);
  return { failure, retryable: retryable(op, 0, undefined, error) };
}
