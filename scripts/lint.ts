// `npm run lint`: Redocly's lint of spec/ (redocly.yaml's rules), its output passed through
// unchanged but for the Node 20 end-of-life box Redocly CLI 2.x prints on every run under
// Node 20 (which this package supports: engines >= 20). Redocly has no option to turn it
// off, and a box on every run trains readers to skip the output. Exit code: Redocly's.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

/** Drops the framed notice: a run of lines that start with a box-drawing frame (╔ ║ ╚), and the blank line after it. */
function withoutNodeBanner(text: string): string {
  return text.replace(/^[ \t]*╔[^\n]*\n(?:[ \t]*║[^\n]*\n)*[ \t]*╚[^\n]*\n(?:[ \t]*\n)?/m, "").replace(/^\n+/, "");
}

const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const child = spawn(process.execPath, [cli, "lint", "--format=stylish", ...process.argv.slice(2)], {
  env: { ...process.env, REDOCLY_TELEMETRY: "off" },
  stdio: ["inherit", "pipe", "pipe"],
});
// Buffered whole (a lint report is small) so that the box is removed even when split across chunks.
const out: Buffer[] = [];
const err: Buffer[] = [];
child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
child.on("close", (code, signal) => {
  process.stdout.write(withoutNodeBanner(Buffer.concat(out).toString("utf8")));
  process.stderr.write(withoutNodeBanner(Buffer.concat(err).toString("utf8")));
  process.exitCode = code ?? (signal === null ? 1 : 128);
});
