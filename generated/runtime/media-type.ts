// copied from generator/runtime/media-type.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * Whether a media type is JSON: the one rule that the client (how a body is sent), the
 * test kit (how a body is read and answered) and the generator (validators, parseAs,
 * request-body fields) all follow. A leaf: generator/runtime/ is copied into the output,
 * and the generator's model and emitters import this module from here.
 *
 * JSON is `application/json` and the structured-syntax suffix `+json` (RFC 6839:
 * `application/problem+json`), with any parameters (`; charset=utf-8`). Not JSON: the
 * formats of many JSON values in one body, which are sent and read as text as given
 * (`application/x-ndjson`, `application/jsonl`, `application/json-seq`), and anything
 * that merely mentions json elsewhere.
 */
export function isJsonMediaType(mediaType: string): boolean {
  const essence = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
  return essence === "application/json" || /^application\/[\w.-]+\+json$/.test(essence);
}
