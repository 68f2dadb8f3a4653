// The published docs page, opened in a real browser with the network cut off: it must
// render the whole spec from file:// and request nothing outside the machine, and show
// for every operation what a reader needs to call it: the TypeScript and cURL samples,
// the accepted permissions, the security alternatives and the response example.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeSamples, introduction } from "../../generated/code-samples.js";
import { docsIntroduction, type DocsIntroduction } from "../../generator/emit/docs-introduction.js";
import { codeSamplesOf, type OperationSamples } from "../../generator/emit/emit-code-samples.js";
import { generate } from "../../generator/pipeline.js";
import { buildDocs, ROOT } from "../../scripts/build-docs.js";
import { INTRODUCTION_HEADINGS, PERMISSIONS_HEADING } from "../../scripts/docs-operations.js";

const CHROMIUM = "/usr/bin/chromium";
/** Screenshots to look at: each operation's section, the security panel, the overview (dist/ is git-ignored). */
const SCREENSHOTS = join(ROOT, "dist/docs-screenshots");
const hasChromium = existsSync(CHROMIUM);
// Locally, no Chromium means skip (with a message); in CI (.ci/run installs it) it must run.
const skip = !hasChromium && !process.env.CI;
if (skip) {
  console.warn(`test/docs/docs.test.ts: SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium, or set CI=1 to make this fail)`);
}

/**
 * Chromium with every request outside file:// (and data:/blob:) aborted and recorded in
 * `outside`, and page errors and console errors recorded in `errors`.
 */
