import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // No test reaches a real host: a connection to anything but loopback fails the test.
    setupFiles: ['test/_helpers/network-guard.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'test/tsconfig.json' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // `npm run coverage`: v8 coverage of src/ (tests run in-process; CLI runs in child processes are not counted).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'text', 'html'],
      reportsDirectory: 'coverage',
      // the figure is still printed when a test fails (the failure is reported all the same)
      reportOnFailure: true,
    },
  },
});
