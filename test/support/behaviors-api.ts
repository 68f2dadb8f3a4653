/**
 * Hand-written stand-ins for what the generator emits: the API description and the two
 * Operation descriptors (identical to generated/client.ts, which test/client/client.test.ts
 * checks), its ClientOptions, and a minimal openapi-typescript `paths` type, so the runtime
 * can be tested without the generator. Also keeps CLOUDFLARE_* out of tests.
 */
import { afterEach, beforeEach } from "vitest";
import {
  apiKeyHeader,
  bearer,
  createRuntime,
  type ApiDescription,
  type BaseClientOptions,
  type Operation,
} from "../../generator/runtime/index.js";

/** The fragment's security schemes, default security, server and request id header. */
export const BEHAVIORS_API = {
  schemes: {
    api_token: { option: "apiToken", kind: bearer, env: "CLOUDFLARE_API_TOKEN" },
    api_email: { option: "apiEmail", kind: apiKeyHeader, name: "X-Auth-Email", env: "CLOUDFLARE_EMAIL" },
    api_key: { option: "apiKey", kind: apiKeyHeader, name: "X-Auth-Key", env: "CLOUDFLARE_API_KEY" },
  },
  security: [["api_token"], ["api_email", "api_key"]],
  server: { url: "https://api.cloudflare.com/client/v4", env: "CLOUDFLARE_BASE_URL" },
  requestIdHeader: "cf-ray",
} as const satisfies ApiDescription;

/** The fragment's createClient options. */
export interface ClientOptions extends BaseClientOptions {
  apiToken?: string;
  apiEmail?: string;
  apiKey?: string;
}

export const getBehaviors = {
  id: "getBehaviors",
  method: "GET",
  path: "/accounts/{account_id}/zt_risk_scoring/behaviors",
  pathParams: ["account_id"],
  queryParams: [],
  headerParams: [],
  body: "none",
  envelope: true,
} as const satisfies Operation;

export const updateBehaviors = {
  id: "updateBehaviors",
  method: "PUT",
  path: "/accounts/{account_id}/zt_risk_scoring/behaviors",
  pathParams: ["account_id"],
  queryParams: [],
  headerParams: [],
  body: "fields",
  contentType: "application/json",
  envelope: true,
} as const satisfies Operation;

export const OPERATIONS = { getBehaviors, updateBehaviors };

type RiskLevel = "low" | "medium" | "high";
type Message = { code: number; message: string; documentation_url?: string; source?: { pointer?: string } };
export type Behaviors = { behaviors: { [id: string]: { name: string; description: string; enabled: boolean; risk_level: RiskLevel } } };
export type UpdateBehaviors = { behaviors: { [id: string]: { enabled: boolean; risk_level: RiskLevel } } };
type Json<T> = { headers: { [name: string]: unknown }; content: { "application/json": T } };
type Failure = Json<{ success: false; errors: Message[]; messages: Message[]; result: null }>;
type PathParams = { query?: never; header?: never; path: { account_id: string }; cookie?: never };

export interface paths {
  "/accounts/{account_id}/zt_risk_scoring/behaviors": {
    parameters: PathParams;
    get: {
      parameters: PathParams;
      requestBody?: never;
      responses: { 200: Json<{ success: true; errors: Message[]; messages: Message[]; result: Behaviors }>; "4XX": Failure };
    };
    put: {
      parameters: PathParams;
      requestBody: { content: { "application/json": UpdateBehaviors } };
      responses: { 200: Json<{ success: true; errors: Message[]; messages: Message[]; result: UpdateBehaviors }>; "4XX": Failure };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

export const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
export const BEHAVIORS_PATH = `/client/v4/accounts/${ACCOUNT}/zt_risk_scoring/behaviors`;
export const TOKEN = "tok_Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQ";
export const SAMPLE: Behaviors = {
  behaviors: { foo: { name: "Foo", description: "An example behavior.", enabled: true, risk_level: "low" } },
};

/** The fragment's runtime, as its generated createClient makes it. */
export function behaviorsRuntime(options: ClientOptions = {}) {
  return createRuntime<paths>(BEHAVIORS_API, OPERATIONS, options);
}

/** A runtime against `origin` + /client/v4 with a token, fast retries and the given overrides. */
export function runtimeFor(origin: string, options: ClientOptions = {}) {
  return behaviorsRuntime({ apiToken: TOKEN, baseUrl: `${origin}/client/v4`, initialRetryDelayMs: 1, maxRetryDelayMs: 5, ...options });
}

const CLOUDFLARE_ENV = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY", "CLOUDFLARE_BASE_URL"];

/** Registers hooks that hide the developer's CLOUDFLARE_* variables from each test and restore them after. */
export function isolateCloudflareEnv(): void {
  const saved = new Map<string, string | undefined>();
  beforeEach(() => {
    for (const name of CLOUDFLARE_ENV) {
      saved.set(name, process.env[name]);
      delete process.env[name];
    }
  });
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}
