// copied from generator/runtime/index.ts by generator/ — do not edit; run npm run generate
/**
 * The hand-written runtime of the generated client: auth, base URL, parameter encoding,
 * retries, timeouts, typed errors and the validation hook, on top of openapi-fetch.
 *
 * One module on purpose: the generator copies it verbatim into `generated/runtime/`, and
 * each extra ES module costs ~0.3 ms of cold `import`, as much as openapi-fetch itself.
 * It is also written for size (bench row 5: a consumer bundle with openapi-fetch, which is
 * ~2.7 KB gzipped of it): short messages, no option tables, one code path per job, and
 * openapi-fetch's own builders (URL, query, headers) rather than copies of them.
 * Sections stand in for files.
 */
import createFetchClient, { createFinalURL, createQuerySerializer, mergeHeaders, type Client, type Middleware } from "openapi-fetch";
import type { Operation } from "./operation.js";

export type { Operation } from "./operation.js";

// ───────────────────────────── errors ─────────────────────────────
// Subclasses carry a `declare`d literal `status` or a private brand: without one they
// would be structurally identical to their parent, and the `else` branch of an
// `instanceof` check would narrow the parent to `never`.

/** Base class of every error this client throws or rejects with. */
export class ZtRiskScoringError extends Error {}

/** One entry of an envelope's `errors` or `messages`. */
export interface ApiMessage {
  code: number;
  message: string;
  documentation_url?: string;
  source?: { pointer?: string };
}

interface ApiErrorInit {
  status: number;
  headers: Headers;
  requestId: string | undefined;
  errors: ApiMessage[];
  messages: ApiMessage[];
  body: string | undefined;
}

/** The server answered, but not with a usable success: a non-2xx, `success: false`, or a broken body. */
export class ApiError extends ZtRiskScoringError {
  /** HTTP status; a 2xx when the body was unusable or said `success: false`. */
  declare readonly status: number;
  /** The envelope's `errors` (empty when the body was not an envelope). */
  declare readonly errors: ApiMessage[];
  /** The envelope's `messages`. */
  declare readonly messages: ApiMessage[];
  /** The response headers. */
  declare readonly headers: Headers;
  /** The `cf-ray` response header, for Cloudflare support. */
  declare readonly requestId: string | undefined;
  /** The first 64 KiB of the raw body when it was not JSON or not an envelope. */
  declare readonly body: string | undefined;
  constructor(message: string, init: ApiErrorInit) {
    super(message);
    Object.assign(this, init);
  }
}
// One class per status, as in Cloudflare's SDK. Plain classes: a factory (an interface for
// the type plus `const X = statusError("X", 404)`, registering the status) measured larger
// once gzipped, as soon as it kept `constructor.name`.
/** HTTP 400. */
export class BadRequestError extends ApiError { declare readonly status: 400; }
/** HTTP 401: missing or rejected credentials. */
export class AuthenticationError extends ApiError { declare readonly status: 401; }
/** HTTP 403: the credentials lack a permission. */
export class PermissionDeniedError extends ApiError { declare readonly status: 403; }
/** HTTP 404. */
export class NotFoundError extends ApiError { declare readonly status: 404; }
/** HTTP 409 (retried first). */
export class ConflictError extends ApiError { declare readonly status: 409; }
/** HTTP 422. */
export class UnprocessableEntityError extends ApiError { declare readonly status: 422; }
/** HTTP 429 (retried first, honouring Retry-After). */
export class RateLimitError extends ApiError { declare readonly status: 429; }
/** Any status >= 500 (retried first). */
export class InternalServerError extends ApiError { private declare readonly _internalServerError: void; }

/** No usable response: the connection failed or broke mid-response; `cause` is fetch's error. */
export class ConnectionError extends ZtRiskScoringError { private declare readonly _connectionError: void; }
/** An attempt took longer than `timeoutMs` (headers and body included). */
export class TimeoutError extends ConnectionError { private declare readonly _timeoutError: void; }
/** The caller's `AbortSignal` fired; `cause` is its reason. `name` is "AbortError", as with fetch. */
export class UserAbortError extends ZtRiskScoringError { private declare readonly _userAbortError: void; }
/** Bad client options or credentials; thrown synchronously by `createRuntime` / `createClient`. */
export class ConfigurationError extends ZtRiskScoringError { private declare readonly _configurationError: void; }
/** Bad call arguments (params, request options): the call rejects with it and sends nothing. */
export class InvalidArgumentError extends ZtRiskScoringError { private declare readonly _invalidArgumentError: void; }

