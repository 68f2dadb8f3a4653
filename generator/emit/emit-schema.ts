import type { GlobalContext, OpenAPI3 } from "openapi-typescript";
import { openapiTypescript } from "../lib/packages.js";
import type { ApiModel } from "../model/api-model.js";

/**
 * schema.ts: openapi-typescript's `paths`, `components` and `operations`, from its Node API.
 * The document is already linted and bundled by the load step, so this calls the
 * transform directly instead of `openapiTS()`, which would parse, lint and bundle again.
 * The options are openapiTS()'s defaults.
 */
export function emitSchema(model: ApiModel): string {
  const { astToString, resolveRef, scanDiscriminators, transformSchema } = openapiTypescript;
  const schema = model.document as OpenAPI3;
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref) {
      return resolveRef(schema, $ref, { silent: true });
    },
  };
  return astToString(transformSchema(schema, ctx));
}
