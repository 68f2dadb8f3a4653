// ESLint with typescript-eslint's type-aware rules (`npm run lint:code`); formatting is
// Prettier's (`npm run format`), so eslint-config-prettier turns off every style rule.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // generated/ is the generator's deterministic output (its checks are the snapshot tests and tsc);
    // test/.artifacts and .bench hold scratch copies of it.
    ignores: [
      "generated/**",
      "dist/**",
      "node_modules/**",
      "test/.artifacts/**",
      ".bench/**",
      ".scratch/**",
      "test/fixtures/**",
      "test/hostile/corpus/**",
      // Probes are type-checked only against generated output copied beside them at test time (tsconfig excludes them).
      "test/real-world/probes/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked with the tsconfig.json that includes it (the root's, bench/'s).
        projectService: { allowDefaultProject: ["*.config.js", "*.config.ts", "scripts/*.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // The project's standard: no loose equality, `== null` included.
      eqeqeq: ["error", "always"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Plain JavaScript (Redocly's docs plugin) runs on Node.
    files: ["**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    // Tests read untyped data on purpose (parsed JSON, generated modules imported at run time,
    // a server's request): `any` there is the point, not a slip.
    files: ["test/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  prettier,
);
