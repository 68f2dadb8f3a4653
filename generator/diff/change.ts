/**
 * What api-diff reports: each difference between two specs with the semver bump it needs,
 * judged by what it does to code written against the package generated from the old spec
 * (DESIGN.md, "What a regeneration does to the package").
 */
export type Bump = "major" | "minor" | "patch" | "none";

export const BUMPS: readonly Bump[] = ["major", "minor", "patch", "none"];

export interface Change {
  readonly bump: Exclude<Bump, "none">;
  /** One sentence: what changed and why that bump. */
  readonly message: string;
  /** The client method it touches, or null for the package as a whole. */
  readonly operation: string | null;
  /** JSON pointer in NEW (in OLD for what was removed). */
  readonly pointer: string;
  /** `file:line:col` of `pointer`. */
  readonly location: string;
  /** For --markdown: what a caller must do, when the change is major. */
  readonly action?: string;
}

export interface DiffReport {
  readonly bump: Bump;
  readonly changes: readonly Change[];
}

/** The larger of two bumps. */
export function higher(a: Bump, b: Bump): Bump {
  return BUMPS.indexOf(a) <= BUMPS.indexOf(b) ? a : b;
}

/** The bump a list of changes needs: the highest of theirs, "none" for none. */
export function bumpOf(changes: readonly Change[]): Bump {
  return changes.reduce<Bump>((bump, change) => higher(bump, change.bump), "none");
}
