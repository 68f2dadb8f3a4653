// @ts-check
/**
 * Redocly plugin of the published docs, named in redocly.yaml. Its one decorator,
 * `zt-docs/operation-docs`, adds to each operation what scripts/build-docs.ts hands it:
 * the code samples the generator emitted (`x-codeSamples`: the TypeScript and cURL tabs)
 * and the accepted permissions at the end of its description.
 *
 * Plain JavaScript because Redocly's CLI imports it in plain Node, for `lint` too (which
 * runs no decorator). Decorators run whenever Redocly bundles; this one acts only when
 * ZT_DOCS_OPERATIONS names the JSON file build-docs.ts writes (see docs-operations.ts),
 * so `npm run build`'s bundle of the package's openapi.json stays the spec as written.
 * The operations are matched by method and `paths` key; an entry that matches none fails
 * the build, so a page can never silently lack a sample.
 */
import { readFileSync } from "node:fs";

/** @returns {import("@redocly/openapi-core").Plugin} */
export default function ztDocsPlugin() {
  return { id: "zt-docs", decorators: { oas3: { "operation-docs": operationDocs } } };
}

/** @typedef {{ method: string, path: string, codeSamples: { lang: string, label: string, source: string }[], permissions?: string }} OperationDocs */

/** The decorator: a visitor that adds each operation's samples and permissions. */
function operationDocs() {
  const file = process.env.ZT_DOCS_OPERATIONS;
  if (!file) return {};
  /** @type {OperationDocs[]} */
  const entries = JSON.parse(readFileSync(file, "utf8"));
  const byOperation = new Map(entries.map((entry) => [`${entry.method} ${entry.path}`, entry]));
  const unused = new Set(byOperation.keys());
  // Path items nest (callbacks hold their own): the innermost one's key is the path.
  /** @type {string[]} */
  const paths = [];
  return {
    PathItem: {
      /** @param {unknown} _item @param {{ key: string | number }} ctx */
      enter(_item, ctx) {
        paths.push(String(ctx.key));
      },
      leave() {
        paths.pop();
      },
      Operation: {
        /** @param {Record<string, unknown>} operation @param {{ key: string | number }} ctx */
        leave(operation, ctx) {
          const key = `${ctx.key} ${paths[paths.length - 1]}`;
          const entry = byOperation.get(key);
          if (!entry) return; // a callback's or webhook's operation: the client has no method for it
          unused.delete(key);
          operation["x-codeSamples"] = entry.codeSamples;
          if (entry.permissions) {
            operation.description = typeof operation.description === "string" && operation.description !== "" ? `${operation.description}\n\n${entry.permissions}` : entry.permissions;
          }
        },
      },
    },
    Root: {
      leave() {
        if (unused.size > 0) {
          throw new Error(`zt-docs/operation-docs: no operation in the spec for ${[...unused].join(", ")}: run npm run generate`);
        }
      },
    },
  };
}
