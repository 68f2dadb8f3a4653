import type { GlobalContext, OpenAPI3 } from "openapi-typescript";
import type * as TS from "typescript";
import { openapiTypescript, typescript } from "../lib/packages.js";
import { SpecError } from "../lib/spec-error.js";
import { identifier, NameRegistry, pascalCase } from "../model/names.js";
import { usesReadWrite } from "../model/read-write.js";

/**
 * schema.ts: openapi-typescript's `paths`, `components` and `operations`, from its Node API.
 * It reads the bundled document, not the model: openapi-typescript types the document whole.
 * The document is already linted and bundled by the load step, so this calls the
 * transform directly instead of `openapiTS()`, which would parse, lint and bundle again.
 * The options are openapiTS()'s defaults. openapi-typescript changes the document it is
 * given (scanDiscriminators adds the discriminator's enum and `required` to each mapped
 * schema): pass a copy when the document is used again, as the validators' Ajv must see
 * the spec's own schemas.
 */
export function emitSchema(document: unknown, source: string): string {
  const { astToString, resolveRef, scanDiscriminators, transformSchema } = openapiTypescript();
  const schema = document as OpenAPI3;
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
    // A property that is only a `$ref` hovers with its target's description (issue 19 item 7).
    transformProperty: (property, schemaObject) => {
      borrowDescription(schemaObject, (ref) => resolveRef(schema, ref, { silent: true }));
      return property;
    },
    makePathsEnum: false,
    generatePathParams: false,
    // Only when the document uses them: otherwise schema.ts stays as it was (model/read-write.ts).
    readWriteMarkers: usesReadWrite(schema),
    resolve($ref) {
      return resolveRef(schema, $ref, { silent: true });
    },
  };
  return astToString(aliasSchemas(nullSafeWithRequired(transformSchema(schema, ctx)), source));
}

/**
 * openapi-typescript types `allOf: [Base]` with its own `required: [k]` as
 * `WithRequired<Base, "k">`, whose `K extends keyof T` is `never` when Base is nullable
 * (`T` includes null): TS2344 in Plaid's API. Its helper is replaced by one that requires
 * the keys of the object part and keeps the null (JSON Schema's `required` constrains
 * objects only, so null still validates): the same type whenever T holds no null.
 */
function nullSafeWithRequired(nodes: TS.Node[]): TS.Node[] {
  const ts = typescript();
  const { stringToAST } = openapiTypescript();
  const at = nodes.findIndex((n) => ts.isTypeAliasDeclaration(n) && n.name.text === "WithRequired");
  if (at < 0) return nodes;
  const helper = "type WithRequired<T, K extends keyof NonNullable<T>> = T extends null ? T : T & { [P in K]-?: NonNullable<T>[P] };";
  return [...nodes.slice(0, at), ...(stringToAST(helper) as TS.Node[]), ...nodes.slice(at + 1)];
}

/**
 * Gives a `$ref` property without a description of its own its target's (followed
 * through `$ref` chains), for openapi-typescript to print as the property's JSDoc, after
 * this hook (so with its own escaping): a hover on `risk_level` then says what it is.
 * Changes only the copy of the document emitSchema is given.
 */
function borrowDescription(schemaObject: unknown, resolve: (ref: string) => unknown): void {
  if (typeof schemaObject !== "object" || schemaObject === null) return;
  const property = schemaObject as { $ref?: unknown; description?: unknown };
  if (typeof property.$ref !== "string" || property.description !== undefined) return;
  let target: unknown = property;
  const refOf = (node: unknown) => (typeof node === "object" && node !== null ? (node as { $ref?: unknown }).$ref : undefined);
  for (let hops = 0; hops < 16 && typeof refOf(target) === "string"; hops++) target = resolve(refOf(target) as string);
  const description = typeof target === "object" && target !== null ? (target as { description?: unknown }).description : undefined;
  if (typeof description === "string" && description.trim() !== "") property.description = description;
}

/**
 * openapi-typescript types every schema inline in `components.schemas` and refers to it as
 * `components["schemas"]["X"]`, so an editor names no schema: a hover on `behaviors` says
 * `{ [key: string]: components["schemas"]["Behavior"] }` (issue 19 item 7). Each schema is
 * declared as a type alias of its own (`type Behavior = { … }`, the name types.ts gives it
 * unless schema.ts already uses that name) and `components.schemas.Behavior` refers to it;
 * inside the aliases a schema refers to another by its alias, and TypeScript shows those names.
 *
 * That is also what lets a schema reach itself through unions, arrays or tuples alone
 * (`Json = string | Json[]`, a legal recursive schema): an indexed access is resolved at
 * once ("referenced directly or indirectly in its own type annotation", TS2502), an alias
 * may recurse through arrays and tuples. A cycle with no array, tuple or object on it at
 * all (`A = B | string`, `B = A | number`) cannot be typed and is refused.
 */
