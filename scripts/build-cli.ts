/**
 * Builds the CLI and the service ahead of time so neither pays for TypeScript at start-up:
 * - build/cli/smtp-probe.js: the `smtp-probe` command, one minified ESM file;
 * - build/server/serve.js: the service, loaded by `smtp-probe serve` (or started with `node`).
 * The rule for both: a package listed in package.json `dependencies` stays an import, resolved from
 * node_modules at run time; everything else is bundled in. So a production install
 * (`npm install --omit=dev`) holds exactly what the two files load, and nothing only the extension uses.
 * Run by `prepack`, `npm start`, `npm test` and the `probe`, `serve` and bench scripts. Not by an install
 * script: the published package then has none, so installing it runs nothing and asks for no approval.
 */
import { chmod, readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies?: Record<string, string> };
const runtimeDependencies = Object.keys(manifest.dependencies ?? {});

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  external: runtimeDependencies,
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
    banner: { js: requireShim },
    minify: true,
  }),
]);
await chmod('build/cli/smtp-probe.js', 0o755);
