/**
 * The release gate: the bump a spec change needs against the bump package.json's version
 * change announces. The 0.x rule (semver §4 leaves 0.x open; npm's caret ranges read it
 * this way): while the major is 0, a breaking change needs the minor digit (0.1.0 → 0.2.0)
 * and an addition needs the patch digit (0.1.0 → 0.1.1); from 1.0.0 on, major, minor and
 * patch as semver says. A documentation-only change needs no new version.
 */
import type { Bump } from "./change.js";
import { BUMPS } from "./change.js";

type Version = readonly [number, number, number];

export function parseVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text.trim());
  return match === null ? undefined : [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The largest bump a version change announces ("none" when it stays or goes back). */
export function announcedBump(before: string, after: string): Bump {
  const a = parseVersion(before);
  const b = parseVersion(after);
  if (a === undefined || b === undefined) return "none";
  if (b[0] !== a[0]) return b[0] > a[0] ? "major" : "none";
  if (b[1] !== a[1]) return b[1] > a[1] ? (a[0] === 0 ? "major" : "minor") : "none";
  if (b[2] !== a[2]) return b[2] > a[2] ? (a[0] === 0 ? "minor" : "patch") : "none";
  return "none";
}

/** The bump a documentation-only change is allowed without a release. */
function required(needed: Bump): Bump {
  return needed === "patch" ? "none" : needed;
}

/** True when the version change covers what the spec change needs. */
export function versionCovers(needed: Bump, before: string, after: string): boolean {
  return BUMPS.indexOf(announcedBump(before, after)) <= BUMPS.indexOf(required(needed));
}

/** The version the change needs at least, from `before` (0.x rule above). */
export function nextVersion(needed: Bump, before: string): string {
  const v = parseVersion(before);
  if (v === undefined) return before;
  const [major, minor, patch] = v;
  if (required(needed) === "none") return before;
  if (major === 0) return needed === "major" ? `0.${minor + 1}.0` : `0.${minor}.${patch + 1}`;
  if (needed === "major") return `${major + 1}.0.0`;
  return needed === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}
