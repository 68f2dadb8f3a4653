import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { CliOptions } from "./cli.js";

/** Saves arrive in bursts (editors write, rename, touch); one regeneration per burst. */
const DEBOUNCE_MS = 150;

/**
 * `--watch`: regenerate now and after every change under the spec's folder. A bad save
 * prints the error and leaves the last good output in place (runOnce never writes
 * on error). Ctrl-C (SIGINT) or SIGTERM closes the watcher and exits 0.
 */
export function watchSpec(options: CliOptions, runOnce: (options: CliOptions) => Promise<number>): Promise<void> {
  const folder = path.dirname(path.resolve(options.spec));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const regenerate = () => {
    running = running.then(() => runOnce(options)).then(() => console.log(`watching ${path.relative(process.cwd(), folder) || "."}/ for changes (Ctrl-C to stop)`));
  };
  return new Promise((resolve) => {
    const watcher: FSWatcher = watch(folder, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(regenerate, DEBOUNCE_MS);
    });
    const stop = () => {
      clearTimeout(timer);
      watcher.close();
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void running.then(() => resolve());
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    regenerate();
  });
}
