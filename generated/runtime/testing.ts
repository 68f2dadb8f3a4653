// copied from generator/runtime/testing.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * The test kit behind `<package>/testing`: msw 2 handlers for every operation of the spec,
 * built from the plain data generated/testing.ts holds. Each handler matches its
 * operation's URL as the client builds it, reads the request as the client's method took
 * it (testing-request.ts), answers a request that breaks the spec with a 400 naming why,
 * and otherwise answers the spec's example, a resolver's result (wrapped in the envelope
 * when the operation has one) or an `apiError(…)`. Only this file and testing-request.ts
 * import msw; the client never loads them.
 */
import { HttpHandler } from "msw";
import { givenBaseUrl, resolveServer } from "./base-url.js";
import type { ApiMessage, Validators } from "./index.js";
import { isJsonMediaType } from "./media-type.js";
import { compileRoute, matchRoute, readRequest, type MockOperation, type MockScheme, type Violation } from "./testing-request.js";

export type { MockOperation, MockParam, MockScheme, ParamType } from "./testing-request.js";

/** What generated/testing.ts hands the kit: the spec's operations, schemes, server and validators. */
export interface MockSpec {
  readonly operations: Readonly<Record<string, MockOperation>>;
  readonly schemes: Readonly<Record<string, MockScheme>>;
  /** The document's first server URL ("" when it has none: any origin). */
  readonly server: string;
  /** The environment variable that replaces `server` for the client (`x-zt-env`), so for the kit too. */
  readonly serverEnv?: string;
  /** The request validators, when the spec has them. */
  readonly validators?: Validators;
  /** The error response examples, as JSON text, that operations' `failures` point at. */
  readonly errorExamples?: readonly string[];
}

/** Options of `testKit`. */
export interface TestKitOptions {
  /** The base URL the client under test was given (`createClient({ baseUrl })`). Default: the client's default. */
  baseUrl?: string;
}

/** Options of one mock handler. */
export interface MockOptions {
  /** Answer one request only, then let the next handler (the default) answer: e.g. a 429 then success. */
  once?: boolean;
}

/** What `mock.<operation>` answers with, see {@link apiError}. A Response is sent as it is (a copy of it, for every call). */
export type MockAnswer<Result> = Result | ApiErrorAnswer | Response;

/** Information a resolver gets besides the params. */
export interface MockInfo {
  /** The request as msw received it (its body is still unread). */
  readonly request: Request;
}

/** A resolver: the same one object the client's method took in, the result (or an `apiError(…)`) out. */
export type MockResolver<Params, Result> = (params: Params, info: MockInfo) => MockAnswer<Result> | Promise<MockAnswer<Result>>;

/** The argument of `mock.<operation>`: a resolver, or a fixed answer. */
export type Mocked<Params, Result> = MockResolver<Params, Result> | MockAnswer<Result>;

/** Options of {@link apiError}. */
export interface ApiErrorOptions {
  /** The envelope's `errors`; default: the spec's own error example for the status (see {@link apiError}). */
  errors?: ApiMessage[];
  /** Response headers, e.g. `{ "retry-after": "1" }`. */
  headers?: Record<string, string>;
}

/** A failure answer made by {@link apiError}. */
export class ApiErrorAnswer {
  // A private member makes the class nominal: no result value can pass for it.
  // eslint-disable-next-line no-unused-private-class-members -- never read: its presence alone makes the class nominal
  readonly #brand = true;
  constructor(
    readonly status: number,
    /** Undefined: the spec's own error example for the status. */
    readonly errors: ApiMessage[] | undefined,
    readonly headers: Readonly<Record<string, string>>,
  ) {}
}

/**
 * A failure answer, so that the client throws the status's typed error (404 →
 * NotFoundError; 429 with `retry-after` is retried). Its body is the spec's own example of
 * the operation's error response for the status (its `404`, else `4XX`, else `default`),
 * so it is what the spec allows; with `errors` given, or when the spec has no example, a
 * failure envelope (`success: false`, `errors`, `messages: []`, `result: null`), or
 * `{ errors, messages }` for an operation without an envelope. Only an error status
 * (400 to 599) is accepted: a success is answered with its result.
 */
export function apiError(status: number, options: ApiErrorOptions = {}): ApiErrorAnswer {
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new RangeError(
      `apiError: status must be an error status, an integer from 400 to 599 (not ${status}); answer a success with its result`,
    );
  }
  return new ApiErrorAnswer(status, options.errors, { ...options.headers });
}

/** The default handlers' answer: the operation's example. */
const DEFAULT: unique symbol = Symbol("example");

const JSON_HEADERS = { "content-type": "application/json" };
const NO_BODY = new Set([204, 205, 304]);

/** The spec's example of the operation's error response for `status`: its own, else its class's (`4XX`), else `default`. */
function failureExample(spec: MockSpec, op: MockOperation, status: number): string | undefined {
  const keys = [String(status), `${String(status)[0]}XX`, "default"];
  for (const key of keys) {
    const found = op.failures?.find((failure) => failure.status.toUpperCase() === key.toUpperCase());
    if (found) return spec.errorExamples?.[found.example];
  }
  return undefined;
}

/** The error code the spec's example uses for `status` (the first of its `errors`), else the status itself. */
function errorCode(spec: MockSpec, op: MockOperation, status: number): number {
  const example = failureExample(spec, op, status);
  const errors: unknown = example === undefined ? undefined : (Object(JSON.parse(example)) as { errors?: unknown }).errors;
  const code: unknown = Array.isArray(errors) ? (Object(errors[0]) as { code?: unknown }).code : undefined;
  return typeof code === "number" ? code : status;
}

