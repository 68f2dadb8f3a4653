import { watch, type FSWatcher } from "node:fs";
import path from "node:path";

/** Saves arrive in bursts (editors write, rename, touch); one regeneration per burst. */
const DEBOUNCE_MS = 150;

/**
 * `--watch`: calls `regenerate` now and after every burst of changes under the spec's
 * folder, one call at a time. It is the caller's to keep the last good output when a save
 * is bad (the CLI's runOnce never writes on error). Ctrl-C (SIGINT) or SIGTERM closes the
 * watcher; the promise resolves once the last call has finished.
 */
export function watchSpec(
  specPath: string,
  regenerate: () => Promise<unknown>,
  log: (line: string) => void = console.log,
  root: string = path.dirname(path.resolve(specPath)),
): Promise<void> {
  // `--root`'s folder when given: the spec's files may lie anywhere in it.
  const folder = path.resolve(root);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running
      .then(regenerate)
      .then(() => log(`watching ${path.relative(process.cwd(), folder) || "."}/ for changes (Ctrl-C to stop)`));
  };
  return new Promise((resolve) => {
    const watcher: FSWatcher = watch(folder, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
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
    run();
  });
}
