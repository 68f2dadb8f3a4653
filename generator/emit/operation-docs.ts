import type { OperationModel } from "../model/api-model.js";
import { docText } from "../lib/ts-text.js";
import type { JSDocStructure, OptionalKind } from "ts-morph";

/** JSDoc for anything derived from an operation: a lead line, the summary, the description, and `METHOD path`. */
export function operationDocs(op: OperationModel, lead?: string): OptionalKind<JSDocStructure>[] {
  return [
    {
      description: docText([lead, op.summary, op.description, `\`${op.method} ${op.path}\``]),
      ...(op.deprecated ? { tags: [{ tagName: "deprecated" }] } : {}),
    },
  ];
}
