/**
 * What the docs page adds to the spec, as the decorator in scripts/docs-plugin.js reads
 * it: an introduction (install, create the client, errors, retries, the test kit) at the
 * end of `info.description`, and for each operation the generator's code samples as
 * Redoc's `x-codeSamples` tabs and the accepted permissions as a Markdown section for the
 * end of its description.
 */
import type { CodeSamples, DocsIntroduction } from "../generated/code-samples.js";

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

/** What the decorator adds to the page: the introduction, and each operation's samples and permissions. */
export interface DocsAdditions {
  /** Markdown for the end of `info.description`. */
  readonly introduction: string;
  readonly operations: readonly OperationDocs[];
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
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
      .replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, " ")
      .trim()
      .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, "\\$&")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

/** The headings of the introduction's sections, in order (each is a sidebar entry of the page). */
export const INTRODUCTION_HEADINGS = ["Install", "Create a client", "Errors", "Retries", "Testing"] as const;

/**
 * The introduction as Markdown. Spec text enters it only through `markdownText`, or inside
 * a fenced code block whose fence no line can close; the rest is the runtime's behaviour,
 * the same for every spec.
 */
export function introductionMarkdown(intro: DocsIntroduction): string {
  const [install, create, errors, retries, testing] = INTRODUCTION_HEADINGS;
  const text = markdownText;
  const baseUrl = intro.baseUrl === undefined ? "none: it must be given" : text(intro.baseUrl);
  const baseUrlEnv = intro.baseUrlEnv === undefined ? "" : `, or the environment variable ${text(intro.baseUrlEnv)}`;
  const sections = [
    `## ${install}`,
    intro.packageName === undefined
      ? "The client is generated into your project. It needs `openapi-fetch` at run time:"
      : `The client is the npm package ${text(intro.packageName)}. Its one runtime dependency is \`openapi-fetch\`.`,
    fenced("sh", [intro.install]),
    `## ${create}`,
    fenced("ts", intro.createClient),
    ...(intro.credentials.length === 0
      ? ["The spec has no security scheme: calls carry no credentials."]
      : [
          "One option per security scheme of the spec. Each call sends exactly one of its operation's security " +
            "alternatives, the first whose credentials were given, never a mix. An option left out falls back to " +
            "its environment variable, read once by `createClient`.",
          [
            "| Option (security scheme) | Sent as | Default |",
            "| --- | --- | --- |",
            ...intro.credentials.map(
              (c) => `| ${text(c.option)} (${text(c.scheme)}) | ${text(c.sentAs)} | ${c.env === undefined ? "" : text(c.env)} |`,
            ),
          ].join("\n"),
        ]),
    `Other options: \`baseUrl\` (default ${baseUrl}${baseUrlEnv}), \`timeoutMs\` (per attempt, default 60 s), ` +
      "`maxRetries` (default 2), `headers`, `fetch` and `validate` (the generated validators). " +
      "Each call takes `signal`, `timeoutMs`, `maxRetries` and `headers` as a second argument.",
    `## ${errors}`,
    `Every failure rejects with a ${text(intro.errorClass)}. An argument or option that cannot work fails before anything ` +
      "is sent (`ConfigurationError`, `InvalidArgumentError`, `ValidationError`). An answer that is not a success is an " +
      `\`ApiError\` with \`status\`, \`errors\`, \`messages\`, \`headers\` and \`requestId\` (the ${text(intro.requestIdHeader)} header); ` +
      "its subclasses are `BadRequestError` (400), `AuthenticationError` (401), `PermissionDeniedError` (403), " +
      "`NotFoundError` (404), `ConflictError` (409), `UnprocessableEntityError` (422), `RateLimitError` (429) and " +
      "`InternalServerError` (5xx). No answer is a `ConnectionError`, a timeout a `TimeoutError`, an aborted call a `UserAbortError`.",
    `## ${retries}`,
    "Twice by default (`maxRetries`), with exponential backoff and jitter, honouring `Retry-After`. GET, HEAD, OPTIONS, " +
      "PUT and DELETE are retried after a connection error, a timeout, 408, 409, 429 or 5xx; POST and PATCH only after " +
      "429 or a refused connection (nothing was sent), unless the operation is marked `x-zt-idempotent`. " +
      "An aborted call is never retried.",
    ...(intro.testing === undefined
      ? []
      : [
          `## ${testing}`,
          "The test kit answers every operation with the spec's example through msw 2 (an optional peer dependency); " +
            "`mock.<operation>(…)` answers with what a test gives it, `apiError(status)` with a failure.",
          fenced("sh", ["npm install --save-dev msw"]),
          fenced("ts", intro.testing),
        ]),
  ];
  return sections.join("\n\n");
}

/** A fenced code block that no line inside can close: its fence is longer than any run of backticks there. */
function fenced(lang: string, lines: readonly string[]): string {
  const runs = lines.flatMap((line) => line.match(/`+/g) ?? []).map((run) => run.length);
  const fence = "`".repeat(Math.max(3, ...runs.map((n) => n + 1)));
  return [`${fence}${lang}`, ...lines.map((line) => line.replace(/[\r\n\u2028\u2029]/g, " ")), fence].join("\n");
}
