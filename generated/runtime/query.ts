// copied from generator/runtime/query.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * The query string of every request (typed calls and `client.raw`): openapi-fetch's default
 * serialisation (arrays exploded as `name=a&name=b`, objects as deepObject `name[key]=v`), with
 * every parameter name and object key percent-encoded too. openapi-fetch 0.17 encodes values
 * only: a key like `x]=1&api_key=EVIL&y[` would add a parameter before the credential, and `#`
 * would cut the URL, credential included, at a fragment.
 */
import { createQuerySerializer } from "openapi-fetch";

const serializeEncoded = createQuerySerializer();

/** Encodes the keys of a plain object value (an array's items and deeper values are openapi-fetch's to refuse). */
const encodeKeys = (value: unknown): unknown =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).map(([key, item]) => [encodeURIComponent(key), item]))
    : value;

/** Serialises `query` with its names and object keys encoded (URIError for a lone surrogate in one). */
export const querySerializer = (query: Record<string, unknown>): string =>
  serializeEncoded(Object.fromEntries(Object.entries(query).map(([name, value]) => [encodeURIComponent(name), encodeKeys(value)])));
