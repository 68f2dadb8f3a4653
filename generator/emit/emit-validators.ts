import { createRequire } from "node:module";
import type { Options as AjvOptions } from "ajv";
import type * as AjvCoreModule from "ajv/dist/core.js";
import type { FormatsPlugin as AjvFormats } from "ajv-formats";
import type { ApiModel } from "../model/api-model.js";
import { SpecError } from "../lib/spec-error.js";
import { propertyKey } from "../lib/ts-text.js";
import { isJsonMediaType } from "../runtime/media-type.js";
import { printStructure } from "./print-structure.js";
import { guardedRegExp } from "../runtime/patterns.js";
import { lookup } from "../lib/json-pointer.js";

/** Loaded only when a spec asks for validators: Ajv is not part of a plain run. */
const require = createRequire(import.meta.url);

/**
 * Ajv's standalone ESM output still calls `require()` for two helpers; the runtime ships
 * ESM equivalents (generator/runtime/validation.ts), so the validators module stays ESM.
 */
const AJV_HELPERS: Record<string, string> = {
  'require("ajv/dist/runtime/equal").default': "deepEqual",
  'require("ajv/dist/runtime/ucs2length").default': "ucs2length",
};

/** ajv-formats' function formats, which its standalone output requires (ESM versions: runtime/formats.ts). */
const FORMAT_REQUIRE = /require\("ajv-formats\/dist\/formats"\)\.fullFormats(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])/g;

/**
 * The document with every schema marked `keyword: true` (readOnly or writeOnly) replaced by
 * `false` (nothing may be there) and left out of its parent's `required`. Examples, defaults
 * and enums are values, not schemas: left alone.
 */
function withoutAccess(document: unknown, keyword: "readOnly" | "writeOnly"): Record<string, unknown> {
  const root = document as Record<string, unknown>;
  const marked = (node: unknown): boolean => {
    const seen = new Set<unknown>();
    while (node !== null && typeof node === "object" && typeof (node as { $ref?: unknown }).$ref === "string" && !seen.has(node)) {
      seen.add(node);
      const ref = (node as { $ref: string }).$ref;
      node = lookup(root, ref);
    }
    return node !== null && typeof node === "object" && (node as Record<string, unknown>)[keyword] === true;
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const object = node as Record<string, unknown>;
    if (object[keyword] === true) return false;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(object)) {
      out[key] = ["example", "examples", "default", "enum", "const"].includes(key) ? value : walk(value);
    }
    const properties = object.properties;
    if (Array.isArray(object.required) && properties !== null && typeof properties === "object") {
      out.required = object.required.filter((name) => !marked((properties as Record<string, unknown>)[name as string]));
    }
    return out;
  };
  return walk(root) as Record<string, unknown>;
}

/**
 * validators.ts, when the spec's root says `x-zt-generator: { validators: true }`: for
 * each operation a request-body and a success-body validator, compiled now by Ajv's
 * standalone code generator (JSON Schema 2020-12 for OpenAPI 3.1, draft-07 with
 * `nullable` for 3.0), so using them at run time needs no compiler and no `eval`.
 * Consumers opt in with `createClient({ validate: validators })`; the module stays out
 * of bundles that do not import it. Ajv compiles the bundled document itself (the model
 * only says where each operation's schemas are), so it is passed in beside the model.
 */
