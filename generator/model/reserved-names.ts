/**
 * What the package root re-exports from generator/runtime/index.ts: errors and option types,
 * not its internals. ClientError is exported under its own name, and also under the spec's
 * `x-zt-generator.errorClass` when it names one.
 */
export const RUNTIME_PUBLIC_VALUES: readonly string[] = [
  "ClientError", "ApiError", "BadRequestError", "AuthenticationError", "PermissionDeniedError",
  "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError",
  "ConnectionError", "TimeoutError", "UserAbortError", "ConfigurationError", "InvalidArgumentError", "ValidationError",
  "ResponseTooLargeError",
];
export const RUNTIME_PUBLIC_TYPES: readonly string[] = [
  "ApiPromise", "RequestOptions", "Validators", "ValidateFunction", "ApiMessage",
];

/**
 * Names the generated package already uses. A spec name that lands on one of these is
 * renamed (see names.ts), so `index.ts` can re-export everything without a clash.
 */
export const RESERVED_NAMES: readonly string[] = [
  // schema.ts (openapi-typescript) and client.ts
  "paths", "components", "operations", "webhooks", "$defs", "createClient", "Client", "ClientOptions",
  // TypeScript globals that types.ts refers to
  "NonNullable", "Record",
  // generator/runtime/index.ts, public and internal (a test keeps this list complete)
  ...RUNTIME_PUBLIC_VALUES, ...RUNTIME_PUBLIC_TYPES,
  "createRuntime", "Runtime", "Operation", "ApiDescription", "SecurityScheme", "BaseClientOptions",
  "SchemeKind", "bearer", "basic", "httpScheme", "apiKeyHeader", "apiKeyQuery", "apiKeyCookie",
];

/**
 * `createClient` options that are not credentials, and names no option may take
 * (Object.prototype's): a security scheme's option is renamed when it lands on one.
 */
export const CLIENT_OPTION_NAMES: readonly string[] = [
  "baseUrl", "timeoutMs", "maxRetries", "headers", "fetch", "allowInsecureHttp", "validate", "initialRetryDelayMs", "maxRetryDelayMs",
  "__proto__", "constructor", "prototype", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toJSON",
];
