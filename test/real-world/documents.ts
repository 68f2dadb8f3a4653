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
  /** `--root`: the folder its files lie in, above the entry's own (relative to the repository root). */
  readonly root?: string;
  /** Type assertions (probes/NAME.ts) compiled beside its output: what its pattern must type as. */
  readonly probe?: boolean;
  /** The pattern of issue 23 it holds, for this project's own small documents (documents/). */
  readonly pattern?: string;
  /**
   * Operations whose call against the document's own test kit fails (support/exercise.ts),
   * each with why: the spec's fault, not the generator's. Every other operation must pass.
   */
  readonly exerciseFailures?: Readonly<Record<string, RegExp>>;
  /** As exerciseFailures, for a document with too many to name: how many fail, each for this reason. */
  readonly exerciseFailuresAlike?: { readonly count: number; readonly reason: RegExp };
}

/** The spec's `oneOf` alternatives accept the same value, told apart only by a discriminator that JSON Schema validation does not read. */
const OVERLAPPING_ONE_OF = /^ValidationError \(request\): .*invalid request body: \/ must match exactly one schema in oneOf/;

const OAS_EXAMPLES = "node_modules/@readme/oas-examples";
const OWN = "test/real-world/documents";

export const DOCUMENTS: readonly RealWorldDocument[] = [
  {
    name: "github",
    spec: "node_modules/@octokit/openapi/generated/api.github.com.json",
    warns: true,
    large: true,
    // GitHub's examples that its own schemas reject (an `accepted` response whose example is null
    // for `type: object`, a list whose example is one object, required properties missing…): 200
    // answers, and 4 request bodies (the spec's own request example, which the client's validators refuse);
    // one more since the validators check `format` (ajv-formats).
    exerciseFailuresAlike: { count: 205, reason: /^ValidationError \((request|response)\): \S+: invalid (request|response) body: / },
  },
  { name: "readme-split", spec: `${OAS_EXAMPLES}/3.1/yaml/readme.yaml`, split: true, warns: true },
  { name: "star-trek", spec: `${OAS_EXAMPLES}/3.0/json/star-trek.json`, warns: false },
  {
    name: "train-travel",
    spec: `${OAS_EXAMPLES}/3.1/yaml/train-travel.yaml`,
    warns: false,
    // Its 200 example carries the card's `cvc`, which its schema marks writeOnly: a response may not hold it.
    exerciseFailures: {
      "create-booking-payment":
        /^ValidationError \(response\): createBookingPayment: invalid response body: \/source\/cvc boolean schema is false/,
    },
  },
  { name: "uspto", spec: `${OAS_EXAMPLES}/3.0/yaml/uspto.yaml`, warns: false },
  { name: "petstore-3.1", spec: `${OAS_EXAMPLES}/3.1/json/petstore.json`, warns: false },
  { name: "webhooks", spec: `${OAS_EXAMPLES}/3.1/yaml/webhooks.yaml`, warns: false },
  { name: "callbacks", spec: `${OAS_EXAMPLES}/3.0/json/callbacks.json`, warns: false },
  { name: "form-data", spec: `${OAS_EXAMPLES}/3.0/json/form-data.json`, warns: false },
  { name: "file-uploads", spec: `${OAS_EXAMPLES}/3.0/json/file-uploads.json`, warns: false },
  {
    name: "discriminators",
    spec: `${OAS_EXAMPLES}/3.0/json/discriminators.json`,
    warns: false,
    // Its two alternatives are the same schema (allOf the same base), told apart only by the discriminator's mapping.
    exerciseFailures: { "POST /potentially-undefined-formData": OVERLAPPING_ONE_OF },
  },
  {
    name: "polymorphism",
    spec: `${OAS_EXAMPLES}/3.0/json/polymorphism.json`,
    warns: false,
    // Its alternatives require nothing at the top level: every object matches both.
    exerciseFailures: { "POST /one-of-complex": OVERLAPPING_ONE_OF },
  },
  { name: "schema-validation-3.0-leftovers", spec: `${OAS_EXAMPLES}/3.1/yaml/schema-validation-local.yaml`, warns: true },
  // Issue 23's patterns, in small documents of this project's own (README.md says whose API each imitates).
  { name: "deep-refs", spec: `${OWN}/deep-refs.yaml`, warns: false, probe: true, pattern: "$refs into other objects" },
  {
    name: "nullable-allof",
    spec: `${OWN}/nullable-allof.yaml`,
    warns: false,
    probe: true,
    pattern: "a nullable base extended with allOf and required",
  },
  {
    name: "java-oneof-children",
    spec: `${OWN}/java-oneof-children.yaml`,
    warns: false,
    probe: true,
    pattern: "a parent whose oneOf lists children that allOf it",
  },
  {
    name: "subfolder-entry",
    spec: `${OWN}/subfolder-entry/spec/namespaces/_core.yaml`,
    root: `${OWN}/subfolder-entry/spec`,
    warns: false,
    pattern: "an entry in a subfolder referring to ../schemas/",
  },
];
