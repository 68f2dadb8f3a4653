// generated from spec/openapi.yaml by generator/ — do not edit; run npm run generate
export { createClient, type Client } from "./client.js";
export * from "./types.js";
export * from "./runtime/index.js";
