import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The renderer is built to static files that Electron serves over app:// (and the e2e harness over loopback).
// Tests live under test/: core tests run in Node on real encrypted files; e2e has its own config.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false },
  test: {
    root: '.',
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
