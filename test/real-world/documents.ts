/**
 * The real-world corpus: public OpenAPI documents this project did not write, read from
 * the exact-pinned devDependencies that ship them (nothing is copied; README.md beside
 * this file says where each comes from and under which licence).
 */

export interface RealWorldDocument {
  /** The output folder's name. */
  readonly name: string;
  /** The document, relative to the repository root. */
  readonly spec: string;
  /** Laid out over many files first, by `redocly split` (Redocly's multi-file layout). */
  readonly split?: boolean;
  /** Whether the generator warns about it (3.0 leftovers in 3.1, `nullable` without `type`…). */
  readonly warns: boolean;
  /** Generated in a process of its own, beside the others (it is large). */
  readonly large?: boolean;
}

const OAS_EXAMPLES = "node_modules/@readme/oas-examples";

export const DOCUMENTS: readonly RealWorldDocument[] = [
  { name: "github", spec: "node_modules/@octokit/openapi/generated/api.github.com.json", warns: true, large: true },
  { name: "readme-split", spec: `${OAS_EXAMPLES}/3.1/yaml/readme.yaml`, split: true, warns: true },
  { name: "star-trek", spec: `${OAS_EXAMPLES}/3.0/json/star-trek.json`, warns: false },
  { name: "train-travel", spec: `${OAS_EXAMPLES}/3.1/yaml/train-travel.yaml`, warns: false },
  { name: "uspto", spec: `${OAS_EXAMPLES}/3.0/yaml/uspto.yaml`, warns: false },
  { name: "petstore-3.1", spec: `${OAS_EXAMPLES}/3.1/json/petstore.json`, warns: false },
  { name: "webhooks", spec: `${OAS_EXAMPLES}/3.1/yaml/webhooks.yaml`, warns: false },
  { name: "callbacks", spec: `${OAS_EXAMPLES}/3.0/json/callbacks.json`, warns: false },
  { name: "form-data", spec: `${OAS_EXAMPLES}/3.0/json/form-data.json`, warns: false },
  { name: "file-uploads", spec: `${OAS_EXAMPLES}/3.0/json/file-uploads.json`, warns: false },
  { name: "discriminators", spec: `${OAS_EXAMPLES}/3.0/json/discriminators.json`, warns: false },
  { name: "polymorphism", spec: `${OAS_EXAMPLES}/3.0/json/polymorphism.json`, warns: false },
  { name: "schema-validation-3.0-leftovers", spec: `${OAS_EXAMPLES}/3.1/yaml/schema-validation-local.yaml`, warns: true },
];
