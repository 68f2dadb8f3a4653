/** One file of the output, by its path relative to the output folder. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** Every generated file starts with one of these; a folder holding anything else is not ours to overwrite. */
export const HEADER_PREFIXES = ["// generated from ", "// copied from "] as const;

/** A generated file's text: the header that names its source, then the content, ending in one newline. */
export function withHeader(origin: "generated" | "copied", source: string, content: string): string {
  const header = `// ${origin} from ${source} by generator/ — do not edit; run npm run generate\n`;
  return header + content.trimEnd() + "\n";
}