/**
 * The failure body: with `errors`, an envelope, or its lists alone for an operation
 * without one; without, the spec's example for the status, else one entry naming it.
 */
function failure(
  spec: MockSpec,
  op: MockOperation,
  status: number,
  errors: ApiMessage[] | undefined,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const example = errors === undefined ? failureExample(spec, op, status) : undefined;
  if (example !== undefined) return new Response(example, { status, headers: { ...JSON_HEADERS, ...headers } });
  const listed = errors ?? [{ code: errorCode(spec, op, status), message: `HTTP ${status}` }];
  const body = op.envelope ? { success: false, errors: listed, messages: [], result: null } : { errors: listed, messages: [] };
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** The 400 for a request that broke the spec: one error per violation, with the code the spec's example of a 400 uses. */
function rejected(spec: MockSpec, op: MockOperation, violations: readonly Violation[]): Response {
  const code = errorCode(spec, op, 400);
  const errors = violations.map(({ message, pointer }) => ({ code, message, ...(pointer === undefined ? {} : { source: { pointer } }) }));
  return failure(spec, op, 400, errors);
}

/** The success answer for a result: enveloped, JSON, text, or no body. */
function success(op: MockOperation, result: unknown): Response {
  const { status, responseType } = op;
  if (NO_BODY.has(status) || responseType === undefined) return new Response(null, { status });
  if (op.envelope)
    return new Response(JSON.stringify({ success: true, errors: [], messages: [], result }), { status, headers: JSON_HEADERS });
  const text = isJsonMediaType(responseType) ? JSON.stringify(result) : result;
  return new Response((text ?? null) as BodyInit | null, { status, headers: { "content-type": responseType } });
}

/** The example answer: the spec's example body as it is. */
function example(op: MockOperation): Response {
  const { status, responseType } = op;
  if (NO_BODY.has(status) || responseType === undefined || op.example === undefined) return new Response(null, { status });
  const text = isJsonMediaType(responseType) ? op.example : (JSON.parse(op.example) as unknown);
  return new Response(typeof text === "string" ? text : JSON.stringify(text), { status, headers: { "content-type": responseType } });
}

/** The base URL the client sends to, read as the client reads it (base-url.ts): the option, else the server's environment variable ("" is neither), else the spec's server. */
function baseUrlOf(spec: MockSpec, { baseUrl }: TestKitOptions): string {
  if (baseUrl !== undefined && !/^(https?:\/\/[^/?#]+)?(\/[^?#]*)?$/i.test(baseUrl)) {
    throw new TypeError(`testKit: baseUrl must be an http(s) URL or a path, not ${JSON.stringify(baseUrl)}`);
  }
  return givenBaseUrl({ url: spec.server, env: spec.serverEnv }, { baseUrl }) ?? spec.server;
}

/** Any operation's resolver, as `mock.<operation>` takes it (typed per operation by generated/testing.ts). */
type Resolver = MockResolver<Record<string, unknown>, unknown>;

/** Stands for any origin while a path base URL is resolved, as URL() needs one. */
const ANY_ORIGIN = "http://any.invalid";

/**
 * An operation's own server replaces the base URL; a relative one is resolved against it
 * as the client resolves it (base-url.ts), also when the base is a path (any origin).
 */
function serverOf(op: MockOperation, base: string): string {
  if (op.server === undefined) return base;
  const path = !/^https?:/i.test(base);
  const url = resolveServer(op.server, (path ? ANY_ORIGIN : "") + base.replace(/\/+$/, ""));
  return path && url.startsWith(`${ANY_ORIGIN}/`) ? url.slice(ANY_ORIGIN.length) : url;
}

/**
 * The kit for one base URL: a default handler per operation (concrete paths first, so
 * `/things/search` wins over `/things/{id}`), and `mock.<operation>`.
 */
export function createTestKit<Mock>(spec: MockSpec, options: TestKitOptions = {}): { handlers: HttpHandler[]; mock: Mock } {
  const base = baseUrlOf(spec, options);
  const entries = Object.entries(spec.operations);
  const handlerFor = (op: MockOperation, answer: unknown, handlerOptions: MockOptions = {}): HttpHandler => {
    const route = compileRoute(
      serverOf(op, base),
      op.path,
      op.pathParams.map((p) => p.name),
    );
    return new HttpHandler(
      op.method,
      ({ request }) => {
        const params = matchRoute(route, new URL(request.url));
        return params ? { matches: true, params } : false;
      },
      async ({ request, params }) => {
        const read = await readRequest(op, params as Record<string, string>, request, spec.schemes, spec.validators);
        if (read.violations.length > 0) return rejected(spec, op, read.violations);
        const given = typeof answer === "function" ? await (answer as Resolver)(read.params, { request }) : answer;
        if (given instanceof ApiErrorAnswer) return failure(spec, op, given.status, given.errors, given.headers);
        // A copy each time: a fixed Response answers every call (retries too), and a body can be read only once.
        if (given instanceof Response) return given.clone();
        return given === DEFAULT ? example(op) : success(op, given);
      },
      handlerOptions.once ? { once: true } : {},
    );
  };
  const concreteFirst = [...entries].sort(([, a], [, b]) => a.pathParams.length - b.pathParams.length);
  return {
    handlers: concreteFirst.map(([, op]) => handlerFor(op, DEFAULT)),
    // Typed per operation by generated/testing.ts's `Mock` interface.
    mock: Object.fromEntries(
      entries.map(([name, op]) => [name, (answer: unknown, options?: MockOptions) => handlerFor(op, answer, options)]),
    ) as Mock,
  };
}
