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
