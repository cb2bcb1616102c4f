/**
 * The toolbar popup in Firefox: the checklist keeps its ticks when the popup is opened again, and
 * "Check server" runs a real check of the loopback Postfix through the real probe service, which must
 * accept Firefox's random moz-extension:// origin with its default settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePostfix, startProbeService, type RunningService } from '../e2e/services';
import { byLabel, byText, launchFirefox, POPUP, textOf, typeInto, until, type Firefox } from './firefox';

/** The extension's default service URL is http://127.0.0.1:8587, as in the Chromium suite. */
const SERVICE_PORT = 8587;

let firefox: Firefox;
let service: RunningService;

beforeAll(async () => {
  await ensurePostfix();
  // No CORS_ORIGINS: the default must let Firefox in.
  service = await startProbeService(SERVICE_PORT);
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await service?.stop();
});

describe('popup in Firefox', () => {
  it('keeps the picked client and the ticked steps when the popup is opened again', async () => {
    let page = await firefox.open(POPUP);
    const search = await page.waitForSelector('input[type="search"]');
    await search!.type('thunder');
    await (await page.waitForSelector('[data-client="thunderbird"]'))!.click();
    await textOf(page, 'h2, h1', /Mozilla Thunderbird/);
    const boxes = await page.$$('.steps input[type="checkbox"]');
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    await boxes[0]!.click();
    await boxes[2]!.click();
    expect(await textOf(page, '#progress-text', /2 of \d+/)).toMatch(/^2 of/);
    await page.screenshot({ path: 'test-results/firefox-popup-checklist.png', fullPage: true });
    await page.close();

    page = await firefox.open(POPUP);
    await until(page, 'document.querySelectorAll(".steps input[type=checkbox]").length >= 4');
    const ticked = await page.$$eval('.steps input[type="checkbox"]', (inputs) => inputs.map((input) => (input as HTMLInputElement).checked));
    expect(ticked.slice(0, 3)).toEqual([true, false, true]);
    expect(await textOf(page, '#progress-text', /2 of \d+/)).toMatch(/^2 of/);
    // Kept in the extension's own storage.local, under this installation's UUID.
    const stored = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { storage: { local: { get(key: null): Promise<Record<string, unknown>> } } } }).browser;
      return JSON.stringify(await api.storage.local.get(null));
    });
    expect(stored).toContain('thunderbird');

    await (await byText(page, 'button', 'Start over')).click();
    expect(await textOf(page, '#progress-text', /^0 of/)).toMatch(/^0 of/);
    await page.close();
  });

  it('checks localhost through the real service and "Use these settings" fills the checklist', async () => {
    await firefox.reset();
    const page = await firefox.open(POPUP);
    await (await page.waitForSelector('input[type="search"]'))!.type('thunderbird');
    await (await page.waitForSelector('[data-client="thunderbird"]'))!.click();
    await (await byText(page, 'button', 'Check server')).click();
    await typeInto(await byLabel(page, 'Email address, domain or server'), 'localhost');
    await (await byText(page, 'button', 'Check')).click();
    const sentence = await textOf(page, '[data-testid="recommendation"]', /port (587|465)/, 45_000);
    const states = await page.$$eval('.ports tr[data-port]', (rows) => rows.map((row) => `${row.getAttribute('data-port')}:${row.getAttribute('data-state')}`));
    for (const port of [25, 465, 587]) expect(states).toContain(`${port}:ok`);
    // Postfix offers AUTH after TLS on 587 and 465 only, never on 25.
    expect(await textOf(page, '.ports tr[data-port="25"]', /no login offered/)).toBeTruthy();
    expect(await textOf(page, '.ports tr[data-port="587"]', /PLAIN/)).toBeTruthy();
    await page.screenshot({ path: 'test-results/firefox-popup-check.png', fullPage: true });

    // The running and finished check lives in storage.session, which Firefox has had since 115.
    const session = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { storage: { session: { get(key: string): Promise<Record<string, { status?: string }>> } } } }).browser;
      return (await api.storage.session.get('check')).check?.status ?? null;
    });
    expect(session).toBe('done');

    const port = sentence.includes('port 465') ? '465' : '587';
    await (await byText(page, 'button', 'Use these settings')).click();
    expect(await textOf(page, '[data-testid="target-port"]', /^\d+$/)).toBe(port);
    expect(await textOf(page, '[data-testid="target-server"]', /\S/)).toBe('localhost');
    expect(await textOf(page, '[data-testid="target-security"]', /\S/)).toBe(port === '465' ? 'SSL/TLS' : 'STARTTLS');
    expect(await textOf(page, '.steps [data-kind="port"]', /25 to \d+/)).toContain(`25 to ${port}`);
    await textOf(page, 'body', /Tested on your server\./);
    await page.close();
  });
});
