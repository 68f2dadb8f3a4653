/**
 * Collects the changes of one comparison: each rule module calls `add` with the pointer in
 * NEW (or OLD for what was removed); the collector locates it and drops repeats, so that a
 * schema shared by many operations is reported once (under the first operation that reached it).
 */
import type { Change } from "./change.js";
import type { DiffInput } from "./diff-input.js";

export type Side = "old" | "new";

export class ChangeCollector {
  readonly changes: Change[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly old: DiffInput,
    private readonly new_: DiffInput,
  ) {}

  add(bump: Change["bump"], message: string, operation: string | null, pointer: string, side: Side = "new", action?: string): void {
    const key = `${bump}\u0000${message}\u0000${pointer}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const location = (side === "old" ? this.old : this.new_).locate(pointer);
    this.changes.push({ bump, message, operation, pointer, location, ...(action === undefined ? {} : { action }) });
  }
}
