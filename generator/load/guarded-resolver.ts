import { realpathSync } from "node:fs";
import path from "node:path";
import type { Document, Source } from "@redocly/openapi-core";
import { escapeSegment } from "../lib/json-pointer.js";
import { once } from "../lib/once.js";
import { openapiCore } from "../lib/packages.js";
import { locate } from "./json-location.js";

/** A `$ref` (or example `externalValue`) that the spec may not follow, and where it stands. */
export interface RefusedRef {
  readonly from: string;
  readonly ref: string;
  readonly reason: string;
}

/**
 * How many nodes YAML aliases may add to a document. An alias is one more path to the same
 * parsed node, so every walk that follows (lint, bundle, emit) pays for it again: a few
 * lines of aliases can stand for billions of nodes (the "billion laughs").
 */
const MAX_ALIAS_EXPANSION = 100_000;

/** A document refused as it was parsed, with where in it (for the root document). */
export class RefusedDocumentError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
  }
}

/**
 * The resolver for a spec whose files all lie in `rootDir`: see guardedResolverClass.
 * `named` says the folder was given by `--root` rather than being the spec's own (the
 * refusal then names it so).
 */
export function createGuardedResolver(rootDir: string, named = false): GuardedResolver {
  return new (guardedResolverClass())(rootDir, named);
}

export type GuardedResolver = InstanceType<ReturnType<typeof guardedResolverClass>>;

/**
 * Redocly's resolver follows every `$ref` it meets: http(s) URLs, absolute paths, even
 * refs inside examples. This one refuses, before any I/O, every ref that is a URL (any
 * scheme) or that leaves the spec's folder (or the `--root` folder), and records it so the loader can report it
 * with its location. Nothing outside the folder is ever read, nothing is fetched.
 *
 * Defined on first use rather than when the module is evaluated: its base class is
 * Redocly's, which is loaded only when needed (lib/packages.ts).
 */
const guardedResolverClass = once(() => {
  const { BaseResolver, ResolveError } = openapiCore();
  return class GuardedResolver extends BaseResolver {
    readonly refused: RefusedRef[] = [];
    readonly sources = new Map<string, string>();
    private readonly root: string;
    /** The root as it was named (a symbolic link, perhaps): refs are resolved from paths written that way. */
    private readonly namedRoot: string;
    private readonly folder: string;

    constructor(rootDir: string, named: boolean) {
      super({ http: { headers: [] } });
      this.root = realpathSync(rootDir);
      this.namedRoot = path.resolve(rootDir);
      this.folder = named ? "the root folder (--root)" : "the spec's folder";
    }

    override async resolveDocument(base: string | null, ref: string, isRoot = false) {
      const reason = base === null ? undefined : this.refusal(base, ref);
      if (reason !== undefined && base !== null) {
        this.refused.push({ from: base, ref, reason });
        throw new ResolveError(new Error(`refused $ref "${ref}": ${reason}`));
      }
      return super.resolveDocument(base, ref, isRoot);
    }

    /** Takes a document another resolver has read, parsed and vetted, as if this one had. */
    adopt(document: Document): void {
      this.sources.set(document.source.absoluteRef, document.source.body);
      this.cache.set(document.source.absoluteRef, Promise.resolve(document));
    }

    override async loadExternalRef(absoluteRef: string): Promise<Source> {
      const source = await super.loadExternalRef(absoluteRef);
      this.sources.set(absoluteRef, source.body);
      return source;
    }

    override parseDocument(source: Source, isRoot = false): Document {
      const document = super.parseDocument(source, isRoot);
      const problem = documentProblem(document.parsed);
      if (problem !== undefined) {
        const at = problem.pointer === undefined ? undefined : lineCol(source, problem.pointer);
        // The root's problems are printed after its name; a referenced file's inside a lint problem at the $ref.
        const where = isRoot ? "" : `${source.absoluteRef}${at ? `:${at.line}:${at.col}` : ""}: `;
        const pointer = at === undefined && problem.pointer !== undefined ? ` (at ${problem.pointer})` : "";
        throw new ResolveError(new RefusedDocumentError(where + problem.message + pointer, at?.line, at?.col));
      }
      return document;
    }

    private refusal(base: string, ref: string): string | undefined {
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return `URLs are not followed; keep every file inside ${this.folder}`;
      if (path.isAbsolute(ref) || ref.startsWith("\\")) return "absolute paths are not followed; use a path relative to the spec's folder";
      const target = path.resolve(path.dirname(base), ref);
      if (!isInside(this.root, target) && !isInside(this.namedRoot, target)) return `it leaves ${this.folder}`;
      try {
        if (!isInside(this.root, realpathSync(target))) return `it leaves ${this.folder} through a symbolic link`;
      } catch {
        // A missing file is reported by the linter as an unresolved $ref, with its location.
      }
      return undefined;
    }
  };
});

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Where a JSON pointer stands in the source; undefined when the YAML AST parser cannot tell (it chokes on some tags). */
function lineCol(source: Source, pointer: string): { line: number; col: number } | undefined {
  try {
    return locate(source, pointer, true);
  } catch {
    return undefined;
  }
}

