// copied from generator/runtime/index.ts by generator/ — do not edit; run npm run generate
/**
 * The hand-written runtime of the generated client: auth, base URL, parameter encoding,
 * retries, timeouts, typed errors and the validation hook, on top of openapi-fetch.
 *
 * One module on purpose: the generator copies it verbatim into `generated/runtime/`, and
 * each extra ES module costs ~0.3 ms of cold `import`, as much as openapi-fetch itself.
 * It is also written for size (a consumer bundle must stay under 4 KB gzipped with
 * openapi-fetch): short messages, no option tables. Sections stand in for files.
 */
import createFetchClient, { type Client, type Middleware } from "openapi-fetch";
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
// One class per status, as in Cloudflare's SDK.
export class BadRequestError extends ApiError { declare readonly status: 400; }
export class AuthenticationError extends ApiError { declare readonly status: 401; }
export class PermissionDeniedError extends ApiError { declare readonly status: 403; }
export class NotFoundError extends ApiError { declare readonly status: 404; }
export class ConflictError extends ApiError { declare readonly status: 409; }
export class UnprocessableEntityError extends ApiError { declare readonly status: 422; }
export class RateLimitError extends ApiError { declare readonly status: 429; }
/** Any status >= 500. */
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
// Spelled out because minifiers rename classes.
for (const [name, cls] of Object.entries({
  ZtRiskScoringError, ApiError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError,
  ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ConnectionError, TimeoutError,
  ConfigurationError, InvalidArgumentError, ValidationError, AbortError: UserAbortError,
})) cls.prototype.name = name;

// ───────────────────────────── options ─────────────────────────────

/** Ajv's standalone validator shape. */
export type ValidateFunction = ((data: unknown) => boolean) & { errors?: null | ValidationIssue[] };

/** Validators by operationId: `request` sees the body before sending, `response` the whole parsed success body. */
export type Validators = {
  readonly [operationId: string]: { readonly request?: ValidateFunction; readonly response?: ValidateFunction } | undefined;
};

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

/** Through globalThis: no @types/node needed, and no ReferenceError where `process` does not exist. */
const env = (name: string): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;

/**
 * Credential options beat the environment as a whole scheme (email + key in code are not
 * overridden by a token in the environment); a token beats email + key; "" is unset.
 */
function resolveAuth(o: ClientOptions): Record<string, string> {
  const inCode = o.apiToken || o.apiEmail || o.apiKey;
  const token = o.apiToken || (inCode ? undefined : env("CLOUDFLARE_API_TOKEN"));
  const email = o.apiEmail || env("CLOUDFLARE_EMAIL");
  const key = o.apiKey || env("CLOUDFLARE_API_KEY");
  if (!token && !(email && key)) {
    throw new ConfigurationError(
      email || key
        ? "apiEmail and apiKey must be set together"
        : "no credentials: set apiToken or CLOUDFLARE_API_TOKEN (or apiEmail + apiKey)",
    );
  }
  // Checked here because fetch's own header errors quote the value.
  if ((token ? [token] : [email, key]).some((v) => !/^[!-~]+$/.test(v!))) {
    throw new ConfigurationError("credentials are not valid header values");
  }
  return token ? { Authorization: `Bearer ${token}` } : { "X-Auth-Email": email!, "X-Auth-Key": key! };
}

