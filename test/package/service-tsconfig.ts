import { join } from "node:path";
import { ROOT } from "../support/packed-package.js";

/**
 * The tsconfig.json of a downstream service that installs the packed package: strict,
 * NodeNext, Node's types (from this repo, to stay offline), no DOM; src/ compiled to out/.
 */
export const SERVICE_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    resolveJsonModule: true,
    skipLibCheck: false,
    types: ["node"],
    typeRoots: [join(ROOT, "node_modules/@types")],
    rootDir: "src",
    outDir: "out",
  },
  include: ["src"],
};
