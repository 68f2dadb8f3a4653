// @ts-check
/**
 * Redocly plugin of the published docs, named in redocly.yaml. Its one decorator,
 * `zt-docs/operation-docs`, adds what scripts/build-docs.ts hands it: an introduction
 * (install, create the client, errors, retries, the test kit) at the end of
 * `info.description`, and to each operation the code samples the generator emitted
 * (`x-codeSamples`: the TypeScript and cURL tabs) and the accepted permissions at the end
 * of its description. It also drops the tags from the page's copy of the spec: Redoc
 * folds each tag's operations behind a "+ Show" button, and a reader should see every
 * operation without a click.
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
/** @typedef {{ introduction: string, operations: OperationDocs[] }} DocsAdditions */

/** The decorator: a visitor that adds the introduction and each operation's samples and permissions. */
function operationDocs() {
  const file = process.env.ZT_DOCS_OPERATIONS;
  if (!file) return {};
  /** @type {DocsAdditions} */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the file build-docs.ts wrote, typed by the @type above
  const { introduction, operations: entries } = JSON.parse(readFileSync(file, "utf8"));
  const byOperation = new Map(entries.map((entry) => [`${entry.method} ${entry.path}`, entry]));
  const unused = new Set(byOperation.keys());
  // Path items nest (callbacks hold their own): the innermost one's key is the path.
  /** @type {string[]} */
  const paths = [];
  return {
    Info: {
      /** @param {Record<string, unknown>} info */
      leave(info) {
        info.description = appended(info.description, introduction);
      },
    },
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
          delete operation.tags;
          operation["x-codeSamples"] = entry.codeSamples;
          if (entry.permissions) operation.description = appended(operation.description, entry.permissions);
        },
      },
    },
    Root: {
      /** @param {Record<string, unknown>} root */
      leave(root) {
        delete root.tags;
        delete root["x-tagGroups"];
        if (unused.size > 0) {
          throw new Error(`zt-docs/operation-docs: no operation in the spec for ${[...unused].join(", ")}: run npm run generate`);
        }
      },
    },
  };
}

/**
 * `markdown` after a description, a blank line between them.
 * @param {unknown} description
 * @param {string} markdown
 */
function appended(description, markdown) {
  return typeof description === "string" && description !== "" ? `${description}\n\n${markdown}` : markdown;
}
