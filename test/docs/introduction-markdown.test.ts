// The docs page's introduction as Markdown (scripts/docs-operations.ts), from hand-built
// introductions: every section, and spec text that cannot break out of a table cell, a
// paragraph or a code block. The page itself is read in Chromium by docs.test.ts.
import { describe, expect, it } from "vitest";
import type { DocsIntroduction } from "../../generated/code-samples.js";
import { INTRODUCTION_HEADINGS, introductionMarkdown } from "../../scripts/docs-operations.js";

const plain: DocsIntroduction = {
  packageName: "pets-client",
  install: "npm install pets-client",
  createClient: ['import { createClient } from "pets-client";', "", "const client = createClient();"],
  credentials: [{ option: "petsToken", scheme: "pets_token", sentAs: "Authorization: Bearer <token>", env: "PETS_TOKEN" }],
  baseUrl: "https://pets.example.com/v1",
  requestIdHeader: "x-request-id",
  errorClass: "ClientError",
  testing: ["server.use(mock.listPets(() => apiError(404)));"],
};

const HOSTILE = '<img src=x onerror="globalThis.__pwned=1"> | *bold* [link](javascript:alert(1)) `code`';

describe("introductionMarkdown", () => {
  it("has every section, in order, with the install command and each code block whole", () => {
    const md = introductionMarkdown(plain);
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([...INTRODUCTION_HEADINGS]);
    expect(md).toContain("```sh\nnpm install pets-client\n```");
    expect(md).toContain(`\`\`\`ts\n${plain.createClient.join("\n")}\n\`\`\``);
    expect(md).toContain(`\`\`\`ts\n${plain.testing!.join("\n")}\n\`\`\``);
    expect(md).toContain("| petsToken (pets\\_token) | Authorization\\: Bearer &lt;token&gt; | PETS\\_TOKEN |");
  });

  it("leaves out the test kit's section when there is none, and says a spec without schemes sends no credentials", () => {
    const { testing: _, ...rest } = plain;
    const md = introductionMarkdown({ ...rest, credentials: [] });
    expect(md).not.toContain("## Testing");
    expect(md).toContain("calls carry no credentials");
  });

  it("keeps spec text inside its table cell and paragraph: no tag, link, emphasis or extra column", () => {
    const md = introductionMarkdown({
      ...plain,
      credentials: [{ option: "a", scheme: HOSTILE, sentAs: `header ${HOSTILE}`, env: HOSTILE }],
      baseUrl: HOSTILE,
      errorClass: HOSTILE,
      requestIdHeader: HOSTILE,
    });
    const row = md.split("\n").find((line) => line.startsWith("| a ("))!;
    // Three cells: every `|` of the spec's text is escaped.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(3);
    for (const line of md.split("\n").filter((l) => !l.startsWith("```") && !l.startsWith("import") && !l.startsWith("server."))) {
      expect(line).not.toMatch(/<img|\]\(javascript|(?<!\\)\*bold/);
    }
  });

  it("makes a code block's fence longer than any run of backticks in it, and puts each line on its own", () => {
    const md = introductionMarkdown({ ...plain, createClient: ["const a = `x`;", "```", "````five````", "a\nb"] });
    expect(md).toContain("`````ts\nconst a = `x`;\n```\n````five````\na b\n`````");
  });
});
