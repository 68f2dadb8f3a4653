/**
 * Warnings and refusals (generator/load/problem-verdict.ts): what would make the output
 * wrong is refused; what is wrong in a spec but changes no type or name generates, with
 * a warning at file:line:col on stderr and in `Generated.warnings`; `--strict` refuses
 * those too, leaving the output as it was. The CLI runs with its worker thread (which
 * lints), generate() in one thread: both report the same warnings.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { formatProblem, SpecError } from "../../generator/lib/spec-error.js";
import { readOutput } from "../../generator/write/output-folder.js";
import { cliBundle, runCli } from "../support/cli.js";
import { ARTIFACTS } from "../support/spec-copy.js";
import { earlierOutput as earlierOutputOf } from "./support/earlier-output.js";

const LEFTOVERS = "node_modules/@readme/oas-examples/3.1/yaml/schema-validation-local.yaml";
const MANY = "node_modules/@readme/oas-examples/3.1/yaml/readme.yaml";

/** A fresh folder holding the output for spec/, as an earlier run left it. */
const earlierOutput = () => earlierOutputOf("warnings-");

/** A one-file spec in its own folder. */
function spec(text: string): string {
  const file = path.join(mkdtempSync(path.join(ARTIFACTS, "verdict-")), "openapi.yaml");
  writeFileSync(file, text);
  return file;
}

/** The problems generate() refuses `file` with, or "generated" and its warnings. */
async function outcome(file: string): Promise<{ refused: string[] } | { warnings: string[] }> {
  try {
    return { warnings: (await generate(file)).warnings.map(formatProblem) };
  } catch (error) {
    if (error instanceof SpecError) return { refused: error.problems.map(formatProblem) };
    throw error;
  }
}

const operation = (extra: string) => `
openapi: 3.1.0
info: { title: t, version: 1.0.0 }
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } }
components:
  schemas:
    Thing:
${extra}`;

beforeAll(() => {
  cliBundle();
});

describe("warnings, not refusals, for what changes no type", () => {
  it("the CLI prints each warning with file:line:col, generates, and exits 0", async () => {
    const out = await earlierOutput();
    const { status, stdout, stderr } = runCli(["--spec", LEFTOVERS, "--out", out]);
    expect(status, stderr).toBe(0);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(11);
    for (const line of lines.slice(0, 10))
      expect(line).toMatch(
        /^node_modules\/@readme\/oas-examples\/3\.1\/yaml\/schema-validation-local\.yaml:\d+:\d+: warning: Expected type `number` but got `boolean`\. \(struct\)$/,
      );
    expect(lines[10]).toBe("10 warnings: the output is generated all the same (--strict refuses a spec with warnings)");
    // The CLI lints in its worker thread; generate() lints in this one: the same warnings.
    const inThread = (await generate(LEFTOVERS)).warnings.map((w) => formatProblem({ ...w, message: `warning: ${w.message}` }));
    expect(inThread).toEqual(lines.slice(0, 10));
    expect(stdout).toMatch(/^wrote \d+ files to .*: 5 operations/);
    expect(readOutput(out).get("index.ts")).toContain(LEFTOVERS);
  });

  it("--strict refuses them: exit 1, the same problems, the output as it was", async () => {
    const out = await earlierOutput();
    const before = readOutput(out);
    const { status, stderr } = runCli(["--strict", "--spec", LEFTOVERS, "--out", out]);
    expect(status, stderr).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines.filter((l) => /:\d+:\d+: Expected type `number` but got `boolean`\. \(struct\)$/.test(l))).toHaveLength(10);
    // A strict run also checks examples: four of its integer and number examples are strings.
    expect(
      lines.filter((l) =>
        /:\d+:\d+: Example value must conform to the schema: type must be (integer|number)\. \(no-invalid-schema-examples\)$/.test(l),
      ),
    ).toHaveLength(4);
    expect(lines.at(-2)).toBe(`${LEFTOVERS}: --strict refuses 14 warnings`);
    expect(lines.at(-1)).toBe(`${out}/ was left as it was.`);
    expect(readOutput(out)).toEqual(before);
  });

  it("--strict passes a spec without warnings (the project's own)", async () => {
    const out = await earlierOutput();
    const { status, stderr } = runCli(["--strict", "--spec", "spec/openapi.yaml", "--out", out]);
    expect(stderr).toBe("");
    expect(status, stderr).toBe(0);
  });

  it("hundreds of warnings: the first 20 printed, all counted (all of them are in Generated.warnings: real-world.test.ts)", async () => {
    const out = await earlierOutput();
    const { status, stderr } = runCli(["--spec", MANY, "--out", out]);
    expect(status, stderr).toBe(0);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(21);
    for (const line of lines.slice(0, 20))
      expect(line).toMatch(
        /^node_modules\/@readme\/oas-examples\/3\.1\/yaml\/readme\.yaml:\d+:\d+: warning: Property `nullable` is not expected here\. \(struct\)$/,
      );
    expect(lines[20]).toBe(
      "498 warnings, 478 of them not shown: the output is generated all the same (--strict refuses a spec with warnings)",
    );
  });
});

