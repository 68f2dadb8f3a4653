/**
 * The hostile corpus: test/hostile/corpus/, one case per file (or per folder holding an
 * openapi.yaml and the files it refers to). Each case starts with a header of comments:
 *
 *   # attack: what the case tries (one line)
 *   # expect: generated                  or   # expect: refused /regex/flags
 *   # methods: a, b, c                   (optional) the client's methods, exactly
 *   # isolate                            (optional) run in its own CLI child: time and memory bounded
 *   # strip-header                       (optional) the header is not part of the document (empty, JSON…)
 *   # symlink: name -> target            (optional) a link to make in the case's folder
 *
 * Placeholders, replaced when a case is laid out: {{LOOPBACK}} (http://127.0.0.1:PORT of
 * the test's own server), {{LOOPBACK_PORT}}, {{OUTSIDE}} (the folder of the sentinel file,
 * outside every case's folder).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../../support/spec-copy.js";

export const CORPUS = path.join(ROOT, "test/hostile/corpus");

export interface HostileCase {
  readonly name: string;
  readonly attack: string;
  readonly expect: { readonly outcome: "generated" } | { readonly outcome: "refused"; readonly message: RegExp };
  readonly methods?: readonly string[];
  readonly isolate: boolean;
  readonly stripHeader: boolean;
  readonly symlinks: readonly { readonly name: string; readonly target: string }[];
  /** The corpus entry: a file, or a folder holding openapi.yaml. */
  readonly source: string;
  /** The document's file name once laid out: openapi.yaml or openapi.json. */
  readonly specName: string;
}

export interface Placeholders {
  readonly loopback: string;
  readonly outside: string;
}

const HEADER_LINE = /^#( .*)?$/;

function splitHeader(bytes: Buffer): { header: string[]; body: Buffer } {
  const header: string[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset);
    const line = bytes.subarray(offset, end < 0 ? bytes.length : end).toString("utf8");
    if (!HEADER_LINE.test(line)) break;
    header.push(line);
    offset = end < 0 ? bytes.length : end + 1;
  }
  return { header, body: bytes.subarray(offset) };
}

function parseRegExp(text: string, where: string): RegExp {
  const match = /^\/(.*)\/([a-z]*)$/.exec(text.trim());
  if (!match) throw new Error(`${where}: expect: refused needs /regex/, got ${text}`);
  return new RegExp(match[1]!, match[2]);
}

function parseCase(name: string, source: string, entry: string): HostileCase {
  const { header } = splitHeader(readFileSync(entry));
  const directives = new Map<string, string[]>();
  for (const line of header) {
    const match = /^# ([a-z-]+)(?::\s*(.*))?$/.exec(line);
    if (match) directives.set(match[1]!, [...(directives.get(match[1]!) ?? []), match[2] ?? ""]);
  }
  const one = (key: string) => directives.get(key)?.[0];
  const attack = one("attack");
  const expect = one("expect");
  if (!attack || !expect) throw new Error(`${entry}: the header needs "# attack:" and "# expect:" lines`);
  const refused = /^refused\s+(.*)$/.exec(expect);
  if (!refused && expect !== "generated") throw new Error(`${entry}: expect: must be "generated" or "refused /regex/"`);
  const methods = one("methods");
  return {
    name,
    attack,
    expect: refused ? { outcome: "refused", message: parseRegExp(refused[1]!, entry) } : { outcome: "generated" },
    ...(methods !== undefined ? { methods: methods.split(",").map((m) => m.trim()) } : {}),
    isolate: directives.has("isolate"),
    stripHeader: directives.has("strip-header"),
    symlinks: (directives.get("symlink") ?? []).map((text) => {
      const [linkName, target] = text.split(/\s*->\s*/) as [string, string];
      return { name: linkName, target };
    }),
    source,
    specName: `openapi${path.extname(entry) || ".yaml"}`,
  };
}

/** Every case of the corpus, sorted by name. */
export function loadCorpus(): HostileCase[] {
  return readdirSync(CORPUS)
    .sort()
    .map((entry) => {
      const source = path.join(CORPUS, entry);
      if (statSync(source).isDirectory()) return parseCase(entry, source, path.join(source, "openapi.yaml"));
      return parseCase(entry.replace(/\.(ya?ml|json)$/, ""), source, source);
    });
}

function substitute(bytes: Buffer, values: Placeholders): Buffer {
  const text = bytes.toString("utf8");
  if (!Buffer.from(text, "utf8").equals(bytes)) return bytes; // not UTF-8 (the binary case): as is
  const port = new URL(values.loopback).port;
  return Buffer.from(
    text.replaceAll("{{LOOPBACK}}", values.loopback).replaceAll("{{LOOPBACK_PORT}}", port).replaceAll("{{OUTSIDE}}", values.outside),
  );
}

/** Lays a case out in `dir` (its own folder, which becomes the spec's folder); returns the document's path. */
export function layOut(hostile: HostileCase, dir: string, values: Placeholders): string {
  mkdirSync(dir, { recursive: true });
  const spec = path.join(dir, hostile.specName);
  if (statSync(hostile.source).isDirectory()) cpSync(hostile.source, dir, { recursive: true });
  else writeFileSync(spec, readFileSync(hostile.source));
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) writeFileSync(file, substitute(readFileSync(file), values));
    }
  };
  walk(dir);
  if (hostile.stripHeader) writeFileSync(spec, splitHeader(readFileSync(spec)).body);
  for (const link of hostile.symlinks) {
    symlinkSync(substitute(Buffer.from(link.target), values).toString(), path.join(dir, link.name));
  }
  return spec;
}