type ValidationIssue = { instancePath?: string; message?: string };

/** A `validate` hook rejected the request body (nothing was sent) or the response body. */
export class ValidationError extends ZtRiskScoringError {
  declare readonly operationId: string;
  declare readonly direction: "request" | "response";
  /** A copy of the validator's `errors`. */
  declare readonly errors: ValidationIssue[];
  constructor(operationId: string, direction: "request" | "response", errors: ValidationIssue[], cause?: unknown) {
    super(`${operationId}: invalid ${direction} body: ${errors.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ")}`, { cause });
    Object.assign(this, { operationId, direction, errors });
  }
}

// On the prototype: shared, and not an own property showing in JSON.stringify or inspect.
// Spelled out because minifiers rename classes; every name ends in "Error".
for (const [name, cls] of Object.entries({
  ZtRiskScoring: ZtRiskScoringError, Api: ApiError, BadRequest: BadRequestError, Authentication: AuthenticationError,
  PermissionDenied: PermissionDeniedError, NotFound: NotFoundError, Conflict: ConflictError, UnprocessableEntity: UnprocessableEntityError,
  RateLimit: RateLimitError, InternalServer: InternalServerError, Connection: ConnectionError, Timeout: TimeoutError,
  Configuration: ConfigurationError, InvalidArgument: InvalidArgumentError, Validation: ValidationError, Abort: UserAbortError,
})) cls.prototype.name = `${name}Error`;

// ───────────────────────────── options ─────────────────────────────

/** Ajv's standalone validator shape. */
export type ValidateFunction = ((data: unknown) => boolean) & { errors?: null | ValidationIssue[] };

/** Validators by operationId: `request` sees the body before sending, `response` the whole parsed success body. */
export type Validators = {
  readonly [operationId: string]: { readonly request?: ValidateFunction; readonly response?: ValidateFunction } | undefined;
};

/** Options of `createClient`: credentials, base URL, retries, timeouts, headers, fetch and validation. */
export interface ClientOptions {
  /** Sent as `Authorization: Bearer …`; wins over apiEmail/apiKey. Default: env CLOUDFLARE_API_TOKEN. */
  apiToken?: string;
  /** With apiKey, sent as `X-Auth-Email`. Default: env CLOUDFLARE_EMAIL. */
  apiEmail?: string;
  /** With apiEmail, sent as `X-Auth-Key` (Global API key). Default: env CLOUDFLARE_API_KEY. */
  apiKey?: string;
  /** Default: env CLOUDFLARE_BASE_URL, else https://api.cloudflare.com/client/v4. */
  baseUrl?: string;
  /** Per attempt, headers and body included. Default 60 000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Sent with every request; not the auth headers (use the credential options). */
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
}

/** Per-call overrides. */
export interface RequestOptions {
  /** Aborts the call at once, also during a retry backoff; an aborted call is never retried. */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /** Merged over the client's headers; not the auth headers. */
  headers?: Record<string, string>;
}

/** Through globalThis: no @types/node needed, and no ReferenceError where `process` does not exist. "" is unset. */
const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;

/**
 * Credential options beat the environment as a whole scheme (email + key in code are not
 * overridden by a token in the environment); a token beats email + key; "" is unset.
 */
function resolveAuth(o: ClientOptions): Record<string, string> {
  const token = o.apiToken || (o.apiEmail || o.apiKey ? "" : env("CLOUDFLARE_API_TOKEN"));
  const email = o.apiEmail || env("CLOUDFLARE_EMAIL");
  const key = o.apiKey || env("CLOUDFLARE_API_KEY");
  if (!token && !(email && key)) {
    throw new ConfigurationError(email || key ? "apiEmail and apiKey must be set together" : "no credentials: set apiToken or CLOUDFLARE_API_TOKEN (or apiEmail + apiKey)");
  }
  // Checked here because fetch's own header errors quote the value. (email + key is
  // printable without spaces exactly when both are.)
  if (!/^[!-~]+$/.test(token || email! + key)) throw new ConfigurationError("credentials are not valid header values");
  return token ? { Authorization: `Bearer ${token}` } : { "X-Auth-Email": email!, "X-Auth-Key": key! };
}

