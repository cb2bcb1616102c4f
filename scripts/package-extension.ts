/**
 * After `vite build` (or `vite build --mode firefox` with `--firefox`): checks that the build is a
 * loadable extension (manifest, icons at every size, both locales), stages a copy whose manifest is
 * the store's (scripts/lib/store-manifest.ts: no key, no localhost matches, narrow web-accessible
 * resources), zips that for the store with web-ext into artifacts/, and prints the bundle sizes.
 * dist/ and dist-firefox/ themselves stay development builds, as the e2e tests load them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { storeManifest, type ExtensionManifest, type StoreBrowser } from './lib/store-manifest';

const browser: StoreBrowser = process.argv.includes('--firefox') ? 'firefox' : 'chrome';
const DIST = browser === 'firefox' ? 'dist-firefox' : 'dist';
const STAGE = join('.tmp', `store-${browser}`);
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as ExtensionManifest & {
  version: string;
  icons: Record<string, string>;
};

const problems: string[] = [];
for (const size of ['16', '32', '48', '128']) {
  const icon = manifest.icons[size];
  if (!icon || !existsSync(join(DIST, icon))) problems.push(`icon ${size} px is missing`);
}
for (const locale of ['en', 'es']) {
  if (!existsSync(join(DIST, '_locales', locale, 'messages.json'))) problems.push(`_locales/${locale} is missing`);
}
if (problems.length > 0) {
  console.error(`${DIST}/ is not a complete extension: ${problems.join('; ')}`);
  process.exit(1);
}

rmSync(STAGE, { recursive: true, force: true });
cpSync(DIST, STAGE, { recursive: true });

/**
 * Chrome serves a `use_dynamic_url` resource at a per-session URL, but a module loaded from there
 * resolves its own imports against the fixed URL, which is then refused (Chromium issue 363027634): the
 * content script's loader gets its module through runtime.getURL, and that module's chunks would fail to
 * load. So for the Chrome store every content-script module is made self-contained, and each lazy
 * import becomes an import of a self-contained file through runtime.getURL too. The bootstrap stays as
 * small as in dist/ on pages that are no candidate, and the hint with its classifier is fetched only where
 * the pre-check passes. A module with static chunk imports (which this cannot split) is merged whole.
 * Only these files are web-accessible.
 */
const bundle = (file: string) =>
  build({
    entryPoints: [join(STAGE, file)],
    outfile: join(STAGE, file),
    allowOverwrite: true,
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: true,
    target: 'chrome116',
    legalComments: 'none',
    logLevel: 'warning',
  });

/** `import("./x.js")` and `` import(`./x.js`) `` in a built module: its lazy chunks, relative to it. */
const LAZY_IMPORT = /import\(\s*(["'`])\.\/([\w.-]+\.js)\1\s*\)/g;
/** A static import of a sibling chunk (`import {a} from "./x.js"`, `import "./x.js"`). */
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{][^;]*?from\s*)?["'`]\.\//;

async function mergeContentModules(): Promise<string[]> {
  const loaders = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []);
  const modules = new Set<string>();
  for (const loader of loaders) {
    const text = readFileSync(join(STAGE, loader), 'utf8');
    for (const match of text.matchAll(/getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) modules.add(match[1]!);
  }
  if (modules.size === 0) throw new Error(`The content script loader (${loaders.join(', ')}) imports no module through runtime.getURL; the store packaging needs updating.`);
  const accessible = new Set<string>();
  for (const module of modules) {
    accessible.add(module);
    const path = join(STAGE, module);
    const text = readFileSync(path, 'utf8');
    const lazy = [...new Set([...text.matchAll(LAZY_IMPORT)].map((match) => match[2]!))];
    if (STATIC_IMPORT.test(text) || lazy.length === 0) {
      await bundle(module);
      continue;
    }
    const folder = dirname(module);
    for (const chunk of lazy) {
      const file = join(folder, chunk);
      await bundle(file);
      accessible.add(file);
    }
    writeFileSync(path, text.replace(LAZY_IMPORT, (_all, _quote, chunk: string) => `import(chrome.runtime.getURL(${JSON.stringify(join(folder, chunk))}))`));
  }
  return [...accessible].sort();
}

const contentModules = browser === 'chrome' ? await mergeContentModules() : undefined;
writeFileSync(join(STAGE, 'manifest.json'), `${JSON.stringify(storeManifest(manifest, browser, contentModules), null, 2)}\n`);

if (browser === 'firefox') {
  const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', STAGE], { stdio: 'inherit' });
  if (lint.status !== 0) {
    console.error('web-ext lint found problems in the Firefox store package.');
    process.exit(1);
  }
}

const fileName = `smtp-port-assistant-${browser}-${manifest.version}.zip`;
const zip = spawnSync(
  'npx',
  ['web-ext', 'build', '--source-dir', STAGE, '--artifacts-dir', 'artifacts', '--filename', fileName, '--overwrite-dest'],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (zip.status !== 0) {
  console.error(`web-ext could not zip ${STAGE}/.`);
  process.exit(1);
}

const assets = join(DIST, 'assets');
const rows = readdirSync(assets)
  .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
  .map((name) => ({ name, bytes: statSync(join(assets, name)).size }))
  .sort((a, b) => b.bytes - a.bytes);
console.log(`Bundles in ${DIST}/assets:`);
for (const row of rows) console.log(`  ${(row.bytes / 1024).toFixed(1).padStart(7)} KiB  ${row.name}`);
console.log(`Store zip: artifacts/${fileName} (${(statSync(join('artifacts', fileName)).size / 1024).toFixed(1)} KiB)`);