describe("a warning that quotes the spec", () => {
  it("shows a line break or carriage return in a name, so that the name cannot forge another line of the report", async () => {
    const out = await earlierOutput();
    // An unknown field of `info` (a warning) whose name rewrites the terminal's line and adds one.
    const forged = "x\rspec/openapi.yaml:1:1: all good\nspec/openapi.yaml:2:2: warning: forged";
    const file = path.join(mkdtempSync(path.join(ARTIFACTS, "forged-")), "openapi.json");
    writeFileSync(file, JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: "1", [forged]: 1 }, paths: {} }));
    const { status, stderr } = runCli(["--spec", file, "--out", out]);
    expect(status, stderr).toBe(0);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(2); // the warning and the count
    expect(lines[0]).toContain("x<U+000D>spec/openapi.yaml:1:1: all good<U+000A>spec/openapi.yaml:2:2: warning: forged");
    expect(stderr).not.toContain("\r");
  });
});

describe("the line between warnings and refusals", () => {
  it("warns: 3.0 leftovers in 3.1 (boolean exclusiveMinimum, nullable), unknown fields, a missing response description", async () => {
    const result = await outcome(
      spec(`${operation(`      type: object
      nullable: true
      x-anything: 1
      unknownKeyword: 2
      properties:
        size: { type: integer, exclusiveMinimum: true, minimum: 0, description: 42 }`)}
  responses:
    NoDescription: {}
`),
    );
    expect(result).toEqual({
      warnings: [
        expect.stringMatching(/openapi\.yaml:18:7: Property `nullable` is not expected here\. \(struct\)$/),
        expect.stringMatching(/openapi\.yaml:20:7: Property `unknownKeyword` is not expected here\. \(struct\)$/),
        expect.stringMatching(/openapi\.yaml:22:50: Expected type `number` but got `boolean`\. \(struct\)$/),
        expect.stringMatching(/openapi\.yaml:22:81: Expected type `string` but got `integer`\. \(struct\)$/),
        expect.stringMatching(/openapi\.yaml:24:5: The field `description` must be present on this level\. \(struct\)$/),
      ],
    });
  });

  it.each([
    [
      "`required` that is not a list (the wrong properties would be required)",
      "      type: object\n      required: name\n      properties: { name: { type: string } }",
      /openapi\.yaml:18:17: Expected type `array` but got `string`\./,
    ],
    [
      "a title that is not text (openapi-typescript would crash on it)",
      "      type: object\n      title: 5",
      /openapi\.yaml:18:14: Expected type `string` but got `integer`\./,
    ],
    [
      "properties that are a list",
      "      type: object\n      properties: [a, b]",
      /Expected type `SchemaProperties` \(object\) but got `array`/,
    ],
    [
      "a discriminator without propertyName",
      "      oneOf: [{ type: string }]\n      discriminator: { mapping: {} }",
      /openapi\.yaml:18:7: The field `propertyName` must be present on this level\./,
    ],
    [
      "a discriminator mapping to a schema that does not exist",
      "      oneOf: [{ $ref: '#/components/schemas/Other' }]\n      discriminator: { propertyName: kind, mapping: { a: Missing } }\n    Other: { type: object, properties: { kind: { type: string } } }",
      /Can't resolve \$ref/,
    ],
  ])("refuses %s", async (_what, schema, message) => {
    const result = await outcome(spec(operation(schema)));
    expect(result).toEqual({ refused: expect.arrayContaining([expect.stringMatching(message)]) });
  });

  it('refuses a parameter without a name (openapi-typescript would type one called "undefined")', async () => {
    const result = await outcome(
      spec(
        operation("      type: string").replace(
          "- { name: id, in: path, required: true, schema: { type: string } }",
          "- { name: id, in: path, required: true, schema: { type: string } }\n        - { in: query, schema: { type: string } }",
        ),
      ),
    );
    expect(result).toEqual({
      refused: [expect.stringMatching(/openapi\.yaml:10:11: The field `name` must be present on this level\. \(struct\)$/)],
    });
  });

  it("accepts a discriminator mapping that names a schema (OpenAPI allows names as well as references), with no warning", async () => {
    const file = spec(
      operation(`      oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }]
      discriminator: { propertyName: kind, mapping: { cat: Cat, dog: "#/components/schemas/Dog" } }
    Cat: { type: object, required: [kind], properties: { kind: { type: string } } }
    Dog: { type: object, required: [kind], properties: { kind: { type: string } } }`),
    );
    expect(await outcome(file)).toEqual({ warnings: [] });
    expect(readFileSync(file, "utf8")).toContain("mapping: { cat: Cat");
  });
});
