/**
 * The generator's write step on its own, for the interrupted-write test: builds a big file
 * set, says "ready", then replaces OUT with it through replaceOutput (the function the CLI
 * calls). Usage: node writer.mjs OUT old|new. The test SIGKILLs it at random moments.
 */
import { replaceOutput } from "../../../generator/write/output-folder.js";
import { fileSet } from "./file-sets.js";

const [out, version] = process.argv.slice(2) as [string, "old" | "new"];
const files = fileSet(version);
process.stdout.write("ready\n");
const started = performance.now();
replaceOutput(out, files);
process.stdout.write(`done ${(performance.now() - started).toFixed(1)}\n`);
