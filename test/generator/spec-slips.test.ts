/**
 * The slips that would make one of the generator's outputs wrong (issue 18, issue 19
 * items 8 and 9), each reported at file:line:col in the file of a split spec that holds
 * it: refused (path without "/", server URL that is no URL, unknown type, format that is
 * not a string, unresolved $ref with the nearest name) or warned (examples their schema
 * rejects, `required` naming no property, a repeated enum value), and refused then too
 * when the spec asks for strictness (`x-zt-generator: { strict: true }`, as spec/ does)
 * or the CLI gets `--strict`. README's "Security" section holds the same table.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { formatProblem, SpecError } from "../../generator/lib/spec-error.js";
import { readOutput } from "../../generator/write/output-folder.js";
import { cliBundle, runCli, startCli } from "../support/cli.js";
import { ARTIFACTS, copySpec, editFile } from "../support/spec-copy.js";

beforeAll(() => {
  cliBundle();
});

const ROOT_FILE = (settings = "") => `openapi: 3.1.0
info: { title: Notes, version: 1.0.0 }
${settings}servers:
  - url: https://notes.example.com/api
paths:
  /notes/{id}:
    $ref: paths/note.yaml
components:
  schemas:
    Note:
      $ref: schemas/Note.yaml
`;

const PATH_FILE = `get:
  operationId: getNote
  parameters:
    - name: id
      in: path
      required: true
      schema: { type: integer }
      example: 7
  responses:
    "200":
      description: ok
      content:
        application/json:
          schema: { $ref: ../schemas/Note.yaml }
          example: { id: 1, risk_level: low }
`;

const SCHEMA_FILE = `type: object
required: [id, risk_level]
properties:
  id: { type: integer }
  risk_level:
    type: string
    enum: [low, high]
    example: low
`;

/** A split spec (root, a path file, a schema file) in its own folder, each file edited by `edit`; returns the root's path. */
function splitSpec(
  edit: { root?: (t: string) => string; path?: (t: string) => string; schema?: (t: string) => string; settings?: string } = {},
): string {
  const dir = mkdtempSync(path.join(ARTIFACTS, "slips-"));
  mkdirSync(path.join(dir, "paths"));
  mkdirSync(path.join(dir, "schemas"));
  const id = <T>(t: T) => t;
  writeFileSync(path.join(dir, "openapi.yaml"), (edit.root ?? id)(ROOT_FILE(edit.settings)));
  writeFileSync(path.join(dir, "paths/note.yaml"), (edit.path ?? id)(PATH_FILE));
  writeFileSync(path.join(dir, "schemas/Note.yaml"), (edit.schema ?? id)(SCHEMA_FILE));
  return path.join(dir, "openapi.yaml");
}

/** What generate() makes of `root`: the refusal's lines, or its warnings' lines. */
async function outcome(root: string): Promise<{ refused: string[] } | { warnings: string[] }> {
  try {
    return { warnings: (await generate(root)).warnings.map(formatProblem) };
  } catch (error) {
    if (error instanceof SpecError) return { refused: error.problems.map(formatProblem) };
    throw error;
  }
}

/** The display path of a file of the spec whose root is `root`. */
const at = (root: string, file: string) =>
  path
    .relative(process.cwd(), path.join(path.dirname(root), file))
    .split(path.sep)
    .join("/");

describe("the spec as written generates with no warning", () => {
  it("(the fixture is clean, so each case below changes one thing)", async () => {
    expect(await outcome(splitSpec())).toEqual({ warnings: [] });
  });
});

