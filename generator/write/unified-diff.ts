/**
 * `--check`'s diff, as GNU `diff -u OLD NEW` prints it from its `---` line on, so that a
 * reader sees what they know and `patch` or `git apply` takes it as it is. A line is its
 * text and its "\n": a last line without one differs from the same line with one, and is
 * followed by `\ No newline at end of file`; a CRLF line differs from an LF one (its "\r"
 * is printed, as diff prints it).
 */

/** Lines of context around each change, as `diff -u` prints. */
const CONTEXT = 3;
/** Above this many cells the line table is not built; the changed middle is shown as removed then added. */
const MAX_TABLE_CELLS = 4_000_000;

type Edit = { readonly op: " " | "-" | "+"; readonly line: string };

/** A unified diff of two texts, `diff -u` style, or "" when they are equal. */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const edits: Edit[] = [
    ...a.slice(0, start).map((line) => ({ op: " " as const, line })),
    ...middleEdits(a.slice(start, endA), b.slice(start, endB)),
    ...a.slice(endA).map((line) => ({ op: " " as const, line })),
  ];
  return [`--- ${oldName}\n`, `+++ ${newName}\n`, ...hunks(edits)].join("");
}

/** Each line with its "\n"; the last one may have none. An empty text has no lines. */
function splitLines(text: string): string[] {
  const lines = text.split("\n").map((line) => `${line}\n`);
  const last = lines.pop()!.slice(0, -1);
  if (last !== "") lines.push(last);
  return lines;
}

/** Longest common subsequence of the changed middle: small, since both ends are trimmed first. */
function middleEdits(a: string[], b: string[]): Edit[] {
  if (a.length * b.length > MAX_TABLE_CELLS) {
    return [...a.map((line) => ({ op: "-" as const, line })), ...b.map((line) => ({ op: "+" as const, line }))];
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const edits: Edit[] = [];
  const removed: Edit[] = [];
  const added: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      // As diff prints a change: its removed lines, then its added ones.
      edits.push(...removed.splice(0), ...added.splice(0), { op: " ", line: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      removed.push({ op: "-", line: a[i++]! });
    } else {
      added.push({ op: "+", line: b[j++]! });
    }
  }
  return [...edits, ...removed, ...added];
}

function hunks(edits: readonly Edit[]): string[] {
  const lines: string[] = [];
  let oldLine = 1;
  let newLine = 1;
  let i = 0;
  while (i < edits.length) {
    if (edits[i]!.op === " ") {
      oldLine++;
      newLine++;
      i++;
      continue;
    }
    // One hunk while no more than 2 × CONTEXT unchanged lines separate two changes: their contexts would touch.
    const from = Math.max(0, i - CONTEXT);
    let lastChange = i;
    for (let next = i + 1; next < edits.length && next - lastChange <= 2 * CONTEXT + 1; next++) {
      if (edits[next]!.op !== " ") lastChange = next;
    }
    const to = Math.min(edits.length, lastChange + CONTEXT + 1);
    const slice = edits.slice(from, to);
    const lead = i - from;
    const oldCount = slice.filter((e) => e.op !== "+").length;
    const newCount = slice.filter((e) => e.op !== "-").length;
    lines.push(`@@ -${range(oldLine - lead, oldCount)} +${range(newLine - lead, newCount)} @@\n`, ...slice.map(printEdit));
    for (const e of edits.slice(i, to)) {
      if (e.op !== "+") oldLine++;
      if (e.op !== "-") newLine++;
    }
    i = to;
  }
  return lines;
}

/** diff's ranges: `start,count`, or `start` alone for one line, or the line before and 0 for none. */
function range(start: number, count: number): string {
  if (count === 1) return `${start}`;
  return count === 0 ? `${start - 1},0` : `${start},${count}`;
}

function printEdit(edit: Edit): string {
  return edit.line.endsWith("\n") ? edit.op + edit.line : `${edit.op}${edit.line}\n\\ No newline at end of file\n`;
}
