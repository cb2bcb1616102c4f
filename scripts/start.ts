/**
 * `npm start`: build the extension, serve the demo help article on 127.0.0.1, start the probe
 * service on 127.0.0.1:8587 when it is built, and open the system Chromium with the extension
 * loaded on the article (like `web-ext run`). Without a display it says so and keeps serving.
 * `npm start -- --firefox`: the Firefox build in Firefox ESR (`/usr/bin/firefox-esr`, or FIREFOX_PATH)
 * through `web-ext run`, which reloads the extension when dist-firefox/ changes; without a display it
 * runs under xvfb-run, so the extension still loads and `web-ext run` still reports problems.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveFolder } from './lib/static-server';
import { chromePath } from './lib/system';

const FIREFOX = process.argv.includes('--firefox');
const DIST = resolve(FIREFOX ? 'dist-firefox' : 'dist');
const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const DEMO_PORT = Number(process.env.DEMO_PORT ?? 8580);
const children: ChildProcess[] = [];

function stopAll(): void {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', () => {
  stopAll();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(0);
});

console.log(`Building the extension into ${FIREFOX ? 'dist-firefox' : 'dist'}/ …`);
if (spawnSync('npx', ['vite', 'build', ...(FIREFOX ? ['--mode', 'firefox'] : []), '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) {
  console.error('The build failed; see the errors above.');
  process.exit(1);
}

const demo = await serveFolder('scripts/demo', DEMO_PORT).catch((error: NodeJS.ErrnoException) => {
  console.error(`Cannot serve the demo article on 127.0.0.1:${DEMO_PORT} (${error.code}). Set DEMO_PORT to a free port.`);
  process.exit(1);
});
const demoUrl = `${demo.origin}/`;
console.log(`Demo help article: ${demoUrl}`);

// Built here rather than at `npm install`: the package has no install-time scripts (see build-cli.ts).
const service = resolve('build/server/serve.js');
if (spawnSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/build-cli.ts'], { stdio: 'inherit' }).status !== 0) {
  console.log('The probe service could not be built (see above); the checklist works without it.');
} else if (existsSync(service)) {
  const child = spawn(process.execPath, [service], {
    stdio: 'inherit',
    env: { HOST: '127.0.0.1', PORT: '8587', ...process.env },
  });
  children.push(child);
  console.log('Probe service: http://127.0.0.1:8587 (GET /healthz)');
} else {
  console.log('Probe service not built; the checklist works without it.');
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const browserPath = chromePath();
if (FIREFOX) {
  openFirefox();
} else if (!hasDisplay) {
  console.log('\nNo display found (DISPLAY and WAYLAND_DISPLAY are unset), so no browser window opens.');
  console.log(`Load the extension by hand: chrome://extensions > Developer mode > Load unpacked > ${DIST}`);
  console.log(`Then visit ${demoUrl}. Serving until Ctrl+C.`);
} else if (!existsSync(browserPath)) {
  console.log(`\nNo Chromium at ${browserPath}. Set CHROME_PATH, or load ${DIST} by hand as an unpacked extension.`);
  console.log(`Then visit ${demoUrl}. Serving until Ctrl+C.`);
} else {
  const profile = mkdtempSync(join(tmpdir(), 'smtp-port-assistant-'));
  const browser = spawn(
    browserPath,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-first-run',
      '--no-default-browser-check',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      demoUrl,
    ],
    { stdio: 'ignore' },
  );
  children.push(browser);
  console.log(`\nChromium opened with the extension (profile ${profile}). Close it or press Ctrl+C to stop.`);
  browser.on('exit', () => {
    void demo.close();
    stopAll();
    process.exit(0);
  });
}

/** `web-ext run` with Firefox ESR on the demo article; under xvfb-run when there is no display. */
function openFirefox(): void {
  if (!existsSync(FIREFOX_PATH)) {
    console.log(`\nNo Firefox at ${FIREFOX_PATH}. Install firefox-esr or set FIREFOX_PATH, or load ${DIST}/manifest.json`);
    console.log(`by hand at about:debugging > This Firefox > Load Temporary Add-on. Then visit ${demoUrl}. Serving until Ctrl+C.`);
    return;
  }
  const webExt = ['web-ext', 'run', '--source-dir', DIST, `--firefox=${FIREFOX_PATH}`, '--start-url', demoUrl, '--no-input'];
  let command = 'npx';
  let args = webExt;
  if (!hasDisplay) {
    if (!existsSync('/usr/bin/xvfb-run')) {
      console.log('\nNo display found and no xvfb-run (Debian package xvfb), so Firefox cannot open.');
      console.log(`Load ${DIST}/manifest.json at about:debugging > Load Temporary Add-on, then visit ${demoUrl}. Serving until Ctrl+C.`);
      return;
    }
    console.log('\nNo display found: Firefox runs on a virtual display (xvfb-run).');
    command = 'xvfb-run';
    args = ['--auto-servernum', 'npx', ...webExt];
  }
  const firefox = spawn(command, args, { stdio: 'inherit' });
  children.push(firefox);
  console.log(`Firefox ESR opens with the extension on ${demoUrl} (web-ext run). Close it or press Ctrl+C to stop.`);
  firefox.on('exit', (code) => {
    if (code) console.log(`web-ext run ended with code ${code}; see its messages above.`);
    void demo.close();
    stopAll();
    process.exit(code ?? 0);
  });
}