function resolveBaseUrl(o: ClientOptions): string {
  let url: URL | undefined;
  try {
    url = new URL(o.baseUrl || env("CLOUDFLARE_BASE_URL") || "https://api.cloudflare.com/client/v4");
  } catch {}
  // No userinfo (a second credential), query or fragment (they would swallow the path).
  if (!url || !/^https?:\/\/[^/@]+\/[^?#]*$/.test(url.href)) throw new ConfigurationError("invalid baseUrl");
  // URL() has already normalised 127.1, 2130706433, [0::1] and LOCALHOST.
  if (url.protocol == "http:" && !o.allowInsecureHttp && !/^(localhost|\[::1\]|127(\.\d+){3})$/.test(url.hostname)) {
    throw new ConfigurationError("plain http to a remote host needs allowInsecureHttp");
  }
  return url.href.replace(/\/+$/, "");
}

type ErrorClass = typeof ZtRiskScoringError;

/** Exactly one auth scheme is ever sent, so `headers` may neither add nor remove one. */
function checkHeaders(headers: object | undefined, E: ErrorClass): void {
  for (const name in headers) {
    if (/^(authorization|x-auth-(email|key))$/i.test(name)) throw new E(`headers.${name}: use apiToken/apiEmail/apiKey`);
  }
}

// ───────────────────────────── requests ─────────────────────────────

const own = (o: object, key: string): unknown => (Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined);
const isObject = (v: unknown): v is object => typeof v == "object" && v !== null && !Array.isArray(v);

/** Null-prototype, so "__proto__" as a name is an ordinary own property. */
const dict = (): Record<string, unknown> => ({ __proto__: null }) as Record<string, unknown>;

/**
 * Substitutes the segments `run` has encoded. Not openapi-fetch's default, which hands
 * values to String.replace as patterns ("$&" would expand); split/join is also faster.
 */
const pathSerializer = (url: string, path: Record<string, string>): string => {
  for (const name in path) url = url.split(`{${name}}`).join(path[name]);
  return url;
};

const toJson = (body: unknown): string => JSON.stringify(body);
const asIs = (body: unknown): unknown => body;

/**
 * Stands in for `Request` inside openapi-fetch: a real one costs tens of µs to build, and
 * fetch() builds its own anyway. Used only while `raw` has no middleware.
 */
class LiteRequest {
  declare url: string;
  declare init: RequestInit;
  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.init = init;
  }
}

function validate(op: Operation, direction: "request" | "response", fn: ValidateFunction, data: unknown): void {
  let ok: boolean;
  try {
    ok = fn(data);
  } catch (cause) {
    throw new ValidationError(op.id, direction, [], cause);
  }
  if (!ok) throw new ValidationError(op.id, direction, [...(fn.errors ?? [])]);
}

// ───────────────────────────── responses ─────────────────────────────

const messageList = (envelope: unknown, key: string): ApiMessage[] => {
  const list = isObject(envelope) && own(envelope, key);
  return Array.isArray(list) ? list.filter(isObject) as ApiMessage[] : [];
};

const STATUS_ERRORS: Record<number, typeof ApiError> = {
  400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError,
  409: ConflictError, 422: UnprocessableEntityError, 429: RateLimitError,
};

/** `text` is the raw body, kept when it was not JSON or not an envelope. */
function apiError(op: Operation, { status, headers }: Response, envelope: unknown, text?: string, why?: string): ApiError {
  const errors = messageList(envelope, "errors");
  const detail = errors.map((e) => `${e.message} (${e.code})`).join("; ") || why;
  return new (status >= 500 ? InternalServerError : STATUS_ERRORS[status] ?? ApiError)(`${op.id}: HTTP ${status}${detail ? `: ${detail}` : ""}`, {
    status,
    headers,
    requestId: headers.get("cf-ray") ?? undefined,
    errors,
    messages: messageList(envelope, "messages"),
    body: text?.slice(0, 65_536),
  });
}

/** The value a successful call resolves to: the envelope's `result`, or the whole body. */
function decode(op: Operation, res: Response, text: string, check: ValidateFunction | undefined): unknown {
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      throw apiError(op, res, 0, text, "invalid JSON");
    }
  }
  if (op.envelope && data !== undefined) {
    if (!isObject(data)) throw apiError(op, res, 0, text, "not an envelope");
    if (own(data, "success") === false) throw apiError(op, res, data, undefined, "success: false");
  }
  if (check) validate(op, "response", check, data);
  return op.envelope && isObject(data) ? own(data, "result") : data;
}

// ───────────────────────────── retries ─────────────────────────────

