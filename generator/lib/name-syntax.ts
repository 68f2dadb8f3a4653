/**
 * The shapes of the spec's names that reach code, requests or a shell as written: each is
 * checked against one of these before it is used, and a name of another shape is ignored
 * (or, for a sample, left out).
 */

/** A header, cookie or auth-scheme name: an HTTP token (RFC 9110 §5.6.2). */
export const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** An environment variable name as shells write them. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
