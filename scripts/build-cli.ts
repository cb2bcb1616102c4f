/**
 * Builds the CLI and the service ahead of time so neither pays for TypeScript at start-up:
 * - build/cli/smtp-probe.js: one self-contained ESM file (dependencies bundled), started by `node`;
 * - build/server/serve.js: the service, with node_modules left external (they are installed anyway).
 */
import { chmod } from 'node:fs/promises';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
} as const;

// Bundled CommonJS dependencies call require(); an ESM bundle needs one made for it.
const requireShim = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/probe.ts'],
    outfile: 'build/cli/smtp-probe.js',
    banner: { js: `#!/usr/bin/env node\n${requireShim}` },
    minify: true,
  }),
  build({
    ...common,
    entryPoints: ['src/server/serve.ts'],
    outfile: 'build/server/serve.js',
    packages: 'external',
  }),
]);
await chmod('build/cli/smtp-probe.js', 0o755);
