/**
 * The model: the spec reduced to plain data. Every emitter reads the model; only two read
 * the bundled document as well, because they hand it whole to a library that types or
 * compiles JSON Schema: emit-schema.ts (openapi-typescript) and emit-validators.ts (Ajv).
 * Nothing here knows about TypeScript, and nothing here names one API: every spec gets
 * the same treatment.
 */
import type { KeyLocation, ParamType, SchemeType } from "../runtime/operation.js";

export interface ApiModel {
  /** Where the spec came from, for the header of every generated file. */
  readonly source: string;
  readonly operations: readonly OperationModel[];
  readonly schemas: readonly SchemaModel[];
  /** `components.securitySchemes`, in document order: one client credential option each. */
  readonly securitySchemes: readonly SecuritySchemeModel[];
  /**
   * The document's first server: the default base URL, which the client's `baseUrl`
   * option (or the server's `x-zt-env` variable) replaces. Absent when the document has
   * no `servers`.
   */
  readonly server?: ServerModel;
  /** The root's `x-zt-generator` options. */
  readonly options: GeneratorOptions;
  /** Present when a schema is readOnly or writeOnly: types.ts then types requests and responses apart (read-write.ts). */
  readonly readWriteMarkers?: true;
}

/** What a spec asks of the generator with `x-zt-generator` at its root; OpenAPI has no field for these. */
export interface GeneratorOptions {
  /** `validators: true`: also emit request and response validators (generated/validators.ts). */
  readonly validators: boolean;
  /** `requestIdHeader: cf-ray`: the response header that `ApiError.requestId` reads. */
  readonly requestIdHeader?: string;
  /** `errorClass: ZtRiskScoringError`: the name the package exports its base error class under. */
  readonly errorClass?: string;
  /** `package: zt-risk-scoring`: the npm name the client is published under, which the docs' code samples import. */
  readonly package?: string;
  /** `testing: false`: leave out the test kit (testing.ts and the runtime's msw parts), for a project without msw. */
  readonly testing?: false;
}

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

export interface OperationModel {
  /** operationId as written, or `METHOD path` when the spec gives none. */
  readonly id: string;
  /** Client method name: the camelCase of the operationId, made unique and safe. */
  readonly name: string;
  /** PascalCase prefix of the operation's named types. */
  readonly typeName: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly pathParams: readonly ParamModel[];
  readonly queryParams: readonly ParamModel[];
  readonly headerParams: readonly ParamModel[];
  readonly body?: BodyModel;
  /** How path, query, header and body fields are laid out in the method's single argument. */
  readonly layout: "flat" | "grouped";
  /** True when the method's argument may be left out (nothing in it is required). */
  readonly paramsOptional: boolean;
  readonly success?: ResponseModel;
  /** True when the success body is an envelope (`success` and `result`) whose `result` the call resolves to. */
  readonly envelope: boolean;
  readonly errors: readonly ResponseModel[];
  /**
   * The operation's security requirements, else the root's (OpenAPI 3 §4.8.10): the
   * alternatives in spec order, each the keys of the schemes it needs together. `[]` in
   * the list is the empty alternative `{}` (no credentials); an empty list (`security: []`)
   * or no `security` anywhere means the operation is public.
   */
  readonly security: readonly (readonly string[])[];
  /** The operation's first server, else its path item's: it replaces the document's. */
  readonly server?: ServerModel;
  /** `x-zt-idempotent: true`: a POST or PATCH that is safe to retry like a PUT. */
  readonly idempotent: boolean;
  /** `x-api-token-group`: the permissions that may call it (any one of them suffices). */
  readonly permissions: readonly string[];
}

export interface ParamModel {
  readonly name: string;
  readonly required: boolean;
  readonly description?: string;
  /** The parameter's example, else one made from its schema (see examples.ts). */
  readonly example?: unknown;
  /** Its schema's type, when it names one (the test kit decodes and checks the value by it). */
  readonly type?: ParamType;
  /** For an array: its items' type, when it names one. */
  readonly items?: ParamType;
}

// Defined beside the runtime, which the test kit reads them with: one definition for model, client and kit.
export type { ParamType } from "../runtime/operation.js";

export interface BodyModel {
  readonly contentType: string;
  readonly required: boolean;
  /**
   * "fields": its properties are flattened into the argument (a JSON object whose
   * properties are all known, through `allOf` too, none named like a parameter; when the
   * body is not `required`, the caller gives all of them or none, and none sends no body);
   * "value": it is passed as `body`.
   */
  readonly shape: "fields" | "value";
  /** JSON pointer to its schema in the bundled document (for validators). */
  readonly schemaPointer?: string;
  /** The media type's example, else one made from its schema (see examples.ts). */
  readonly example?: unknown;
  /** For a JSON object body: its required properties (through `allOf`), for checks without validators. */
  readonly requiredFields?: readonly string[];
}

export interface ResponseModel {
  /** The key in `responses`: "200", "4XX", "default"… */
  readonly status: string;
  readonly description?: string;
  /** The media type whose schema types the body; absent when the response has no body. */
  readonly contentType?: string;
  /** JSON pointer to that media type's schema in the bundled document (for validators). */
  readonly schemaPointer?: string;
  /** The media type's example, else one made from its schema (see examples.ts). */
  readonly example?: unknown;
}

export interface SchemaModel {
  /** The key in `components.schemas`. */
  readonly name: string;
  /** The exported type alias. */
  readonly typeName: string;
  readonly description?: string;
  /** For string enums: the values, and the name of the readonly tuple that holds them. */
  readonly enum?: { readonly constName: string; readonly values: readonly string[] };
}

/**
 * One entry of `components.securitySchemes` (OpenAPI 3 §4.8.27), as the client sends it:
 * - "bearer": a string, sent as `Authorization: Bearer …` (http bearer, oauth2, openIdConnect);
 * - "basic": `{ username, password }`, sent as `Authorization: Basic …`;
 * - "http": another http scheme: a string sent as `Authorization: <scheme> …`;
 * - "apiKey": a string, sent as the header, query parameter or cookie `name`;
 * - "unsupported": no credential the client can hold (mutualTLS): alternatives that need it are never met.
 */
export interface SecuritySchemeModel {
  /** The key in `components.securitySchemes`, as security requirements name it. */
  readonly key: string;
  /** The `createClient` option that holds its credential: the camelCase of `key`, unique and safe. */
  readonly option: string;
  readonly kind: SchemeType;
  /** For "http": the scheme as written in the spec (`Authorization: <scheme> …`). */
  readonly scheme?: string;
  /** For "apiKey": where it goes, and the header, query parameter or cookie name. */
  readonly in?: KeyLocation;
  readonly name?: string;
  /** The spec's `type` (http, apiKey, oauth2, openIdConnect, mutualTLS), for docs. */
  readonly type: string;
  readonly description?: string;
  /** `x-zt-env: NAME`: the environment variable that supplies the credential by default. */
  readonly env?: string;
}

/** A server (OpenAPI 3 §4.8.5), its variables replaced by their defaults. */
export interface ServerModel {
  /** May be relative ("/v1"): it is then resolved against the client's base URL. */
  readonly url: string;
  readonly description?: string;
  /** `x-zt-env: NAME` (document servers only): the environment variable that replaces it. */
  readonly env?: string;
}