/**
 * Keys Redocly cannot load: it looks each key up in its plain-object type tables, finds
 * Object.prototype's method of that name, and calls it (most throw a bare TypeError;
 * `constructor` returns the node itself, which it then takes for a type). `toString`
 * happens to be harmless, and `__proto__` is not a method.
 */
const PROTOTYPE_METHODS = new Set(
  Object.getOwnPropertyNames(Object.prototype).filter(
    (name) => name !== "toString" && typeof Object.getOwnPropertyDescriptor(Object.prototype, name)?.value === "function",
  ),
);

/**
 * One walk over what Redocly's own parser produced, so the checks cannot disagree with
 * the parser (a JSON-looking `{` document is YAML too, and may hold aliases):
 * - YAML aliases: counts the nodes the document stands for once every alias is expanded,
 *   against the nodes it holds; an alias inside its own anchor makes it cyclic (infinite);
 * - keys named like Object.prototype methods (see PROTOTYPE_METHODS);
 * - values JSON cannot hold (YAML's .nan, .inf, !!binary): the emitters would print
 *   them as types that do not compile (`NaN`, `Infinity`).
 */
function documentProblem(root: unknown): { message: string; pointer?: string } | undefined {
  if (typeof root !== "object" || root === null) return undefined;
  // Iterative depth-first walk: the expanded size of each container, computed once.
  const expanded = new Map<object, number>();
  const open = new Set<object>();
  const frames: { node: object; key: string; keys: string[]; next: number; size: number }[] = [];
  let held = 0;
  let total = 0;
  const pointer = (...last: string[]) => ["#", ...frames.slice(1).map((f) => f.key), ...last].map(escapeSegment).join("/");
  const enter = (node: object, key: string) => {
    // Not always Object's: a YAML tag can make a Buffer, and a null-prototype object has no constructor.
    const prototype = Object.getPrototypeOf(node) as { constructor?: { name?: string } } | null;
    const plain = prototype === Object.prototype || prototype === Array.prototype || prototype === null;
    const keys = plain ? Object.keys(node) : [];
    held++;
    open.add(node);
    frames.push({ node, key, keys, next: 0, size: 1 });
    if (!plain)
      return {
        message: `a value JSON cannot hold (${prototype?.constructor?.name ?? "an object"}, from a YAML tag such as !!binary)`,
        pointer: pointer(),
      };
    const method = Array.isArray(node) ? undefined : keys.find((k) => PROTOTYPE_METHODS.has(k));
    if (method === undefined) return undefined;
    return {
      message: `a key named "${method}" cannot be loaded: the OpenAPI loader (Redocly) mistakes it for Object.prototype.${method}; rename it`,
      pointer: pointer(method),
    };
  };
  const rootProblem = enter(root, "#");
  if (rootProblem !== undefined) return rootProblem;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next < frame.keys.length) {
      const key = frame.keys[frame.next++]!;
      const child = (frame.node as Record<string, unknown>)[key];
      if (typeof child !== "object" || child === null) {
        if (typeof child === "number" && !Number.isFinite(child))
          return { message: `a value JSON cannot hold (${child}, from YAML's .nan or .inf)`, pointer: pointer(key) };
        held++;
        frame.size++;
      } else if (open.has(child)) {
        return { message: "a YAML alias refers to a node that contains it (the document would be infinite)", pointer: pointer(key) };
      } else if (expanded.has(child)) {
        frame.size += expanded.get(child)!;
      } else {
        const problem = enter(child, key);
        if (problem !== undefined) return problem;
      }
      continue;
    }
    frames.pop();
    open.delete(frame.node);
    expanded.set(frame.node, frame.size);
    if (frames.length > 0) frames[frames.length - 1]!.size += frame.size;
    else total = frame.size;
  }
  const added = total - held;
  if (added <= MAX_ALIAS_EXPANSION) return undefined;
  return {
    message: `YAML aliases expand the document by ${added.toLocaleString("en-US")} nodes (at most ${MAX_ALIAS_EXPANSION.toLocaleString("en-US")})`,
  };
}
