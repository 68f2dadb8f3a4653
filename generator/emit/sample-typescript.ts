/**
 * The TypeScript code sample of an operation: a complete ES module, as a service would
 * write it, that creates the client with the operation's credentials read from the
 * environment, calls it with its required parameters and body filled from the spec's
 * examples, prints the result, and handles errors as the README recommends. Spec values
 * enter it only as `literal()`s and `propertyKey()`s; names come from the model.
 */
import type { ApiModel, OperationModel, SecuritySchemeModel } from "../model/api-model.js";
import { literal, propertyKey } from "../lib/ts-text.js";
import { basicVariables, envVariable, sampleArgument, sampleSchemes, type SampleArgument } from "./sample-request.js";

/** Lines longer than this are broken where they can be: the docs page's code panel shows about 58 characters. */
const WIDTH = 56;

/** Where samples import the client from when the spec names no package: the CLI's default output folder. */
export const DEFAULT_IMPORT = "./generated/index.js";

/** The error classes the sample tells apart, in the order it tests them (subclasses first). */
const HANDLED_ERRORS = ["NotFoundError", "RateLimitError", "ApiError"] as const;

/** The sample's lines. */
export function typescriptSample(model: ApiModel, op: OperationModel): string[] {
  return [...importLines(model), "", ...clientLines(model, op), "", ...callLines(op)];
}

function importLines(model: ApiModel): string[] {
  const names = ["ApiError", "createClient", "NotFoundError", "RateLimitError"];
  const from = literal(model.options.package ?? DEFAULT_IMPORT);
  const oneLine = `import { ${names.join(", ")} } from ${from};`;
  return oneLine.length <= WIDTH ? [oneLine] : ["import {", ...names.map((n) => `  ${n},`), `} from ${from};`];
}

/** `createClient({ … })` with each credential read from its environment variable, and a base URL when the spec has none. */
function clientLines(model: ApiModel, op: OperationModel): string[] {
  const schemes = sampleSchemes(model, op);
  const options = schemes.flatMap(credentialOption);
  // The client reads a scheme's x-zt-env variable by itself: say so, as Cloudflare's SDK docs do.
  if (schemes.length > 0 && schemes.every((s) => s.env !== undefined && s.kind !== "basic"))
    options.unshift("// the default: can be omitted");
  if (!model.server || !/^https?:\/\//i.test(model.server.url)) {
    options.push(`baseUrl: "https://api.example.com", // the spec names no server`);
  }
  if (options.length === 0) return ["const client = createClient();"];
  return ["const client = createClient({", ...options.map((o) => `  ${o}`), "});"];
}

function credentialOption(scheme: SecuritySchemeModel): string[] {
  const env = (name: string) => `process.env[${literal(name)}]`;
  if (scheme.kind === "basic") {
    const { username, password } = basicVariables(scheme);
    return [`${scheme.option}: {`, `  username: ${env(username)} ?? "",`, `  password: ${env(password)} ?? "",`, "},"];
  }
  return [`${scheme.option}: ${env(envVariable(scheme))},`];
}

/** The call in a try block, its result printed, and the README's error handling. */
function callLines(op: OperationModel): string[] {
  const call = `await client.${op.name}(`;
  const hasResult = op.success?.contentType !== undefined;
  const head = hasResult ? `  const result = ${call}` : `  ${call}`;
  const [first = "", ...rest] = argumentLines(sampleArgument(op), op.layout);
  return [
    "try {",
    `${head}${first}`,
    ...rest.map((line) => `  ${line}`),
    hasResult ? "  console.log(result);" : `  console.log("done");`,
    "} catch (error) {",
    ...HANDLED_ERRORS.flatMap((name, i) => [`  ${i === 0 ? "if" : "} else if"} (error instanceof ${name}) {`, `    ${handling(name)}`]),
    "  } else {",
    "    throw error; // ConnectionError, TimeoutError…",
    "  }",
    "}",
  ];
}

function handling(error: (typeof HANDLED_ERRORS)[number]): string {
  switch (error) {
    case "NotFoundError":
      return `console.error("not found:", error.errors);`;
    case "RateLimitError":
      return `console.error("rate limited: try again later");`;
    case "ApiError":
      return "console.error(error.message, error.requestId);";
  }
}

/**
 * The argument and the call's closing parenthesis: `);` when there is nothing to pass,
 * else an object literal, one member a line. Flat: parameters and body fields side by
 * side (the body whole as `body` when it is not flattened); grouped: `{ path, query, header, body }`.
 */
function argumentLines(argument: SampleArgument, layout: OperationModel["layout"]): string[] {
  const { path, query, header, body } = argument;
  const members: [string, unknown][] = [];
  const fields = (list: typeof path) => list.map((f): [string, unknown] => [f.name, f.value]);
  if (layout === "grouped") {
    const group = (name: string, list: typeof path) =>
      list.length > 0 ? [[name, Object.fromEntries(fields(list))] as [string, unknown]] : [];
    members.push(...group("path", path), ...group("query", query), ...group("header", header));
    if (body) members.push(["body", body.value]);
  } else {
    members.push(...fields(path), ...fields(query), ...fields(header));
    if (body?.shape === "fields" && isPlainObject(body.value)) members.push(...Object.entries(body.value));
    else if (body) members.push(["body", body.value]);
  }
  if (members.length === 0) return [");"];
  return ["{", ...members.flatMap(([key, value]) => valueLines(value, "  ", `${propertyKey(key)}: `, ",")), "});"];
}

/** `prefix` + the value + `suffix`, on one line when it fits, else objects and arrays one member a line. */
function valueLines(value: unknown, indent: string, prefix: string, suffix: string): string[] {
  const inline = `${indent}${prefix}${literal(value)}${suffix}`;
  const members = Array.isArray(value)
    ? value.map((v): [string | undefined, unknown] => [undefined, v])
    : isPlainObject(value)
      ? Object.entries(value)
      : [];
  if (inline.length <= WIDTH || members.length === 0) return [inline];
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  const inner = members.flatMap(([key, v]) => valueLines(v, `${indent}  `, key === undefined ? "" : `${propertyKey(key)}: `, ","));
  return [`${indent}${prefix}${open}`, ...inner, `${indent}${close}${suffix}`];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
