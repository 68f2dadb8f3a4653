/**
 * The request a code sample makes, decided once for the TypeScript and the curl sample so
 * that both show the same call: which credentials it sends (and from which environment
 * variables), and which parameters and body it fills in from the spec's examples.
 */
import type { ApiModel, OperationModel, ParamModel, SecuritySchemeModel } from "../model/api-model.js";
import { identifier, words } from "../model/names.js";

/**
 * The schemes of the operation's first security alternative that names any and whose
 * credentials the client can send; none for a public operation (or one it cannot call).
 */
export function sampleSchemes(model: ApiModel, op: OperationModel): readonly SecuritySchemeModel[] {
  for (const alternative of op.security) {
    const schemes = alternative.map((key) => model.securitySchemes.find((s) => s.key === key));
    if (schemes.length > 0 && schemes.every((s) => s !== undefined && s.kind !== "unsupported")) {
      return schemes as SecuritySchemeModel[];
    }
  }
  return [];
}

/**
 * The environment variable a scheme's credential is read from: its `x-zt-env`, else the
 * upper snake case of its key (`petstore_auth` → `PETSTORE_AUTH`). Always a shell and
 * JavaScript identifier.
 */
export function envVariable(scheme: SecuritySchemeModel): string {
  return (
    scheme.env ??
    identifier(
      words(scheme.key)
        .map((w) => w.toUpperCase())
        .join("_"),
      "CREDENTIAL",
    )
  );
}

/** http basic's two variables: `<VAR>_USERNAME` and `<VAR>_PASSWORD`. */
export function basicVariables(scheme: SecuritySchemeModel): { readonly username: string; readonly password: string } {
  const base = envVariable(scheme);
  return { username: `${base}_USERNAME`, password: `${base}_PASSWORD` };
}

/** One parameter as the sample passes it. */
export interface SampleField {
  readonly name: string;
  readonly value: unknown;
}

/** What the sample passes: every path parameter, the required query and header parameters, and a required body. */
export interface SampleArgument {
  readonly path: readonly SampleField[];
  readonly query: readonly SampleField[];
  readonly header: readonly SampleField[];
  /** Absent when the body is optional or there is none. */
  readonly body?: { readonly shape: "fields" | "value"; readonly contentType: string; readonly value: unknown };
}

/** The sample's argument, filled from the model's examples; a parameter without one gets its own name as its value. */
export function sampleArgument(op: OperationModel): SampleArgument {
  const fields = (params: readonly ParamModel[]) =>
    params.filter((p) => p.required).map((p) => ({ name: p.name, value: p.example ?? p.name }));
  const body = op.body?.required ? { shape: op.body.shape, contentType: op.body.contentType, value: op.body.example ?? {} } : undefined;
  return { path: fields(op.pathParams), query: fields(op.queryParams), header: fields(op.headerParams), ...(body ? { body } : {}) };
}

/** A value as a URL or header carries it: strings as they are, anything else as JSON. */
export function plainText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}
