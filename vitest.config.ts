import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A few cases walk every combination (6,561 port outcomes) or derive keys; on a loaded two-core
          // machine they took 7 s against vitest's 5 s default. A limit, not a speed target.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // Real Firefox ESR driving dist-firefox/ over WebDriver BiDi (`npm run test:firefox`); one browser
        // at a time on two cores. Not part of `vitest run --project unit --project integration`.
        test: {
          name: 'firefox',
          include: ['test/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