function aliasSchemas(nodes: TS.Node[], source: string): TS.Node[] {
  const ts = typescript();
  const schemas = schemaMembers(nodes);
  if (schemas === undefined || schemas.size === 0) return nodes;
  refuseUntypableCycles(schemas, source);

  const names = new NameRegistry(namesInUse(nodes));
  const alias = new Map([...schemas.keys()].map((name) => [name, names.claim(identifier(pascalCase(name), "Schema"))]));
  // One transform for all the schemas, not one per schema: cheaper on a document of thousands (Cloudflare: 3,716).
  const members = [...schemas].filter((entry): entry is [string, TS.PropertySignature & { type: TS.TypeNode }] => !!entry[1].type);
  const bodies = ts.transform(
    members.map(([, member]) => member.type),
    [
      (context) => (root) => {
        const visit = (node: TS.Node): TS.Node => {
          const name = schemaRef(node);
          if (name !== undefined && alias.has(name)) return ts.factory.createTypeReferenceNode(alias.get(name)!);
          return ts.visitEachChild(node, visit, context);
        };
        return ts.visitNode(root, visit) as TS.TypeNode;
      },
    ],
  ).transformed;
  const declarations = members.map(([name, member], i) => {
    (member as { type: TS.TypeNode }).type = ts.factory.createTypeReferenceNode(alias.get(name)!);
    return ts.factory.createTypeAliasDeclaration(undefined, alias.get(name)!, undefined, bodies[i]!);
  });
  return [...nodes, ...declarations];
}

/** Refuses schemas that reach each other with no object, array or tuple in between. */
function refuseUntypableCycles(schemas: Map<string, TS.PropertySignature>, source: string): void {
  const eager = new Map<string, Set<string>>();
  const direct = new Map<string, Set<string>>();
  for (const [name, member] of schemas) {
    eager.set(name, new Set());
    direct.set(name, new Set());
    if (member.type) collectRefs(member.type, false, eager.get(name)!, direct.get(name)!);
  }
  const recursive = onCycles(eager);
  const untypable = recursive.size === 0 ? undefined : findCycle(direct, recursive);
  if (untypable === undefined) return;
  throw new SpecError([
    {
      file: source,
      message: `schemas ${untypable.join(" → ")} contain each other with no object, array or tuple in between: no TypeScript type can express them`,
    },
  ]);
}

/** The names schema.ts declares or refers to (its interfaces, helpers, TypeScript's globals): no alias may shadow one. */
function namesInUse(nodes: TS.Node[]): string[] {
  const ts = typescript();
  const names = new Set<string>(["paths", "webhooks", "components", "$defs", "operations"]);
  const visit = (node: TS.Node): void => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) names.add(node.typeName.text);
    if ((ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) && ts.isIdentifier(node.name)) names.add(node.name.text);
    if (ts.isTypeParameterDeclaration(node)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  for (const node of nodes) visit(node);
  return [...names];
}

/** The members of `components.schemas` in openapi-typescript's `export interface components`. */
function schemaMembers(nodes: TS.Node[]): Map<string, TS.PropertySignature> | undefined {
  const ts = typescript();
  const components = nodes.find((n): n is TS.InterfaceDeclaration => ts.isInterfaceDeclaration(n) && n.name.text === "components");
  const schemas = components?.members.find((m): m is TS.PropertySignature => ts.isPropertySignature(m) && propertyName(m) === "schemas");
  if (!schemas?.type || !ts.isTypeLiteralNode(schemas.type)) return undefined;
  const members = new Map<string, TS.PropertySignature>();
  for (const member of schemas.type.members) {
    const name = ts.isPropertySignature(member) ? propertyName(member) : undefined;
    if (name !== undefined) members.set(name, member as TS.PropertySignature);
  }
  return members;
}

/** A property's name when it is written as an identifier, string or number. */
function propertyName(member: TS.PropertySignature): string | undefined {
  const ts = typescript();
  return ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) || ts.isNumericLiteral(member.name) ? member.name.text : undefined;
}

/** `components["schemas"]["X"]` (possibly indexed further): X. */
function schemaRef(node: TS.Node): string | undefined {
  const ts = typescript();
  if (!ts.isIndexedAccessTypeNode(node) || !ts.isIndexedAccessTypeNode(node.objectType)) return undefined;
  const base = node.objectType;
  const literal = (n: TS.TypeNode) => (ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal) ? n.literal.text : undefined);
  const isComponents =
    ts.isTypeReferenceNode(base.objectType) && ts.isIdentifier(base.objectType.typeName) && base.objectType.typeName.text === "components";
  return isComponents && literal(base.indexType) === "schemas" ? literal(node.indexType) : undefined;
}

/**
 * The schemas a type refers to outside any object type (`eager`: resolved at once), and
 * of those the ones outside any array or tuple as well (`direct`: not even an alias can
 * recurse through them).
 */
function collectRefs(node: TS.Node, inArray: boolean, eager: Set<string>, direct: Set<string>): void {
  const ts = typescript();
  if (ts.isTypeLiteralNode(node)) return;
  const name = schemaRef(node);
  if (name !== undefined) {
    eager.add(name);
    if (!inArray) direct.add(name);
    return;
  }
  const arrayLike = ts.isArrayTypeNode(node) || ts.isTupleTypeNode(node);
  ts.forEachChild(node, (child) => collectRefs(child, inArray || arrayLike, eager, direct));
}

/** The nodes of a graph that lie on a cycle. */
function onCycles(graph: Map<string, Set<string>>): Set<string> {
  const result = new Set<string>();
  for (const start of graph.keys()) {
    const seen = new Set<string>();
    const stack = [...(graph.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === start) {
        result.add(start);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(graph.get(next) ?? []));
    }
  }
  return result;
}

/** A cycle among `within`, as the names along it (first repeated last). */
function findCycle(graph: Map<string, Set<string>>, within: Set<string>): string[] | undefined {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(name);
    if (at >= 0) return [...path.slice(at), name];
    if (done.has(name) || !within.has(name)) return undefined;
    for (const next of graph.get(name) ?? []) {
      const cycle = visit(next, [...path, name]);
      if (cycle) return cycle;
    }
    done.add(name);
    return undefined;
  };
  for (const name of within) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return undefined;
}
