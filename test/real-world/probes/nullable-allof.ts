// Type probe for documents/nullable-allof.yaml: a nullable base extended with allOf and its own `required`.
import type { components } from "./schema.js";

type Options = NonNullable<components["schemas"]["BalanceRequest"]["options"]>;
export const options: Options = { account_ids: ["acc-1"] };
// The base is nullable, and `required` constrains objects only: null still fits.
export const none: components["schemas"]["BalanceRequest"]["options"] = null;
// @ts-expect-error account_ids is required by the allOf's own `required`
export const missing: Options = {};
type Extended = NonNullable<components["schemas"]["BalanceResponse"]["options"]>;
export const extended: Extended = { account_ids: [], note: "n" };
// @ts-expect-error note, from the allOf's second member, is required too
export const noNote: Extended = { account_ids: [] };
