// copied from generator/runtime/response.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * An answer turned into the call's result or a typed error. A success body is JSON, or,
 * when the operation says so (`parseAs`), text or a Blob as it came; an empty one (a 204,
 * or no bytes) is undefined. A 2xx whose envelope says `success: false` or is no envelope,
 * or whose JSON is broken, is an ApiError too, never a SyntaxError.
 *
 * An ApiError's message says what happened once: `getNote: HTTP 404: no such note`, the
 * server's own words after the status, taken from an envelope's `errors` (else `messages`),
 * RFC 9457 problem details (`title`, `detail`), or a top-level `message` or `error`. Only
 * strings and numbers from the body reach it, on one line and bounded in length, whatever
 * the body holds; credentials the client sent are redacted first (redact.ts).
 */
import type { Sent } from "./operation.js";
import { ApiError, oneLine, statusError, type ApiMessage } from "./errors.js";
import { callName, type Operation } from "./operation.js";
import { own } from "./options.js";
import { redact } from "./redact.js";
import type { Received } from "./transport.js";

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null && !Array.isArray(v);

/** Deeper JSON is kept as text: a value nested this deep would overflow the stack of JSON.stringify or a recursive walk. */
const MAX_DEPTH = 100;
/** A body kept as parsed JSON (ApiError.body) is at most this long as text; a longer one is kept as its first 64 KiB. */
const KEPT_BYTES = 65_536;

/** The envelope's `errors` or `messages`, without entries that are not objects. */
const messageList = (data: unknown, key: string): ApiMessage[] => {
  const list = isObject(data) && own(data, key);
  return Array.isArray(list) ? (list.filter(isObject) as ApiMessage[]) : [];
};

/** How deep `text`'s arrays and objects nest, counted without parsing (brackets inside strings are not). */
function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: skip to its closing quote, past escapes.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** `text` parsed, when it is JSON no deeper than MAX_DEPTH; else undefined. */
function parsed(text: string | undefined): { value: unknown } | undefined {
  if (!text || depthOf(text) > MAX_DEPTH) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** A string or a finite number from the body, as message text: on one line, at most 300 characters; anything else is undefined. */
const said = (value: unknown): string | undefined =>
  typeof value === "string"
    ? value.trim()
      ? oneLine(value.trim(), 300)
      : undefined
    : typeof value === "number" && Number.isFinite(value)
      ? String(value)
      : undefined;

/** One `errors` or `messages` entry as `message (code)`, leaving out what the status line already says (`HTTP 404`, code 404). */
function entryText(entry: object, status: number): string | undefined {
  const message = said(own(entry, "message"));
  const code = said(own(entry, "code"));
  const words = message === `HTTP ${status}` ? undefined : message;
  const shown = code === String(status) ? undefined : code;
  return words && shown ? `${words} (${shown})` : (words ?? (shown && `code ${shown}`));
}

/**
 * The server's own words in `body`: its `errors` (else `messages`) entries; else problem
 * details' `title` and `detail`; else a top-level `message`, or `error` (a string, or an
 * object with a `message`). At most 1,000 characters.
 */
export function serverWords(body: unknown, status: number): string | undefined {
  if (!isObject(body)) return undefined;
  const entries = (key: string) =>
    messageList(body, key)
      .slice(0, 20)
      .map((entry) => entryText(entry, status))
      .filter((text) => text !== undefined);
  let list = entries("errors");
  if (!list.length) list = entries("messages");
  const title = said(own(body, "title"));
  const detail = said(own(body, "detail"));
  const error: unknown = own(body, "error");
  const words =
    list.join("; ") ||
    [title, detail === title ? undefined : detail].filter((text) => text !== undefined).join(": ") ||
    said(own(body, "message")) ||
    said(error) ||
    (isObject(error) ? said(own(error, "message")) : undefined);
  return words ? oneLine(words, 1_000) : undefined;
}

/**
 * The result (the envelope's `result`, or the whole body) after `check` has seen the
 * parsed success body, or the ApiError the answer amounts to (not thrown: the caller
 * decides whether to retry). `requestIdHeader` names the header `requestId` reads; `sent`
 * holds the credentials the request carried, redacted from the error.
 */
export function decode(
  op: Operation,
  { response, data: body }: Received,
  requestIdHeader: string,
  check: (data: unknown) => void,
  sent?: Sent,
): { data: unknown; response: Response } | ApiError {
  const { ok, status, headers } = response;
  const text = typeof body === "string" ? body : undefined;
  let why: string | undefined;
  if (ok) {
    // openapi-fetch's request() gives no data for a 204, a HEAD or Content-Length: 0; empty is undefined either way.
    let data: unknown;
    if (op.parseAs) data = !body || (body instanceof Blob && !body.size) ? undefined : body;
    else if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        why = "invalid JSON";
      }
    }
    if (op.envelope && data !== undefined) {
      why = !isObject(data) ? "not an envelope" : own(data, "success") === false ? "success: false" : undefined;
    }
    if (!why) {
      check(data);
      return { data: op.envelope && data ? own(data, "result") : data, response };
    }
  }
  // From here on, only the text with the credentials taken out, parsed again.
  const safe = text === undefined ? undefined : redact(text, sent);
  const json = parsed(safe);
  const value = json?.value;
  const envelope = isObject(value) && (Array.isArray(own(value, "errors")) || Array.isArray(own(value, "messages")));
  const detail = serverWords(value, status) ?? why;
  return new (statusError(status))(`${callName(op)}: HTTP ${status}${detail ? `: ${detail}` : ""}`, {
    status,
    headers,
    requestId: headers.get(requestIdHeader) ?? undefined,
    errors: messageList(value, "errors"),
    messages: messageList(value, "messages"),
    // What the envelope's lists do not hold: the JSON when it is small, else the text, bounded.
    body: envelope ? undefined : json && safe!.length <= KEPT_BYTES ? value : safe?.slice(0, KEPT_BYTES),
  });
}