describe("refused: what would make a request or a type wrong", () => {
  it("a path without its leading slash (issue 19 item 8), at the key in the root file", async () => {
    const root = splitSpec({ root: (t) => t.replace("  /notes/{id}:", "  notes/{id}:") });
    expect(await outcome(root)).toEqual({
      refused: [expect.stringMatching(new RegExp(`^${at(root, "openapi.yaml")}:6:3: the path "notes/\\{id\\}" must begin with "/"`))],
    });
  });

  it("a path holding a query string, or an empty parameter name, at the key", async () => {
    const query = splitSpec({ root: (t) => t.replace("  /notes/{id}:", "  /notes/{id}?all=true:") });
    expect(await outcome(query)).toEqual({
      refused: [
        expect.stringMatching(new RegExp(`^${at(query, "openapi.yaml")}:6:3: the path "/notes/\\{id\\}\\?all=true" holds a query`)),
      ],
    });
    const empty = splitSpec({ root: (t) => t.replace("  /notes/{id}:", "  /notes/{id}/{}:") });
    expect(await outcome(empty)).toEqual({
      refused: [
        expect.stringMatching(
          new RegExp(`^${at(empty, "openapi.yaml")}:6:3: the path "/notes/\\{id\\}/\\{\\}" has an empty template expression`),
        ),
      ],
    });
  });

  it("a parameter sent nowhere (`in: body`, a 2.0 leftover), in the path file", async () => {
    const root = splitSpec({
      path: (t) => t.replace("  parameters:\n", "  parameters:\n    - { name: q, in: body, schema: { type: string } }\n"),
    });
    expect(await outcome(root)).toEqual({
      refused: expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${at(root, "paths/note.yaml")}:4:\\d+: \`in\` can be one of the following only`)),
      ]),
    });
  });

  it("a server URL that is not a URL (issue 19 item 9), at the url", async () => {
    const root = splitSpec({ root: (t) => t.replace("https://notes.example.com/api", '"https://notes example.com/api"') });
    expect(await outcome(root)).toEqual({
      refused: [`${at(root, "openapi.yaml")}:4:10: the server URL "https://notes example.com/api" is not a URL (zt-generator/server-url)`],
    });
  });

  it("an operation's server URL that is not a URL, in the path file", async () => {
    const root = splitSpec({ path: (t) => t.replace("get:\n", 'get:\n  servers: [{ url: "http://[broken" }]\n') });
    expect(await outcome(root)).toEqual({
      refused: [`${at(root, "paths/note.yaml")}:2:20: the server URL "http://[broken" is not a URL (zt-generator/server-url)`],
    });
  });

  it("an unknown type, in the schema file, with the type it was probably meant to be", async () => {
    const root = splitSpec({ schema: (t) => t.replace("  id: { type: integer }", "  id: { type: bool }") });
    expect(await outcome(root)).toEqual({
      refused: [
        `${at(root, "schemas/Note.yaml")}:4:15: unknown type "bool" (did you mean "boolean"?); a type is one of string, number, integer, boolean, object, array, null (zt-generator/schema-type)`,
      ],
    });
  });

  it("an unknown type with validators on: the schema file's line, not `cannot build validators`", async () => {
    const root = splitSpec({
      settings: "x-zt-generator: { validators: true }\n",
      schema: (t) => t.replace("  id: { type: integer }", "  id: { type: bool }"),
    });
    const result = await outcome(root);
    expect(result).toEqual({ refused: [expect.stringMatching(new RegExp(`^${at(root, "schemas/Note.yaml")}:4:15: unknown type "bool"`))] });
  });

  it("a format that is not a string (Ajv and the docs would choke on it)", async () => {
    const root = splitSpec({ schema: (t) => t.replace("  id: { type: integer }", "  id: { type: integer, format: 64 }") });
    expect(await outcome(root)).toEqual({
      refused: [`${at(root, "schemas/Note.yaml")}:4:32: Expected type \`string\` but got \`integer\`. (struct)`],
    });
  });

  it("an unresolved $ref to a file names the file it missed and the nearest one there", async () => {
    const root = splitSpec({ path: (t) => t.replace("../schemas/Note.yaml", "../schemas/Noet.yaml") });
    expect(await outcome(root)).toEqual({
      refused: [
        expect.stringMatching(
          new RegExp(
            `^${at(root, "paths/note.yaml")}:14:19: Can't resolve \\$ref: ENOENT: .*Noet\\.yaml.* \\("\\.\\./schemas/Noet\\.yaml" names no file; nearest: \\.\\./schemas/Note\\.yaml\\) \\(zt-generator/ref-target\\)$`,
          ),
        ),
      ],
    });
  });

  it("an unresolved $ref inside a document names what it missed and the nearest name", async () => {
    const root = splitSpec({
      root: (t) =>
        t.replace(
          "paths:\n",
          "paths:\n  /all:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: { application/json: { schema: { $ref: '#/components/schemas/Nte' } } }\n",
        ),
    });
    expect(await outcome(root)).toEqual({
      refused: [
        `${at(root, "openapi.yaml")}:11:50: Can't resolve $ref "#/components/schemas/Nte": this file has no "Nte" under #/components/schemas (nearest: "Note") (zt-generator/ref-target)`,
      ],
    });
  });
});

const STRICT = "x-zt-generator: { strict: true }\n";

