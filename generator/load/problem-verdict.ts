import type { NormalizedProblem } from "@redocly/openapi-core";
import { lookup } from "../lib/json-pointer.js";

/**
 * What the load step does with each problem the linter reports:
 * - "refuse": the output would be wrong, or a later step would walk into a value of the
 *   wrong kind (see refusesWrongType);
 * - "warn": the spec still generates, and says file:line:col on stderr (`--strict`
 *   refuses it): nothing reads what is wrong, or reads it only as text;
 * - "accept": not a problem at all (see isSchemaName).
 *
 * The line is drawn where real documents stand: a 3.1 document with 3.0 leftovers
 * (boolean `exclusiveMinimum`, `nullable`), which openapi-typescript types as its author
 * meant, generates with warnings; dangerous `$ref`s, alias bombs and values JSON cannot
 * hold never reach the linter (guarded-resolver.ts).
 */
export type Verdict = "refuse" | "warn" | "accept";

/**
 * Keywords that only constrain or describe a value: a value of the wrong type there
 * changes no type and no name, and every step that reads one checks its type first
 * (model/examples.ts; openapi-typescript prints descriptions with String()). Ajv, when a
 * spec asks for validators, refuses them itself ("cannot build validators").
 */
const VALUE_KEYWORDS = new Set([
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minimum",
  "maximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "contentEncoding",
  "contentMediaType",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minContains",
  "maxContains",
  "minProperties",
  "maxProperties",
  "readOnly",
  "writeOnly",
  "deprecated",
  "description",
  "example",
  "$comment",
]);

/** The verdict on one problem; `root` is the parsed root document, for the problems found in it. */
export function problemVerdict(problem: NormalizedProblem, root: unknown, rootRef: string): Verdict {
  if (/^Can't resolve \$ref/.test(problem.message) && isSchemaName(problem, root, rootRef)) return "accept";
  if (problem.severity === "error") return "refuse";
  if (problem.ruleId !== "struct") return "warn";
  return refusesWrongType(problem) || refusesMissingField(problem) || refusesRequestShape(problem) ? "refuse" : "warn";
}

/**
 * `struct` reports a part of the wrong type as "Expected type `Paths` (object) but got
 * `array`" for the document's own objects (paths, operations, parameters, responses,
 * schemas, the components maps…), which every step walks: refused. A keyword's value of
 * the wrong type, "Expected type `number` but got `boolean`.", is refused too unless the
 * keyword is one of VALUE_KEYWORDS (`required: "name"` would type the wrong properties).
 * Other problems `struct` finds (an unexpected field, `nullable` without `type`, a value
 * outside an enum) no step depends on.
 */
function refusesWrongType(problem: NormalizedProblem): boolean {
  const wrongType = /^Expected type `[^`]*`( \((object|array)\))? but got/.exec(problem.message);
  if (!wrongType) return false;
  if (wrongType[1] !== undefined) return true;
  return !VALUE_KEYWORDS.has(lastSegment(problem.location[0]?.pointer ?? ""));
}

/**
 * A missing field is refused where openapi-typescript would make up a name from it: a
 * parameter without `name` or `in` (typed as a parameter called "undefined"), a
 * discriminator without `propertyName`. Other missing fields (a response's description,
 * the info's version) only leave the docs poorer.
 */
function refusesMissingField(problem: NormalizedProblem): boolean {
  const missing = /^The field `([^`]*)` must be present on this level\.$/.exec(problem.message)?.[1];
  const pointer = problem.location[0]?.pointer ?? "";
  if (missing === "propertyName") return true;
  return (missing === "name" || missing === "in") && /(\/parameters\/\d+|^#\/components\/parameters\/[^/]+)$/.test(pointer);
}

/**
 * A parameter's `in` or `style` outside OpenAPI's values (`in: body`, a 2.0 leftover):
 * the client would send the parameter nowhere, or serialize it in a way the server does
 * not read. Refused, as every invalidity that changes the requests.
 */
function refusesRequestShape(problem: NormalizedProblem): boolean {
  const key = /^`([^`]*)` can be one of the following only/.exec(problem.message)?.[1];
  return (key === "in" || key === "style") && /\/parameters\/[^/]+\/(in|style)$/.test(problem.location[0]?.pointer ?? "");
}

/**
 * A discriminator's `mapping` holds "mappings between payload values and schema names or
 * references" (OpenAPI 3 §4.8.25); Redocly reads a bare schema name as a file and cannot
 * find it. openapi-typescript looks such names up in `components.schemas`: so does this,
 * in the root document (names as §4.8.7 allows them: letters, digits, `.`, `-`, `_`).
 */
function isSchemaName(problem: NormalizedProblem, root: unknown, rootRef: string): boolean {
  const location = problem.location[0];
  const pointer = location?.pointer;
  if (pointer === undefined || location!.source.absoluteRef !== rootRef || !/\/discriminator\/mapping\/[^/]+$/.test(pointer)) return false;
  const name = lookup(root, pointer);
  return typeof name === "string" && /^[\w.-]+$/.test(name) && lookup(root, `#/components/schemas/${name}`) !== undefined;
}

function lastSegment(pointer: string): string {
  return (pointer.split("/").pop() ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
}