function resolveBaseUrl(o: ClientOptions): string {
  let href: string | undefined;
  try {
    ({ href } = new URL(o.baseUrl || env("CLOUDFLARE_BASE_URL") || "https://api.cloudflare.com/client/v4"));
  } catch {}
  // No userinfo (a second credential), query or fragment (they would swallow the path).
  // (`test(undefined)` tests "undefined", which fails.)
  if (!/^https?:\/\/[^/@]+\/[^?#]*$/.test(href!)) throw new ConfigurationError("invalid baseUrl");
  // URL() has already normalised 127.1, 2130706433, [0::1] and LOCALHOST.
  if (!o.allowInsecureHttp && !/^(https:|http:\/\/(localhost|\[::1\]|127(\.\d+){3})[:/])/.test(href!)) {
    throw new ConfigurationError("plain http to a remote host needs allowInsecureHttp");
  }
  return href!.replace(/\/+$/, "");
}

/** Exactly one auth scheme is ever sent, so `headers` may neither add nor remove one. */
function checkHeaders(headers: object | undefined, E: typeof ZtRiskScoringError): void {
  for (const name in headers) {
    if (/^(authorization|x-auth-(email|key))$/i.test(name)) throw new E(`headers.${name}: use apiToken/apiEmail/apiKey`);
  }
}

const STATUS_ERRORS: Record<number, typeof ApiError> = {
  400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError,
  409: ConflictError, 422: UnprocessableEntityError, 429: RateLimitError,
};

// ───────────────────────────── requests ─────────────────────────────

const own = (o: object, key: string): any => (Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined);
const isObject = (v: unknown): v is object => typeof v == "object" && v !== null && !Array.isArray(v);

/**
 * Substitutes the segments `run` has checked and encoded. Not openapi-fetch's default,
 * which would encode them again and reads `{.name}`, `{;name}` and `{name*}` as RFC 6570
 * operators; split/join is also faster.
 */
const pathSerializer = (url: string, path: Record<string, unknown>): string => {
  for (const name in path) url = url.split(`{${name}}`).join(path[name] as string);
  return url;
};

const toJson = (body: unknown): string => JSON.stringify(body);
const asIs = (body: unknown): unknown => body;

// ───────────────────────────── responses ─────────────────────────────

/** What openapi-fetch's `request` resolves to, with `parseAs: "text"`. */
type Sent = { data?: string; error?: unknown; response: Response };

/** Reads a response as openapi-fetch's `request` does with `parseAs: "text"`: an error body as JSON when it is JSON, else as text. */
async function read(response: Response): Promise<Sent> {
  const text = await response.text();
  if (response.ok) return { data: text, response };
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}

/** The envelope's `errors` or `messages`, without entries that are not objects. */
const messageList = (data: unknown, key: string): ApiMessage[] => {
  const list = isObject(data) && own(data, key);
  return Array.isArray(list) ? list.filter(isObject) as ApiMessage[] : [];
};

// ───────────────────────────── timers ─────────────────────────────

/**
 * Runs `work` with a signal that aborts after `ms`, or as soon as `signal` does (at once
 * if it already has); the timer and the listener are gone when it settles. Used for each
 * attempt and for each backoff, so that both end at once when the caller aborts.
 */
async function within<T>(ms: number, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
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

// ───────────────────────────── ApiPromise ─────────────────────────────

/**
 * A plain Promise of the result (awaitable, fine with Promise.all) with one extra method.
 * Promises derived with `.then()` are plain promises.
 */
export interface ApiPromise<T> extends Promise<T> {
  /** The result and the Response (status, headers, cf-ray); its body has been read already. */
  withResponse(): Promise<{ data: T; response: Response }>;
}

const ignore = () => {};

// ───────────────────────────── runtime ─────────────────────────────

/** The transport a generated client wraps. */
export interface Runtime<Paths extends {}> {
  /** The openapi-fetch client typed by `Paths`, sharing auth, base URL and headers. */
  readonly raw: Client<Paths>;
  /** Runs one operation: builds, sends, retries and decodes it. */
  call<R>(op: Operation, params: object | undefined, options?: RequestOptions): ApiPromise<R>;
}

/**
 * Creates the shared transport. Throws ConfigurationError synchronously, before any
 * request, for missing or half credentials, a bad base URL, or plain http to a remote host.
 */
export function createRuntime<Paths extends {}>(options: ClientOptions = {}): Runtime<Paths> {
  const { validate: validators, timeoutMs = 60_000, maxRetries = 2, initialRetryDelayMs = 500, maxRetryDelayMs = 8_000 } = options;
  const auth = resolveAuth(options);
  const baseUrl = resolveBaseUrl(options);
  checkHeaders(options.headers, ConfigurationError);
  // Without a `fetch` option, globalThis.fetch is looked up at each send, not now: a mock
  // server (msw) started after the client was created must still see its requests.
  const fetchImpl: NonNullable<ClientOptions["fetch"]> = options.fetch ?? ((input, init) => fetch(input, init));

  // Auth as default headers of the shared client (cheaper than a middleware), so `raw`
  // has it too. Redirects are not followed: fetch would replay X-Auth-Key to any host.
  const baseHeaders = { ...options.headers, ...auth };
  const raw = createFetchClient<Paths>({ baseUrl, headers: baseHeaders, fetch: fetchImpl, redirect: "manual" });
  const request = raw.request as unknown as (method: string, path: string, init: object) => Promise<Sent>;
  const querySerializer = createQuerySerializer(); // openapi-fetch's default
  let middleware = false; // once `raw` has middleware, every call goes through it
  const use = raw.use;
  raw.use = (...m: Middleware[]) => {
    middleware = true;
    use(...m);
  };

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
    checkHeaders(ro.headers, InvalidArgumentError);

    // Own properties only: "__proto__" or "constructor" never come from Object.prototype.
    const p: object = params ?? {};
    if (typeof p != "object") throw fail(InvalidArgumentError, "params must be an object");
    // Grouped operations (parameter names collide) take { path, query, header, body }.
    // fromEntries defines "__proto__" as an own property; openapi-fetch skips undefined values.
    const pick = (names: readonly string[], group: string): Record<string, any> | undefined => {
      const from: object = op.grouped ? Object(own(p, group)) : p;
      return names.length ? Object.fromEntries(names.map((name) => [name, own(from, name)])) : undefined;
    };
    const path = pick(op.pathParams, "path");
    for (const name in path) {
      const v = path[name];
      let segment: string | false | undefined;
      try {
        // Exactly one segment: "", "." and ".." are refused, as URL parsing resolves even %2E%2E.
        segment = (typeof v == "number" ? isFinite(v) : typeof v == "string" && !/^\.{0,2}$/.test(v)) && encodeURIComponent(v);
      } catch {} // lone surrogate
      if (!segment) throw fail(InvalidArgumentError, `invalid ${name}`);
      path[name] = segment;
    }
    const body =
      op.body == "none" ? undefined
      : op.body == "value" || op.grouped ? own(p, "body")
      : Object.fromEntries(Object.entries(p).filter(([k]) => !op.pathParams.includes(k) && !op.queryParams.includes(k) && !op.headerParams.includes(k)));
    if (op.body != "none") check("request", body);

    const parts = { path, query: pick(op.queryParams, "query"), header: pick(op.headerParams, "header") };
    // Without a contentType, JSON (openapi-fetch's default too).
    const headers = body === undefined ? ro.headers : { "Content-Type": op.contentType ?? "application/json", ...ro.headers };
    // Not openapi-fetch's default serialiser: it picks by the final Content-Type (which a
    // caller's headers could change) and passes FormData through.
    const bodySerializer = /json/i.test(op.contentType ?? "json") ? toJson : asIs;

    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw fail(UserAbortError, "aborted", signal.reason);
      let sent = false;
      let attempt: AbortSignal | undefined;
      let result: Sent | undefined;
      let failure: ZtRiskScoringError | undefined;
      /** Sends one attempt and reads its body: through openapi-fetch's request() when `raw` has middleware, else with its builders. */
      const send = (signal: AbortSignal): Promise<Sent> => {
        if (middleware) {
          const fetch = (request: Request) => ((sent = true), fetchImpl(request));
          return request(op.method, op.path, { params: parts, body, headers, bodySerializer, parseAs: "text", pathSerializer, signal, fetch });
        }
        // Without middleware, openapi-fetch's own URL and header builders straight into fetch:
        // `request` would also merge the headers twice and build a Request (fetch builds its
        // own), about as much CPU again as the rest of the call (bench row 4).
        const init = {
          method: op.method,
          headers: mergeHeaders(baseHeaders, headers, parts.header), // throws on a bad header value: not sent
          body: body === undefined ? undefined : (bodySerializer(body) as BodyInit),
          redirect: "manual" as const,
          signal,
        };
        sent = true;
        return fetchImpl(createFinalURL(op.path, { baseUrl, params: parts, querySerializer, pathSerializer }), init).then(read);
      };
      try {
        // A fresh signal and timer per attempt: a timed-out signal stays aborted.
        result = await within(attemptMs, signal, (s) => send((attempt = s)));
      } catch (error) {
        // Not sent: the arguments could not be serialised (JSON.stringify, a header value),
        // or a middleware threw.
        if (!sent) throw error instanceof ZtRiskScoringError ? error : fail(InvalidArgumentError, `${error}`, error);
        if (signal?.aborted) continue; // reported at the top
        // The attempt's signal aborted but not the caller's: the timer fired.
        failure = attempt!.aborted ? fail(TimeoutError, `timed out after ${attemptMs} ms`, error) : fail(ConnectionError, "connection failed", error);
      }

      if (result) {
        const { response, data: text, error } = result;
        const { ok, status, headers } = response;
        // A success body is parsed here; an error body openapi-fetch has parsed (the JSON, else the text).
        let data = error;
        const rawBody = ok ? text : typeof error == "object" ? undefined : `${error ?? ""}`;
        let why: string | false | undefined;
        if (ok) {
          try {
            data = text ? JSON.parse(text) : undefined;
          } catch {
            why = "invalid JSON";
          }
          if (op.envelope && data !== undefined) why = isObject(data) ? own(data, "success") === false && "success: false" : "not an envelope";
          if (!why) {
            check("response", data);
            // The envelope's `result`, or the whole body.
            return { data: op.envelope && data ? own(data as object, "result") : data, response };
          }
        }
        const errors = messageList(data, "errors");
        const detail = errors.map((e) => `${e.message} (${e.code})`).join("; ") || why;
        failure = new (status >= 500 ? InternalServerError : STATUS_ERRORS[status] ?? ApiError)(`${op.id}: HTTP ${status}${detail ? `: ${detail}` : ""}`, {
          status,
          headers,
          requestId: headers.get("cf-ray") ?? undefined,
          errors,
          messages: messageList(data, "messages"),
          // The raw body, bounded, when it was not an envelope.
          body: isObject(data) ? undefined : rawBody?.slice(0, 65_536),
        });
        // 408, 409, 429 and >= 500 are retried, unless `x-should-retry` says otherwise; a 2xx never.
        const should = headers.get("x-should-retry");
        if (ok || (should != "true" && (should == "false" || (status != 408 && status != 409 && status != 429 && status < 500)))) throw failure;
      }
      if (retry >= retries) throw failure;

      // The server's delay (retry-after-ms, Retry-After seconds or date) capped at 60 s, else backoff with jitter.
      // "0" seconds falls through to Date.parse, which gives a date in the past: 0 as well.
      const ms = result?.response.headers.get("retry-after-ms");
      const after = result?.response.headers.get("retry-after");
      const given = ms ? +ms : after ? +after * 1e3 || Date.parse(after) - Date.now() : NaN;
      const delay = given >= 0 ? Math.min(given, 60_000) : given < 0 ? 0 : Math.min(initialRetryDelayMs * 2 ** retry, maxRetryDelayMs) * (1 - Math.random() / 4);
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
