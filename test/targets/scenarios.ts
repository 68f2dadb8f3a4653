// The calls each target runs (Node, workerd through Miniflare, a page in Chromium), bundled
// by target-bundle.ts into the Worker and the page with the built client: the same code
// everywhere, so each target's outcome can be compared with Node's. Each scenario returns
// a plain Outcome that crosses the Worker's and the page's boundary as JSON.
import {
  ApiError,
  ConnectionError,
  createClient,
  NotFoundError,
  TimeoutError,
  UserAbortError,
  ZtRiskScoringError,
  type ClientOptions,
} from "../../generated/index.js"; // the built package's dist/index.js in every bundle (target-bundle.ts)
// A POST: the spec has none, so the runtime the client is built on, with an operation of its own.
import { createRuntime, type Operation } from "../../generated/runtime/index.js";

export interface Outcome {
  readonly result?: unknown;
  readonly error?: {
    readonly name: string;
    readonly message: string;
    /** The message of its cause (fetch's own error, for a ConnectionError): each runtime words it its own way. */
    readonly cause?: string;
    readonly status?: number;
    readonly errors?: unknown;
    /** The classes it is an instance of, most general first. */
    readonly classes: string[];
  };
  /** fetch calls the client made: the first attempt and each retry. */
  readonly attempts: number;
}

export const SCENARIOS = ["request", "retry", "timeout", "abort", "typedError", "refusedPut", "refusedPost"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** `origin`: the loopback server; `refusedOrigin`: a port nothing listens on; `apiToken`: as the target got it. */
export interface Where {
  readonly origin: string;
  readonly refusedOrigin: string;
  readonly apiToken: string | undefined;
}

const CLASSES = { ZtRiskScoringError, ApiError, NotFoundError, ConnectionError, TimeoutError, UserAbortError };

function describe(error: unknown): NonNullable<Outcome["error"]> {
  const e = error as { name?: string; message?: string; status?: number; errors?: unknown; cause?: { message?: unknown; cause?: unknown } };
  return {
    name: String(e?.name),
    message: String(e?.message),
    ...(e?.cause === undefined
      ? {}
      : { cause: [e.cause.message, (e.cause.cause as { code?: unknown } | undefined)?.code].filter(Boolean).join(": ") }),
    ...(e?.status === undefined ? {} : { status: e.status }),
    ...(e?.errors === undefined ? {} : { errors: e.errors }),
    classes: Object.entries(CLASSES)
      .filter(([, C]) => error instanceof C)
      .map(([name]) => name),
  };
}

/** Runs one scenario; never throws: a failed call is its Outcome. */
export async function runScenario(scenario: Scenario, where: Where): Promise<Outcome> {
  let attempts = 0;
  const counted: ClientOptions["fetch"] = (input, init) => (attempts++, globalThis.fetch(input, init));
  const options = (origin: string): ClientOptions => ({
    apiToken: where.apiToken,
    baseUrl: `${origin}/client/v4`,
    fetch: counted,
    initialRetryDelayMs: 1,
    maxRetryDelayMs: 10,
  });
  const client = createClient(scenario.startsWith("refused") ? options(where.refusedOrigin) : options(where.origin));
  try {
    const result = await call(scenario, client, where, counted);
    return { result, attempts };
  } catch (error) {
    return { error: describe(error), attempts };
  }
}

async function call(
  scenario: Scenario,
  client: ReturnType<typeof createClient>,
  where: Where,
  fetch: ClientOptions["fetch"],
): Promise<unknown> {
  switch (scenario) {
    case "request":
    case "retry":
    case "typedError":
      return client.getBehaviors({ account_id: "acc/1" });
    case "timeout":
      return client.getBehaviors({ account_id: "acc" }, { timeoutMs: 600, maxRetries: 1 });
    case "abort": {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 500);
      return client.getBehaviors({ account_id: "acc" }, { signal: controller.signal });
    }
    case "refusedPut":
      return client.updateBehaviors({ account_id: "acc", behaviors: {} });
    case "refusedPost": {
      const op: Operation = {
        id: "createThing",
        method: "POST",
        path: "/things",
        pathParams: [],
        queryParams: [],
        headerParams: [],
        body: "value",
        envelope: false,
      };
      const runtime = createRuntime(
        { schemes: {}, security: [] },
        { createThing: op },
        {
          baseUrl: where.refusedOrigin,
          fetch,
          initialRetryDelayMs: 1,
          maxRetryDelayMs: 10,
        },
      );
      return runtime.call(op, { body: { name: "n" } });
    }
  }
}
