/**
 * OpenAPI 3 §4.8.5 Server Object and §4.8.6 Server Variable Object: where requests go.
 * The first server of the operation, else of its path item, else of the document, with
 * its variables replaced by their defaults.
 */
import { ENV_NAME } from "../lib/name-syntax.js";
import type { ServerModel } from "./api-model.js";
import { isObject, type Json, type JsonObject } from "./resolve-ref.js";
import { text } from "./text.js";

/** The document's first server, with `x-zt-env` naming the environment variable that may replace it. */
export function documentServer(document: JsonObject): ServerModel | undefined {
  const server = firstServer(document.servers);
  const first = Array.isArray(document.servers) ? document.servers[0] : undefined;
  const env = isObject(first) ? first["x-zt-env"] : undefined;
  return server && typeof env === "string" && ENV_NAME.test(env) ? { ...server, env } : server;
}

/**
 * The first entry of a `servers` list, variables replaced by their defaults; undefined
 * when there is none, or when a variable has no default (the URL would be unusable).
 */
export function firstServer(servers: Json | undefined): ServerModel | undefined {
  const first = Array.isArray(servers) ? servers[0] : undefined;
  if (!isObject(first) || typeof first.url !== "string") return undefined;
  const variables = isObject(first.variables) ? first.variables : {};
  let unresolved = false;
  const url = first.url.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const variable = Object.hasOwn(variables, name) ? variables[name] : undefined;
    const value = isObject(variable) ? variable.default : undefined;
    if (typeof value === "string") return value;
    unresolved = true;
    return "";
  });
  return unresolved ? undefined : { url, ...text("description", first.description) };
}
