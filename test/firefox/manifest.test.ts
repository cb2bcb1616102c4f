/**
 * The Firefox build as Firefox itself reads it: the keys that differ from Chrome's manifest, and every
 * page and script the manifest names really in the package (crxjs builds only what it knows of).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../src/cli/install-host';
import { launchFirefox, OPTIONS, type Firefox } from './firefox';

let firefox: Firefox;

beforeAll(async () => {
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

interface Manifest {
  key?: string | null;
  side_panel?: unknown;
  sidebar_action?: { default_panel: string };
  background: { scripts?: string[]; service_worker?: string | null };
  permissions: string[];
  optional_permissions: string[];
  commands: Record<string, { suggested_key?: { default?: string } }>;
  options_ui: { page: string };
  action: { default_popup: string };
  content_scripts: Array<{ js: string[] }>;
  browser_specific_settings: { gecko: { id: string; data_collection_permissions: { required: string[] } } };
}

describe('the Firefox build in Firefox', () => {
  it('is read with a sidebar, background scripts, the gecko id and no data collection', async () => {
    const page = await firefox.open(OPTIONS);
    const manifest = await page.evaluate(() => (globalThis as unknown as { browser: { runtime: { getManifest(): unknown } } }).browser.runtime.getManifest() as Manifest);
    // Firefox fills keys it knows but the manifest left out with null.
    expect(manifest.key ?? null).toBeNull();
    expect(manifest.side_panel ?? null).toBeNull();
    // Firefox hands the panel back as a full URL of this installation.
    expect(manifest.sidebar_action?.default_panel).toBe(`${firefox.origin}/src/extension/agent/index.html`);
    expect(manifest.background.service_worker ?? null).toBeNull();
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.permissions).toContain('contextMenus');
    expect(manifest.optional_permissions).toEqual(['nativeMessaging']);
    expect(manifest.commands['open-agent-mode']?.suggested_key?.default).toBe('Ctrl+Shift+Y');
    expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toMatchObject({ required: ['none'] });

    // Every file the manifest names loads from the extension's own origin.
    const files = [
      manifest.sidebar_action!.default_panel,
      manifest.options_ui.page,
      manifest.action.default_popup,
      ...manifest.background.scripts!,
      ...manifest.content_scripts.flatMap((script) => script.js),
    ];
    const statuses = await page.evaluate(
      async (paths: string[]) => Promise.all(paths.map(async (path) => `${path} ${(await fetch(new URL(path, `${location.origin}/`))).ok ? 'ok' : 'missing'}`)),
      files,
    );
    expect(statuses).toEqual(files.map((file) => `${file} ok`));
    await page.close();
  });
});
