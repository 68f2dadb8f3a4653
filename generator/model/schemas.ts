/**
 * OpenAPI 3 §4.8.7 Components Object, `schemas`, and §4.8.24 Schema Object: a type alias
 * per component schema, and each string enum's values for a runtime tuple.
 */
import type { SchemaModel } from "./api-model.js";
import { identifier, NameRegistry, pascalCase, pluralConstantCase } from "./names.js";
import { deref, isObject, type JsonObject } from "./resolve-ref.js";
import { text } from "./text.js";

/** One alias per component schema, in document order; names an operation's types already hold get a `Schema` suffix. */
export function collectSchemas(document: JsonObject, typeNames: NameRegistry, valueNames: NameRegistry): SchemaModel[] {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  return Object.entries(schemas).map(([name, raw]) => {
    const wanted = identifier(pascalCase(name), "Schema");
    const typeName = typeNames.isTaken(wanted) ? typeNames.claim(`${wanted}Schema`) : typeNames.claim(wanted);
    const schema = deref(document, raw);
    const values = schema ? stringEnum(schema) : undefined;
    return {
      name,
      typeName,
      ...text("description", schema?.description),
      ...(values ? { enum: { constName: valueNames.claim(identifier(pluralConstantCase(typeName), "VALUES")), values } } : {}),
    };
  });
}

/** The values of a string enum (`type: string`, or no type, or string-or-null), else undefined. */
function stringEnum(schema: JsonObject): string[] | undefined {
  const values = schema.enum;
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "string")) return undefined;
  const type = schema.type;
  const stringTyped = type === undefined || type === "string" || (Array.isArray(type) && type.every((t) => t === "string" || t === "null"));
  return stringTyped ? values : undefined;
}
