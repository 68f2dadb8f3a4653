/**
 * OpenAPI 3 §4.8.12 Parameter Object: an operation's path, query and header parameters.
 * Cookie parameters are left out: the client has no way to send them apart from a
 * security scheme's cookie.
 */
import type { ParamModel, ParamType } from "./api-model.js";
import { exampleOf } from "./examples.js";
import { deref, type Json, type JsonObject } from "./resolve-ref.js";
import { text } from "./text.js";

export interface Parameters {
  /** In the order they appear in the path template. All are required. */
  readonly path: readonly ParamModel[];
  readonly query: readonly ParamModel[];
  readonly header: readonly ParamModel[];
}

/** §4.8.9.1: operation-level parameters override path-level ones with the same name and location. */
export function collectParameters(document: JsonObject, item: JsonObject, operation: JsonObject, path: string): Parameters {
  const byKey = new Map<string, { in: string; param: ParamModel }>();
  for (const list of [item.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const param = deref(document, raw);
      if (!param || typeof param.name !== "string" || typeof param.in !== "string") continue;
      const example = exampleOf(document, param);
      const schema = deref(document, param.schema);
      const type = typeOf(schema);
      const items = type === "array" ? typeOf(deref(document, schema?.items)) : undefined;
      byKey.set(`${param.in}\u0000${param.name}`, {
        in: param.in,
        param: {
          name: param.name,
          required: param.required === true || param.in === "path",
          ...text("description", param.description),
          ...(example === undefined ? {} : { example }),
          ...(type ? { type } : {}),
          ...(items ? { items } : {}),
        },
      });
    }
  }
  const all = [...byKey.values()];
  const located = (where: string) => all.filter((p) => p.in === where).map((p) => p.param);
  return { path: orderByTemplate(located("path"), path), query: located("query"), header: located("header") };
}

const PARAM_TYPES: readonly Json[] = ["string", "integer", "number", "boolean", "array", "object"] satisfies ParamType[];

/** A schema's `type`, or the first of a 3.1 type list that is not "null"; undefined when it names none. */
function typeOf(schema: JsonObject | undefined): ParamType | undefined {
  const type = Array.isArray(schema?.type) ? schema.type.find((t) => t !== "null") : schema?.type;
  return PARAM_TYPES.includes(type ?? null) ? (type as ParamType) : undefined;
}

function orderByTemplate(params: ParamModel[], path: string): ParamModel[] {
  const position = (name: string) => {
    const at = path.indexOf(`{${name}}`);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return params.sort((a, b) => position(a.name) - position(b.name));
}
