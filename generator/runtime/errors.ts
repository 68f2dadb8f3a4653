/**
 * Every error the client throws or rejects with. Subclasses carry a `declare`d literal
 * `status` or a private brand: without one they would be structurally identical to their
 * parent, and the `else` branch of an `instanceof` check would narrow the parent to `never`.
 */

/**
 * Base class of every error this client throws or rejects with. The package exports it as
 * ClientError, and also under the name its spec gives (`x-zt-generator.errorClass`), if any.
 */
export class ClientError extends Error {}

/** One entry of an envelope's `errors` or `messages`. */
export interface ApiMessage {
  code: number;
  message: string;
  documentation_url?: string;
  source?: { pointer?: string };
}

export interface ApiErrorInit {
  status: number;
  headers: Headers;
  requestId: string | undefined;
  errors: ApiMessage[];
  messages: ApiMessage[];
  body: unknown;
}

/** The server answered, but not with a usable success: a non-2xx, `success: false`, or a broken body. */
export class ApiError extends ClientError {
  /** HTTP status; a 2xx when the body was unusable or said `success: false`. */
  declare readonly status: number;
  /** The envelope's `errors` (empty when the body was not an envelope), as the server sent them but for redacted credentials. */
  declare readonly errors: ApiMessage[];
  /** The envelope's `messages`. */
  declare readonly messages: ApiMessage[];
  /** The response headers. */
  declare readonly headers: Headers;
  /** The response's request id header (the spec's `x-zt-generator.requestIdHeader`, else x-request-id), for the API's support. */
  declare readonly requestId: string | undefined;
  /**
   * The body when it was not an envelope (an object with an `errors` array): the parsed
   * JSON (a problem details object, `{ "message": … }`, …), else the text. Only the first
   * 64 KiB of an error body are read: a longer one is kept as text, cut there. Credentials
   * the client sent are replaced by "[redacted]".
   */
  declare readonly body: unknown;
  constructor(message: string, init: ApiErrorInit) {
    super(message);
    Object.assign(this, init);
  }
}
// One class per status, as in Stainless-generated SDKs. Plain classes: a factory (an interface for
// the type plus `const X = statusError("X", 404)`, registering the status) measured larger
// once gzipped, as soon as it kept `constructor.name`.
/** HTTP 400. */
export class BadRequestError extends ApiError {
  declare readonly status: 400;
}
/** HTTP 401: missing or rejected credentials. */
export class AuthenticationError extends ApiError {
  declare readonly status: 401;
}
/** HTTP 403: the credentials lack a permission. */
export class PermissionDeniedError extends ApiError {
  declare readonly status: 403;
}
/** HTTP 404. */
export class NotFoundError extends ApiError {
  declare readonly status: 404;
}
/** HTTP 409 (retried first, except for POST and PATCH not marked `x-zt-idempotent`). */
export class ConflictError extends ApiError {
  declare readonly status: 409;
}
/** HTTP 422. */
export class UnprocessableEntityError extends ApiError {
  declare readonly status: 422;
}
/** HTTP 429 (retried first, honouring Retry-After). */
export class RateLimitError extends ApiError {
  declare readonly status: 429;
  /** The wait the server asked for, in ms (`retry-after-ms`, or `Retry-After` in seconds or as a date); undefined when none could be read. */
  declare readonly retryAfterMs: number | undefined;
}
/** Any status >= 500 (retried first, except for POST and PATCH not marked `x-zt-idempotent`). */
export class InternalServerError extends ApiError {
  declare private readonly _internalServerError: void;
}

/**
 * The response body was larger than `maxResponseBytes` (decompressed); the rest was not
 * downloaded. Not retried: another attempt would get the same body.
 */
export class ResponseTooLargeError extends ClientError {
  /** The limit that was exceeded, in bytes. */
  declare readonly maxResponseBytes: number;
  constructor(message: string, maxResponseBytes: number) {
    super(message);
    Object.assign(this, { maxResponseBytes });
  }
}