/** 408, 409, 429 and >= 500 are retried, unless `x-should-retry` says otherwise. */
const retryable = ({ status, headers }: Response): boolean => {
  const should = headers.get("x-should-retry");
  return should == "true" || (should != "false" && (status == 408 || status == 409 || status == 429 || status >= 500));
};

/** The server's delay (retry-after-ms, Retry-After seconds or date), capped at 60 s; else backoff with jitter. */
function retryDelay(headers: Headers | undefined, retry: number, initialMs: number, maxMs: number): number {
  const ms = headers?.get("retry-after-ms");
  const after = headers?.get("retry-after");
  // "0" seconds falls through to Date.parse, which gives a date in the past: 0 as well.
  const given = ms ? +ms : after ? +after * 1e3 || Date.parse(after) - Date.now() : NaN;
  return given >= 0 ? Math.min(given, 60_000) : given < 0 ? 0 : Math.min(initialMs * 2 ** retry, maxMs) * (1 - Math.random() / 4);
}

/** Resolves after `ms`, or as soon as `signal` aborts (the caller checks it next). */
const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, signal?.aborted ? 0 : ms);
    signal?.addEventListener("abort", done);
  });

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

function apiPromise<T>(inner: Promise<{ data: T; response: Response }>): ApiPromise<T> {
  // `inner` always has this reaction, so it never reports an unhandled rejection itself:
  // only a promise the caller holds (this one, or one from withResponse()) can.
  const promise = inner.then((r) => r.data) as ApiPromise<T>;
  promise.withResponse = () => {
    promise.catch(ignore); // the caller handles the failure through withResponse()
    return inner.then();
  };
  return promise;
}

// ───────────────────────────── runtime ─────────────────────────────

export interface Runtime<Paths extends {}> {
  /** The openapi-fetch client typed by `Paths`, sharing auth, base URL and headers. */
  readonly raw: Client<Paths>;
  /** Runs one operation: builds, sends, retries and decodes it. */
  call<R>(op: Operation, params: object | undefined, options?: RequestOptions): ApiPromise<R>;
}

type Sent = { error?: unknown; response: Response };

/**
 * Creates the shared transport. Throws ConfigurationError synchronously, before any
 * request, for missing or half credentials, a bad base URL, or plain http to a remote host.
 */