async function offlineBrowser(userData: string, outside: string[], errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1400, height: 900 },
  });
  await context.route("**/*", (route) => {
    const requested = route.request().url();
    if (/^(file|data|blob):/.test(requested)) return route.continue();
    outside.push(requested);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  // Fail a missing element with its locator in the message, before vitest's own timeout.
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  return { context, page };
}

/** Picks a tab of an operation's request samples panel (the choice is the page's, shared by every operation). */
async function chooseLanguage(page: Page, section: Locator, label: "TypeScript" | "cURL"): Promise<void> {
  const button = section.getByRole("button", { name: /^(TypeScript|cURL)$/ });
  if ((await button.innerText()).trim() === label) return;
  await button.click();
  // The menu opens in a layer of its own, outside the section.
  await page.getByRole("menuitem", { name: label, exact: true }).filter({ visible: true }).click();
  await section.getByRole("button", { name: label, exact: true }).waitFor({ state: "visible" });
}

describe.skipIf(skip)("docs page (dist/docs/index.html) offline in Chromium", () => {
  let tmp: string;
  let url: string;
  /** The bundled spec the page documents (dist/docs/openapi.json). */
  let spec: Spec;
  let context: BrowserContext;
  let page: Page;
  /** Every request that tried to leave file:// (aborted, so none left the machine). */
  const outside: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "zt-docs-"));
    const out = buildDocs(join(tmp, "docs"));
    url = pathToFileURL(out.html).href;
    spec = JSON.parse(readFileSync(out.json, "utf8")) as Spec;
    ({ context, page } = await offlineBrowser(join(tmp, "user-data"), outside, errors));
    await page.goto(url, { waitUntil: "load" });
  });

  afterAll(async () => {
    await context?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const main = (): Locator => page.locator("main");
  async function shows(locator: Locator): Promise<void> {
    await locator.first().waitFor({ state: "visible", timeout: 10_000 });
  }
  async function open(hash: string): Promise<void> {
    await page.goto(`${url}#${hash}`);
  }

  it("renders the overview, hydrated, with download links to the bundled spec", async () => {
    await shows(main().getByRole("heading", { name: spec.info.title }));
    await shows(page.getByRole("link", { name: "OpenAPI (YAML)" }));
    await shows(page.getByRole("link", { name: "OpenAPI (JSON)" }));
    expect(await page.getByRole("link", { name: "OpenAPI (YAML)" }).first().getAttribute("href")).toBe("openapi.yaml");
  });

  it("shows every operation on the first page, without a click: scrolling reaches each", async () => {
    await page.goto(url);
    // No tag folds the operations behind "+ Show"; Redoc renders each as the reader scrolls to it.
    for (const sample of codeSamples) {
      const summary = spec.paths[sample.path]?.[sample.method]?.summary ?? "";
      const heading = main().getByRole("heading", { name: summary });
      for (let step = 0; step < 100 && (await heading.count()) === 0; step++) {
        await page.evaluate(() => window.scrollBy(0, 600));
        await page.waitForTimeout(50);
      }
      await shows(heading);
    }
    expect(await page.getByRole("button", { name: /^\+ Show$/ }).count()).toBe(0);
  });

  it("opens with an introduction made from the spec: install, create the client, errors, retries, testing", async () => {
    await page.goto(url);
    const body = main();
    // Each heading's name starts with its deep link's label ("link to section/install Install").
    for (const heading of INTRODUCTION_HEADINGS) await shows(body.getByRole("heading", { name: new RegExp(` ${heading}$`) }));
    const text = await body.innerText();
    expect(text).toContain(introduction.install);
    // The code blocks hold the generator's lines, whole.
    const blocks = await body.locator("pre").allInnerTexts();
    expect(blocks.map((b) => b.trim())).toContain(introduction.createClient.join("\n").trim());
    if (introduction.testing) expect(blocks.map((b) => b.trim())).toContain(introduction.testing.join("\n").trim());
    // One table row per credential option, with how it is sent and its environment variable.
    const rows = await body.getByRole("row").allInnerTexts();
    for (const credential of introduction.credentials) {
      const row = rows.find((r) => r.startsWith(`${credential.option} (${credential.scheme})`));
      expect(row, `no row for ${credential.option} in:\n${rows.join("\n")}`).toBeDefined();
      expect(row).toContain(credential.sentAs);
      if (credential.env) expect(row).toContain(credential.env);
    }
    if (introduction.baseUrl) expect(text).toContain(introduction.baseUrl);
    if (introduction.baseUrlEnv) expect(text).toContain(introduction.baseUrlEnv);
    expect(text).toContain(`Every failure rejects with a ${introduction.errorClass}.`);
    expect(text).toContain(`(the ${introduction.requestIdHeader} header)`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "introduction.png"), fullPage: true });
  });

  // What each operation shows is read from the bundled spec, never written here: a fixed
  // description or a new enum value needs no edit of this file. A text the page lacks fails
  // as a text diff against the page's line most like it (see asShown), not as a locator timeout.
  it.each(codeSamples.map((sample) => [sample.name, sample] as const))(
    "%s: shows its summary, description, parameters, request body and responses",
    async (_name, { method, path }) => {
      const operation = spec.paths[path]?.[method];
      if (!operation) throw new Error(`${method} ${path} is not in the bundled spec`);
      await page.reload();
      await open(`/${sectionId(operation.operationId)}`);
      const section = page.locator(`[id="${sectionId(operation.operationId)}"]`);
      await section.locator("h2").first().waitFor({ state: "visible" });
      const expected = [operation.summary, operation.description ?? ""];
      for (const parameter of [...(spec.paths[path]!.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve(spec, p))) {
        expected.push(parameter.name, parameter.description ?? "");
      }
      // Each enum of the request body, and its description: the values as Redoc quotes them.
      for (const schema of schemasOf(spec, operation.requestBody)) {
        if (Array.isArray(schema.enum)) expected.push(schema.description ?? "", ...schema.enum.map((v: unknown) => JSON.stringify(v)));
      }
      // Polled: Redoc renders the nested schemas after the section (the whole page: the GET above shares them).
      await expect.poll(async () => asShown(await main().innerText(), expected), { timeout: 10_000 }).toEqual(expected);

      // Every response, tab by tab, with its description.
      const tabs = section.getByRole("tablist", { name: "Response status" }).first();
      for (const [status, response] of Object.entries(operation.responses)) {
        await tabs.getByRole("tab", { name: status, exact: true }).click();
        const description = resolve(spec, response).description ?? "";
        await expect
          .poll(async () => asShown(await section.innerText(), [description]), { message: `response ${status}`, timeout: 10_000 })
          .toEqual([description]);
      }
      if (operation.requestBody) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await section.getByText("Enum", { exact: false }).last().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOTS, `${operation.operationId}-body.png`) });
      }
    },
  );

  it("shows both security alternatives: api_token (bearer) and api_email + api_key", async () => {
    await shows(main().getByText("api_token", { exact: true }));
    await main().getByText("View security details").last().click();
    // The security panel (not an ARIA dialog) has one tab per alternative.
    await shows(page.getByRole("tab", { name: "api_token", exact: true }));
    await shows(page.getByText("Authorization: Bearer", { exact: false }));
    await shows(page.getByText("HTTP Authorization Scheme", { exact: false }));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "security.png") });
    await page.getByRole("tab", { name: "api_email and api_key", exact: true }).click();
    await shows(page.getByText("X-Auth-Email", { exact: false }));
    await shows(page.getByText("X-Auth-Key", { exact: false }));
  });

  it.each(codeSamples.map((sample) => [sample.name, sample] as const))(
    "%s: shows the TypeScript and cURL samples, the accepted permissions, the security alternatives and the response example",
    async (name, sample) => {
      const operation = spec.paths[sample.path]?.[sample.method];
      if (!operation) throw new Error(`${sample.method} ${sample.path} is not in the bundled spec`);
      // A fresh page: the security panel an earlier test opened would cover the samples panel.
      await page.reload();
      await open(`/${sectionId(operation.operationId)}`);
      const section = page.locator(`[id="${sectionId(operation.operationId)}"]`);
      await shows(section.getByRole("heading", { name: operation.summary }));
      const text = await section.innerText();

      // The permissions, worded as Cloudflare's reference words them: a bold heading, then the list.
      const permissions = operation["x-api-token-group"];
      await shows(section.locator("strong", { hasText: PERMISSIONS_HEADING }));
      expect(text).toContain(`${PERMISSIONS_HEADING}\n\n${permissions.join("\n")}\nSecurity`);
      for (const permission of permissions) await shows(section.getByRole("listitem").filter({ hasText: permission }));
      // The security alternatives, as before: "a or (b and c)".
      const alternatives = spec.security
        .map((alt) => Object.keys(alt))
        .map((keys) => (keys.length > 1 ? `(${keys.join(" and ")})` : keys[0]));
      expect(text).toContain(`Security\nView security details\n${alternatives.join(" or ")}\n`);

      // The request samples panel: TypeScript first, then cURL; the text is the generator's, whole and unclipped.
      const code = section.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
      await chooseLanguage(page, section, "TypeScript");
      await expect.poll(() => code.innerText(), { timeout: 10_000 }).toBe(sample.typescript.join("\n")); // the panel redraws after the tab changes
      expect(await overflowing(code), "the TypeScript sample is wider than its panel").toEqual([]);
      // Tall enough to hold the whole sample beside the permissions and security.
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width: 1400, height: 1100 });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      await chooseLanguage(page, section, "cURL");
      await expect.poll(() => code.innerText(), { timeout: 10_000 }).toBe(sample.curl.join("\n")); // the panel redraws after the tab changes
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-curl.png`) });
      await page.setViewportSize({ width: 1400, height: 900 });
      await chooseLanguage(page, section, "TypeScript");

      // The response example, as the JSON viewer shows it.
      const response = section.locator('[data-component-name="CodeBlock/CodeBlock"]').nth(1);
      expect(JSON.parse(await response.innerText())).toEqual(operation.responses["200"]?.content["application/json"]?.example);
    },
  );

  it("the page lists a code sample for every operation of the spec, and no other", () => {
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m} ${path}`),
    );
    expect(codeSamples.map((s) => `${s.method} ${s.path}`)).toEqual(operations);
  });

  it("requested nothing outside file:// and logged no error", async () => {
    await page.goto(url);
    await page.waitForTimeout(500);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "overview.png") });
    expect(outside, `requests that tried to leave the machine:\n${outside.join("\n")}`).toEqual([]);
    expect(outside.length).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(skip)("a hostile spec's docs page: samples and permissions show as text, nothing runs", () => {
  const SPEC = join(ROOT, "test/hostile/corpus/sample-breakouts.yaml");
  let tmp: string;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  let samples: OperationSamples[];
  let introduction: DocsIntroduction;
  const outside: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "zt-docs-hostile-"));
    const { model } = await generate(SPEC);
    samples = codeSamplesOf(model);
    introduction = docsIntroduction(model);
    const out = buildDocs(join(tmp, "docs"), { path: SPEC, samples, introduction });
    ({ context, page } = await offlineBrowser(join(tmp, "user-data"), outside, errors));
    url = pathToFileURL(out.html).href;
    await page.goto(url, { waitUntil: "load" });
  }); // the hook default (vitest.config.ts): a docs build, Chromium and a generate() take 28 s under load

  afterAll(async () => {
    await context?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("lists each permission as plain text, with no link, image, emphasis or script made from it", async () => {
    const [sample] = samples;
    await page.goto(`${url}#/other/putthing`);
    const section = page.locator('[id="other/putthing"]');
    await section.getByRole("heading", { name: "Put a thing" }).waitFor();
    const list = section.locator("ul").filter({ has: page.getByText(/onerror/) });
    expect(await list.getByRole("listitem").allInnerTexts()).toEqual(sample!.permissions.map((p) => p.replace(/\s+/g, " ").trim()));
    expect(await list.locator("a, img, strong, em, code, script, h1").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it("shows the TypeScript and cURL samples exactly as emitted", async () => {
    const [sample] = samples;
    await page.goto(`${url}#/other/putthing`);
    const section = page.locator('[id="other/putthing"]');
    const code = section.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
    await chooseLanguage(page, section, "TypeScript");
    await expect.poll(() => code.innerText(), { timeout: 10_000 }).toBe(sample!.typescript.join("\n")); // the panel redraws after the tab changes
    await chooseLanguage(page, section, "cURL");
    await expect.poll(() => code.innerText(), { timeout: 10_000 }).toBe(sample!.curl.join("\n")); // the panel redraws after the tab changes
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it("shows the introduction's spec text (package name, server, scheme) as text, and runs none of it", async () => {
    await page.goto(url);
    const body = page.locator("main");
    await body.getByRole("heading", { name: / Install$/ }).waitFor();
    const blocks = await body.locator("pre").allInnerTexts();
    // The model refuses the package name (it is no npm name): the install line names none of it.
    expect(blocks.map((b) => b.trim())).toContain(introduction.install);
    expect(introduction.install).not.toContain("__pwned");
    expect(await body.innerText()).toContain("https://api.example.com/v1/$(touch%20pwned-sh)/`touch%20pwned-sh`");
    expect(await body.locator("table a, table img, table script, table strong, table em").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it("requested nothing outside file:// and logged no error", () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** Where Redoc puts an operation without tags (the docs drop them): its route and its section's id. */
function sectionId(operationId: string): string {
  return `other/${operationId.toLowerCase()}`;
}

/** The elements of a code block whose content is wider than they show. */
async function overflowing(block: Locator): Promise<string[]> {
  return block.evaluate((root) =>
    [root, ...root.querySelectorAll("*")]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)
      .map((e) => `${e.tagName} ${e.scrollWidth} > ${e.clientWidth}`),
  );
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Follows a local `$ref`. */
function resolve(doc: unknown, node: any): any {
  while (node && typeof node.$ref === "string") {
    node = node.$ref
      .slice(2)
      .split("/")
      .reduce((at: any, key: string) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return node;
}

/** Every schema reachable from `node` (refs followed once each). */
function schemasOf(doc: unknown, node: unknown, seen = new Set<unknown>()): any[] {
  const target = resolve(doc, node);
  if (target === null || typeof target !== "object" || seen.has(target)) return [];
  seen.add(target);
  const own = "type" in target || "enum" in target ? [target] : [];
  return [...own, ...Object.values(target).flatMap((child) => schemasOf(doc, child, seen))];
}

/** Text as a reader compares it: Markdown's code and emphasis marks gone, whitespace collapsed. */
function plain(text: string): string {
  return text.replace(/[`*]/g, "").replace(/\s+/g, " ").trim();
}

/**
 * Each expected text as the page shows it: the text itself when the page holds it, else the
 * page's line that shares the most words with it, so that toEqual prints a readable diff.
 */
function asShown(pageText: string, expected: string[]): string[] {
  const page = plain(pageText);
  const lines = pageText.split("\n").map(plain).filter(Boolean);
  return expected.map((want) => {
    if (page.includes(plain(want))) return want;
    const words = new Set(plain(want).toLowerCase().split(" "));
    const score = (line: string) =>
      line
        .toLowerCase()
        .split(" ")
        .filter((w) => words.has(w)).length;
    const best = lines.reduce((a, b) => (score(b) > score(a) ? b : a), "");
    return score(best) > 0 ? best : `(nothing like it on the page: ${want})`;
  });
}

/** The parts of the bundled spec the tests read. */
interface Spec {
  info: { title: string };
  security: Record<string, string[]>[];
  paths: Record<
    string,
    { parameters?: any[] } & Record<
      string,
      {
        operationId: string;
        summary: string;
        description?: string;
        tags: string[];
        parameters?: any[];
        requestBody?: unknown;
        "x-api-token-group": string[];
        responses: Record<string, { content: Record<string, { example?: unknown }> } | undefined>;
      }
    >
  >;
}
