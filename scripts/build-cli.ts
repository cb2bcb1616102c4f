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
import { build, type Plugin } from 'esbuild';

const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies?: Record<string, string> };
const runtimeDependencies = Object.keys(manifest.dependencies ?? {});

/**
 * esbuild hoists a bundled ES module's imports of Node's own modules to the top of the file, so they
 * load at start even when the module is only reached through `import()`. request-filtering-agent's
 * node:http and node:https are read through `require` instead, inside the module, which then loads them
 * on discovery's first web read: a check of a named server without discovery (the CLI's common case)
 * starts without them (`npm run bench:probe`).
 */
const lazyBuiltins: Plugin = {
  name: 'lazy-builtins',
  setup(plugin) {
    plugin.onResolve({ filter: /^node:https?$/ }, (args) =>
      /[\\/]request-filtering-agent[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  external: runtimeDependencies,
  plugins: [lazyBuiltins] as Plugin[],
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
