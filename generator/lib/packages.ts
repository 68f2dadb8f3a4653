import { createRequire } from "node:module";
import type * as OpenapiCore from "@redocly/openapi-core";
import type * as OpenapiTypescript from "openapi-typescript";
import type * as TsMorph from "ts-morph";
import type * as TypeScript from "typescript";
import { once } from "./once.js";

/**
 * The big CommonJS packages, loaded with require() rather than `import`. An ESM
 * import of CommonJS makes Node scan each file for its exports, and these pull in two
 * copies of the TypeScript compiler (openapi-typescript's and ts-morph's, 9 MB each):
 * require() halves the generator's cold start (measured by `npm run bench`).
 *
 * Each is loaded on first use, not when a bundle is evaluated: the CLI's bundle holds
 * generate()'s emitSchema, but under `npm run generate` schema.ts is emitted on the worker
 * thread (generator/parallel/), so the main thread never loads openapi-typescript. It
 * also lets the worker start before the main thread has loaded anything.
 */
const require = createRequire(import.meta.url);

export const openapiCore = once(() => require("@redocly/openapi-core") as typeof OpenapiCore);
export const openapiTypescript = once(() => require("openapi-typescript") as typeof OpenapiTypescript);
export const tsMorph = once(() => require("ts-morph") as typeof TsMorph);
/** The compiler openapi-typescript builds schema.ts's syntax tree with (already loaded by it: no extra cost). */
export const typescript = once(() => require("typescript") as typeof TypeScript);
