import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./fixtures.js";

/**
 * TypeScript 7, the native compiler (`npm i typescript` has installed 7.x since July 2026),
 * from @typescript/native-preview: its `tsgo` is the same compiler as typescript@7.0.2 and,
 * unlike that package under an alias, does not fight 5.9 for node_modules/.bin/tsc. The
 * tests type-check with it: the same verdicts as 5.9 for about a sixth of the CPU.
 */
export const TSC_7 = path.join(ROOT, "node_modules/@typescript/native-preview/bin/tsgo");

/**
 * TypeScript 5.9, the compiler this repository pins: the generator runs on its API
 * (openapi-typescript, ts-morph), `npm run build` and `npm run typecheck` use it, and
 * test/package/consumer.test.ts compiles the installed package with it as well as with 7.
 */
export const TSC_5 = path.join(ROOT, "node_modules/typescript/bin/tsc");

/**
 * Runs `tsc --strict --noEmit` (TypeScript 7) over a folder, as a consumer with no Node
 * types would (types: []), and returns its exit status and output (which names files
 * relative to the repository's root).
 */
export function typecheckFolder(dir: string, extra: Record<string, unknown> = {}): { status: number | null; output: string } {
  const config = path.join(dir, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023", "DOM", "DOM.Iterable"],
        types: [],
        skipLibCheck: true,
        noUncheckedIndexedAccess: true,
        ...extra,
      },
      include: ["**/*.ts"],
    }),
  );
  const result = spawnSync(process.execPath, [TSC_7, "-p", config], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 << 20 });
  return { status: result.status, output: result.stdout + result.stderr };
}
