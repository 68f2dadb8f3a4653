import type { GeneratedFile } from "../../../generator/emit/generated-file.js";
import { withHeader } from "../../../generator/emit/generated-file.js";

/**
 * Two generated outputs for the interrupted-write test, 100 files and ~800 KB each (the
 * output for Cloudflare's whole API is 7 files, 11 MB: more files give a kill more places
 * to land): "old" has files 000–099, "new" has 050–149 (so a mix shows both as extra and
 * as missing files), every shared file with different content.
 */
export function fileSet(version: "old" | "new"): GeneratedFile[] {
  const first = version === "old" ? 0 : 50;
  const files: GeneratedFile[] = [];
  for (let i = first; i < first + 100; i++) {
    const name = `f${String(i).padStart(3, "0")}`;
    const line = `export type T${i} = { version: "${version}"; file: ${i} };\n`;
    files.push({
      path: `part${i % 5}/${name}.ts`,
      content: withHeader("generated", `kill-test-${version}`, line.repeat(Math.ceil(8_192 / line.length))),
    });
  }
  return files;
}
