import { defineConfig } from "vitest/config";

const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!withPostgres) {
  console.warn("TEST_DATABASE_URL is not set: running the PGlite project only (CI runs both).");
}

// Every database test runs twice: on embedded PGlite and on the Postgres server of
// TEST_DATABASE_URL. Pure domain tests run once, in the pglite project.
export default defineConfig({
  test: {
    // Two test files at a time: most wait on processes, sockets and timers rather than the CPU, and
    // vitest's default (one fewer than the cores) would run one at a time on a 2-core machine.
    maxWorkers: 2,
    // Test files share the modules they import within a worker (each file still runs on its own
    // database and app): importing the sources once per file was a third of the run (196 s of 620 s
    // on a 2-core machine). Tests must not leave module state behind (no vi.mock; env and clocks
    // are passed in, not patched).
    isolate: false,
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: "pglite",
          include: ["test/**/*.test.ts"],
          env: { TK_TEST_DRIVER: "pglite" },
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: ["test/**/*.test.ts"],
                exclude: ["test/domain/**"],
                env: { TK_TEST_DRIVER: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
