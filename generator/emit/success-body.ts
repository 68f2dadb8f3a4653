import type { OperationModel } from "../model/api-model.js";
import { isJsonMediaType } from "../runtime/media-type.js";

/**
 * How the client reads an operation's success body when it is not JSON: the `parseAs` of
 * its descriptor in client.ts (generator/runtime/operation.ts), and whether types.ts says
 * its result is a Blob. JSON (generator/runtime/media-type.ts, the rule the client,
 * validators.ts and the test kit follow) and a bodiless success are the default and say
 * nothing, so a JSON-only client.ts does not grow.
 *
 * Text for media types known to be text (JSON lines and sequences, such as
 * application/x-ndjson, included: many JSON values, one per line); a Blob for every other one (image/*, audio/*,
 * video/*, application/octet-stream, application/pdf, application/zip, vendor types…).
 * openapi-typescript types a binary body as `string` (`format: binary` too), but reading
 * bytes that are not UTF-8 as text replaces them with U+FFFD: the string would lie and the
 * bytes would be lost. A Blob keeps every byte (`await result.text()` still gives text), so
 * that is what the call resolves to, and types.ts's Result says Blob. Unknown types go the
 * lossless way. A media type that is not `type/subtype` (Cloudflare writes "string") is text.
 */
export function successParseAs(op: OperationModel): "text" | "blob" | undefined {
  const type = op.success?.contentType;
  if (type === undefined || isJsonMediaType(type)) return undefined;
  const textual =
    !/^[\w.+-]+\/[\w.+*-]+/.test(type) ||
    /^text\//i.test(type) ||
    /json/i.test(type) ||
    /^[\w.-]+\/[\w.-]+\+xml\b/i.test(type) ||
    /^application\/(xml|javascript|ecmascript|x-javascript|yaml|x-yaml|x-www-form-urlencoded|sql|graphql)\b/i.test(type);
  return textual ? "text" : "blob";
}
