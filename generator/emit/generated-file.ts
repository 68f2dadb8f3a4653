import path from "node:path";

/** One file of the output, by its path relative to the output folder. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** Every generated file starts with one of these; a folder holding anything else is not ours to overwrite. */
export const HEADER_PREFIXES = ["// generated from ", "// copied from "] as const;

/** What every header says of the run: the spec, and the command that regenerates the output. */
export interface HeaderFacts {
  /** The spec, relative to the working directory (or, outside it, to the output folder: never absolute). */
  readonly spec: string;
  /** The command, run in the generator's checkout, that regenerates this output. */
  readonly command: string;
}

/** The generator's defaults: `npm run generate` with neither --spec nor --out. */
export const DEFAULT_SPEC = "spec/openapi.yaml";
export const DEFAULT_OUT = "generated";

/**
 * The header's facts for a run on `specPath` into `out`: the same text on any machine
 * (no absolute path), and the command that is true for this output (`npm run generate`
 * only when it is the default one).
 */
export function headerFacts(specPath: string, out: string = DEFAULT_OUT): HeaderFacts {
  const spec = inWorkingDirectory(specPath);
  const folder = inWorkingDirectory(out);
  if (spec !== undefined && folder !== undefined) {
    const command =
      spec === DEFAULT_SPEC && folder === DEFAULT_OUT ? "npm run generate" : `npm run generate -- --spec ${spec} --out ${folder}`;
    return { spec, command };
  }
  const relative = path.relative(path.resolve(out), path.resolve(specPath)).split(path.sep).join("/");
  return { spec: `${relative} (relative to this folder)`, command: "npm run generate -- --spec <that spec> --out <this folder>" };
}

/** `file` relative to the working directory with forward slashes, or undefined when it lies outside it. */
function inWorkingDirectory(file: string): string | undefined {
  const relative = path.relative(process.cwd(), path.resolve(file));
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return relative === "" ? "." : undefined;
  return relative.split(path.sep).join("/");
}

/** A generated file's text: the header that names its source and how to regenerate it, then the content, ending in one newline. */
export function withHeader(origin: "generated" | "copied", source: string, content: string, command = "npm run generate"): string {
  const header = `// ${origin} from ${source} by the zt-risk-scoring generator — do not edit; regenerate: ${command}\n`;
  return header + content.trimEnd() + "\n";
}
