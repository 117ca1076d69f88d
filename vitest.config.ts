import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // LibreOffice renders and CLI subprocesses are slow on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
