// `npm run build:electron`: bundles the engine for Node 20 as CommonJS into dist-electron (main, preload, the
// job worker and the CLI). The CLI is package.json's bin `confidant`: npm links a bin as the file itself
// (`npx confidant`, `npm link`, a global install), so it starts with a `#!/usr/bin/env node` line and is
// executable; without them the shell runs the JavaScript as a shell script. Only the CLI gets the line: Electron
// wraps a sandboxed preload in a function, where a `#!` line is a syntax error.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'dist-electron',
  outbase: 'electron',
  outExtension: { '.js': '.cjs' },
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  logLevel: 'warning',
};

const CLI = 'dist-electron/cli.cjs';

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts', 'electron/preload.ts', 'electron/core/jobs/worker.ts'],
  }),
  build({ ...common, entryPoints: ['electron/cli.ts'], banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync(CLI, 0o755);
