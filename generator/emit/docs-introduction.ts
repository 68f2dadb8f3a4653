/**
 * What the docs page says before the operations: how to install the client, create it
 * (every credential option, the environment variable it falls back to, the base URL),
 * which errors it throws, what it retries, and how to test with the test kit. Plain data
 * from the model, so that it holds for any spec; scripts/docs-operations.ts turns it into
 * Markdown, escaping the spec's text there.
 */
import type { ApiModel, SecuritySchemeModel } from "../model/api-model.js";
import { shellQuote } from "../lib/shell-text.js";
import { literal } from "../lib/ts-text.js";
import { basicVariables, envVariable, sampleSchemes } from "./sample-request.js";
import { DEFAULT_IMPORT } from "./sample-typescript.js";

/** One `createClient` credential option, as the introduction's table lists it. */
export interface CredentialOption {
  /** The option's name (an identifier the model made). */
  readonly option: string;
  /** The scheme's key in `components.securitySchemes` (spec text). */
  readonly scheme: string;
  /** How the credential is sent (spec text for header, query and cookie names). */
  readonly sentAs: string;
  /** The environment variable(s) it falls back to, when the scheme names one with `x-zt-env`. */
  readonly env?: string;
}

/** The data of the docs page's introduction. */
export interface DocsIntroduction {
  /** The npm package the samples import (`x-zt-generator: { package }`); absent when the client is generated into a project. */
  readonly packageName?: string;
  /** The shell command that installs the client (or, without a package, its runtime dependency). */
  readonly install: string;
  /** A complete module that creates the client with the first operation's credentials, line by line. */
  readonly createClient: readonly string[];
  readonly credentials: readonly CredentialOption[];
  /** The document's first server, when it has one. */
  readonly baseUrl?: string;
  /** The environment variable that replaces it (`x-zt-env` on the server). */
  readonly baseUrlEnv?: string;
  /** The response header `ApiError.requestId` reads. */
  readonly requestIdHeader: string;
  /** The name the package exports its base error class under. */
  readonly errorClass: string;
  /** A test that answers the first operation with a failure, line by line; absent when the spec has no operation. */
  readonly testing?: readonly string[];
}

/** The introduction of the docs page of `model`'s spec. */
export function docsIntroduction(model: ApiModel): DocsIntroduction {
  const first = model.operations[0];
  const from = literal(model.options.package ?? DEFAULT_IMPORT);
  const schemes = first ? sampleSchemes(model, first) : [];
  const options = schemes.flatMap((scheme) =>
    scheme.kind === "basic"
      ? [
          `  ${scheme.option}: {`,
          `    username: process.env[${literal(basicVariables(scheme).username)}] ?? "",`,
          `    password: process.env[${literal(basicVariables(scheme).password)}] ?? "",`,
          "  },",
        ]
      : [`  ${scheme.option}: process.env[${literal(envVariable(scheme))}],`],
  );
  if (!model.server || !/^https?:\/\//i.test(model.server.url)) options.push(`  baseUrl: "https://api.example.com",`);
  const createClient = [
    `import { createClient } from ${from};`,
    "",
    ...(options.length === 0 ? ["const client = createClient();"] : ["const client = createClient({", ...options, "});"]),
  ];
  const testing = first &&
    model.options.testing !== false && [
      `import { setupServer } from "msw/node";`,
      `import { apiError, handlers, mock } from ${literal(testingImport(model.options.package))};`,
      "",
      "// Every operation answers with the spec's example…",
      "const server = setupServer(...handlers);",
      'server.listen({ onUnhandledRequest: "error" });',
      "// …unless a test says otherwise:",
      `server.use(mock.${first.name}(() => apiError(404)));`,
    ];
  return {
    ...(model.options.package === undefined ? {} : { packageName: model.options.package }),
    install: `npm install ${shellWord(model.options.package ?? "openapi-fetch")}`,
    createClient,
    credentials: model.securitySchemes.filter((s) => s.kind !== "unsupported").map(credentialOption),
    ...(model.server === undefined ? {} : { baseUrl: model.server.url }),
    ...(model.server?.env === undefined ? {} : { baseUrlEnv: model.server.env }),
    requestIdHeader: model.options.requestIdHeader ?? "x-request-id",
    errorClass: model.options.errorClass ?? "ClientError",
    ...(testing ? { testing } : {}),
  };
}

/** A package name as a shell word: as it is when it is a plain npm name, else quoted. */
function shellWord(name: string): string {
  return /^@?[a-z0-9][\w.-]*(\/[a-z0-9][\w.-]*)?$/i.test(name) ? name : shellQuote(name);
}

/** The test kit's module: the package's `/testing` entry, or the generated folder's `testing.js`. */
function testingImport(packageName: string | undefined): string {
  return packageName === undefined ? DEFAULT_IMPORT.replace(/index\.js$/, "testing.js") : `${packageName}/testing`;
}

function credentialOption(scheme: SecuritySchemeModel): CredentialOption {
  const env = scheme.env === undefined ? undefined : scheme.kind === "basic" ? `${scheme.env} (username:password)` : scheme.env;
  return { option: scheme.option, scheme: scheme.key, sentAs: sentAs(scheme), ...(env === undefined ? {} : { env }) };
}

function sentAs(scheme: SecuritySchemeModel): string {
  switch (scheme.kind) {
    case "bearer":
      return "Authorization: Bearer <token>";
    case "basic":
      return "Authorization: Basic <base64 of username:password>";
    case "http":
      return `Authorization: ${scheme.scheme ?? ""} <credential>`;
    case "apiKey":
      return scheme.in === "query"
        ? `query parameter ${scheme.name ?? ""}`
        : scheme.in === "cookie"
          ? `cookie ${scheme.name ?? ""}`
          : `header ${scheme.name ?? ""}`;
    case "unsupported":
      return "";
  }
}
