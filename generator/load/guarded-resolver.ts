import { realpathSync } from "node:fs";
import path from "node:path";
import type { Document, Source } from "@redocly/openapi-core";
import { openapiCore } from "../lib/packages.js";
import { parseDocument as parseYamlDocument } from "yaml";

/** A `$ref` (or example `externalValue`) that the spec may not follow, and where it stands. */
export interface RefusedRef {
  readonly from: string;
  readonly ref: string;
  readonly reason: string;
}

/** YAML aliases beyond this count are refused: aliases shared by reference expand exponentially when walked. */
const MAX_YAML_ALIASES = 100;

/**
 * Redocly's resolver follows every `$ref` it meets: http(s) URLs, absolute paths, even
 * refs inside examples. This one refuses, before any I/O, every ref that is a URL (any
 * scheme) or that leaves the spec's folder, and records it so the loader can report it
 * with its location. Nothing outside the folder is ever read, nothing is fetched.
 */
const { BaseResolver, ResolveError } = openapiCore;

export class GuardedResolver extends BaseResolver {
  readonly refused: RefusedRef[] = [];
  readonly sources = new Map<string, string>();
  private readonly root: string;

  constructor(rootDir: string) {
    super({ http: { headers: [] } });
    this.root = realpathSync(rootDir);
  }

  override async resolveDocument(base: string | null, ref: string, isRoot = false) {
    const reason = base === null ? undefined : this.refusal(base, ref);
    if (reason !== undefined && base !== null) {
      this.refused.push({ from: base, ref, reason });
      throw new ResolveError(new Error(`refused $ref "${ref}": ${reason}`));
    }
    return super.resolveDocument(base, ref, isRoot);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const source = await super.loadExternalRef(absoluteRef);
    this.sources.set(absoluteRef, source.body);
    return source;
  }

  override parseDocument(source: Source, isRoot = false): Document {
    if (!source.body.trimStart().startsWith("{")) refuseAliasBombs(source);
    return super.parseDocument(source, isRoot);
  }

  private refusal(base: string, ref: string): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return "URLs are not followed; keep every file inside the spec's folder";
    if (path.isAbsolute(ref) || ref.startsWith("\\")) return "absolute paths are not followed; use a path relative to the spec's folder";
    const target = path.resolve(path.dirname(base), ref);
    if (!isInside(this.root, target)) return "it leaves the spec's folder";
    try {
      if (!isInside(this.root, realpathSync(target))) return "it leaves the spec's folder through a symbolic link";
    } catch {
      // A missing file is reported by the linter as an unresolved $ref, with its location.
    }
    return undefined;
  }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function refuseAliasBombs(source: Source): void {
  if (!source.body.includes("*")) return;
  const parsed = parseYamlDocument(source.body);
  if (parsed.errors.length > 0) return; // Redocly's own parser reports syntax errors with their location.
  try {
    parsed.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    throw new ResolveError(new Error(`${source.absoluteRef}: too many YAML aliases (more than ${MAX_YAML_ALIASES})`));
  }
}
