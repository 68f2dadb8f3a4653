// copied from generator/runtime/response.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * An answer turned into the call's result or a typed error. A success body is JSON, or,
 * when the operation says so (`parseAs`), text or a Blob as it came; an empty one (a 204,
 * or no bytes) is undefined. A 2xx whose envelope says `success: false` or is no envelope,
 * or whose JSON is broken, is an ApiError too, never a SyntaxError.
 */
import { ApiError, statusError, type ApiMessage } from "./errors.js";
import type { Operation } from "./operation.js";
import { own } from "./options.js";
import type { Received } from "./transport.js";

const isObject = (v: unknown): v is object => typeof v == "object" && v !== null && !Array.isArray(v);

/** The envelope's `errors` or `messages`, without entries that are not objects. */
const messageList = (data: unknown, key: string): ApiMessage[] => {
  const list = isObject(data) && own(data, key);
  return Array.isArray(list) ? (list.filter(isObject) as ApiMessage[]) : [];
};

/**
 * The result (the envelope's `result`, or the whole body) after `check` has seen the
 * parsed success body, or the ApiError the answer amounts to (not thrown: the caller
 * decides whether to retry). `requestIdHeader` names the header `requestId` reads.
 */
export function decode(
  op: Operation,
  { response, data: text, error }: Received,
  requestIdHeader: string,
  check: (data: unknown) => void,
): { data: unknown; response: Response } | ApiError {
  const { ok, status, headers } = response;
  // A success body is parsed here; an error body openapi-fetch's way (the JSON, else the text).
  let data = error;
  const rawBody = ok ? (text as string) : typeof error == "object" ? undefined : `${error ?? ""}`;
  let why: string | false | undefined;
  if (ok) {
    try {
      // openapi-fetch's request() gives no data for a 204, a HEAD or Content-Length: 0; empty is undefined either way.
      data = !text || (text instanceof Blob && !text.size) ? undefined : op.parseAs ? text : JSON.parse(text as string);
    } catch {
      why = "invalid JSON";
    }
    if (op.envelope && data !== undefined) why = isObject(data) ? own(data, "success") === false && "success: false" : "not an envelope";
    if (!why) {
      check(data);
      return { data: op.envelope && data ? own(data as object, "result") : data, response };
    }
  }
  const errors = messageList(data, "errors");
  const detail = errors.map((e) => `${e.message} (${e.code})`).join("; ") || why;
  return new (statusError(status))(`${op.id}: HTTP ${status}${detail ? `: ${detail}` : ""}`, {
    status,
    headers,
    requestId: headers.get(requestIdHeader) ?? undefined,
    errors,
    messages: messageList(data, "messages"),
    // The raw body, bounded, when it was not an envelope.
    body: isObject(data) ? undefined : rawBody?.slice(0, 65_536),
  });
}
