/**
 * "Is it my network?" in Firefox: the optional `nativeMessaging` permission is asked for from the popup's
 * "Turn on" and granted in Firefox's own prompt; the helper is installed with
 * `install-host --browser firefox`, which writes Firefox's per-user host manifest
 * (~/.mozilla/native-messaging-hosts/, with `allowed_extensions` naming the gecko id); and Firefox, started
 * with that HOME, finds it there and runs the real helper. The customer's blocked port 25 is simulated on
 * the helper's side only (src/cli/test-network.ts), as in the Chromium suite.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../src/cli/install-host';
import { ensurePostfix, startProbeService, type RunningService } from '../e2e/services';
import { byLabel, byText, launchFirefox, POPUP, textOf, typeInto, untilChrome, WAIT_MS, type Firefox } from './firefox';

const CLI = 'build/cli/smtp-probe.js';
const HOST_NAME = 'com.smtp_port_assistant.probe';

let service: RunningService;
let firefox: Firefox | undefined;
let home: string;

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolvePromise({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  await ensurePostfix();
  service = await startProbeService(8587);
  home = mkdtempSync(join(tmpdir(), 'spa-firefox-home-'));
});

afterAll(async () => {
  await firefox?.close();
  await service?.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('check from this computer in Firefox', () => {
  it('install-host --browser firefox writes the host where Firefox looks for it on Linux', async () => {
    const result = await runCli(['install-host', '--browser', 'firefox', '--allow-private', '--timeout-ms', '3000'], { HOME: home });
    expect(result.code, result.stderr).toBe(0);
    const folder = join(home, '.mozilla', 'native-messaging-hosts');
    expect(result.stdout).toContain(`Wrote host manifest for firefox: ${folder}/${HOST_NAME}.json`);
    const manifest = JSON.parse(readFileSync(join(folder, `${HOST_NAME}.json`), 'utf8')) as Record<string, unknown>;
    expect(manifest).toEqual({
      name: HOST_NAME,
      description: expect.any(String),
      path: join(folder, `${HOST_NAME}.sh`),
      type: 'stdio',
      allowed_extensions: [GECKO_ID],
    });
    expect(statSync(join(folder, `${HOST_NAME}.sh`)).mode & 0o111).not.toBe(0);
  });

  it('"Turn on" asks in Firefox\'s prompt, then a check compares both views and sees port 25 blocked here', async () => {
    // Firefox reads ~/.mozilla/native-messaging-hosts from its HOME; the helper simulates a blocked 25.
    firefox = await launchFirefox({ env: { HOME: home, SMTP_PROBE_TEST_BLOCK_PORTS: '25' } });
    const page = await firefox.open(POPUP);
    await (await byText(page, 'button', 'Check server')).click();
    await page.waitForSelector('[data-testid="local-setup"][data-state="off"]', { timeout: WAIT_MS });
    const granted = () => page.evaluate(() => (globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }).browser.permissions.contains({ permissions: ['nativeMessaging'] }));
    expect(await granted()).toBe(false);

    await (await byText(page, 'button', 'Turn on')).click();
    // The browser's own permission prompt; the person clicks "Allow".
    const prompt = await untilChrome<string>(
      firefox,
      `(() => { const note = PopupNotifications.getNotification('addon-webext-permissions');
        const shown = PopupNotifications.panel.firstElementChild;
        return note && shown?.button ? shown.textContent.replace(/\\s+/g, ' ') : null; })()`,
    );
    expect(prompt).toContain('Exchange messages with programs other than Firefox');
    await firefox.chrome(`(() => { PopupNotifications.panel.firstElementChild.button.click(); return true; })()`);
    // Firefox binds the API at once (no restart, unlike Chrome), so the helper is found straight away.
    await page.waitForSelector('[data-testid="local-setup"][data-state="ready"]', { timeout: WAIT_MS });
    expect(await granted()).toBe(true);

    await typeInto(await byLabel(page, 'Email address, domain or server'), 'localhost');
    await (await byText(page, 'button', 'Check')).click();
    await page.waitForSelector('[data-testid="comparison"]', { timeout: 45_000 });
    const verdicts = await page.$$eval('.compare tr[data-port]', (rows) => rows.map((row) => `${row.getAttribute('data-port')}:${row.getAttribute('data-verdict')}`));
    expect(verdicts).toContain('25:blocked-by-network');
    expect(verdicts).toContain('587:open-from-both');
    expect(await textOf(page, '[data-testid="comparison-summary"]', /port 25 times out/)).toBe(
      'Your server answers on 25, 465 and 587, but from your network port 25 times out, so your provider blocks it: use 587.',
    );
    await page.screenshot({ path: 'test-results/firefox-popup-local-check.png', fullPage: true });

    await (await byText(page, 'button', 'Turn off')).click();
    await page.waitForSelector('[data-testid="local-setup"][data-state="off"]', { timeout: WAIT_MS });
    expect(await granted()).toBe(false);
    await page.close();
  });
});
