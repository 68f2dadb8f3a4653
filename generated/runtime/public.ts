// copied from generator/runtime/public.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * The runtime's public part: what the package root (the generated index.ts) re-exports,
 * errors and option types. The generator reads this list from here with the compiler
 * (generator/lib/runtime-source.ts); index.ts exports it beside the generated client's
 * own imports.
 */
export {
  ClientError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  UserAbortError,
  ConfigurationError,
  InvalidArgumentError,
  ValidationError,
  ResponseTooLargeError,
} from "./errors.js";
export type { ApiPromise } from "./client-runtime.js";
export type { RequestOptions, Validators, ValidateFunction } from "./options.js";
export type { ApiMessage } from "./errors.js";
