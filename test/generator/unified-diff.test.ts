// generator/write/unified-diff.ts against GNU `diff -u`: `--check` prints spec-derived
// text, and what it prints must be what diff would print, and apply back exactly.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { unifiedDiff } from "../../generator/write/unified-diff.js";

const scratch = mkdtempSync(path.join(tmpdir(), "zt-unified-diff-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What `diff -u` prints for the two texts, from its first hunk on ("" when they are equal). */
function gnuHunks(before: string, after: string): string {
  const [a, b] = [path.join(scratch, "a"), path.join(scratch, "b")];
  writeFileSync(a, before);
  writeFileSync(b, after);
  const { status, stdout, stderr } = spawnSync("diff", ["-u", a, b], { encoding: "utf8" });
  if (status !== 0 && status !== 1) throw new Error(`diff failed: ${stderr}`);
  return stdout
    .split(/(?<=\n)/)
    .slice(2)
    .join("");
}

/** Ours, from its first hunk on. */
function ourHunks(before: string, after: string): string {
  const diff = unifiedDiff("a", "b", before, after);
  if (diff === "") return "";
  expect(diff.startsWith("--- a\n+++ b\n")).toBe(true);
  return diff.slice("--- a\n+++ b\n".length);
}

/**
 * Applies unified-diff hunks to `before`, as `patch` would, checking every context and
 * removed line and every @@ count on the way; throws where the diff does not fit.
 */
function applyHunks(before: string, hunks: string): string {
  const old = before.split(/(?<=\n)/).filter((line) => line !== "");
  const lines = hunks.split(/(?<=\n)/).filter((line) => line !== "");
  const out: string[] = [];
  let at = 0;
  let i = 0;
  while (i < lines.length) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$/.exec(lines[i++]!);
    if (!header) throw new Error(`not a hunk header: ${JSON.stringify(lines[i - 1])}`);
    const [oldStart, oldCount, newStart, newCount] = [header[1], header[2] ?? "1", header[3], header[4] ?? "1"].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    const from = oldCount === 0 ? oldStart : oldStart - 1;
    if (from < at) throw new Error(`hunk at ${oldStart} overlaps the one before`);
    out.push(...old.slice(at, from));
    at = from;
    if ((newCount === 0 ? newStart : newStart - 1) !== out.length)
      throw new Error(`hunk says new line ${newStart}, but it is ${out.length + 1}`);
    let [seenOld, seenNew] = [0, 0];
    while (i < lines.length && !lines[i]!.startsWith("@@")) {
      const op = lines[i]![0];
      let text = lines[i++]!.slice(1);
      if (lines[i] === "\\ No newline at end of file\n") {
        text = text.slice(0, -1);
        i++;
      }
      if (op === " " || op === "-") {
        if (old[at] !== text) throw new Error(`line ${at + 1} is ${JSON.stringify(old[at])}, the diff says ${JSON.stringify(text)}`);
        at++;
        seenOld++;
      }
      if (op === " " || op === "+") {
        out.push(text);
        seenNew++;
      }
      if (op !== " " && op !== "-" && op !== "+") throw new Error(`not a diff line: ${JSON.stringify(op + text)}`);
    }
    if (seenOld !== oldCount || seenNew !== newCount)
      throw new Error(`hunk counts ${oldCount},${newCount} but holds ${seenOld},${seenNew}`);
  }
  return [...out, ...old.slice(at)].join("");
}

const changed = (hunks: string, op: "-" | "+") => hunks.split("\n").filter((line) => line.startsWith(op)).length;
const numbered = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}\n`).join("");

describe("unifiedDiff", () => {
  it("is empty for equal texts, as diff is", () => {
    expect(unifiedDiff("a", "b", "same\n", "same\n")).toBe("");
    expect(gnuHunks("same\n", "same\n")).toBe("");
  });

  it.each([
    ["one line changed in the middle", numbered(20), numbered(20).replace("line 10\n", "line ten\n")],
    ["two changes six lines apart: one hunk", numbered(20), numbered(20).replace("line 5\n", "five\n").replace("line 12\n", "twelve\n")],
    [
      "two changes seven lines apart: two hunks",
      numbered(20),
      numbered(20).replace("line 5\n", "five\n").replace("line 13\n", "thirteen\n"),
    ],
    ["changes at the first and the last line", numbered(12), numbered(12).replace("line 1\n", "first\n").replace("line 12\n", "last\n")],
    ["lines added to an empty file", "", "a\nb\n"],
    ["every line removed", "a\nb\n", ""],
    ["a one-line file changed", "a\n", "b\n"],
    ["lines inserted, none removed", numbered(10), numbered(10).replace("line 6\n", "new\nline 6\n")],
    ["the last line loses its newline", "a\nb\nc\n", "a\nb\nc"],
    ["the last line gains one", "a\nb\nc", "a\nb\nc\n"],
    ["a last line without a newline, changed", numbered(5) + "end", numbered(5) + "END"],
    ["a line inserted before a last line without a newline", "a\nb", "a\nx\nb"],
    ["CRLF lines against LF lines", "x\r\ny\r\nz\r\n", "x\ny\r\nz\r\n"],
    ["a lone \\r", "a\rb\nc\n", "a\nb\nc\n"],
  ])("prints what diff -u prints: %s", (_name, before, after) => {
    expect(ourHunks(before, after)).toBe(gnuHunks(before, after));
    expect(applyHunks(before, ourHunks(before, after))).toBe(after);
  });

  it("on generated texts: applies back exactly, and changes as few lines as diff -u does", () => {
    // Few distinct lines, so that texts share many and alignments are ambiguous; CR and missing final newlines included.
    const line = fc.constantFrom("a", "b", "c", "{", "}", "a\r", "", " a");
    const text = fc
      .tuple(fc.array(line, { maxLength: 30 }), fc.boolean())
      .map(([lines, last]) => lines.map((l) => `${l}\n`).join("") + (last ? "" : "tail"));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const ours = ourHunks(before, after);
        const gnu = gnuHunks(before, after);
        expect(applyHunks(before, ours)).toBe(after);
        expect(applyHunks(before, gnu)).toBe(after); // the applier agrees with diff itself
        expect([changed(ours, "-"), changed(ours, "+")]).toEqual([changed(gnu, "-"), changed(gnu, "+")]);
      }),
      { numRuns: 150 },
    );
  });

  it("above its table limit still applies back exactly (the changed middle removed, then added)", () => {
    const before = numbered(2_500);
    const after = numbered(2_500, 3);
    const ours = ourHunks(before, after);
    expect(applyHunks(before, ours)).toBe(after);
    expect(changed(ours, "-")).toBe(2_500);
  });
});
