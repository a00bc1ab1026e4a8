import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Separate from vite.config.ts: the Remix plugin must not run under Vitest.
// Tests named *.server.test.ts get a fresh, migrated database per file (PGlite, or a new
// database on the server named by TEST_DATABASE_URL); pure tests start none.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "test/**/*.test.ts", "validate/**/*.test.ts", "server/**/*.test.ts", "*.test.ts"],
          exclude: ["**/*.server.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "database",
          include: ["app/**/*.server.test.ts", "db/**/*.server.test.ts", "test/**/*.server.test.ts", "server/**/*.server.test.ts"],
          setupFiles: ["test/setup-database.ts"],
        },
      },
    ],
  },
});
