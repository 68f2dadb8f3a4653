/**
 * Type-level tests, run by vitest's typecheck (and `tsc --noEmit -p tsconfig.json`): each
 * expectTypeOf must hold and each @ts-expect-error line must stay an error. Nothing here runs.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  ClientError,
  ConnectionError,
  createRuntime,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  UserAbortError,
  ValidationError,
  type ApiMessage,
  type ApiPromise,
  type BaseClientOptions,
  type RequestOptions,
  type Runtime,
} from "../../generator/runtime/index.js";
import { createClient, type ClientOptions } from "../../generated/index.js";
import { BEHAVIORS_API, behaviorsRuntime, getBehaviors, OPERATIONS, type Behaviors, type paths } from "../support/behaviors-api.js";

// Bodies are functions, called with values that take no branch: only tsc looks inside.
function narrowing(error: unknown) {
  if (error instanceof ApiError) {
    expectTypeOf(error.status).toEqualTypeOf<number>();
    expectTypeOf(error.errors).toEqualTypeOf<ApiMessage[]>();
    expectTypeOf(error.messages).toEqualTypeOf<ApiMessage[]>();
    expectTypeOf(error.headers).toEqualTypeOf<Headers>();
    expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
    expectTypeOf(error.body).toEqualTypeOf<unknown>();
    expectTypeOf(error).toExtend<ClientError>();
    expectTypeOf(error).toExtend<Error>();
  }
  if (error instanceof NotFoundError) {
    expectTypeOf(error).toEqualTypeOf<NotFoundError>();
    expectTypeOf(error.status).toEqualTypeOf<404>();
  }
  if (error instanceof RateLimitError) expectTypeOf(error.status).toEqualTypeOf<429>();
  if (error instanceof ValidationError) {
    expectTypeOf(error.direction).toEqualTypeOf<"request" | "response">();
    expectTypeOf(error.operationId).toEqualTypeOf<string>();
  }
  if (error instanceof ConnectionError) {
    // @ts-expect-error a connection error has no HTTP status
    void error.status;
  }
}

function elseBranch(apiError: ApiError) {
  if (apiError instanceof InternalServerError) {
    expectTypeOf(apiError).toEqualTypeOf<InternalServerError>();
  } else {
    expectTypeOf(apiError).toEqualTypeOf<ApiError>();
  }
  if (apiError instanceof AuthenticationError) return;
  expectTypeOf(apiError).toEqualTypeOf<ApiError>();
}

describe("error classes", () => {
  it("narrow with instanceof and expose their fields", () => {
    narrowing(null);
  });

  it("keep the else branch of a subclass check (the subclasses are not structurally identical)", () => {
    elseBranch(new ApiError("x", { status: 500, headers: new Headers(), requestId: undefined, errors: [], messages: [], body: undefined }));
  });

  it("arranges the hierarchy like Cloudflare's SDK", () => {
    expectTypeOf<TimeoutError>().toExtend<ConnectionError>();
    expectTypeOf<NotFoundError>().toExtend<ApiError>();
    expectTypeOf<UserAbortError>().toExtend<ClientError>();
    expectTypeOf<ConnectionError>().not.toExtend<ApiError>();
    expectTypeOf<UserAbortError>().not.toExtend<ConnectionError>();
  });
});

// Never called: these would send requests. tsc checks them; the tests below only name them.
function clientOptions() {
  // The generated ClientOptions: the spec's credentials on top of the runtime's common options.
  expectTypeOf<{
    apiToken: string;
    timeoutMs: number;
    validate: { getBehaviors: { request: (d: unknown) => boolean } };
  }>().toExtend<ClientOptions>();
  expectTypeOf<ClientOptions>().toExtend<BaseClientOptions>();
  expectTypeOf<Required<ClientOptions>["apiEmail"]>().toEqualTypeOf<string>();
  // @ts-expect-error credentials are strings
  createClient({ apiToken: 123 });
  // @ts-expect-error no such option
  createClient({ apiToken: "t", retries: 3 });
  // @ts-expect-error no such option: the runtime's own options are the common ones
  createRuntime(BEHAVIORS_API, OPERATIONS, { retries: 3 });
}

function requestOptions() {
  expectTypeOf<{
    signal: AbortSignal;
    timeoutMs: number;
    maxRetries: number;
    headers: Record<string, string>;
    maxResponseBytes: number;
  }>().toEqualTypeOf<Required<RequestOptions>>();
  const runtime = behaviorsRuntime({ apiToken: "t" });
  void runtime.call(
    getBehaviors,
    { account_id: "a" },
    { signal: AbortSignal.timeout(1), timeoutMs: 5, maxRetries: 0, headers: { "x-a": "b" } },
  );
  // @ts-expect-error timeoutMs is a number
  void runtime.call(getBehaviors, { account_id: "a" }, { timeoutMs: "5" });
  // @ts-expect-error signal is an AbortSignal
  void runtime.call(getBehaviors, { account_id: "a" }, { signal: new AbortController() });
  // @ts-expect-error no such request option
  void runtime.call(getBehaviors, { account_id: "a" }, { baseUrl: "x" });
}

function runtimeTypes() {
  const runtime = createRuntime<paths>(BEHAVIORS_API, OPERATIONS, { timeoutMs: 1 });
  expectTypeOf(runtime).toEqualTypeOf<Runtime<paths>>();
  const call = runtime.call<Behaviors>(getBehaviors, { account_id: "a" });
  expectTypeOf(call).toEqualTypeOf<ApiPromise<Behaviors>>();
  expectTypeOf(call).toExtend<Promise<Behaviors>>();
  expectTypeOf(call.withResponse()).toEqualTypeOf<Promise<{ data: Behaviors; response: Response }>>();
  // Inferred from the declared return type, as the generated client relies on.
  const typed = (): ApiPromise<Behaviors> => runtime.call(getBehaviors, { account_id: "a" });
  expectTypeOf(typed).returns.resolves.toEqualTypeOf<Behaviors>();

  void runtime.raw.GET("/accounts/{account_id}/zt_risk_scoring/behaviors", { params: { path: { account_id: "a" } } });
  // @ts-expect-error unknown path
  void runtime.raw.GET("/accounts/{account_id}/nope", { params: { path: { account_id: "a" } } });
  void runtime.raw.PUT("/accounts/{account_id}/zt_risk_scoring/behaviors", {
    params: { path: { account_id: "a" } },
    // @ts-expect-error risk_level is low | medium | high
    body: { behaviors: { x: { enabled: true, risk_level: "extreme" } } },
  });
}

describe("options and runtime", () => {
  it("are type-checked by tsc", () => {
    for (const check of [clientOptions, requestOptions, runtimeTypes]) expectTypeOf(check).toBeFunction();
  });
});
