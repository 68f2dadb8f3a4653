import { once } from "../lib/once.js";
import { runtimeExports } from "../lib/runtime-source.js";

/**
 * Names the generated package already uses. A spec name that lands on one of these is
 * renamed (see names.ts), so `index.ts` can re-export everything without a clash.
 */
export const reservedNames = once((): readonly string[] => [
  // schema.ts (openapi-typescript) and client.ts
  "paths",
  "components",
  "operations",
  "webhooks",
  "$defs",
  "createClient",
  "Client",
  "ClientOptions",
  // TypeScript globals that types.ts refers to
  "NonNullable",
  "Record",
  // everything generator/runtime/index.ts exports, public and internal, read by the compiler
  ...runtimeExports().all.map((e) => e.name),
]);

/** Object.prototype's own members: no generated method or option may take one (a lookup would find the prototype's). */
export const OBJECT_PROTOTYPE_MEMBERS: readonly string[] = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toJSON",
];

/**
 * `createClient` options that are not credentials, and names no option may take
 * (Object.prototype's): a security scheme's option is renamed when it lands on one.
 */
export const CLIENT_OPTION_NAMES: readonly string[] = [
  "baseUrl",
  "timeoutMs",
  "maxRetries",
  "headers",
  "fetch",
  "allowInsecureHttp",
  "validate",
  "initialRetryDelayMs",
  "maxRetryDelayMs",
  "maxResponseBytes",
  ...OBJECT_PROTOTYPE_MEMBERS,
];
