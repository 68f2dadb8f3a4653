import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Runs `main` (sync or async) when the calling module is the script node was started with
 * (not when a test imports it); a failing command's captured output is printed before its message.
 */
export function runAsScript(moduleUrl: string, main: () => void | Promise<void>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(resolve(process.argv[1])).href) return;
  Promise.resolve()
    .then(main)
    .catch((err: unknown) => {
      const e = err as { stderr?: Buffer; stdout?: Buffer };
      if (e.stdout) process.stderr.write(e.stdout);
      if (e.stderr) process.stderr.write(e.stderr);
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