describe("examples their schema rejects: refused in a strict run, not checked otherwise", () => {
  const slips: [string, Parameters<typeof splitSpec>[0], RegExp][] = [
    [
      "a media-type example",
      { path: (t) => t.replace("risk_level: low }", "risk_levle: low }") },
      /paths\/note\.yaml:15:29: Example value must conform to the schema: must NOT have unevaluated properties `risk_levle`\. \(no-invalid-media-type-examples\)$/,
    ],
    [
      "a schema example",
      { schema: (t) => t.replace("example: low", "example: medium") },
      /schemas\/Note\.yaml:8:14: Example value must conform to the schema: must be equal to one of the allowed values "low", "high"\. \(no-invalid-schema-examples\)$/,
    ],
    [
      "a parameter example",
      { path: (t) => t.replace("example: 7", "example: seven") },
      /paths\/note\.yaml:8:16: Example value must conform to the schema: type must be integer\. \(no-invalid-parameter-examples\)$/,
    ],
  ];

  it.each(slips)("%s: refused when the spec says x-zt-generator: { strict: true }", async (_what, edit, message) => {
    const result = await outcome(splitSpec({ ...edit, settings: STRICT }));
    expect(result).toEqual({
      refused: expect.arrayContaining([expect.stringMatching(message), expect.stringMatching(/--strict refuses \d+ warnings?$/)]),
    });
  });

  it.each(slips)("%s: refused under --strict, by the CLI (its worker thread lints)", (_what, edit, message) => {
    const out = path.join(mkdtempSync(path.join(ARTIFACTS, "out-")), "gen");
    const { status, stderr } = runCli(["--strict", "--spec", splitSpec(edit), "--out", out]);
    expect(status).toBe(1);
    expect(stderr.split("\n")).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it("not checked in a run that is not strict (Ajv per example costs minutes on GitHub's API): no warning", async () => {
    expect(await outcome(splitSpec(slips[0]![1]))).toEqual({ warnings: [] });
  });
});

describe("warned, and refused in a strict run: what changes no request but makes a type or the docs wrong", () => {
  const slips: [string, Parameters<typeof splitSpec>[0], RegExp][] = [
    [
      "`required` naming a property the object does not declare",
      { schema: (t) => t.replace("required: [id, risk_level]", "required: [id, risk_levle]") },
      /schemas\/Note\.yaml:2:16: Required property 'risk_levle' is undefined\. \(no-required-schema-properties-undefined\)$/,
    ],
    [
      "a repeated enum value",
      { schema: (t) => t.replace("enum: [low, high]", "enum: [low, high, low]") },
      /schemas\/Note\.yaml:7:23: the enum lists "low" twice \(zt-generator\/enum-unique\)$/,
    ],
  ];

  it.each(slips)("%s: a warning at file:line:col", async (_what, edit, message) => {
    const result = await outcome(splitSpec(edit));
    expect(result).toEqual({ warnings: expect.arrayContaining([expect.stringMatching(message)]) });
  });

  it.each(slips)("%s: refused when the spec says x-zt-generator: { strict: true }", async (_what, edit, message) => {
    const result = await outcome(splitSpec({ ...edit, settings: STRICT }));
    expect(result).toEqual({
      refused: expect.arrayContaining([expect.stringMatching(message), expect.stringMatching(/--strict refuses \d+ warnings?$/)]),
    });
  });
});

describe("the project's own spec is generated strictly", () => {
  it("`npm run generate` on spec/ with an example its schema rejects exits 1 and leaves the output as it was", () => {
    const spec = copySpec();
    editFile(path.join(spec, "paths/behaviors.yaml"), "                  risk_level: low\n", "                  risk_levle: low\n");
    const out = path.join(mkdtempSync(path.join(ARTIFACTS, "out-")), "gen");
    const { status, stderr } = runCli(["--spec", path.join(spec, "openapi.yaml"), "--out", out]);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /paths\/behaviors\.yaml:\d+:\d+: Example value must conform to the schema: .*risk_levle.*\(no-invalid-media-type-examples\)/,
    );
    expect(stderr).toContain("was left as it was");
    expect(readOutput(out).size).toBe(0);
  });

  it("--watch applies the same checks: a save with a `required` typo is refused, the last good output kept", async () => {
    const spec = copySpec();
    const out = path.join(mkdtempSync(path.join(ARTIFACTS, "out-")), "gen");
    const child = startCli(["--watch", "--spec", path.join(spec, "openapi.yaml"), "--out", out]);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const waitFor = async (check: () => boolean, what: string) => {
      for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
      if (!check()) throw new Error(`timed out waiting for ${what}\nstdout: ${stdout}\nstderr: ${stderr}`);
    };
    try {
      await waitFor(() => stdout.includes("watching"), "the first run");
      const good = readOutput(out);
      expect(good.size).toBeGreaterThan(0);
      const behavior = path.join(spec, "components/schemas/Behavior.yaml");
      writeFileSync(behavior, readFileSync(behavior, "utf8").replace("  - risk_level\n", "  - risk_levle\n"));
      await waitFor(() => stderr.includes("was left as it was"), "the refusal");
      expect(stderr).toMatch(/components\/schemas\/Behavior\.yaml:\d+:\d+: Required property 'risk_levle' is undefined\./);
      expect(readOutput(out)).toEqual(good);
    } finally {
      child.kill("SIGINT");
      await new Promise((resolve) => child.on("exit", resolve));
    }
  }, 60_000);
});
