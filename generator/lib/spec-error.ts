import { codePointName, showInvisible } from "./invisible-characters.js";

/** A problem found in the spec, located as file:line:col so an editor can jump to it. */
export interface SpecProblem {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
  readonly message: string;
}

/** Raised by every step when the spec cannot be turned into code; the CLI prints it and exits 1. */
export class SpecError extends Error {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "SpecError";
    this.problems = problems;
  }
}

/**
 * `file:line:col: message`, on one line. Messages quote the spec (names, refs): its
 * invisible and bidirectional characters are shown as `<U+202E>`, and its control
 * characters cannot drive the terminal the message is printed to; a line break is shown
 * too, so that a name in the spec cannot forge a line that looks like another problem.
 */
export function formatProblem(problem: SpecProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.col ?? 1}`;
  return showInvisible(`${where}: ${problem.message}`).replace(/[\r\n]/g, (char) => `<${codePointName(char)}>`);
}

/** How many warnings are printed one per line; the rest are counted. */
const PRINTED_WARNINGS = 20;

/**
 * Warnings for stderr: `file:line:col: warning: message`, the first 20 of them (a large
 * document with 3.0 leftovers has hundreds), then a count of all and what `--strict` does.
 */
export function warningLines(warnings: readonly SpecProblem[]): string[] {
  if (warnings.length === 0) return [];
  const lines = warnings.slice(0, PRINTED_WARNINGS).map((w) => formatProblem({ ...w, message: `warning: ${w.message}` }));
  const more = warnings.length > PRINTED_WARNINGS ? `, ${warnings.length - PRINTED_WARNINGS} of them not shown` : "";
  return [
    ...lines,
    `${countOf(warnings.length, "warning")}${more}: the output is generated all the same (--strict refuses a spec with warnings)`,
  ];
}

/** "1 warning", "1,234 warnings". */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}
