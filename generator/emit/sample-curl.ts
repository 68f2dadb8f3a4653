/**
 * The curl sample of an operation: the same request as the TypeScript sample, as a POSIX
 * shell command. Spec text enters it only as `shellQuote()`d words (inside which the shell
 * expands nothing); credentials come from environment variables, referenced by names
 * that are identifiers. curl's own `@file` forms are never used with spec text:
 * `--data-raw` and `--form-string` take their values literally.
 */
import type { ApiModel, OperationModel, SecuritySchemeModel } from "../model/api-model.js";
import { isJsonMediaType } from "../runtime/media-type.js";
import { HTTP_TOKEN } from "../lib/name-syntax.js";
import { shellQuote } from "../lib/shell-text.js";
import { basicVariables, envVariable, plainText, sampleArgument, sampleSchemes, type SampleField } from "./sample-request.js";

/** Where a sample sends requests when the spec names no absolute server URL. */
const PLACEHOLDER_SERVER = "https://api.example.com";

/** The command's lines: `curl`, the URL, then one option a line. */
export function curlSample(model: ApiModel, op: OperationModel): string[] {
  const argument = sampleArgument(op);
  const schemes = sampleSchemes(model, op);
  const words = [
    `curl${methodFlag(op.method)} ${urlWord(model, op, argument.path, argument.query, schemes)}`,
    ...schemes.flatMap(credentialWords),
    ...argument.header.filter((h) => HTTP_TOKEN.test(h.name)).map((h) => `-H ${shellQuote(`${h.name}: ${oneLine(plainText(h.value))}`)}`),
    ...(argument.body ? bodyWords(argument.body.contentType, argument.body.value) : []),
  ];
  // A word may span lines (a pretty-printed JSON body): only its last line gets the continuation.
  return words.flatMap((word, i) => {
    const lines = word.split("\n").map((line, j) => (i > 0 && j === 0 ? `  ${line}` : line));
    if (i < words.length - 1) lines[lines.length - 1] += " \\";
    return lines;
  });
}

function methodFlag(method: OperationModel["method"]): string {
  if (method === "GET") return "";
  return method === "HEAD" ? " --head" : ` -X ${method}`;
}

/** The quoted URL: server, path with its parameters encoded, required query parameters, and an apiKey sent in the query. */
function urlWord(
  model: ApiModel,
  op: OperationModel,
  path: readonly SampleField[],
  query: readonly SampleField[],
  schemes: readonly SecuritySchemeModel[],
): string {
  const values = new Map(path.map((p) => [p.name, p.value]));
  const pathText = op.path
    .split(/(\{[^{}]*\})/)
    .map((part) => {
      const name = /^\{(.*)\}$/.exec(part)?.[1];
      // The template's own text stays one path: encodeURI, plus the two characters it keeps that would end it.
      return name !== undefined && values.has(name)
        ? encode(plainText(values.get(name)))
        : encodeURI(wellFormed(part)).replace(/\?/g, "%3F").replace(/#/g, "%23");
    })
    .join("");
  const pairs = query.flatMap((q) =>
    (Array.isArray(q.value) ? q.value : [q.value]).map((v) => `${encode(q.name)}=${encode(plainText(v))}`),
  );
  // An apiKey sent in the query: its value from the environment, outside the quotes.
  let text = `${serverUrl(model, op)}${pathText}${pairs.length > 0 ? `?${pairs.join("&")}` : ""}`;
  let separator = pairs.length > 0 ? "&" : "?";
  let word = "";
  for (const scheme of schemes.filter((s) => s.kind === "apiKey" && s.in === "query")) {
    word += `${shellQuote(`${text}${separator}${encode(scheme.name ?? "")}=`)}"$${envVariable(scheme)}"`;
    [text, separator] = ["", "&"];
  }
  return text === "" ? word : word + shellQuote(text);
}

/** encodeURIComponent, which throws on a lone surrogate: those become U+FFFD first. */
function encode(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** The operation's server, else the document's, when absolute; else a placeholder. No trailing slash. */
function serverUrl(model: ApiModel, op: OperationModel): string {
  const absolute = [op.server?.url, model.server?.url].find((url) => url !== undefined && /^https?:\/\/[^\s'"]+$/i.test(url));
  return (absolute ?? PLACEHOLDER_SERVER).replace(/\/+$/, "");
}

/** How curl sends a scheme's credential, read from its environment variable(s). */
function credentialWords(scheme: SecuritySchemeModel): string[] {
  const variable = `"$${envVariable(scheme)}"`;
  switch (scheme.kind) {
    case "bearer":
      return [`-H "Authorization: Bearer $${envVariable(scheme)}"`];
    case "basic": {
      const { username, password } = basicVariables(scheme);
      return [`-u "$${username}:$${password}"`];
    }
    case "http":
      return [`-H ${shellQuote(`Authorization: ${scheme.scheme ?? ""} `)}${variable}`];
    case "apiKey":
      if (scheme.in === "header") return [`-H ${shellQuote(`${scheme.name ?? ""}: `)}${variable}`];
      if (scheme.in === "cookie") return [`--cookie ${shellQuote(`${scheme.name ?? ""}=`)}${variable}`];
      return []; // in the query: part of the URL
    case "unsupported":
      return [];
  }
}

/** The body's words: JSON pretty-printed, a form field by field, text as it is, anything else from a file. */
function bodyWords(contentType: string, value: unknown): string[] {
  const type = `-H ${shellQuote(`Content-Type: ${oneLine(contentType)}`)}`;
  if (isJsonMediaType(contentType)) {
    const json = JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");
    return [type, `--data-raw ${shellQuote(json)}`];
  }
  const form = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value) : undefined;
  if (/^multipart\/form-data\b/i.test(contentType) && form) {
    // curl writes the Content-Type itself, with its boundary.
    return form.map(([name, v]) => `--form-string ${shellQuote(`${name}=${plainText(v)}`)}`);
  }
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType) && form) {
    return [type, `--data-raw ${shellQuote(new URLSearchParams(form.map(([name, v]) => [name, plainText(v)])).toString())}`];
  }
  if (typeof value === "string") return [type, `--data-raw ${shellQuote(value)}`];
  return [type, "--data-binary @body.bin"];
}

/** Control characters (a line break would end a header) become spaces. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, " ");
}
