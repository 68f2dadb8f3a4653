/**
 * What the docs page adds to each operation, as the decorator in scripts/docs-plugin.js
 * reads it: the generator's code samples as Redoc's `x-codeSamples` tabs, and the
 * accepted permissions as a Markdown section for the end of its description.
 */
import type { CodeSamples } from "../generated/code-samples.js";

/** The environment variable that names the JSON file of OperationDocs the plugin reads. */
export const SAMPLES_VARIABLE = "ZT_DOCS_OPERATIONS";

/** The heading the seed page (Cloudflare's API reference) puts above the list. */
export const PERMISSIONS_HEADING = "Accepted Permissions (at least one required)";

/** One tab of Redoc's request samples panel (`x-codeSamples`). */
export interface CodeSampleTab {
  readonly lang: string;
  readonly label: string;
  readonly source: string;
}

/** What the decorator adds to the operation `method path`. */
export interface OperationDocs {
  readonly method: string;
  readonly path: string;
  readonly codeSamples: readonly CodeSampleTab[];
  /** Markdown appended to the description; absent when the spec lists no permissions. */
  readonly permissions?: string;
}

/**
 * The tabs' labels and languages: redocly.yaml's `openapi.codeSamples.languages` lists the
 * same two, since Redoc shows only the languages listed there.
 */
export function operationDocs(samples: readonly CodeSamples[]): OperationDocs[] {
  return samples.map((s) => {
    const permissions = permissionsMarkdown(s.permissions);
    return {
      method: s.method,
      path: s.path,
      codeSamples: [
        { lang: "TypeScript", label: "TypeScript", source: s.typescript.join("\n") },
        { lang: "curl", label: "cURL", source: s.curl.join("\n") },
      ],
      ...(permissions === undefined ? {} : { permissions }),
    };
  });
}

/** "Accepted Permissions (at least one required)" in bold, then one list item per permission. */
export function permissionsMarkdown(permissions: readonly string[]): string | undefined {
  const items = permissions.map(markdownText).filter((text) => text !== "");
  if (items.length === 0) return undefined;
  return [`**${PERMISSIONS_HEADING}**`, "", ...items.map((text) => `- ${text}`)].join("\n");
}

/**
 * Spec text as plain text in Markdown: on one line (a line break could start a new block),
 * every Markdown punctuation character backslash-escaped, and HTML's special characters
 * written as entities, so that nothing in it becomes a link, an image, emphasis or a tag.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, " ")
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
