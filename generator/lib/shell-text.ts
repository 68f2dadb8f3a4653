/**
 * Text for a POSIX shell command line (the docs' curl samples). Spec strings only ever
 * enter a command through `shellQuote`: one single-quoted word, inside which the shell
 * expands nothing (`$`, backticks, `\`, `!` and newlines are all literal).
 */

/** One shell word holding `text` exactly: `'…'`, each `'` written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
