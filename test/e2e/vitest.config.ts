import path from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the built renderer (dist/renderer) in Debian's Chromium, against the real engine through the
// loopback harness. One browser at a time, generous timeouts (rekeys and the unlock throttle take seconds).
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '../..'),
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
