import type { ApiModel, GeneratorOptions } from "./api-model.js";
import { usesReadWrite } from "./read-write.js";
import { HTTP_TOKEN } from "../lib/name-syntax.js";
import { NameRegistry } from "./names.js";
import { collectOperations } from "./operations.js";
import { reservedNames } from "./reserved-names.js";
import { isObject, type JsonObject } from "./resolve-ref.js";
import { collectSchemas } from "./schemas.js";
import { collectSecuritySchemes } from "./security.js";
import { documentServer } from "./servers.js";

/**
 * Model step: reduce the bundled document to the plain data every later step reads.
 * One module per OpenAPI object does the reading; this one orders them, so that names
 * are claimed in document order (operations' types before schemas' aliases), and reads
 * the root's `x-zt-generator` itself.
 */
export function buildModel(bundled: unknown, source: string): ApiModel {
  const document = bundled as JsonObject;
  // The package's root exports: types (operation types, schema aliases) and values (enum tuples).
  const typeNames = new NameRegistry(reservedNames());
  const valueNames = new NameRegistry(reservedNames());
  const options = generatorOptions(document, typeNames, valueNames);
  const securitySchemes = collectSecuritySchemes(document);
  const operations = collectOperations(document, new NameRegistry(), typeNames);
  const schemas = collectSchemas(document, typeNames, valueNames);
  const server = documentServer(document);
  return {
    source,
    operations,
    schemas,
    securitySchemes,
    ...(server ? { server } : {}),
    options,
    ...(usesReadWrite(document) ? { readWriteMarkers: true as const } : {}),
  };
}

/**
 * `x-zt-generator` at the root; anything not of the expected type is ignored, and so is an
 * `errorClass` that names something the package already exports. A valid one, a class
 * and so both a type and a value, is claimed first among both, so that no schema alias
 * or enum tuple can take it.
 */
function generatorOptions(document: JsonObject, typeNames: NameRegistry, valueNames: NameRegistry): GeneratorOptions {
  const raw = isObject(document["x-zt-generator"]) ? document["x-zt-generator"] : {};
  const header = raw.requestIdHeader;
  // Exported as written, so it must be a plain class name (a capital first: no reserved word).
  const errorClass =
    typeof raw.errorClass === "string" &&
    /^[A-Z][A-Za-z0-9_]{0,79}$/.test(raw.errorClass) &&
    !typeNames.isTaken(raw.errorClass) &&
    !valueNames.isTaken(raw.errorClass)
      ? raw.errorClass
      : undefined;
  if (errorClass !== undefined) {
    typeNames.claim(errorClass);
    valueNames.claim(errorClass);
  }
  const name = raw.package;
  return {
    validators: raw.validators === true,
    ...(raw.testing === false ? { testing: false as const } : {}),
    // A header name is a token (RFC 9110 §5.6.2); anything else could never match a response header.
    ...(typeof header === "string" && HTTP_TOKEN.test(header) ? { requestIdHeader: header.toLowerCase() } : {}),
    ...(errorClass !== undefined ? { errorClass } : {}),
    // An npm package name (lower case, URL-safe, optionally scoped): samples import it as written.
    ...(typeof name === "string" && name.length <= 214 && /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name)
      ? { package: name }
      : {}),
  };
}
