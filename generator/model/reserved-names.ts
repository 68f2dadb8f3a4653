/**
 * Names the generated package already uses. A spec name that lands on one of these is
 * renamed (see names.ts), so `index.ts` can re-export everything without a clash.
 */
export const RESERVED_NAMES: readonly string[] = [
  // schema.ts (openapi-typescript) and client.ts
  "paths", "components", "operations", "webhooks", "$defs", "createClient", "Client",
  // TypeScript globals that types.ts refers to
  "NonNullable", "Record",
  // generator/runtime/index.ts (test/generator/reserved-names.test.ts keeps this list complete)
  "createRuntime", "Runtime", "ApiPromise", "ClientOptions", "RequestOptions", "Operation",
  "Validators", "ValidateFunction",
  "ZtRiskScoringError", "ApiError", "BadRequestError", "AuthenticationError", "PermissionDeniedError",
  "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError",
  "ConnectionError", "TimeoutError", "ValidationError", "ConfigurationError", "InvalidArgumentError",
  "UserAbortError", "ApiMessage",
];
