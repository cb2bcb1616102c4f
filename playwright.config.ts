import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests load the built extension (dist/) into the system Chromium. Each test gets its own
 * persistent profile, so they run one at a time: two cores, and extensions need a real profile.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e-output',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
});
