/**
 * Row 3's in-process half: times generate() (load → model → emit, nothing written) on
 * each spec given, after a warm-up, with the specs interleaved round by round.
 *
 *   node --expose-gc growth-worker.mjs ROUNDS SPEC...   → JSON { [spec]: ms[] } on stdout
 */
import { generate } from "../../generator/pipeline.js";

const [roundsArg, ...specs] = process.argv.slice(2);
const rounds = Number(roundsArg);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const times: Record<string, number[]> = Object.fromEntries(specs.map((s) => [s, []]));

for (let round = -1; round < rounds; round++) {
  for (const spec of specs) {
    gc();
    const started = performance.now();
    await generate(spec);
    const ms = performance.now() - started;
    if (round >= 0) times[spec]!.push(ms); // round -1 is the warm-up
  }
}
process.stdout.write(JSON.stringify(times));
