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
 * Each is loaded on first use, not when the bundle is evaluated: the CLI's main thread
 * never needs openapi-typescript (its worker thread emits schema.ts, see
 * pipeline-worker.ts), and the worker, which evaluates the same bundle, never needs
 * ts-morph. It also lets the worker start before this thread has loaded anything.
 */
const require = createRequire(import.meta.url);

export const openapiCore = once(() => require("@redocly/openapi-core") as typeof OpenapiCore);
export const openapiTypescript = once(() => require("openapi-typescript") as typeof OpenapiTypescript);
export const tsMorph = once(() => require("ts-morph") as typeof TsMorph);
/** The compiler openapi-typescript builds schema.ts's syntax tree with (already loaded by it: no extra cost). */
export const typescript = once(() => require("typescript") as typeof TypeScript);
