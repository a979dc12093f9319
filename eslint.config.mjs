import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/generated/**", "coverage/**", "playwright-report/**", "test-results/**", "next-env.d.ts", ".data/**"]),
  {
    rules: {
      // Raw SQL only through tagged templates (parameterised); HTML only through React's escaping.
      "no-restricted-properties": [
        "error",
        { property: "$queryRawUnsafe", message: "Use the tagged-template $queryRaw: it parameterises values." },
        { property: "$executeRawUnsafe", message: "Use the tagged-template $executeRaw: it parameterises values." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Render text as text: logs, traces and names are untrusted." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Playwright fixtures take a `use` callback that is not React's `use`.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["prisma/engine/**/*.mjs"],
    rules: { "no-console": "off" },
  },
]);
