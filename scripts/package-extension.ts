/**
 * After `vite build`: checks that dist/ is a loadable extension (manifest, icons at every size,
 * both locales), zips it for the Chrome Web Store with web-ext, and prints the bundle sizes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DIST = 'dist';
const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
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
  console.error(`dist/ is not a complete extension: ${problems.join('; ')}`);
  process.exit(1);
}

const fileName = `smtp-port-assistant-chrome-${manifest.version}.zip`;
const zip = spawnSync(
  'npx',
  ['web-ext', 'build', '--source-dir', DIST, '--artifacts-dir', 'artifacts', '--filename', fileName, '--overwrite-dest'],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (zip.status !== 0) {
  console.error('web-ext could not zip dist/.');
  process.exit(1);
}

const assets = join(DIST, 'assets');
const rows = readdirSync(assets)
  .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
  .map((name) => ({ name, bytes: statSync(join(assets, name)).size }))
  .sort((a, b) => b.bytes - a.bytes);
console.log('Bundles in dist/assets:');
for (const row of rows) console.log(`  ${(row.bytes / 1024).toFixed(1).padStart(7)} KiB  ${row.name}`);
console.log(`Store zip: artifacts/${fileName} (${(statSync(join('artifacts', fileName)).size / 1024).toFixed(1)} KiB)`);
