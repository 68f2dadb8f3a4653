// copied from generator/runtime/body.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * Reading a response body within bounds. fetch decompresses as it streams, so the bytes
 * counted here are the decompressed ones: a small gzip bomb is stopped as soon as it has
 * produced `maxResponseBytes`, not once it is a string of hundreds of MB. An error body is
 * read only as far as ApiError keeps it (64 KiB); the rest is not downloaded.
 */
import type { ClientError } from "./errors.js";

/** The default of the `maxResponseBytes` option: 32 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** How much of an error body is read and kept (ApiError.body). */
export const ERROR_BODY_BYTES = 65_536;

/**
 * The largest `maxResponseBytes`: V8's longest string (2^29 - 24 UTF-16 units on 64-bit).
 * A body of no more bytes decodes to no more characters, so a body within the limit can
 * always become a string: past it the failure would be a RangeError.
 */
export const MAX_RESPONSE_BYTES_LIMIT = 2 ** 29 - 24;

/** Throws `E` for a `maxResponseBytes` that is not an integer from 0 to MAX_RESPONSE_BYTES_LIMIT. */
export function checkMaxResponseBytes(value: unknown, E: typeof ClientError, prefix = ""): void {
  if (!(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_RESPONSE_BYTES_LIMIT)) {
    throw new E(`${prefix}maxResponseBytes must be an integer from 0 to ${MAX_RESPONSE_BYTES_LIMIT}`);
  }
}

/** The bytes read, and whether the body went on past what was read. */
export interface Bytes {
  readonly chunks: Uint8Array[];
  readonly size: number;
  readonly truncated: boolean;
}

/**
 * Reads `response`'s body up to `keep` bytes. Past them, throws `tooLarge()` when given;
 * else stops there, `truncated`. Either way the rest is cancelled, never downloaded. Ends
 * with `signal`'s reason when it aborts.
 */
export async function readBytes(response: Response, keep: number, tooLarge?: () => Error, signal?: AbortSignal): Promise<Bytes> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return { chunks, size, truncated: false };
  // Each read races the signal. Node 20's fetch (undici 6) never settles a read whose gzip
  // fails to inflate past the first 64 KiB, even once the request's signal aborts: without
  // the race such a body hangs the call past its timeout (test/hostile/response-limits.test.ts).
  // One listener for the whole body, not one per chunk.
  let onAbort: (() => void) | undefined;
  const aborted = signal && new Promise<never>((_, reject) => (onAbort = () => reject(signal.reason as Error)));
  aborted?.catch(() => {}); // observed by the race below
  if (signal?.aborted) onAbort!();
  else signal?.addEventListener("abort", onAbort!);
  try {
    for (;;) {
      const { done, value } = await (aborted ? Promise.race([reader.read(), aborted]) : reader.read());
      if (done) return { chunks, size, truncated: false };
      if (size + value.byteLength > keep) {
        if (tooLarge) throw tooLarge();
        chunks.push(value.subarray(0, keep - size));
        size = keep;
        return { chunks, size, truncated: true };
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    if (onAbort) signal!.removeEventListener("abort", onAbort);
    // Ends the download of what was not read (nothing left when it was read to the end).
    reader.cancel().catch(() => {});
  }
}

const whole = new TextDecoder();

/** The bytes as UTF-8 text; a character cut at the end of a truncated body is dropped, not replaced. */
export function utf8(bytes: Bytes): string {
  // Most bodies come in one chunk: decoded at once, by a shared decoder (it keeps no state then).
  if (bytes.chunks.length < 2 && !bytes.truncated) return bytes.chunks.length ? whole.decode(bytes.chunks[0]) : "";
  const decoder = new TextDecoder();
  let text = "";
  for (const chunk of bytes.chunks) text += decoder.decode(chunk, { stream: true });
  return bytes.truncated ? text : text + decoder.decode();
}

/** How much of a body is read: `limit` bytes of a success body (more is `tooLarge()`), `errorBytes` of an error body (more is cut). */
export interface Limits {
  readonly limit: number;
  readonly errorBytes: number;
  readonly tooLarge: () => Error;
}

/** Reads `response`'s body within `limits`; ends with `signal`'s reason when it aborts. */
export async function readBody(response: Response, { limit, errorBytes, tooLarge }: Limits, signal?: AbortSignal): Promise<Bytes> {
  const keep = response.ok ? limit : Math.min(limit, errorBytes);
  const { headers } = response;
  const length = headers.get("content-length");
  // Framed by a Content-Length within the limit, and not compressed: the body cannot be longer
  // (the HTTP parser stops at that length), so it is read at once, the faster way (bench row 4).
  // Checked after all the same, for a Response a `fetch` option built with a false length.
  if (length !== null && /^\d{1,15}$/.test(length) && +length <= keep && !headers.has("content-encoding")) {
    const chunk = new Uint8Array(await response.arrayBuffer()); // not compressed: nothing to inflate, no race needed
    if (chunk.byteLength <= keep) return { chunks: [chunk], size: chunk.byteLength, truncated: false };
    if (response.ok) throw tooLarge();
    return { chunks: [chunk.subarray(0, keep)], size: keep, truncated: true };
  }
  return response.ok ? readBytes(response, limit, tooLarge, signal) : readBytes(response, keep, undefined, signal);
}

/**
 * A Response like `response` whose body is `bytes`, already read, for openapi-fetch to read
 * again (`raw`, and calls once `raw` has middleware). Where the Response constructor refuses
 * the status (outside 200–599, or one that has no body), `response` itself, its readers
 * giving `bytes`.
 */
export function refill(response: Response, bytes: Bytes): Response {
  const { status, statusText, headers, url, redirected, type } = response;
  const body = new Blob(bytes.chunks as BlobPart[], { type: headers.get("content-type") ?? "" });
  try {
    const copy = new Response(bytes.size ? body : null, { status, statusText, headers });
    // What the constructor cannot be given: where the response came from.
    return Object.defineProperties(copy, { url: { value: url }, redirected: { value: redirected }, type: { value: type } });
  } catch {
    return Object.defineProperties(response, {
      // Promises as `async` would make them: a throw (JSON.parse) becomes a rejection.
      text: { value: () => new Promise<string>((resolve) => resolve(utf8(bytes))) },
      blob: { value: () => Promise.resolve(body) },
      arrayBuffer: { value: () => body.arrayBuffer() },
      json: { value: () => new Promise<unknown>((resolve) => resolve(JSON.parse(utf8(bytes)))) },
    });
  }
}

/** `fetchImpl` with every response's body read within `limits` first (for `raw`: openapi-fetch reads it again). */
export const boundedFetch =
  <F extends (input: string | Request, init?: RequestInit) => Promise<Response>>(fetchImpl: F, limits: Limits) =>
  async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const response = await fetchImpl(input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return refill(response, await readBody(response, limits, signal ?? undefined));
  };
