import type { ApiModel, GeneratorOptions } from "./api-model.js";
import { NameRegistry } from "./names.js";
import { collectOperations } from "./operations.js";
import { RESERVED_NAMES } from "./reserved-names.js";
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
  const typeNames = new NameRegistry(RESERVED_NAMES);
  const options = generatorOptions(document, typeNames);
  const securitySchemes = collectSecuritySchemes(document);
  const operations = collectOperations(document, new NameRegistry(), typeNames);
  const schemas = collectSchemas(document, typeNames, new NameRegistry(RESERVED_NAMES));
  const server = documentServer(document);
  return { source, operations, schemas, securitySchemes, ...(server ? { server } : {}), options };
}

/**
 * `x-zt-generator` at the root; anything not of the expected type is ignored, and so is an
 * `errorClass` that names something the package already exports. A valid one is claimed
 * first, so that no schema alias can take it.
 */
function generatorOptions(document: JsonObject, typeNames: NameRegistry): GeneratorOptions {
  const raw = isObject(document["x-zt-generator"]) ? document["x-zt-generator"] : {};
  const header = raw.requestIdHeader;
  const errorClass = raw.errorClass;
  const name = raw.package;
  return {
    validators: raw.validators === true,
    // A header name is a token (RFC 9110 §5.6.2); anything else could never match a response header.
    ...(typeof header === "string" && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header) ? { requestIdHeader: header.toLowerCase() } : {}),
    // Exported as written, so it must be a plain class name (a capital first: no reserved word).
    ...(typeof errorClass === "string" && /^[A-Z][A-Za-z0-9_]{0,79}$/.test(errorClass) && !typeNames.isTaken(errorClass)
      ? { errorClass: typeNames.claim(errorClass) }
      : {}),
    // An npm package name (lower case, URL-safe, optionally scoped): samples import it as written.
    ...(typeof name === "string" && name.length <= 214 && /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name) ? { package: name } : {}),
  };
}
