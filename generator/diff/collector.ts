/**
 * Collects the changes of one comparison: each rule module calls `add` with the pointer in
 * NEW (or OLD for what was removed); repeats are dropped, so that a schema shared by many
 * operations is reported once (under the first operation that reached it). Locations are
 * found at the end, all of OLD's and then all of NEW's: finding one in a large JSON text
 * first reads the whole text, which json-location.ts remembers for one text at a time.
 */
import type { Change } from "./change.js";
import type { DiffInput } from "./diff-input.js";

export type Side = "old" | "new";

type Pending = Omit<Change, "location"> & { readonly side: Side };

export class ChangeCollector {
  private readonly pending: Pending[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly old: DiffInput,
    private readonly new_: DiffInput,
  ) {}

  add(bump: Change["bump"], message: string, operation: string | null, pointer: string, side: Side = "new", action?: string): void {
    const key = `${bump}\u0000${message}\u0000${pointer}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push({ bump, message, operation, pointer, side, ...(action === undefined ? {} : { action }) });
  }

  /** Every change, in the order found, each with its `file:line:col`. */
  changes(): Change[] {
    const locations = new Map<Pending, string>();
    for (const side of ["old", "new"] as const) {
      const input = side === "old" ? this.old : this.new_;
      for (const change of this.pending) if (change.side === side) locations.set(change, input.locate(change.pointer));
    }
    return this.pending.map((pending) => {
      const { side: _side, ...change } = pending;
      return { ...change, location: locations.get(pending) ?? "" };
    });
  }
}
