/**
 * The model: the spec reduced to plain data. Every step after this one reads the model,
 * never the raw document, and nothing here knows about TypeScript.
 */
export interface ApiModel {
  /** Where the spec came from, for the header of every generated file. */
  readonly source: string;
  /** The bundled document, handed untouched to openapi-typescript for schema.ts. */
  readonly document: unknown;
  readonly operations: readonly OperationModel[];
  readonly schemas: readonly SchemaModel[];
  /** Emit request and response validators (the spec's root says `x-zt-generator: { validators: true }`). */
  readonly validators: boolean;
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
  /** True when the success body is a Cloudflare envelope with a `result` to unwrap. */
  readonly envelope: boolean;
  readonly errors: readonly ResponseModel[];
}

export interface ParamModel {
  readonly name: string;
  readonly required: boolean;
}

export interface BodyModel {
  readonly contentType: string;
  readonly required: boolean;
  /** "fields": its properties are flattened into the argument; "value": it is passed as `body`. */
  readonly shape: "fields" | "value";
  /** JSON pointer to its schema in the bundled document (for validators). */
  readonly schemaPointer?: string;
}

export interface ResponseModel {
  /** The key in `responses`: "200", "4XX", "default"… */
  readonly status: string;
  /** The media type whose schema types the body; absent when the response has no body. */
  readonly contentType?: string;
  /** JSON pointer to that media type's schema in the bundled document (for validators). */
  readonly schemaPointer?: string;
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
