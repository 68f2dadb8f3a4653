// generated from spec/openapi.yaml by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
export { createClient, type Client, type ClientOptions } from "./client.js";
export * from "./types.js";
export { ClientError, ClientError as ZtRiskScoringError, ApiError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ConnectionError, TimeoutError, UserAbortError, ConfigurationError, InvalidArgumentError, ValidationError, ResponseTooLargeError, type ApiPromise, type RequestOptions, type Validators, type ValidateFunction, type ApiMessage } from "./runtime/index.js";