export function emitValidators(model: ApiModel, bundled: unknown): string | undefined {
  if (!model.options.validators) return undefined;
  const document = bundled as { openapi: string };
  // require() returns any: these are the modules' own types (type-only imports, so nothing is loaded for them).
  type AjvCore = AjvCoreModule.default;
  type AjvClass = new (options: AjvOptions) => AjvCore;
  const Ajv = ((document.openapi.startsWith("3.1") ? require("ajv/dist/2020") : require("ajv")) as { default: AjvClass }).default;
  const standaloneCode = (require("ajv/dist/standalone") as { default: (ajv: AjvCore, refs: Record<string, string>) => string }).default;
  // allErrors off: validation stops at the first failing keyword, so a `maxLength` that fails
  // (Ajv checks it before `pattern`) spares the pattern; patterns run through guardedRegExp
  // (runtime/patterns.ts). Formats are ajv-formats' (logger off: an unknown format is ignored, not printed).
  const ajv: AjvCore = new Ajv({
    code: { source: true, esm: true, lines: true, regExp: guardedRegExp },
    strict: false,
    validateSchema: false,
    validateFormats: true,
    allErrors: false,
    logger: false,
  });
  (require("ajv-formats") as { default: AjvFormats }).default(ajv);
  // A request may not carry what is readOnly, a response what is writeOnly (OpenAPI 3 §4.8.24.1).
  // `nullable` without `type` (3.0) is dropped from Ajv's copy: it constrains nothing, and Ajv refuses it.
  const plain = withoutTypelessNullable(document);
  ajv.addSchema({ ...withoutAccess(plain, "readOnly"), $id: "request.json" });
  ajv.addSchema({ ...withoutAccess(plain, "writeOnly"), $id: "response.json" });

  const refs: Record<string, string> = {};
  const entries: string[] = [];
  const validatorFor = (pointer: string | undefined, direction: "request" | "response") => {
    if (pointer === undefined) return undefined;
    const name = `v${Object.keys(refs).length}`;
    ajv.addSchema({ $id: name, $ref: `${direction}.json${pointer}` });
    refs[name] = name;
    return name;
  };
  for (const op of model.operations) {
    const request = isJsonMediaType(op.body?.contentType ?? "") ? validatorFor(op.body?.schemaPointer, "request") : undefined;
    const response = isJsonMediaType(op.success?.contentType ?? "") ? validatorFor(op.success?.schemaPointer, "response") : undefined;
    const members = [request && `request: ${request}`, response && `response: ${response}`].filter(Boolean);
    if (members.length > 0) entries.push(`${propertyKey(op.id)}: { ${members.join(", ")} },`);
  }

  let code: string;
  try {
    code = standaloneCode(ajv, refs);
  } catch (error) {
    throw new SpecError([{ file: model.source, message: `cannot build validators: ${(error as Error).message}` }]);
  }
  for (const [call, helper] of Object.entries(AJV_HELPERS)) code = code.split(call).join(helper);
  code = code.replace(
    FORMAT_REQUIRE,
    (_, dotted: string | undefined, quoted: string | undefined) => `fullFormats[${dotted === undefined ? quoted : JSON.stringify(dotted)}]`,
  );
  // Only `validators` is public: Ajv's own exports would put its untyped functions in the .d.ts.
  code = code.replace(/^export const (v\d+) = /gm, "const $1 = ");
  const leftover = /require\("([^"]+)"\)/.exec(code);
  if (leftover)
    throw new SpecError([
      { file: model.source, message: `cannot build validators: Ajv needs ${leftover[1]}, which the generated package does not ship` },
    ]);

  // Ajv's code is joined as it is, not handed to the printer: its strings and patterns are
  // spec text, which the printer would read to guess where comments end (lib/ts-text.ts).
  const head = printStructure({
    statements: [
      "// @ts-nocheck: the validators below are Ajv's generated JavaScript.",
      'import type { Validators } from "./runtime/index.js";',
      'import { deepEqual, ucs2length } from "./runtime/validation.js";',
      'import { fullFormats } from "./runtime/formats.js";',
      'import { guardedRegExp } from "./runtime/patterns.js";',
    ],
  });
  const tail = printStructure({
    statements: [
      (writer) => {
        writer.writeLine("/** Request and response validators per operationId: `createClient({ validate: validators })`. */");
        writer.write("export const validators: Validators = ").inlineBlock(() => {
          for (const entry of entries) writer.writeLine(entry);
        });
        writer.write(";");
      },
    ],
  });
  return `${head}${code.replace(/^"use strict";/, "").trimEnd()}\n${tail}`;
}

/**
 * The document with every `nullable` that stands without `type` left out: OpenAPI 3.0's
 * `nullable` adds null to the types `type` allows, so without `type` it changes nothing,
 * but Ajv refuses the whole document for it ("nullable" cannot be used without "type"),
 * and such a spec is only warned about (GitHub's has 135). Copied only where needed.
 */
function withoutTypelessNullable(node: unknown): unknown {
  if (Array.isArray(node)) {
    const items = node.map(withoutTypelessNullable);
    return items.every((item, i) => item === node[i]) ? node : items;
  }
  if (typeof node !== "object" || node === null) return node;
  const object = node as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(object)) {
    const next = withoutTypelessNullable(value);
    if (next !== value) (copy ??= { ...object })[key] = next;
  }
  const result = copy ?? object;
  if (typeof result.nullable !== "boolean" || "type" in result) return result;
  const { nullable: _nullable, ...rest } = result;
  return rest;
}
