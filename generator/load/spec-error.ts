import { showInvisible } from "../lib/invisible-characters.js";

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
 * `file:line:col: message`. Messages quote the spec (names, refs): its invisible and
 * bidirectional characters are shown as `<U+202E>`, and its control characters cannot
 * drive the terminal the message is printed to.
 */
export function formatProblem(problem: SpecProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.col ?? 1}`;
  return showInvisible(`${where}: ${problem.message}`);
}
