/** Lines of context around each change, as `diff -u` prints. */
const CONTEXT = 3;
/** Above this many cells the line table is not built; the changed middle is shown as removed then added. */
const MAX_TABLE_CELLS = 4_000_000;

type Edit = { readonly op: " " | "-" | "+"; readonly line: string };

/** A unified diff of two texts, `diff -u` style, or "" when they are equal. */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string): string {
  if (before === after) return "";
  const a = before.split("\n");
  const b = after.split("\n");
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
  return [`--- ${oldName}`, `+++ ${newName}`, ...hunks(edits)].join("\n") + "\n";
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
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      edits.push({ op: " ", line: a[i++]! });
      j++;
    } else if (j < b.length && (i === a.length || table[i * width + j + 1]! >= table[(i + 1) * width + j]!)) {
      edits.push({ op: "+", line: b[j++]! });
    } else {
      edits.push({ op: "-", line: a[i++]! });
    }
  }
  return edits;
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
    // Grow the hunk while changes are closer than 2 × CONTEXT lines apart.
    const from = Math.max(0, i - CONTEXT);
    let to = i;
    let lastChange = i;
    while (to < edits.length && to - lastChange <= 2 * CONTEXT) {
      if (edits[to]!.op !== " ") lastChange = to;
      to++;
    }
    to = Math.min(edits.length, lastChange + CONTEXT + 1);
    const slice = edits.slice(from, to);
    const lead = i - from;
    const oldStart = oldLine - lead;
    const newStart = newLine - lead;
    const oldCount = slice.filter((e) => e.op !== "+").length;
    const newCount = slice.filter((e) => e.op !== "-").length;
    lines.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...slice.map((e) => e.op + e.line));
    for (const e of edits.slice(i, to)) {
      if (e.op !== "+") oldLine++;
      if (e.op !== "-") newLine++;
    }
    i = to;
  }
  return lines;
}
