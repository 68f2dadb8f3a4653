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
  console.warn(
    `test/docs/docs.test.ts: SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium, or set CI=1 to make this fail)`,
  );
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
    await shows(main().getByRole("heading", { name: "Cloudflare Zero Trust Risk Scoring API (behaviors)" }));
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

  it("shows GET getBehaviors: summary, account_id, 200 and 4XX", async () => {
    await open(`/${sectionId("getBehaviors")}`);
    const op = main();
    await shows(op.getByRole("heading", { name: "Get all behaviors and associated configuration" }));
    await shows(op.getByText("Retrieves configured risk score behaviors", { exact: false }));
    await shows(op.getByText("account_id", { exact: true }));
    await shows(op.getByText("Account ID.", { exact: true }));
    await shows(op.getByRole("tab", { name: "200" }));
    await shows(op.getByRole("tab", { name: "4XX" }));
  });

  it("shows PUT updateBehaviors: summary, request body with the three risk levels, 200 and 4XX", async () => {
    await open(`/${sectionId("updateBehaviors")}`);
    const op = main();
    await shows(op.getByRole("heading", { name: "Update configuration for risk behaviors" }));
    await shows(op.getByText("Updates risk score behavior configurations", { exact: false }));
    await shows(op.getByText("account_id", { exact: true }));
    await shows(op.getByText("How much a behavior raises a user's risk score.", { exact: true }));
    for (const level of ["low", "medium", "high"]) {
      await shows(op.getByText(`"${level}"`, { exact: true }));
    }
    // The PUT section's response tabs (the GET section above it has its own).
    const tabs = op.getByRole("tablist", { name: "Response status" }).last();
    await shows(tabs.getByRole("tab", { name: "200" }));
    await tabs.getByRole("tab", { name: "4XX" }).click();
    await shows(op.getByText("The request failed;", { exact: false }));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await op.getByText("Enum", { exact: false }).last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, "updateBehaviors-body.png") });
  });

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
      const alternatives = spec.security.map((alt) => Object.keys(alt)).map((keys) => (keys.length > 1 ? `(${keys.join(" and ")})` : keys[0]));
      expect(text).toContain(`Security\nView security details\n${alternatives.join(" or ")}\n`);

      // The request samples panel: TypeScript first, then cURL; the text is the generator's, whole and unclipped.
      const code = section.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
      await chooseLanguage(page, section, "TypeScript");
      expect(await code.innerText()).toBe(sample.typescript.join("\n"));
      expect(await overflowing(code), "the TypeScript sample is wider than its panel").toEqual([]);
      // Tall enough to hold the whole sample beside the permissions and security.
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width: 1400, height: 1100 });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      await chooseLanguage(page, section, "cURL");
      expect(await code.innerText()).toBe(sample.curl.join("\n"));
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-curl.png`) });
      await page.setViewportSize({ width: 1400, height: 900 });
      await chooseLanguage(page, section, "TypeScript");

      // The response example, as the JSON viewer shows it.
      const response = section.locator('[data-component-name="CodeBlock/CodeBlock"]').nth(1);
      expect(JSON.parse(await response.innerText())).toEqual(operation.responses["200"]?.content["application/json"]?.example);
    },
  );

  it("the page lists a code sample for every operation of the spec, and no other", () => {
    const operations = Object.entries(spec.paths).flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m} ${path}`));
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
    expect(await code.innerText()).toBe(sample!.typescript.join("\n"));
    await chooseLanguage(page, section, "cURL");
    expect(await code.innerText()).toBe(sample!.curl.join("\n"));
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
    [root, ...root.querySelectorAll("*")].filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0).map((e) => `${e.tagName} ${e.scrollWidth} > ${e.clientWidth}`),
  );
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The parts of the bundled spec the tests read. */
interface Spec {
  security: Record<string, string[]>[];
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        summary: string;
        "x-api-token-group": string[];
        responses: Record<string, { content: Record<string, { example?: unknown }> } | undefined>;
      }
    >
  >;
}
