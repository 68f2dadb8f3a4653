import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./fixtures.js";

/**
 * Runs `tsc --strict --noEmit` over a folder, as a consumer with no Node types would
 * (types: []), and returns its exit status and output.
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
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", config], { encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}
