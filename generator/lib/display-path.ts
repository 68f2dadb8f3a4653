import path from "node:path";

/** Paths in messages and headers are relative to the working directory, with forward slashes. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join("/");
}
