/**
 * The options page in Firefox (`options_ui`): settings are saved, a broken import is refused with its
 * reason and changes nothing, and a good import replaces the settings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { ALL_SITES } from '../../src/extension/settings/options-schema';
import { byLabel, byText, launchFirefox, OPTIONS, textOf, typeInto, untilChrome, WAIT_MS, type Firefox } from './firefox';

let firefox: Firefox;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'spa-firefox-import-'));
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function importFile(page: Page, name: string, content: string): Promise<void> {
  const file = join(folder, name);
  writeFileSync(file, content);
  const input = (await page.waitForSelector('#import-file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
}

/** The value of the field a label names, once it equals `expected` (or whatever it holds when time is up). */
async function valueOf(page: Page, label: string, expected: string): Promise<string> {
  await page
    .waitForFunction(
      (text: string, wanted: string) => {
        const element = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text);
        return (element?.control as HTMLInputElement | null)?.value === wanted;
      },
      { timeout: WAIT_MS },
      label,
      expected,
    )
    .catch(() => undefined);
  return (await byLabel(page, label)).evaluate((element) => (element as HTMLInputElement).value);
}

describe('options in Firefox', () => {
  it('refuses a malformed import with its reason, keeps the saved settings, and takes a good one', async () => {
    let page = await firefox.open(OPTIONS);
    await textOf(page, 'h1', /SMTP Port Assistant options/);
    await typeInto(await byLabel(page, 'Profile name'), 'Example ISP support');
    await typeInto(await byLabel(page, 'Outgoing server to prefill'), 'smtp.example.net');
    await (await byText(page, 'button', 'Save')).click();
    await textOf(page, 'body', /Saved\./);

    await importFile(page, 'broken.json', '{"format": "smtp-port-assistant-settings", ');
    expect(await textOf(page, '[role="alert"]', /Import failed, nothing was changed: the file stops too early \(line 1, column 44\)/)).toBeTruthy();
    await importFile(
      page,
      'wrong-port.json',
      JSON.stringify({ format: 'smtp-port-assistant-settings', version: 1, serviceUrl: 'https://probe.example.org', profile: { allowedPorts: [22] } }),
    );
    expect(await textOf(page, '[role="alert"]', /port 22 is not one of 25, 465, 587 or 2525\./)).toBeTruthy();
    await page.close();

    page = await firefox.open(OPTIONS);
    await textOf(page, 'h1', /SMTP Port Assistant options/);
    expect(await valueOf(page, 'Profile name', 'Example ISP support')).toBe('Example ISP support');
    expect(await valueOf(page, 'Outgoing server to prefill', 'smtp.example.net')).toBe('smtp.example.net');

    await importFile(
      page,
      'good.json',
      JSON.stringify({
        format: 'smtp-port-assistant-settings',
        version: 1,
        serviceUrl: 'https://probe.example.org/',
        profile: { name: 'Imported desk', helpDomains: ['Help.Example.org'], outgoingServer: 'mail.example.org', allowedPorts: [587, 465], authMethod: 'check-mail-first' },
      }),
    );
    await textOf(page, 'body', /Settings imported\./);
    expect(await valueOf(page, 'Probe service URL', 'https://probe.example.org')).toBe('https://probe.example.org');
    expect(await valueOf(page, 'Help-centre and webmail domains', 'help.example.org')).toBe('help.example.org');
    expect(await valueOf(page, 'Profile name', 'Imported desk')).toBe('Imported desk');
    const checkFirst = await byLabel(page, 'Check mail before sending (POP/IMAP before SMTP)');
    expect(await checkFirst.evaluate((element) => (element as HTMLInputElement).checked)).toBe(true);
    await page.screenshot({ path: 'test-results/firefox-options.png', fullPage: true });
    await page.close();
  });

  it('"On all sites" asks in Firefox\'s prompt, registers the hint for every site, and gives it back', async () => {
    const page = await firefox.open(OPTIONS);
    const state = () =>
      page.evaluate(async (all: string) => {
        type Api = {
          permissions: { contains(p: object): Promise<boolean> };
          scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        const scripts = await api.scripting.getRegisteredContentScripts();
        return { granted: await api.permissions.contains({ origins: [all] }), scripts: scripts.map((script) => `${script.id} ${script.matches?.join(',')}`) };
      }, ALL_SITES);
    expect(await state()).toEqual({ granted: false, scripts: [] });

    await (await byLabel(page, 'On all sites')).click();
    const prompt = await untilChrome<string>(
      firefox,
      `(() => { const note = PopupNotifications.getNotification('addon-webext-permissions');
        const shown = PopupNotifications.panel.firstElementChild;
        return note && shown?.button ? shown.textContent.replace(/\\s+/g, ' ') : null; })()`,
    );
    expect(prompt).toContain('Access your data for all websites');
    await firefox.chrome(`(() => { PopupNotifications.panel.firstElementChild.button.click(); return true; })()`);
    await page.waitForFunction(
      async (all: string) => {
        const api = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<Array<{ matches?: string[] }>> } } }).browser;
        return (await api.scripting.getRegisteredContentScripts()).some((script) => script.matches?.includes(all));
      },
      { timeout: WAIT_MS },
      ALL_SITES,
    );
    expect(await state()).toEqual({ granted: true, scripts: [`page-hint-extra-sites ${ALL_SITES}`] });

    await (await byLabel(page, 'On all sites')).click();
    await page.waitForFunction(
      async () => {
        const api = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }).browser;
        return (await api.scripting.getRegisteredContentScripts()).length === 0;
      },
      { timeout: WAIT_MS },
    );
    expect(await state()).toEqual({ granted: false, scripts: [] });
    await page.close();
  });
});
