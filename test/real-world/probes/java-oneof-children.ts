// Type probe for documents/java-oneof-children.yaml: a child is its parent's fields plus its own; the parent is one of its children.
import type { components } from "./schema.js";

type Rule = components["schemas"]["ValidationRule"];
type Regex = components["schemas"]["RegexRule"];
export const regex: Regex = { ruleType: "REGEX", pattern: "^[a-z]+$" };
// @ts-expect-error a child has its parent's required fields
export const noRuleType: Regex = { pattern: "^[a-z]+$" };
export const range: Rule = { ruleType: "RANGE", min: 1, max: 2, enabled: true };
export const asParent: Rule = regex;
// @ts-expect-error the parent is one of its children: its own fields alone are not enough
export const bare: Rule = { ruleType: "REGEX" };
