// generated from spec/openapi.yaml by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/** One operation's usage samples, for the docs. */
export interface CodeSamples {
  /** The operation's method, in lower case. */
  readonly method: string;
  /** Its key in `paths`. */
  readonly path: string;
  /** The client method the sample calls. */
  readonly name: string;
  /** `x-api-token-group`: the permissions that may call it (any one suffices). */
  readonly permissions: readonly string[];
  /** A complete ES module that calls it with the package, line by line. */
  readonly typescript: readonly string[];
  /** The same request as a curl command for a POSIX shell, line by line. */
  readonly curl: readonly string[];
}

/** One `createClient` credential option, as the docs' introduction lists it. */
export interface CredentialOption {
  /** The option's name. */
  readonly option: string;
  /** Its security scheme's key. */
  readonly scheme: string;
  /** How the credential is sent. */
  readonly sentAs: string;
  /** The environment variable it falls back to. */
  readonly env?: string;
}

/** What the docs page says before the operations: install, create the client, errors, retries, testing. */
export interface DocsIntroduction {
  /** The npm package the samples import; absent when the client is generated into a project. */
  readonly packageName?: string;
  /** The shell command that installs the client. */
  readonly install: string;
  /** A module that creates the client, line by line. */
  readonly createClient: readonly string[];
  /** Every credential option. */
  readonly credentials: readonly CredentialOption[];
  /** The document's first server. */
  readonly baseUrl?: string;
  /** The environment variable that replaces it. */
  readonly baseUrlEnv?: string;
  /** The response header `ApiError.requestId` reads. */
  readonly requestIdHeader: string;
  /** The name of the base error class. */
  readonly errorClass: string;
  /** A test with the test kit, line by line. */
  readonly testing?: readonly string[];
}

/** Every operation's samples, in document order. */
export const codeSamples: readonly CodeSamples[] = [
  {
    method: "get",
    path: "/accounts/{account_id}/zt_risk_scoring/behaviors",
    name: "getBehaviors",
    permissions: ["Zero Trust Read", "Zero Trust Write"],
    typescript: [
      "import {",
      "  ApiError,",
      "  createClient,",
      "  NotFoundError,",
      "  RateLimitError,",
      "} from \"zt-risk-scoring\";",
      "",
      "const client = createClient({",
      "  // the default: can be omitted",
      "  apiToken: process.env[\"CLOUDFLARE_API_TOKEN\"],",
      "});",
      "",
      "try {",
      "  const result = await client.getBehaviors({",
      "    account_id: \"023e105f4ecef8ad9ca31a8372d0c353\",",
      "  });",
      "  console.log(result);",
      "} catch (error) {",
      "  if (error instanceof NotFoundError) {",
      "    console.error(\"not found:\", error.errors);",
      "  } else if (error instanceof RateLimitError) {",
      "    console.error(\"rate limited: try again later\");",
      "  } else if (error instanceof ApiError) {",
      "    console.error(error.message, error.requestId);",
      "  } else {",
      "    throw error; // ConnectionError, TimeoutError…",
      "  }",
      "}",
    ],
    curl: [
      "curl 'https://api.cloudflare.com/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/zt_risk_scoring/behaviors' \u005c",
      "  -H \"Authorization: Bearer $CLOUDFLARE_API_TOKEN\"",
    ],
  },
  {
    method: "put",
    path: "/accounts/{account_id}/zt_risk_scoring/behaviors",
    name: "updateBehaviors",
    permissions: ["Zero Trust Write"],
    typescript: [
      "import {",
      "  ApiError,",
      "  createClient,",
      "  NotFoundError,",
      "  RateLimitError,",
      "} from \"zt-risk-scoring\";",
      "",
      "const client = createClient({",
      "  // the default: can be omitted",
      "  apiToken: process.env[\"CLOUDFLARE_API_TOKEN\"],",
      "});",
      "",
      "try {",
      "  const result = await client.updateBehaviors({",
      "    account_id: \"023e105f4ecef8ad9ca31a8372d0c353\",",
      "    behaviors: {",
      "      foo: { enabled: true, risk_level: \"low\" },",
      "    },",
      "  });",
      "  console.log(result);",
      "} catch (error) {",
      "  if (error instanceof NotFoundError) {",
      "    console.error(\"not found:\", error.errors);",
      "  } else if (error instanceof RateLimitError) {",
      "    console.error(\"rate limited: try again later\");",
      "  } else if (error instanceof ApiError) {",
      "    console.error(error.message, error.requestId);",
      "  } else {",
      "    throw error; // ConnectionError, TimeoutError…",
      "  }",
      "}",
    ],
    curl: [
      "curl -X PUT 'https://api.cloudflare.com/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/zt_risk_scoring/behaviors' \u005c",
      "  -H \"Authorization: Bearer $CLOUDFLARE_API_TOKEN\" \u005c",
      "  -H 'Content-Type: application/json' \u005c",
      "  --data-raw '{",
      "    \"behaviors\": {",
      "      \"foo\": {",
      "        \"enabled\": true,",
      "        \"risk_level\": \"low\"",
      "      }",
      "    }",
      "  }'",
    ],
  },
];

/** The docs page's introduction. */
export const introduction: DocsIntroduction = {
  packageName: "zt-risk-scoring",
  install: "npm install zt-risk-scoring",
  createClient: [
    "import { createClient } from \"zt-risk-scoring\";",
    "",
    "const client = createClient({",
    "  apiToken: process.env[\"CLOUDFLARE_API_TOKEN\"],",
    "});",
  ],
  credentials: [
    { option: "apiToken", scheme: "api_token", sentAs: "Authorization: Bearer <token>", env: "CLOUDFLARE_API_TOKEN" },
    { option: "apiEmail", scheme: "api_email", sentAs: "header X-Auth-Email", env: "CLOUDFLARE_EMAIL" },
    { option: "apiKey", scheme: "api_key", sentAs: "header X-Auth-Key", env: "CLOUDFLARE_API_KEY" },
  ],
  baseUrl: "https://api.cloudflare.com/client/v4",
  baseUrlEnv: "CLOUDFLARE_BASE_URL",
  requestIdHeader: "cf-ray",
  errorClass: "ZtRiskScoringError",
  testing: [
    "import { setupServer } from \"msw/node\";",
    "import { apiError, handlers, mock } from \"zt-risk-scoring/testing\";",
    "",
    "// Every operation answers with the spec's example…",
    "const server = setupServer(...handlers);",
    "server.listen({ onUnhandledRequest: \"error\" });",
    "// …unless a test says otherwise:",
    "server.use(mock.getBehaviors(() => apiError(404)));",
  ],
};
