// One licence, said the same way everywhere: package.json, the LICENSE file the tarball
// ships, and the spec's info.license (which the docs page and the bundled openapi.json show).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../support/fixtures.js";

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("the licence", () => {
  it("is BSD-3-Clause in package.json, LICENSE and the spec, with Cloudflare's notice for what derives from its definition", () => {
    const pkg = JSON.parse(read("package.json")) as { license: string; files: string[] };
    const spec = parse(read("spec/openapi.yaml")) as { info: { license: { name: string; identifier?: string; url?: string } } };
    const licence = read("LICENSE");
    expect(pkg.license).toBe("BSD-3-Clause");
    expect(spec.info.license.name).toBe(pkg.license);
    expect(licence.split("\n")[0]).toBe("BSD 3-Clause License");
    // Cloudflare's copyright line, as test/fixtures/cloudflare/LICENSE (the definition spec/ derives from) has it.
    const theirs = read("test/fixtures/cloudflare/LICENSE").split("\n").find((line) => line.startsWith("Copyright"))!;
    expect(licence).toContain(theirs.replace(/\s+$/, ""));
  });
});
