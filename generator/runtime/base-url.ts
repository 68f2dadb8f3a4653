/**
 * Where requests go: the `baseUrl` option, else the environment variable the spec's first
 * server names, else that server's URL; an operation's own server replaces it (a relative
 * one is resolved against it). Credentials go over plain http only to loopback, unless allowed.
 */
import { ConfigurationError } from "./errors.js";
import type { ApiDescription } from "./operation.js";
import { env, type BaseClientOptions } from "./options.js";

/**
 * The document-level base URL, without a trailing slash. Throws ConfigurationError when
 * it is not an absolute http(s) URL, and when there is none: a spec without a usable
 * server makes `baseUrl` required.
 */
export function resolveBaseUrl(server: ApiDescription["server"], options: BaseClientOptions): string {
  const given = givenBaseUrl(server, options);
  if (!given && !/^https?:/i.test(server?.url ?? ""))
    throw new ConfigurationError("baseUrl is required: the spec names no absolute server URL");
  return checkUrl(given || server!.url, given ? "baseUrl" : "server URL");
}

/** The base URL given, unchecked: the option, else the server's environment variable ("" is neither). The test kit reads it so too. */
export const givenBaseUrl = (server: ApiDescription["server"], options: BaseClientOptions): string | undefined =>
  options.baseUrl || env(server?.env);

/** An operation's own server, absolute or resolved against `baseUrl` (no trailing slash) as a folder; unchecked, for the test kit too. */
export const resolveServer = (server: string, baseUrl: string): string => new URL(server, `${baseUrl}/`).href;

/** An operation's own server: absolute, or resolved against the base URL as a folder. */
export const serverUrl = (server: string, baseUrl: string): string => checkUrl(resolveServer(server, baseUrl), "server URL");

/** Why credentials were not sent to a URL `insecure` refuses. */
export const INSECURE_HTTP = "plain http to a remote host needs allowInsecureHttp";

/** True when credentials may not be sent to `url`: plain http to a host that is not loopback. URL() has already normalised 127.1, 2130706433, [0::1] and LOCALHOST. */
export const insecure = (url: string, options: BaseClientOptions): boolean =>
  !options.allowInsecureHttp && !/^(https:|http:\/\/(localhost|\[::1\]|127(\.\d+){3})[:/])/.test(`${url}/`);

/** An absolute http(s) URL without userinfo (a second credential), query or fragment (they would swallow the path); trailing slashes dropped. */
function checkUrl(url: string, what: string): string {
  let href: string | undefined;
  try {
    ({ href } = new URL(url));
  } catch {
    // Not a URL: `href` stays undefined, refused below.
  }
  // (`test(undefined)` tests "undefined", which fails.)
  if (!/^https?:\/\/[^/@]+\/[^?#]*$/.test(href!)) throw new ConfigurationError(`invalid ${what}`);
  return href!.replace(/\/+$/, "");
}
