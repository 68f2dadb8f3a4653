import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * What no emitted file and no message may hold raw (Trojan Source, CVE-2021-42574, and
 * terminal control sequences): format characters (Unicode category Cf: bidirectional
 * controls, zero-width characters, U+00AD, U+061C, U+180E, U+2060–U+2064, U+FEFF…),
 * U+2028/U+2029, control characters but tab, line feed and carriage return, and lone
 * surrogates. Written here on its own, not taken from the generator.
 */
const RAW_INVISIBLE = /[\p{Cf}\p{Cs}\u2028\u2029]|(?![\t\n\r])\p{Cc}/gu;

/** Every raw invisible character in `text`, as "line:col U+XXXX". */
export function invisibleIn(text: string): string[] {
  return [...text.matchAll(RAW_INVISIBLE)].map((match) => {
    const before = text.slice(0, match.index).split(/\r\n|[\n\r\u2028\u2029]/);
    const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return `${before.length}:${before.at(-1)!.length + 1} U+${code}`;
  });
}

/** Every raw invisible character in every file under `dir`, as "relative/path:line:col U+XXXX". */
export function invisibleInFolder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return invisibleIn(readFileSync(file, "utf8")).map((found) => `${path.relative(dir, file)}:${found}`);
    })
    .sort();
}