export function createRuntime<Paths extends {}>(options: ClientOptions = {}): Runtime<Paths> {
  const { validate: validators, timeoutMs = 60_000, maxRetries = 2, initialRetryDelayMs = 500, maxRetryDelayMs = 8_000 } = options;
  const auth = resolveAuth(options);
  const baseUrl = resolveBaseUrl(options);
  checkHeaders(options.headers, ConfigurationError);
  const fetchImpl = options.fetch ?? fetch;

  // Auth as default headers of the shared client (cheaper than a middleware), so `raw`
  // has it too. Redirects are not followed: fetch would replay X-Auth-Key to any host.
  const raw = createFetchClient<Paths>({ baseUrl, headers: { ...options.headers, ...auth }, fetch: options.fetch, redirect: "manual" });
  const request = raw.request as unknown as (method: string, path: string, init: object) => Promise<Sent>;
  let middleware = false; // middleware expects real Request objects
  const use = raw.use;
  raw.use = (...m: Middleware[]) => {
    middleware = true;
    use(...m);
  };

  async function run(op: Operation, params: object | undefined, ro: RequestOptions = {}) {
    const { signal, timeoutMs: attemptMs = timeoutMs, maxRetries: retries = maxRetries } = ro;
    const aborted = () => new UserAbortError(`${op.id}: aborted`, { cause: signal!.reason });
    checkHeaders(ro.headers, InvalidArgumentError);

    // Own properties only: "__proto__" or "constructor" never come from Object.prototype.
    const p: object = params ?? {};
    if (typeof p != "object") throw new InvalidArgumentError(`${op.id}: params must be an object`);
    // Grouped operations (parameter names collide) take { path, query, header, body }.
    const group = (key: string): object => (op.grouped ? Object(own(p, key)) : p);
    const pick = (names: readonly string[], from: object) => {
      if (!names.length) return; // saves allocating a dictionary-mode object
      const values = dict();
      for (const name of names) values[name] = own(from, name);
      return values;
    };
    const path = pick(op.pathParams, group("path"));
    for (const name in path) {
      const v = path[name];
      let segment: string | undefined;
      try {
        // Exactly one segment: "", "." and ".." are refused, as URL parsing resolves even %2E%2E.
        if (typeof v == "number" ? isFinite(v) : typeof v == "string" && !/^\.{0,2}$/.test(v)) segment = encodeURIComponent(v as string);
      } catch {} // lone surrogate
      if (segment === undefined) throw new InvalidArgumentError(`${op.id}: invalid ${name}`);
      path[name] = segment;
    }
    let body = op.body == "value" || (op.grouped && op.body != "none") ? own(p, "body") : undefined;
    if (op.body == "fields" && !op.grouped) {
      // fromEntries defines "__proto__" as an own property, and keeps a fast-mode object for JSON.stringify.
      body = Object.fromEntries(Object.entries(p).filter(([k]) => !op.pathParams.includes(k) && !op.queryParams.includes(k) && !op.headerParams.includes(k)));
    }
    const checks = validators && Object.hasOwn(validators, op.id) ? validators[op.id] : undefined;
    if (checks?.request && op.body != "none") validate(op, "request", checks.request, body);

    const contentType = op.contentType ?? "application/json";
    // openapi-fetch skips undefined query values and header values.
    const init: Record<string, unknown> = {
      params: { path, query: pick(op.queryParams, group("query")), header: pick(op.headerParams, group("header")) },
      body,
      headers: body === undefined ? ro.headers : { "Content-Type": contentType, ...ro.headers },
      parseAs: "stream", // the success body is read and parsed below
      pathSerializer,
      bodySerializer: /json/i.test(contentType) ? toJson : asIs,
    };

    for (let retry = 0; ; retry++) {
      if (signal?.aborted) throw aborted();
      // A fresh controller and timer per attempt: a timed-out signal stays aborted.
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      let timedOut = false;
      let sent = false;
      let result: Sent | undefined;
      let text = "";
      let failure: ZtRiskScoringError | undefined;
      // Clamped: setTimeout fires at once for delays of 2^31 ms or more (timeoutMs: Infinity).
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, Math.min(attemptMs, 2 ** 31 - 1));
      signal?.addEventListener("abort", onAbort);
      init.signal = controller.signal;
      init.Request = middleware ? undefined : LiteRequest;
      init.fetch = (req: LiteRequest | Request) => {
        sent = true;
        return req instanceof LiteRequest ? fetchImpl(req.url, req.init) : fetchImpl(req);
      };
      try {
        result = await request(op.method, op.path, init);
        if (result.response.ok) text = await result.response.text();
      } catch (error) {
        // Not sent: the arguments could not be serialised (JSON.stringify, a header value).
        if (!sent) throw error instanceof ZtRiskScoringError ? error : new InvalidArgumentError(`${op.id}: ${error}`, { cause: error });
        if (signal?.aborted) throw aborted();
        failure = new (timedOut ? TimeoutError : ConnectionError)(`${op.id}: ${timedOut ? `timed out after ${attemptMs} ms` : "connection failed"}`, { cause: error });
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      }

      const response = result?.response;
      if (response && !failure) {
        if (response.ok) return { data: decode(op, response, text, checks?.response), response };
        // openapi-fetch has read the error body: the parsed JSON, else the text.
        const error = result!.error;
        failure = typeof error == "object" ? apiError(op, response, error) : apiError(op, response, 0, String(error ?? ""));
        if (!retryable(response)) throw failure;
      }
      if (retry >= retries) throw failure;
      await sleep(retryDelay(response?.headers, retry, initialRetryDelayMs, maxRetryDelayMs), signal);
    }
  }

  return {
    raw,
    call: <R>(op: Operation, params: object | undefined, ro?: RequestOptions) =>
      apiPromise(run(op, params, ro) as Promise<{ data: R; response: Response }>),
  };
}
