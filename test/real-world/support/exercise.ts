/**
 * A generated client run against its own generated test kit (issue 23's "real clients,
 * exercised"): msw with the kit's default handlers (each answers with the spec's example),
 * the client with its validators on, every operation whose arguments can be made from the
 * spec (its parameters' and body's examples, which the model takes from `example`,
 * `examples`, enums, formats and bounds) called once. A call passes when it resolves:
 * the kit accepted the request, and the validators accepted the answer.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setupServer } from "msw/node";
import type { ApiModel, OperationModel } from "../../../generator/model/api-model.js";
import { escapeSegment } from "../../../generator/lib/json-pointer.js";
import { locate } from "../../../generator/load/json-location.js";
import { openapiCore } from "../../../generator/lib/packages.js";

/** A base URL of our own for every client and kit: no spec's server is ever reached (msw answers, and refuses what it does not match). */
const BASE_URL = "https://api.real-world.test";

export interface ExerciseResult {
  readonly operations: number;
  readonly passed: number;
  /** Operations not called: no value can be made for one of their arguments from the spec. */
  readonly skipped: readonly { readonly operation: string; readonly reason: string }[];
  /** Each with where the spec says what failed (its request body or success response), as a warning would: `file:line:col`. */
  readonly failed: readonly { readonly operation: string; readonly reason: string; readonly at?: string }[];
}

type Client = Record<string, (argument?: unknown) => Promise<unknown>>;

/** Exercises the client generated into `out` from `model` (see above), with the validators in `out/validatorsFile`. */
export async function exerciseClient(out: string, model: ApiModel, validatorsFile = "validators.ts"): Promise<ExerciseResult> {
  const load = (file: string) => import(pathToFileURL(path.join(out, file)).href);
  const [{ createClient }, { testKit }, validatorsModule] = await Promise.all([
    load("index.ts"),
    load("testing.ts"),
    load(validatorsFile).catch(() => undefined),
  ]);
  const credentials = Object.fromEntries(
    model.securitySchemes
      .filter((s) => s.kind !== "unsupported")
      .map((s) => [s.option, s.kind === "basic" ? { username: "user", password: "secret" } : "test-credential"]),
  );
  const client = createClient({
    ...credentials,
    baseUrl: BASE_URL,
    maxRetries: 0,
    ...(validatorsModule ? { validate: validatorsModule.validators } : {}),
  }) as Client;
  const server = setupServer(...testKit({ baseUrl: BASE_URL }).handlers);
  server.listen({ onUnhandledRequest: "error" });
  const skipped: { operation: string; reason: string }[] = [];
  const failed: { operation: string; reason: string; at?: string }[] = [];
  let passed = 0;
  try {
    for (const op of model.operations) {
      const argument = argumentOf(op);
      if (typeof argument === "string") {
        skipped.push({ operation: op.id, reason: argument });
        continue;
      }
      try {
        await client[op.name]!(argument);
        passed++;
      } catch (error) {
        failed.push({ operation: op.id, reason: reasonOf(error), at: whereInSpec(model.source, op, error) });
      }
    }
  } finally {
    server.close();
  }
  if (!validatorsModule) failed.unshift({ operation: "(all)", reason: "no validators.ts: the answers were not validated" });
  return { operations: model.operations.length, passed, skipped, failed };
}

/** The method's argument from the spec's examples, as the code samples make it; or why there is none. */
function argumentOf(op: OperationModel): Record<string, unknown> | undefined | string {
  const params = [...op.pathParams, ...op.queryParams, ...op.headerParams].filter((p) => p.required);
  const missing = params.find((p) => p.example === undefined);
  if (missing !== undefined) return `no example, enum or format gives a value for the required parameter ${missing.name}`;
  if (op.body?.required && op.body.example === undefined) return `no example gives a value for its required ${op.body.contentType} body`;
  const group = (list: readonly (typeof params)[number][]) =>
    Object.fromEntries(list.filter((p) => p.required).map((p) => [p.name, p.example]));
  const body = op.body?.required ? op.body.example : undefined;
  if (op.layout === "grouped") {
    const grouped: Record<string, unknown> = {};
    for (const [key, list] of [
      ["path", op.pathParams],
      ["query", op.queryParams],
      ["header", op.headerParams],
    ] as const) {
      if (list.some((p) => p.required)) grouped[key] = group(list);
    }
    if (body !== undefined) grouped.body = body;
    return Object.keys(grouped).length === 0 ? undefined : grouped;
  }
  const flat: Record<string, unknown> = group(params);
  if (body !== undefined) {
    if (op.body!.shape === "fields" && typeof body === "object" && body !== null && !Array.isArray(body)) Object.assign(flat, body);
    else flat.body = body;
  }
  return Object.keys(flat).length === 0 ? undefined : flat;
}

/** The error's class and first line, with what the validators or the kit said. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & {
    status?: number;
    errors?: { message?: string }[];
    issues?: { instancePath?: string; message?: string }[];
    direction?: string;
  };
  const said =
    details.issues?.slice(0, 2).map((i) => `${i.instancePath ?? ""} ${i.message ?? ""}`.trim()) ??
    details.errors?.slice(0, 2).map((e) => e.message) ??
    [];
  return [
    `${error.name}${details.direction ? ` (${details.direction})` : ""}${details.status ? ` ${details.status}` : ""}: ${error.message.split("\n")[0]}`,
    ...said,
  ]
    .join("; ")
    .slice(0, 400);
}

/** exerciseClient's result for one document, named, timed, or with what made it fail as a whole. */
export async function exercised(
  name: string,
  out: string,
  model: ApiModel,
  validatorsFile?: string,
): Promise<ExerciseResult & { name: string; error?: string; ms: number }> {
  const begun = performance.now();
  try {
    return { name, ...(await exerciseClient(out, model, validatorsFile)), ms: Math.round(performance.now() - begun) };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
    return {
      name,
      operations: model.operations.length,
      passed: 0,
      skipped: [],
      failed: [],
      error: message,
      ms: Math.round(performance.now() - begun),
    };
  }
}

/** `file:line:col` of the part of the operation the failure is about, in the document's root file (just the file when it is not there). */
function whereInSpec(source: string, op: OperationModel, error: unknown): string {
  const direction = (error as { direction?: string }).direction;
  const part = direction === "request" ? ["requestBody"] : op.success ? ["responses", op.success.status] : [];
  const pointer = ["#", "paths", op.path, op.method.toLowerCase(), ...part].map((s, i) => (i === 0 ? s : escapeSegment(s))).join("/");
  try {
    const { line, col } = locate(specSource(source), pointer, true);
    return `${source}:${line}:${col}`;
  } catch {
    return source;
  }
}

/** Each spec file read once, however many of its operations fail (GitHub's: 10 MB, 205 failures). */
type SpecSource = InstanceType<ReturnType<typeof openapiCore>["Source"]>;
const sources = new Map<string, SpecSource>();

function specSource(file: string): SpecSource {
  let source = sources.get(file);
  if (source === undefined) sources.set(file, (source = new (openapiCore().Source)(file, readFileSync(file, "utf8"))));
  return source;
}
