/**
 * OpenAPI 3 §4.8.27 Security Scheme Object and §4.8.30 Security Requirement Object: the
 * credentials a client can hold, and which of them each operation needs.
 */
import { ENV_NAME, HTTP_TOKEN } from "../lib/name-syntax.js";
import type { SecuritySchemeModel } from "./api-model.js";
import { camelCase, identifier, NameRegistry } from "./names.js";
import { CLIENT_OPTION_NAMES } from "./reserved-names.js";
import { deref, isObject, type JsonObject } from "./resolve-ref.js";
import { text } from "./text.js";

/** Text encodeURIComponent accepts: not empty, no lone surrogate. */
const ENCODABLE = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])+$/;

/** `components.securitySchemes`, in document order, each with the option name that holds its credential. */
export function collectSecuritySchemes(document: JsonObject): SecuritySchemeModel[] {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const options = new NameRegistry(CLIENT_OPTION_NAMES);
  return Object.entries(schemes).map(([key, raw]) => {
    const scheme = deref(document, raw) ?? {};
    const type = typeof scheme.type === "string" ? scheme.type : "";
    const env = scheme["x-zt-env"];
    return {
      key,
      option: options.claim(identifier(camelCase(key), "credential")),
      ...how(scheme, type),
      type,
      ...text("description", scheme.description),
      ...(typeof env === "string" && ENV_NAME.test(env) ? { env } : {}),
    };
  });
}

/** How the client sends a scheme's credential; "unsupported" when it cannot. */
function how(scheme: JsonObject, type: string): Pick<SecuritySchemeModel, "kind" | "scheme" | "in" | "name"> {
  if (type === "oauth2" || type === "openIdConnect") return { kind: "bearer" };
  if (type === "http" && typeof scheme.scheme === "string" && HTTP_TOKEN.test(scheme.scheme)) {
    const name = scheme.scheme.toLowerCase();
    return name === "bearer" || name === "basic" ? { kind: name } : { kind: "http", scheme: scheme.scheme };
  }
  const where = scheme.in;
  if (type === "apiKey" && (where === "header" || where === "query" || where === "cookie") && typeof scheme.name === "string") {
    // A query parameter may be any text that can be encoded (no lone surrogate); a header or cookie name must be a token.
    if (where === "query" ? ENCODABLE.test(scheme.name) : HTTP_TOKEN.test(scheme.name))
      return { kind: "apiKey", in: where, name: scheme.name };
  }
  return { kind: "unsupported" };
}

/**
 * §4.8.10 `security`: the operation's requirements, else the root's; each alternative as
 * the scheme keys it needs together (`[]` for `{}`). No `security` anywhere: public.
 */
export function operationSecurity(document: JsonObject, operation: JsonObject): string[][] {
  const requirements = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
  return requirements.filter(isObject).map((requirement) => Object.keys(requirement));
}
