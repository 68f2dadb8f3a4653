/**
 * The three ways api-diff prints a report: for a person at a terminal (grouped by bump,
 * one line each), as JSON (DESIGN.md fixes its shape: tests outside the repo read it), and
 * as a CHANGELOG.md section (breaking changes first, each with what a caller must do).
 * Messages quote the spec: its invisible characters and line breaks are shown, not
 * printed, so a name in a spec cannot forge a line of the report.
 */
import { codePointName, showInvisible } from "../lib/invisible-characters.js";
import type { Change, DiffReport } from "./change.js";

const HEADINGS = { major: "MAJOR (breaks callers)", minor: "minor (adds)", patch: "patch (documentation)" } as const;

export function safe(text: string): string {
  return showInvisible(text).replace(/[\r\n\u2028\u2029]/g, (char) => `<${codePointName(char)}>`);
}

export function formatText(report: DiffReport, oldName: string, newName: string): string {
  const lines = [
    `api-diff ${safe(oldName)} → ${safe(newName)}: ${report.bump === "none" ? "no change a consumer can observe (none)" : `needs a ${report.bump} release`}`,
  ];
  for (const bump of ["major", "minor", "patch"] as const) {
    const changes = report.changes.filter((c) => c.bump === bump);
    if (changes.length === 0) continue;
    lines.push("", `${HEADINGS[bump]}: ${changes.length}`);
    for (const change of changes)
      lines.push(`  ${safe(change.location)}: ${change.operation === null ? "" : `${safe(change.operation)}: `}${safe(change.message)}`);
  }
  return lines.join("\n");
}

export function formatJson(report: DiffReport): string {
  const changes = report.changes.map(({ bump, message, operation, pointer, location }) => ({
    bump,
    message,
    operation,
    pointer,
    location,
  }));
  return JSON.stringify({ bump: report.bump, changes }, null, 2);
}

/** A CHANGELOG.md section; `version` heads it ("Unreleased" when not given). */
export function formatMarkdown(report: DiffReport, version = "Unreleased"): string {
  const sections: string[] = [`## ${version}`, ""];
  const group = (bump: Change["bump"]) => report.changes.filter((c) => c.bump === bump);
  const breaking = group("major");
  if (report.changes.length === 0) sections.push("No change a consumer can observe.", "");
  if (breaking.length > 0) {
    sections.push("### Breaking changes", "");
    for (const c of breaking) sections.push(`- ${md(c.message)}${c.action === undefined ? "" : ` **What to change:** ${md(c.action)}.`}`);
    sections.push("");
  }
  for (const [bump, title] of [
    ["minor", "Added"],
    ["patch", "Documentation"],
  ] as const) {
    const changes = group(bump);
    if (changes.length === 0) continue;
    sections.push(`### ${title}`, "");
    for (const c of changes) sections.push(`- ${md(c.message)}`);
    sections.push("");
  }
  return sections.join("\n");
}

/** Markdown-safe: the message's own backticks stay, HTML and link syntax from the spec do not render. */
function md(text: string): string {
  return safe(text).replace(/[<>[\]]/g, (char) => `\\${char}`);
}

/** The one line `npm run generate` ends with when generated/ changes. */
export function regenerationLine(report: DiffReport, top = 3): string {
  if (report.bump === "none") return "api-diff: no change a consumer can observe (bump: none)";
  const reasons = report.changes
    .filter((c) => c.bump === report.bump)
    .slice(0, top)
    .map((c) => safe(c.message));
  const more = report.changes.filter((c) => c.bump === report.bump).length - reasons.length;
  return `api-diff: needs a ${report.bump} release: ${reasons.join("; ")}${more > 0 ? `; and ${more} more` : ""} (full report: npm run api-diff -- --base HEAD)`;
}
