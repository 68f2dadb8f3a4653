/**
 * The soak's scenarios, shared by the client child (which picks one per call and checks
 * the outcome) and the test's server (which acts it out). The scenario travels in the
 * account_id: `<n>.<scenario>`.
 */
export const SCENARIOS = {
  /** 200 with an envelope after 0–9 ms: resolves to its result. */
  ok: { weight: 60, outcome: "result", attempts: 1 },
  /** 200 after 50–149 ms. */
  slow: { weight: 5, outcome: "result", attempts: 1 },
  /** 503, then 200: the retry succeeds. */
  flaky: { weight: 4, outcome: "result", attempts: 2 },
  /** 400 envelope with success: false: not retried. */
  e400: { weight: 5, outcome: "BadRequestError", attempts: 1 },
  /** 404: not retried. */
  e404: { weight: 3, outcome: "NotFoundError", attempts: 1 },
  /** 500 every time: retried once. */
  e500: { weight: 5, outcome: "InternalServerError", attempts: 2 },
  /** 429 with retry-after-ms: 1. */
  e429: { weight: 3, outcome: "RateLimitError", attempts: 2 },
  /** The connection is reset before any answer. */
  reset: { weight: 5, outcome: "ConnectionError", attempts: 2 },
  /** Headers and half the body, then a reset. */
  resetMid: { weight: 4, outcome: "ConnectionError", attempts: 2 },
  /** No answer at all: each attempt times out (the call passes timeoutMs: TIMEOUT_MS). */
  timeout: { weight: 2, outcome: "TimeoutError", attempts: 2 },
  /** 200 with a body that is not JSON: not retried. */
  badJson: { weight: 4, outcome: "ApiError", attempts: 1 },
} as const;

export type Scenario = keyof typeof SCENARIOS;

/**
 * Client options for the soak: one retry, a fast backoff, and a timeout generous enough
 * that a loaded machine never turns a slow answer into a TimeoutError; the calls of the
 * "timeout" scenario pass a short one of their own.
 */
export const SOAK_OPTIONS = { maxRetries: 1, initialRetryDelayMs: 1, maxRetryDelayMs: 2, timeoutMs: 10_000 } as const;
export const TIMEOUT_MS = 150;

/** A small seeded PRNG, so a failing soak can be replayed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickScenario(random: () => number): Scenario {
  const entries = Object.entries(SCENARIOS) as [Scenario, (typeof SCENARIOS)[Scenario]][];
  let roll = random() * entries.reduce((sum, [, s]) => sum + s.weight, 0);
  for (const [name, s] of entries) {
    roll -= s.weight;
    if (roll < 0) return name;
  }
  return "ok";
}