/**
 * No usable response: the connection failed or broke mid-response; `cause` is fetch's error.
 * The message names the root cause (e.g. `getaddrinfo ENOTFOUND api.cloudflare.com`) and the attempts made.
 */
export class ConnectionError extends ClientError {
  declare private readonly _connectionError: void;
}
/** An attempt took longer than `timeoutMs` (headers and body included). */
export class TimeoutError extends ConnectionError {
  declare private readonly _timeoutError: void;
}
/** The caller's `AbortSignal` fired; `cause` is its reason. `name` is "AbortError", as with fetch. */
export class UserAbortError extends ClientError {
  declare private readonly _userAbortError: void;
}
/**
 * Bad client options or credentials: thrown synchronously by `createClient`, or a call
 * rejects with it when its operation needs credentials the client was not given.
 */
export class ConfigurationError extends ClientError {
  declare private readonly _configurationError: void;
}
/** Bad call arguments (params, request options): the call rejects with it and sends nothing. */
export class InvalidArgumentError extends ClientError {
  declare private readonly _invalidArgumentError: void;
}

/** One problem a validator found. */
export type ValidationIssue = { instancePath?: string; message?: string };

/** A `validate` hook rejected the request body (nothing was sent) or the response body. */
export class ValidationError extends ClientError {
  declare readonly operationId: string;
  declare readonly direction: "request" | "response";
  /** A copy of the validator's `errors`. */
  declare readonly errors: ValidationIssue[];
  /** `name`: the method called, which the message starts with (default: the operationId). */
  constructor(operationId: string, direction: "request" | "response", errors: ValidationIssue[], cause?: unknown, name = operationId) {
    super(`${name}: invalid ${direction} body: ${errors.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ")}`, { cause });
    Object.assign(this, { operationId, direction, errors });
  }
}

// On the prototype: shared, and not an own property showing in JSON.stringify or inspect.
// Spelled out because minifiers rename classes; every name ends in "Error".
for (const [name, cls] of Object.entries({
  Client: ClientError,
  Api: ApiError,
  BadRequest: BadRequestError,
  Authentication: AuthenticationError,
  PermissionDenied: PermissionDeniedError,
  NotFound: NotFoundError,
  Conflict: ConflictError,
  UnprocessableEntity: UnprocessableEntityError,
  RateLimit: RateLimitError,
  InternalServer: InternalServerError,
  Connection: ConnectionError,
  Timeout: TimeoutError,
  Configuration: ConfigurationError,
  InvalidArgument: InvalidArgumentError,
  Validation: ValidationError,
  Abort: UserAbortError,
  ResponseTooLarge: ResponseTooLargeError,
}))
  cls.prototype.name = `${name}Error`;

const STATUS_ERRORS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The ApiError subclass for an HTTP status. */
export const statusError = (status: number): typeof ApiError => (status >= 500 ? InternalServerError : (STATUS_ERRORS[status] ?? ApiError));

/**
 * What made fetch fail, from the end of its `cause` chain (undici's "fetch failed" hides
 * `getaddrinfo ENOTFOUND host` or `connect ECONNREFUSED addr` a cause or two deep; an
 * AggregateError holds one per address): one line, at most 200 characters. Undefined when
 * no cause says more than the error itself.
 */
export function rootCause(error: unknown): string | undefined {
  let found: string | undefined;
  for (let e: unknown = error, depth = 0; typeof e === "object" && e !== null && depth < 8; depth++) {
    const { message, cause, errors } = e as { message?: unknown; cause?: unknown; errors?: unknown };
    if (depth > 0 && typeof message === "string" && message) found = message;
    e = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return found === undefined ? undefined : oneLine(found, 200);
}

/** `text` on one line (control characters, CR and LF as spaces, which cannot forge a log line), cut at `max` characters. */
export const oneLine = (text: string, max: number): string =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  (text.length > max ? `${text.slice(0, max - 1)}…` : text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
