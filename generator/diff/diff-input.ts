/**
 * One side of a comparison: the spec read by the generator's own load step (so its
 * `$ref`s, split files and refusals are the generator's), bundled but not linted (a lint
 * finds nothing api-diff needs and costs as much as the bundle), and reduced to the
 * generator's model, whose names are the package's.
 */
import { bundleOpened, openSpec } from "../load/load-spec.js";
import { locate } from "../load/json-location.js";
import { buildModel } from "../model/build-model.js";
import type { ApiModel } from "../model/api-model.js";
import type { JsonObject } from "../model/resolve-ref.js";
import { openapiCore } from "../lib/packages.js";

export interface DiffInput {
  readonly document: JsonObject;
  readonly model: ApiModel;
  /** `file:line:col` of a pointer in the bundled document, as near as the root file's text allows. */
  readonly locate: (pointer: string) => string;
}

export async function readDiffInput(specPath: string, display?: string): Promise<DiffInput> {
  const opened = await openSpec(specPath);
  // Bundling only gathers what other files hold; a document whose every $ref is local is
  // already what it would make (and bundling Cloudflare's 4 MB costs as much as the model).
  const parsed = opened.document.parsed as JsonObject;
  const document = hasExternalRef(parsed) ? (await bundleOpened(opened)).document : parsed;
  const name = display ?? opened.display;
  const model = buildModel(document, name);
  const source = opened.document.source;
  const { Source } = openapiCore();
  // The bundle moves what other files hold under components: their pointers are found in the
  // root only as far as it goes, which names the $ref that brought them in.
  const text = new Source(source.absoluteRef, source.body, source.mimeType);
  return {
    document: document as JsonObject,
    model,
    locate: (pointer) => {
      const at = locate(text, pointer, true);
      return `${name}:${at.line}:${at.col}`;
    },
  };
}

/** True when some `$ref` in the document leaves it (another file, a URL). */
function hasExternalRef(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasExternalRef);
  if (typeof node !== "object" || node === null) return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) return true;
    if (hasExternalRef(value)) return true;
  }
  return false;
}
