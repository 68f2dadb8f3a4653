/**
 * Credentials a server echoes back (the request URL with its query API key, the headers it
 * received) are taken out of what the client keeps and shows of an answer: ApiError's body,
 * errors, messages and message. They are found in the text of the body, before it is parsed,
 * in every spelling the body may hold them in: as sent, URL-encoded, escaped as JSON.
 */
import type { Sent } from "./operation.js";

/** What replaces a credential. */
export const REDACTED = "[redacted]";

/**
 * Shorter values are not redacted: a string that short (a test's token "t") occurs in
 * ordinary words, which replacing would garble, and is no secret worth the name.
 */
const MIN_SECRET = 8;

const spellings = new WeakMap<Sent, string[]>();

/**
 * The secrets `sent` holds, as the server may show them: each header and query value whole,
 * the credential after an Authorization scheme (`Bearer <token>`), Basic's decoded
 * `username:password` and password, each cookie's value; longest first, so that a longer
 * secret is replaced whole before a shorter one inside it.
 */
function secretsOf(sent: Sent): string[] {
  let list = spellings.get(sent);
  if (list) return list;
  const values = new Set<string>();
  const add = (value: string | undefined) => {
    if (!value || value.length < MIN_SECRET) return;
    for (const v of [value, encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, "+")]) {
      values.add(v);
      values.add(JSON.stringify(v).slice(1, -1));
    }
  };
  for (const [name, value] of Object.entries(sent.headers)) {
    add(value);
    const space = value.indexOf(" ");
    if (space > 0) {
      const credential = value.slice(space + 1);
      add(credential);
      if (/^basic$/i.test(value.slice(0, space))) {
        try {
          const pair = new TextDecoder().decode(Uint8Array.from(atob(credential), (c) => c.charCodeAt(0)));
          add(pair);
          add(pair.slice(pair.indexOf(":") + 1));
        } catch {
          // Not base64: sent whole, redacted whole.
        }
      }
    }
    if (/^cookie$/i.test(name)) for (const pair of value.split("; ")) add(pair.slice(pair.indexOf("=") + 1));
  }
  for (const value of Object.values(sent.query ?? {})) add(value);
  list = [...values].sort((a, b) => b.length - a.length);
  spellings.set(sent, list);
  return list;
}

/** `text` with every credential of `sent` replaced by "[redacted]". */
export function redact(text: string, sent: Sent | undefined): string {
  if (!sent) return text;
  for (const secret of secretsOf(sent)) if (text.includes(secret)) text = text.split(secret).join(REDACTED);
  return text;
}
