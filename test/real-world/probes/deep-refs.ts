// Type probe for documents/deep-refs.yaml, compiled beside its generated schema.ts: refs into other objects type as their targets.
import type { components, operations } from "./schema.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const assert = <T extends true>(): T | undefined => undefined;

type Body = operations["createItem"]["requestBody"]["content"]["application/json"];
export const body: Body = { name: "Widget", company_id: 1, tags: [{ id: 7, name: "urgent" }] };
// @ts-expect-error company_id is the parameter's schema (`#/components/parameters/CompanyId/schema`): an integer
export const wrongId: Body = { name: "Widget", company_id: "1" };
// @ts-expect-error a tag is `#/components/schemas/Tag/allOf/0`: id and name required
export const wrongTag: Body = { name: "Widget", company_id: 1, tags: [{ color: "red" }] };
// The path's request body, referred to by pointer from another operation, is the same type.
assert<Equal<operations["replaceItem"]["requestBody"]["content"]["application/json"], Body>>();
assert<Equal<operations["replaceItem"]["parameters"]["path"]["id"], number>>();
// The item inside Item, hoisted, is the response of replaceItem.
assert<Equal<operations["replaceItem"]["responses"][200]["content"]["application/json"], components["schemas"]["Item"]["item"]>>();
// A schema that refers into itself stays recursive.
export const section: components["schemas"]["Section"] = { name: "Overview", children: [{ name: "a", children: [{ children: [] }] }] };
// @ts-expect-error a child's name is text
export const wrongChild: components["schemas"]["Section"] = { name: "Overview", children: [{ children: [{ name: 1 }] }] };
